"""Story clustering evaluation: BCubed and pairwise precision/recall/F1 over articles.

Records (``stories/*.jsonl``, or ``roundups/*.jsonl`` with each record's documents as
one story) become documents, go through the pipeline's article preparation (clean +
annotate) and are clustered in batch (default) or one at a time in file order
(``stream=True``, with the re-checks and merges an ingest makes). A record the
pipeline rejects (empty or too short text) is its own story. Measured figures and
floors: tests/gates/test_gate_stories.py; the cluster thresholds' calibration tables
sit beside the constants in newsweave/cluster.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Mapping
from math import comb
from pathlib import Path
from typing import TYPE_CHECKING

from newsweave.cluster import StoryIndex, cluster_batch
from newsweave.evaluate.base import EvalReport, Record, Writer
from newsweave.model import Article, Document, Rejection, content_id

if TYPE_CHECKING:
    from newsweave.execution.executor import Executor


def _f1(precision: float, recall: float) -> float:
    """Harmonic mean (0 when both are 0)."""
    total = precision + recall
    return 0.0 if total == 0 else 2 * precision * recall / total


def bcubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> dict[str, float]:
    """BCubed precision, recall and F1 (Bagga & Baldwin 1998; Amigó et al. 2009).

    For each item, precision is the share of its predicted cluster that shares its
    gold class, recall the share of its gold class inside its predicted cluster; both
    are averaged over items. ``predicted`` and ``gold`` must cover the same items.
    """
    if set(predicted) != set(gold):
        raise ValueError("predicted and gold must label the same items")
    if not gold:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    joint = Counter((predicted[i], gold[i]) for i in gold)
    pred_size = Counter(predicted[i] for i in gold)
    gold_size = Counter(gold.values())
    p = sum(joint[(predicted[i], gold[i])] / pred_size[predicted[i]] for i in gold)
    r = sum(joint[(predicted[i], gold[i])] / gold_size[gold[i]] for i in gold)
    precision, recall = p / len(gold), r / len(gold)
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def pairwise(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> dict[str, float]:
    """Pairwise precision, recall and F1 over item pairs placed together.

    With no pair predicted together precision is 1; with no gold pair recall is 1.
    """
    if set(predicted) != set(gold):
        raise ValueError("predicted and gold must label the same items")
    joint = Counter((predicted[i], gold[i]) for i in gold)
    together = sum(comb(n, 2) for n in joint.values())
    pred_pairs = sum(comb(n, 2) for n in Counter(predicted[i] for i in gold).values())
    gold_pairs = sum(comb(n, 2) for n in Counter(gold.values()).values())
    precision = together / pred_pairs if pred_pairs else 1.0
    recall = together / gold_pairs if gold_pairs else 1.0
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def to_document(record: Record, origin: str) -> Document:
    """A bench record as the plain-text document the pipeline reads."""
    return Document(
        origin=origin,
        # ECB+ moved each article's first sentence into ``title``; some records hold
        # nothing else. The title then is the article as printed.
        content=record.get("text") or record.get("title") or "",
        format="text",
        title=record.get("title"),
        source=record.get("source"),
        published=record.get("published"),
        url=record.get("url"),
    )


def flatten(records: Iterable[Record]) -> Iterator[Record]:
    """Story records as they are; a roundup record's documents as articles of one story.

    A ``roundups/*.jsonl`` record (several outlets on one event) becomes one record per
    document, in order, each with the event's id as ``gold_story``: short, undated
    texts, the hardest input for story assignment.
    """
    for record in records:
        if "documents" not in record:
            yield record
            continue
        for doc in record["documents"]:
            yield {"id": doc["id"], "title": doc.get("title"), "text": doc.get("text") or "",
                   "published": None, "source": doc.get("source"), "url": None,
                   "gold_story": record["id"]}


def prepare(records: list[Record], path: Path,
            executor: Executor | None = None) -> list[Article | Rejection]:
    """One pipeline result per record, in order (origins are ``path:LINE``); prepared
    on ``executor`` when given, with the same results."""
    from newsweave.execution.preparation import prepare_groups

    docs = [to_document(r, f"{path}:{i + 1}") for i, r in enumerate(records)]
    results = next(prepare_groups([docs], executor))
    if len(results) != len(records):
        raise RuntimeError(f"{path}: pipeline returned {len(results)} results for {len(records)}")
    return results


def predict(results: list[Article | Rejection], *, stream: bool = False) -> list[str]:
    """A story id per pipeline result; a rejection is a story of its own."""
    articles = [x for x in results if isinstance(x, Article)]
    if stream:
        index = StoryIndex()
        for article in articles:
            index.assign(article)
        index.settle()  # as an ingest does at the end of each batch
        # Where two stories merged later on, the earlier article is in the survivor.
        stories = {a.id: index.story_of(a.id) or "" for a in articles}
    else:
        stories = cluster_batch(articles)
    return [
        stories[x.id] if isinstance(x, Article) else content_id("s", "rejected", x.origin)
        for x in results
    ]


def score(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """BCubed and pairwise figures under flat metric names."""
    out = {f"bcubed_{k}": v for k, v in bcubed(predicted, gold).items()}
    out.update({f"pairwise_{k}": v for k, v in pairwise(predicted, gold).items()})
    return out


def run(
    records: Iterable[Record], write: Writer, path: Path, *, stream: bool = False,
    executor: Executor | None = None,
) -> EvalReport:
    """Cluster the articles of a stories file and score them against ``gold_story``.

    Writes ``{"id", "story"}`` per record; the report carries BCubed and pairwise
    precision/recall/F1 over records, with ``stream`` choosing incremental assignment
    in file order instead of batch clustering.
    """
    recs = list(flatten(records))
    results = prepare(recs, path, executor)
    stories = predict(results, stream=stream)
    for rec, story in zip(recs, stories, strict=True):
        write({"id": rec["id"], "story": story})
    predicted = {r["id"]: s for r, s in zip(recs, stories, strict=True)}
    gold = {r["id"]: r["gold_story"] for r in recs}
    rejected = sum(isinstance(x, Rejection) for x in results)
    mode = "stream" if stream else "batch"
    notes = [f"{mode} mode; {rejected} records rejected by the pipeline (singleton stories)"]
    return EvalReport("stories", len(recs), score(predicted, gold), notes)
