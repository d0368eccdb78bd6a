"""Evaluate conflict detection on hand-annotated events (``conflicts/*.jsonl``).

Each record is one event: its documents go through the product's pipeline (clean,
annotate) and ``find_conflicts``; each predicted side is mapped back to the document
and field (``title`` or ``text``) it came from. Scoring follows the set's README:

- a predicted conflict naming two different values from one document is ignored;
- a mention matches a gold mention when the document is the same and the value
  spans overlap (same field), or the normalised values (lower case, letters and
  digits only) contain one another;
- a predicted conflict hits a gold item when it matches mentions of the item in at
  least two different documents;
- ``recall`` = clear gold conflicts hit / clear gold conflicts, ``borderline_recall``
  the same on borderline ones, ``false_alarm_rate`` = clear compatible items hit /
  clear compatible items, ``conflicts_per_event`` = predicted conflicts / events;
- every valid prediction takes its verdict from the gold set first (it hits a gold
  conflict: real, or borderline when it hits only borderline ones; any compatible
  item: false), then from judged files (same event, same set of (document,
  normalised value)); ``precision`` = (real + borderline) / predictions with a verdict,
  ``strict_precision`` = real / the same, ``unjudged`` = predictions with none;
- every metric is also given on the fixed halves of the set (``recall[a]``, ...).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from newsweave.brief.conflicts import find_conflicts
from newsweave.errors import InputError
from newsweave.evaluate.base import (
    EvalReport,
    Record,
    Writer,
    document_origin,
    prepared_records,
    read_jsonl,
    split_half,
)
from newsweave.model import Article, Conflict, Document, Rejection
from newsweave.pipeline import prepare_documents

if TYPE_CHECKING:
    from newsweave.execution.executor import Executor

Mention = dict[str, Any]
Prediction = dict[str, Any]  # {"mentions": [Mention, ...]}
Pairs = Sequence[tuple[Record, list[Prediction]]]
JudgedKey = tuple[str, frozenset[tuple[str, str]]]  # event, {(doc, normalised value)}
Verdicts = dict[JudgedKey, str]
VERDICTS = ("real", "borderline", "false")
HALVES = ("a", "b")
TITLE_SEPARATOR = "\n\n"
_NORM = re.compile(r"[^0-9a-z]+")
_DIGITS = re.compile(r"\d+(?:[.,]\s?\d+)*")
T = TypeVar("T")


def run(records: Iterable[Record], write: Writer, path: Path, *,
        judged: Sequence[Path] | None = None,
        write_unjudged: Writer | None = None,
        executor: Executor | None = None) -> EvalReport:
    """Predict and score the conflicts of every event of ``records`` (read from ``path``).

    Writes one ``{"id", "conflicts"}`` line per event in the set's prediction format
    and returns recall, borderline recall, false-alarm rate, conflicts per event and
    precision, on the whole set and on each half. Verdicts come from the gold set,
    then from the ``judged`` files (default: the set's own ``<stem>-judged.jsonl``
    when present); every prediction left without one goes to ``write_unjudged`` as
    ``{"event", "mentions": [[doc, value], ...], "sentences": [...]}`` for a reader.
    ``executor`` runs the preparation of the documents (default: here).
    """
    files = list(judged) if judged is not None else existing([shared_verdicts(path)])
    verdicts = load_verdicts(files)
    pairs: list[tuple[Record, list[Prediction]]] = []
    events = prepared_records(records, partial(story_documents, path=path), executor)
    for record, results in events:
        predicted = predictions(record, results)
        write({"id": record["id"], "conflicts": predicted})
        pairs.append((record, predicted))
    metrics = with_halves(pairs, lambda p: str(p[0]["id"]),
                          lambda part: {**score(part), **precision(part, verdicts)})
    if write_unjudged is not None:
        for line in unjudged(pairs, verdicts):
            write_unjudged(line)
    notes = [f"verdicts from {', '.join(str(f) for f in files) or 'the gold set only'}"]
    return EvalReport(kind="conflicts", items=len(pairs), metrics=metrics, notes=notes)


def shared_verdicts(path: Path) -> Path:
    """Where a conflicts set keeps the verdicts on its predictions: beside it."""
    return path.with_name(f"{path.stem}-judged.jsonl")


def existing(paths: Iterable[Path]) -> list[Path]:
    return [p for p in paths if p.is_file()]


def with_halves(items: Sequence[T], record_id: Callable[[T], str],
                metrics: Callable[[Sequence[T]], dict[str, float]]) -> dict[str, float]:
    """``metrics`` of every item, then of each fixed half (keys suffixed ``[a]``, ``[b]``)."""
    out = metrics(items)
    for half in HALVES:
        part = [x for x in items if split_half(record_id(x)) == half]
        out.update({f"{name}[{half}]": value for name, value in metrics(part).items()})
    return out


def score(pairs: Sequence[tuple[Record, list[Prediction]]]) -> dict[str, float]:
    """The README's metrics over (gold record, predicted conflicts) pairs."""
    hits = {"clear": 0, "border": 0, "alarm": 0}
    totals = {"clear": 0, "border": 0, "alarm": 0}
    predicted = 0
    for record, preds in pairs:
        valid = [p["mentions"] for p in preds if _one_value_per_doc(p["mentions"])]
        predicted += len(preds)
        for item in record.get("conflicts", []):
            key = "border" if item.get("borderline") else "clear"
            totals[key] += 1
            hits[key] += any(_hits(m, item["mentions"]) for m in valid)
        for item in record.get("compatible", []):
            if not item.get("borderline"):
                totals["alarm"] += 1
                hits["alarm"] += any(_hits(m, item["mentions"]) for m in valid)
    return {
        "recall": _ratio(hits["clear"], totals["clear"]),
        "borderline_recall": _ratio(hits["border"], totals["border"]),
        "false_alarm_rate": _ratio(hits["alarm"], totals["alarm"]),
        "conflicts_per_event": _ratio(predicted, len(pairs)),
        "clear_conflicts": float(totals["clear"]),
        "clear_compatible": float(totals["alarm"]),
    }


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def _one_value_per_doc(mentions: list[Mention]) -> bool:
    seen: dict[str, str] = {}
    for m in mentions:
        value = normalise(str(m.get("value", "")))
        if seen.setdefault(str(m["doc"]), value) != value:
            return False
    return True


