"""The conflicts scorer on hand-made records, the baseline and the field mapping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsweave.evaluate.conflicts import (
    baseline_predictions,
    mention_matches,
    predict_record,
    score,
)


def gold(doc: str, value: str, start: int, field: str = "text") -> dict[str, Any]:
    return {"doc": doc, "field": field, "value": value, "start": start,
            "end": start + len(value)}


RECORD: dict[str, Any] = {
    "id": "event-1",
    "documents": [
        {"id": "d1", "title": None, "text": "Police said 12 people were hurt.", "source": None},
        {"id": "d2", "title": None, "text": "Police said 18 people were hurt.", "source": None},
        {"id": "d3", "title": None, "text": "Nine shops and 18 cars burned.", "source": None},
    ],
    "conflicts": [
        {"type": "count", "borderline": False, "subject": "injured",
         "mentions": [gold("d1", "12 people", 12), gold("d2", "18 people", 12)]},
        {"type": "count", "borderline": True, "subject": "cars",
         "mentions": [gold("d3", "18 cars", 15), gold("d1", "12", 12)]},
    ],
    "compatible": [
        {"type": "count", "borderline": False, "subject": "shops vs people",
         "mentions": [gold("d3", "Nine shops", 0), gold("d2", "18", 12)]},
    ],
}


def pred(*mentions: tuple[str, str]) -> dict[str, Any]:
    return {"mentions": [{"doc": d, "value": v} for d, v in mentions]}


def test_mentions_match_by_span_or_by_normalised_value() -> None:
    g = gold("d1", "12 people", 12)
    assert mention_matches({"doc": "d1", "value": "xx", "field": "text", "start": 14,
                            "end": 16}, g)
    assert mention_matches({"doc": "d1", "value": "12"}, g)
    assert mention_matches({"doc": "d1", "value": "12 People!"}, g)
    assert not mention_matches({"doc": "d2", "value": "12"}, g)
    assert not mention_matches({"doc": "d1", "value": "13"}, g)
    assert not mention_matches({"doc": "d1", "value": "xx", "field": "title", "start": 14,
                                "end": 16}, g)


def test_recall_false_alarms_and_rate() -> None:
    preds = [pred(("d1", "12"), ("d2", "18")), pred(("d3", "Nine"), ("d2", "18"))]
    m = score([(RECORD, preds)])
    assert m["recall"] == 1.0
    assert m["borderline_recall"] == 0.0
    assert m["false_alarm_rate"] == 1.0
    assert m["conflicts_per_event"] == 2.0


def test_a_hit_needs_two_documents() -> None:
    m = score([(RECORD, [pred(("d1", "12"), ("d3", "Nine"))])])
    assert m["recall"] == 0.0


def test_two_values_from_one_document_void_the_prediction() -> None:
    m = score([(RECORD, [pred(("d1", "12"), ("d1", "hurt"), ("d2", "18"))])])
    assert m["recall"] == 0.0


def test_baseline_flags_every_pair_of_differing_numbers() -> None:
    preds = baseline_predictions(RECORD)
    pairs = {tuple(sorted(m["value"] for m in p["mentions"])) for p in preds}
    assert ("12", "18") in pairs
    assert all(len({m["doc"] for m in p["mentions"]}) == 2 for p in preds)
    m = score([(RECORD, preds)])
    assert m["recall"] == 1.0 and m["false_alarm_rate"] == 0.0


def test_predictions_map_back_to_title_and_text() -> None:
    record: dict[str, Any] = {
        "id": "event-2",
        "documents": [
            {"id": "a", "title": "Officer fired 11 shots at the car, report says.",
             "text": "The report was released on Monday by the city council in full.",
             "source": "Daily One"},
            {"id": "b", "title": "Report released.",
             "text": "The report says the officer fired nine shots at the car on the night.",
             "source": "Daily Two"},
        ],
    }
    (p,) = predict_record(record, Path("dev.jsonl"))
    by_doc = {m["doc"]: m for m in p["mentions"]}
    a, b = by_doc["a"], by_doc["b"]
    assert a["field"] == "title"
    assert record["documents"][0]["title"][a["start"] : a["end"]] == "11"
    assert b["field"] == "text"
    assert record["documents"][1]["text"][b["start"] : b["end"]] == "nine"


@pytest.mark.parametrize("value", ["", "--"])
def test_empty_values_never_match(value: str) -> None:
    assert not mention_matches({"doc": "d1", "value": value}, gold("d1", "--", 0))
