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
  clear compatible items, ``conflicts_per_event`` = predicted conflicts / events.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from newsweave.brief.conflicts import find_conflicts
from newsweave.evaluate.base import EvalReport, Record, Writer, document_origin
from newsweave.model import Article, Conflict, Document
from newsweave.pipeline import prepare_documents

Mention = dict[str, Any]
Prediction = dict[str, Any]  # {"mentions": [Mention, ...]}
TITLE_SEPARATOR = "\n\n"
_NORM = re.compile(r"[^0-9a-z]+")
_DIGITS = re.compile(r"\d+(?:[.,]\s?\d+)*")


def run(records: Iterable[Record], write: Writer, path: Path) -> EvalReport:
    """Predict and score the conflicts of every event of ``records`` (read from ``path``).

    Writes one ``{"id", "conflicts"}`` line per event in the set's prediction format
    and returns recall, borderline recall, false-alarm rate and conflicts per event.
    """
    pairs: list[tuple[Record, list[Prediction]]] = []
    for record in records:
        predicted = predict_record(record, path)
        write({"id": record["id"], "conflicts": predicted})
        pairs.append((record, predicted))
    metrics = score(pairs)
    return EvalReport(kind="conflicts", items=len(pairs), metrics=metrics)


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
    docs = story_documents(record, path)
    by_article: dict[str, Record] = {}
    articles: list[Article] = []
    for raw, result in zip(record["documents"], prepare_documents(docs), strict=True):
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
        mention: Mention = {"doc": raw["id"], "value": side.value}
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