def normalise(value: str) -> str:
    """Lower case, letters and digits only."""
    return _NORM.sub("", value.lower())


def mention_matches(pred: Mention, gold: Mention) -> bool:
    """Same document, and overlapping spans or values containing one another."""
    if pred["doc"] != gold["doc"]:
        return False
    if _spans_overlap(pred, gold):
        return True
    a, b = normalise(str(pred.get("value", ""))), normalise(str(gold.get("value", "")))
    return bool(a and b) and (a in b or b in a)


def _spans_overlap(pred: Mention, gold: Mention) -> bool:
    if pred.get("field", "text") != gold.get("field") or "start" not in pred:
        return False
    return bool(pred["start"] < gold["end"] and gold["start"] < pred["end"])


def _hits(pred: list[Mention], gold: list[Mention]) -> bool:
    docs = {g["doc"] for g in gold for p in pred if mention_matches(p, g)}
    return len(docs) >= 2


def load_verdicts(paths: Iterable[Path]) -> Verdicts:
    """Verdicts of judged files, keyed by event and set of (document, normalised value).

    The first file to judge a prediction decides it.
    """
    verdicts: Verdicts = {}
    for path in paths:
        for n, row in enumerate(read_jsonl(path), 1):
            try:
                key = judged_key(str(row["event"]), [(str(d), str(v)) for d, v in row["mentions"]])
                verdict = str(row["verdict"])
            except (KeyError, TypeError, ValueError) as exc:
                raise InputError(f"{path}:{n}", "a verdict line needs event, mentions "
                                 f"[[doc, value], ...] and verdict ({exc!r})") from exc
            if verdict not in VERDICTS:
                raise InputError(f"{path}:{n}", f"verdict {verdict!r} is not one of {VERDICTS}")
            verdicts.setdefault(key, verdict)
    return verdicts


def judged_key(event: str, mentions: Iterable[tuple[str, str]]) -> JudgedKey:
    return event, frozenset((doc, normalise(value)) for doc, value in mentions)


def gold_verdict(record: Record, mentions: list[Mention]) -> str | None:
    """What the gold set says of a prediction: real, borderline, false or nothing."""
    hit = [bool(item.get("borderline")) for item in record.get("conflicts", [])
           if _hits(mentions, item["mentions"])]
    if hit:
        return "borderline" if all(hit) else "real"
    if any(_hits(mentions, item["mentions"]) for item in record.get("compatible", [])):
        return "false"
    return None


def verdict(record: Record, mentions: list[Mention], verdicts: Verdicts) -> str | None:
    """The gold set's verdict on a prediction, else a judged file's, else None."""
    found = gold_verdict(record, mentions)
    if found is None:
        key = judged_key(str(record["id"]), ((str(m["doc"]), str(m.get("value", "")))
                                             for m in mentions))
        found = verdicts.get(key)
    return found


