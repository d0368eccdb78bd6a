"""The facts scorer: text keys, verdict matching, counts per kind and half, the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsweave.cli.evaluation import run_eval
from newsweave.errors import InputError
from newsweave.evaluate.base import read_jsonl, split_half
from newsweave.evaluate.facts import (
    TEXT_KEY_CHARS,
    brief_items,
    item_key,
    load_verdicts,
    run,
    score,
    select,
    text_digest,
    text_key,
)

RECORD: dict[str, Any] = {
    "id": "event-f",
    "documents": [
        {"id": "f1", "title": "Flood closes bridge in Karvik", "source": "Daily One",
         "text": "A flood closed the old stone bridge in Karvik on Tuesday after three days "
                 "of heavy rain. The river rose two metres above its usual level, the town "
                 "council said. Local bakers handed out free bread to families who left "
                 "their homes near the water."},
        {"id": "f2", "title": "Karvik bridge shut by flood", "source": "Daily Two",
         "text": "The old stone bridge in Karvik was closed by a flood on Tuesday after "
                 "three days of heavy rain. The river rose two metres above its usual level, "
                 "according to the town council. Engineers will inspect the arches of the "
                 "bridge next week before it can reopen to traffic."},
    ],
}


def item(kind: str, text: str, *sources: str, story: str = "s1") -> dict[str, Any]:
    return {"kind": kind, "story": story, "text": text, "sources": list(sources)}


def verdict(kind: str, text: str, sources: list[str], right: bool,
            story: str = "s1") -> dict[str, Any]:
    return {"kind": kind, "story": story, "text": text, "sources": sources,
            "verdict": "right" if right else "wrong", "why": "test"}


def write_lines(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_text_key_lowers_collapses_trims_and_cuts() -> None:
    assert text_key("  The river—rose 2 m!  ") == "the river rose 2 m"
    assert text_key("“Quoted,” he said.") == "quoted he said"
    assert len(text_key("word " * 200)) == TEXT_KEY_CHARS


def test_items_match_verdicts_on_kind_story_sorted_sources_and_text(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "v.jsonl", [
        verdict("agreed", "The river rose two metres.", ["nyt", "fox"], True)])
    verdicts = load_verdicts([path])
    assert item_key(item("agreed", "the river  rose two metres", "fox", "nyt")) in verdicts
    for other in (item("single", "The river rose two metres.", "fox", "nyt"),
                  item("agreed", "The river rose two metres.", "fox", "nyt", story="s2"),
                  item("agreed", "The river rose two metres.", "fox"),
                  item("agreed", "The river rose three metres.", "fox", "nyt")):
        assert item_key(other) not in verdicts


def test_a_verdict_can_name_its_text_by_digest(tmp_path: Path) -> None:
    row = verdict("single", "Engineers will inspect it.", ["hpo"], False)
    row["text_sha1"] = text_digest(row.pop("text"))
    verdicts = load_verdicts([write_lines(tmp_path / "v.jsonl", [row])])
    assert verdicts[item_key(item("single", "engineers will inspect it", "hpo"))] is False


def test_the_first_file_to_judge_an_item_decides(tmp_path: Path) -> None:
    first = write_lines(tmp_path / "1.jsonl", [verdict("single", "A.", ["x"], True)])
    second = write_lines(tmp_path / "2.jsonl", [verdict("single", "A.", ["x"], False)])
    assert list(load_verdicts([first, second]).values()) == [True]
    assert list(load_verdicts([second, first]).values()) == [False]


@pytest.mark.parametrize("row", [
    {"kind": "agreed", "story": "s1", "text": "A.", "sources": ["x"], "verdict": "maybe"},
    {"kind": "both", "story": "s1", "text": "A.", "sources": ["x"], "verdict": "right"},
    {"kind": "agreed", "story": "s1", "sources": ["x"], "verdict": "right"},
])
def test_a_bad_verdict_line_names_its_file_and_line(tmp_path: Path, row: dict[str, Any]) -> None:
    path = write_lines(tmp_path / "v.jsonl", [verdict("single", "B.", ["x"], True), row])
    with pytest.raises(InputError, match=r"v\.jsonl:2"):
        load_verdicts([path])


def test_score_counts_right_judged_and_unjudged_per_kind(tmp_path: Path) -> None:
    rows = [verdict("agreed", "A.", ["x", "y"], True), verdict("agreed", "B.", ["x", "y"], False),
            verdict("single", "C.", ["x"], False)]
    verdicts = load_verdicts([write_lines(tmp_path / "v.jsonl", rows)])
    items = [item("agreed", "A.", "y", "x"), item("agreed", "A.", "x", "y"),
             item("agreed", "B.", "x", "y"), item("agreed", "D.", "x", "y"),
             item("single", "C.", "x"), item("single", "E.", "y")]
    m = score([("s1", items)], verdicts)
    assert m["agreed_right"] == pytest.approx(2 / 3, abs=1e-4)
    assert (m["agreed_judged"], m["agreed_unjudged"]) == (3, 1)
    assert (m["single_right"], m["single_judged"], m["single_unjudged"]) == (0, 1, 1)


def test_select_keeps_the_events_with_verdicts(tmp_path: Path) -> None:
    records = [{"id": "s1"}, {"id": "s2"}, {"id": "s3"}]
    verdicts = load_verdicts([write_lines(tmp_path / "v.jsonl", [
        verdict("single", "A.", ["x"], True, story="s2")])])
    assert [r["id"] for r in select(records, verdicts)] == ["s2"]
    assert [r["id"] for r in select(records, {})] == ["s1", "s2", "s3"]


@pytest.fixture(scope="module")
def items() -> list[dict[str, Any]]:
    return brief_items(RECORD, Path("dev.jsonl"))


def test_brief_items_name_sources_by_the_documents_source_field(
        items: list[dict[str, Any]]) -> None:
    assert {i["kind"] for i in items} == {"agreed", "single"}
    assert all(i["story"] == "event-f" for i in items)
    agreed = [i for i in items if i["kind"] == "agreed"]
    assert all(i["sources"] == ["Daily One", "Daily Two"] for i in agreed)
    assert all(len(i["sources"]) == 1 for i in items if i["kind"] == "single")


def test_run_scores_judged_items_and_hands_out_the_rest(
        tmp_path: Path, items: list[dict[str, Any]]) -> None:
    first = items[0]
    path = write_lines(tmp_path / "v.jsonl", [
        verdict(first["kind"], first["text"], first["sources"], True, story="event-f")])
    lines: list[dict[str, Any]] = []
    todo: list[dict[str, Any]] = []
    report = run([RECORD], lines.append, tmp_path / "dev.jsonl", judged=[path],
                 write_unjudged=todo.append)
    assert lines == items
    kind = first["kind"]
    assert report.metrics[f"{kind}_right"] == 1.0
    assert report.metrics[f"{kind}_judged"] == 1
    half = split_half("event-f")
    assert report.metrics[f"{kind}_judged[{half}]"] == 1
    assert report.metrics[f"{kind}_judged[{'b' if half == 'a' else 'a'}]"] == 0
    assert len(todo) == len(items) - 1
    assert all(t["text_sha1"] == text_digest(t["text"]) for t in todo)


def test_cli_scores_only_judged_events_and_writes_unjudged_beside(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, items: list[dict[str, Any]]) -> None:
    monkeypatch.chdir(tmp_path)
    other = {**RECORD, "id": "event-g"}
    bench = write_lines(tmp_path / "dev.jsonl", [other, RECORD])
    own = tmp_path / "evaluation" / "judged"
    own.mkdir(parents=True)
    first = items[0]
    write_lines(own / "facts-dev.jsonl", [
        verdict(first["kind"], first["text"], first["sources"], False, story="event-f")])
    predictions = tmp_path / "out" / "facts.jsonl"
    report = run_eval("facts", bench, predictions, limit=1)
    assert report.items == 1
    assert {r["story"] for r in read_jsonl(predictions)} == {"event-f"}
    assert report.metrics[f"{first['kind']}_right"] == 0.0
    unjudged = list(read_jsonl(tmp_path / "out" / "facts-unjudged.jsonl"))
    assert len(unjudged) == len(items) - 1


@pytest.mark.bench
def test_facts_eval_on_two_judged_events(bench_dir: Path) -> None:
    path = bench_dir / "conflicts" / "dev.jsonl"
    verdict_file = bench_dir / "facts" / "dev-judged.jsonl"
    events = list(select(read_jsonl(path), load_verdicts([verdict_file])))[:2]
    lines: list[dict[str, Any]] = []
    todo: list[dict[str, Any]] = []
    report = run(events, lines.append, path, write_unjudged=todo.append)
    assert report.items == 2
    ids = {e["id"] for e in events}
    assert lines and all(set(x) == {"kind", "story", "text", "sources"} for x in lines)
    assert {x["story"] for x in lines} <= ids
    outlets = {d["source"] for e in events for d in e["documents"]}
    assert all(x["sources"] == sorted(x["sources"]) and set(x["sources"]) <= outlets
               for x in lines)
    m = report.metrics
    for kind in ("agreed", "single"):
        shown = sum(x["kind"] == kind for x in lines)
        assert m[f"{kind}_judged"] + m[f"{kind}_unjudged"] == shown
        assert 0.0 <= m[f"{kind}_right"] <= 1.0
        assert m[f"{kind}_judged"] == m[f"{kind}_judged[a]"] + m[f"{kind}_judged[b]"]
    assert m["agreed_judged"] + m["single_judged"] > 0, "sources named as in the verdicts"
    assert len(todo) == m["agreed_unjudged"] + m["single_unjudged"]
