"""Evaluate the alignment on hand-labelled sentence pairs (``evaluation/alignment``).

Each labelled pair names two sentences of one event of a multi-document bench set
(``conflicts/dev.jsonl``) by document and character span. The event's documents go
through the product's pipeline; each labelled sentence is found in its article, and
the pair is scored by the product's pair model (``brief.align_score``) and placed by
the whole alignment (``brief.align``). Reported per fixed half:

- ``pair_precision`` / ``pair_recall`` / ``pair_f1``: link probability at or above
  ``LINK_PROBABILITY`` against the label "same";
- ``group_precision`` / ``group_recall``: the two sentences end in one fact;
- ``support_recall``: "same" or "related" pairs whose sentences reach
  ``SUPPORT_PROBABILITY`` (so neither is shown as single-source);
- ``unmapped``: labelled sentences not found in the cleaned article (cleaning cut them).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsweave.brief.align import Alignment, align
from newsweave.brief.align_score import (
    LINK_PROBABILITY,
    SUPPORT_PROBABILITY,
    PairFeatures,
    link_probability,
    pair_features,
)
from newsweave.evaluate.base import EvalReport, Record, Writer, read_jsonl, split_half
from newsweave.evaluate.conflicts import story_documents
from newsweave.execution.preparation import prepare_groups
from newsweave.extract.embeddings import CachedEmbedder
from newsweave.model import Article

if TYPE_CHECKING:
    from newsweave.execution.executor import Executor

POSITIVE = "same"
LABELS = ("same", "related", "different")


@dataclass(frozen=True, slots=True)
class ScoredPair:
    """One labelled pair as the product sees it."""

    event: str
    half: str
    label: str
    features: PairFeatures
    probability: float
    same_group: bool
    support: float  # the lower of the two sentences' support


@dataclass(frozen=True, slots=True)
class _Event:
    articles: dict[str, Article]  # bench document id -> article
    alignment: Alignment


def _sentence_ref(event: _Event, record: Record, side: Record) -> tuple[str, int] | None:
    """(article id, sentence index) of a labelled sentence, or None when cleaned away."""
    article = event.articles.get(str(side["doc"]))
    if article is None:
        return None
    raw = next(d for d in record["documents"] if str(d["id"]) == str(side["doc"]))
    text = str(raw.get(side.get("field", "text")) or "")[int(side["start"]):int(side["end"])]
    pos = article.text.find(text.strip())
    if not text.strip() or pos < 0:
        return None
    index = article.sentence_of(pos)
    return (article.id, index) if index >= 0 else None


def _prepare(record: Record, path: Path, embedder: CachedEmbedder,
             executor: Executor | None) -> _Event:
    results = next(prepare_groups([story_documents(record, path)], executor))
    articles: dict[str, Article] = {}
    for raw, result in zip(record["documents"], results, strict=True):
        if isinstance(result, Article):
            articles[str(raw["id"])] = result
    return _Event(articles, align(list(articles.values()), embedder))


def score_pairs(pairs: Iterable[Record], bench: Path, embedder: CachedEmbedder | None = None,
                executor: Executor | None = None) -> tuple[list[ScoredPair], int]:
    """Every labelled pair scored by the product; also the number not mapped.
    ``executor`` runs the preparation of each event's documents (default: here)."""
    embedder = embedder or CachedEmbedder()
    records = {str(r["id"]): r for r in read_jsonl(bench)}
    events: dict[str, _Event] = {}
    out: list[ScoredPair] = []
    unmapped = 0
    for pair in pairs:
        record = records[str(pair["event"])]
        if pair["event"] not in events:
            events[pair["event"]] = _prepare(record, bench, embedder, executor)
        scored = _score(events[pair["event"]], record, pair, embedder)
        if scored is None:
            unmapped += 1
        else:
            out.append(scored)
    return out, unmapped


def _score(event: _Event, record: Record, pair: Record,
           embedder: CachedEmbedder) -> ScoredPair | None:
    ref_a = _sentence_ref(event, record, pair["a"])
    ref_b = _sentence_ref(event, record, pair["b"])
    al = event.alignment
    if ref_a is None or ref_b is None or ref_a[0] == ref_b[0]:
        return None
    i, j = al.positions[ref_a], al.positions[ref_b]
    fa, fb = al.features[i], al.features[j]
    vectors = embedder.embed([fa.sentence.text, fb.sentence.text])
    features = pair_features(fa, fb, float(vectors[0] @ vectors[1]), float(al.similarity[i, j]))
    return ScoredPair(
        event=str(pair["event"]), half=split_half(str(pair["event"])), label=str(pair["label"]),
        features=features, probability=link_probability(features),
        same_group=al.membership[ref_a] == al.membership[ref_b],
        support=min(float(al.support[i]), float(al.support[j])),
    )


def _prf(predicted: Sequence[bool], gold: Sequence[bool]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    precision = tp / sum(predicted) if any(predicted) else 0.0
    recall = tp / sum(gold) if any(gold) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 4), round(recall, 4), round(f1, 4)


def metrics(scored: Sequence[ScoredPair]) -> dict[str, float]:
    """Pair, group and support figures of ``scored`` (see the module docstring)."""
    gold = [s.label == POSITIVE for s in scored]
    p, r, f = _prf([s.probability >= LINK_PROBABILITY for s in scored], gold)
    gp, gr, gf = _prf([s.same_group for s in scored], gold)
    stated = [s for s in scored if s.label != "different"]
    support = sum(s.support >= SUPPORT_PROBABILITY for s in stated) / len(stated) if stated else 0
    return {"pairs": float(len(scored)), "pair_precision": p, "pair_recall": r, "pair_f1": f,
            "group_precision": gp, "group_recall": gr, "group_f1": gf,
            "support_recall": round(support, 4)}


def run(records: Iterable[Record], write: Writer, path: Path, *,
        executor: Executor | None = None) -> EvalReport:
    """Score the labelled pairs of ``path`` (bench set: the ``bench`` field of its README
    line, default ``../shared/bench/conflicts/dev.jsonl`` beside the repo)."""
    scored, unmapped = score_pairs(records, bench_for(path), executor=executor)
    for s in scored:
        write({"event": s.event, "label": s.label, "probability": round(s.probability, 4),
               "same_group": s.same_group, "support": round(s.support, 4)})
    out = metrics(scored)
    for half in ("a", "b"):
        part = [s for s in scored if s.half == half]
        out.update({f"{k}[{half}]": v for k, v in metrics(part).items()})
    out["unmapped"] = float(unmapped)
    return EvalReport(kind="alignment", items=len(scored), metrics=out)


def bench_for(path: Path) -> Path:
    """The bench file the pairs of ``path`` point into (``NEWSWEAVE_BENCH`` or
    ``../shared/bench`` beside the repo)."""
    given = os.environ.get("NEWSWEAVE_BENCH")
    root = Path(given) if given else path.resolve().parents[2].parent / "shared" / "bench"
    return root / "conflicts" / "dev.jsonl"