def precision(pairs: Pairs, verdicts: Verdicts) -> dict[str, float]:
    """Share of judged predictions that are real or borderline (``strict``: real only).

    Predictions void under the scoring rules (two values from one document) are left out.
    """
    counts: Counter[str | None] = Counter()
    for record, preds in pairs:
        for p in preds:
            if _one_value_per_doc(p["mentions"]):
                counts[verdict(record, p["mentions"], verdicts)] += 1
    judged = counts["real"] + counts["borderline"] + counts["false"]
    return {
        "precision": _ratio(counts["real"] + counts["borderline"], judged),
        "strict_precision": _ratio(counts["real"], judged),
        "judged": float(judged),
        "unjudged": float(counts[None]),
    }


def unjudged(pairs: Pairs, verdicts: Verdicts) -> Iterable[Record]:
    """Every valid prediction without a verdict, with its sentences, for a reader."""
    for record, preds in pairs:
        for p in preds:
            ms = p["mentions"]
            if _one_value_per_doc(ms) and verdict(record, ms, verdicts) is None:
                yield {"event": record["id"],
                       "mentions": [[m["doc"], m.get("value", "")] for m in ms],
                       "sentences": [m.get("sentence", "") for m in ms]}


def baseline_predictions(record: Record) -> list[Prediction]:
    """Flag every pair of differing numbers across two documents (the README baseline)."""
    numbers: list[tuple[str, list[Mention]]] = []
    for doc in record["documents"]:
        found: dict[str, Mention] = {}
        for field in ("title", "text"):
            for m in _DIGITS.finditer(doc.get(field) or ""):
                found.setdefault(m.group(), {
                    "doc": doc["id"], "field": field, "value": m.group(),
                    "start": m.start(), "end": m.end(),
                })
        numbers.append((doc["id"], list(found.values())))
    out: list[Prediction] = []
    for i, (_, ms_a) in enumerate(numbers):
        for _, ms_b in numbers[i + 1 :]:
            out += [
                {"mentions": [a, b]} for a in ms_a for b in ms_b
                if normalise(a["value"]) != normalise(b["value"])
            ]
    return out


def story_documents(record: Record, path: Path) -> list[Document]:
    """The record's documents as plain text (title, blank line, text), one source each."""
    docs: list[Document] = []
    for i, doc in enumerate(record["documents"]):
        docs.append(Document(
            origin=document_origin(path, record, doc, i),
            content=_combined(doc),
            format="text",
            source=doc.get("source") or None,
            published=None,
        ))
    return docs


def _combined(doc: Record) -> str:
    title, text = doc.get("title"), doc.get("text") or ""
    return f"{title}{TITLE_SEPARATOR}{text}" if title else text


def predict_record(record: Record, path: Path) -> list[Prediction]:
    """Predicted conflicts of one event, each side mapped to its document and field."""
    return predictions(record, list(prepare_documents(story_documents(record, path))))


def predictions(record: Record, results: Sequence[Article | Rejection]) -> list[Prediction]:
    """Predicted conflicts of one event from its prepared documents, in record order."""
    by_article: dict[str, Record] = {}
    articles: list[Article] = []
    for raw, result in zip(record["documents"], results, strict=True):
        if isinstance(result, Article):
            articles.append(result)
            by_article[article_key(result.id, result.label)] = raw
    return [to_prediction(c, by_article) for c in find_conflicts(articles)]


def article_key(article_id: str, label: str) -> str:
    """Which raw document an article came from: two outlets can print the same
    text (one article id), so the source label tells them apart."""
    return f"{article_id}\x1f{label}"


def to_prediction(conflict: Conflict, by_article: dict[str, Record]) -> Prediction:
    """A conflict in the set's prediction format."""
    mentions: list[Mention] = []
    for side in conflict.sides:
        raw = by_article[article_key(side.citation.article_id, side.citation.source)]
        mention: Mention = {"doc": raw["id"], "value": side.value,
                            "sentence": side.citation.text}
        mention.update(_locate(raw, side.citation.text, side.value_start - side.citation.start,
                               side.value))
        mentions.append(mention)
    return {"mentions": mentions}


def _locate(raw: Record, sentence: str, offset: int, value: str) -> Mention:
    """Field and offsets of a value, found through its sentence in the raw document."""
    for field in ("title", "text"):
        body = raw.get(field) or ""
        at = body.find(sentence)
        if at >= 0 and body[at + offset : at + offset + len(value)] == value:
            return {"field": field, "start": at + offset, "end": at + offset + len(value)}
    return {}
