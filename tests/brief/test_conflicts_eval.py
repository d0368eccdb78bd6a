"""The conflicts scorer on hand-made records, the baseline and the field mapping."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsweave.errors import InputError
from newsweave.evaluate.base import split_half
from newsweave.evaluate.conflicts import (
    baseline_predictions,
    gold_verdict,
    load_verdicts,
    mention_matches,
    precision,
    predict_record,
    run,
    score,
    unjudged,
    verdict,
    with_halves,
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


def judged_line(event: str, verdict: str, *mentions: tuple[str, str]) -> dict[str, Any]:
    return {"event": event, "mentions": [list(m) for m in mentions], "verdict": verdict,
            "why": "test"}


def write_lines(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_gold_verdicts_real_borderline_false_or_none() -> None:
    assert gold_verdict(RECORD, pred(("d1", "12"), ("d2", "18"))["mentions"]) == "real"
    assert gold_verdict(RECORD, pred(("d3", "18 cars"), ("d1", "12"))["mentions"]) == "borderline"
    assert gold_verdict(RECORD, pred(("d3", "Nine"), ("d2", "18"))["mentions"]) == "false"
    assert gold_verdict(RECORD, pred(("d1", "hurt"), ("d3", "shops"))["mentions"]) is None


def test_a_gold_conflict_outranks_a_compatible_item() -> None:
    record = {**RECORD, "compatible": [
        {"type": "count", "borderline": False, "subject": "same values",
         "mentions": [gold("d1", "12", 12), gold("d2", "18", 12)]}]}
    assert gold_verdict(record, pred(("d1", "12"), ("d2", "18"))["mentions"]) == "real"


def test_judged_verdicts_match_the_set_of_normalised_values(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "j.jsonl", [
        judged_line("event-1", "false", ("d1", "hurt"), ("d3", "Shops"))])
    verdicts = load_verdicts([path])
    assert verdict(RECORD, pred(("d3", "shops!"), ("d1", "Hurt"))["mentions"], verdicts) == "false"
    assert verdict(RECORD, pred(("d3", "shops"), ("d2", "hurt"))["mentions"], verdicts) is None
    other = {**RECORD, "id": "event-9"}
    assert verdict(other, pred(("d1", "hurt"), ("d3", "shops"))["mentions"], verdicts) is None


def test_the_gold_set_decides_before_the_judged_files(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "j.jsonl", [
        judged_line("event-1", "false", ("d1", "12"), ("d2", "18"))])
    assert verdict(RECORD, pred(("d1", "12"), ("d2", "18"))["mentions"],
                   load_verdicts([path])) == "real"


@pytest.mark.parametrize("row", [
    {"event": "event-1", "mentions": [["d1", "12"]], "verdict": "maybe"},
    {"event": "event-1", "verdict": "real"},
    {"event": "event-1", "mentions": [["d1"]], "verdict": "real"},
])
def test_a_bad_judged_line_names_its_file_and_line(tmp_path: Path, row: dict[str, Any]) -> None:
    path = write_lines(tmp_path / "j.jsonl", [judged_line("e", "real", ("d1", "1")), row])
    with pytest.raises(InputError, match=r"j\.jsonl:2"):
        load_verdicts([path])


def test_precision_counts_judged_predictions_only(tmp_path: Path) -> None:
    verdicts = load_verdicts([write_lines(tmp_path / "j.jsonl", [
        judged_line("event-1", "real", ("d1", "hurt"), ("d3", "burned")),
        judged_line("event-1", "false", ("d2", "hurt"), ("d3", "burned"))])])
    preds = [pred(("d1", "12"), ("d2", "18")),          # gold: real
             pred(("d3", "18 cars"), ("d1", "12")),     # gold: borderline
             pred(("d3", "Nine"), ("d2", "18")),        # gold: false
             pred(("d1", "hurt"), ("d3", "burned")),    # judged: real
             pred(("d2", "hurt"), ("d3", "burned")),    # judged: false
             pred(("d1", "said"), ("d2", "said")),      # no verdict
             pred(("d1", "12"), ("d1", "hurt"), ("d2", "x"))]  # void: one doc, two values
    m = precision([(RECORD, preds)], verdicts)
    assert (m["judged"], m["unjudged"]) == (5, 1)
    assert m["precision"] == 0.6
    assert m["strict_precision"] == 0.4
    (line,) = unjudged([(RECORD, preds)], verdicts)
    assert line["event"] == "event-1"
    assert line["mentions"] == [["d1", "said"], ["d2", "said"]]


def test_every_metric_is_reported_on_each_half() -> None:
    ids = [f"event-{i}" for i in range(12)]
    records = [{**RECORD, "id": i} for i in ids]
    pairs = [(r, [pred(("d1", "12"), ("d2", "18"))] if split_half(r["id"]) == "a" else [])
             for r in records]
    m = with_halves(pairs, lambda p: p[0]["id"], lambda part: {**score(part),
                                                               **precision(part, {})})
    halves = {h: sum(split_half(i) == h for i in ids) for h in "ab"}
    assert all(halves.values()), "the ids should fall in both halves"
    assert m["recall[a]"] == 1.0 and m["recall[b]"] == 0.0
    assert m["judged[a]"] == halves["a"] and m["judged[b]"] == 0
    assert m["conflicts_per_event"] == pytest.approx(halves["a"] / len(ids), abs=1e-4)
    assert {k for k in m if "[" not in k} == {k.split("[")[0] for k in m if k.endswith("[b]")}


def test_run_reports_precision_and_hands_out_unjudged_with_sentences(tmp_path: Path) -> None:
    record: dict[str, Any] = {
        "id": "event-3",
        "documents": [
            {"id": "a", "title": None, "source": "Daily One",
             "text": "The officer fired 11 shots at the car, the report says."},
            {"id": "b", "title": None, "source": "Daily Two",
             "text": "The report says the officer fired nine shots at the car."},
        ],
        "conflicts": [], "compatible": [],
    }
    lines: list[dict[str, Any]] = []
    todo: list[dict[str, Any]] = []
    report = run([record], lines.append, tmp_path / "dev.jsonl", judged=[],
                 write_unjudged=todo.append)
    assert len(lines[0]["conflicts"]) == 1
    assert report.metrics["unjudged"] == 1 and report.metrics["judged"] == 0
    (line,) = todo
    assert sorted(line["mentions"]) == [["a", "11"], ["b", "nine"]]
    docs = {d["id"]: d["text"] for d in record["documents"]}
    for (doc, _), sentence in zip(line["mentions"], line["sentences"], strict=True):
        assert sentence and sentence in docs[doc]
    path = write_lines(tmp_path / "dev-judged.jsonl", [
        judged_line("event-3", "real", ("a", "11"), ("b", "Nine"))])
    report = run([record], lines.append, tmp_path / "dev.jsonl", write_unjudged=todo.append)
    assert report.metrics["precision"] == 1.0 and report.metrics["unjudged"] == 0
    assert str(path) in report.notes[0]
    assert len(todo) == 1
