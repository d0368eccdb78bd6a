"""BCubed and pairwise scores on hand-made clusterings, and the stories eval end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.evaluate.base import Record
from newsweave.evaluate.stories import bcubed, flatten, pairwise, run

GOLD = {"a": 1, "b": 1, "c": 1, "d": 2}


def test_bcubed_known_values() -> None:
    got = bcubed({"a": "x", "b": "x", "c": "y", "d": "y"}, GOLD)
    assert got["precision"] == pytest.approx(0.75)
    assert got["recall"] == pytest.approx(2 / 3)
    assert got["f1"] == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


def test_bcubed_extremes() -> None:
    singletons = bcubed({k: k for k in GOLD}, GOLD)
    assert singletons["precision"] == 1.0
    assert singletons["recall"] == pytest.approx(0.5)
    lump = bcubed(dict.fromkeys(GOLD, "all"), GOLD)
    assert lump["precision"] == pytest.approx(10 / 16)
    assert lump["recall"] == 1.0
    assert bcubed(GOLD, GOLD) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_pairwise_known_values() -> None:
    got = pairwise({"a": "x", "b": "x", "c": "y", "d": "y"}, GOLD)
    assert got["precision"] == pytest.approx(0.5)
    assert got["recall"] == pytest.approx(1 / 3)
    assert got["f1"] == pytest.approx(0.4)


def test_metrics_need_the_same_items() -> None:
    with pytest.raises(ValueError):
        bcubed({"a": 1}, GOLD)
    with pytest.raises(ValueError):
        pairwise({"a": 1}, GOLD)


QUAKE = (
    "A magnitude 6.4 earthquake struck eastern Taiwan on Wednesday, toppling a hotel in "
    "Hualien and killing at least nine people, Taiwan's fire agency said. Rescuers "
    "searched the rubble of the Marshal Hotel through the night."
)
QUAKE_2 = (
    "Rescuers in Hualien pulled two survivors from the tilted Marshal Hotel on Thursday, a "
    "day after the magnitude 6.4 earthquake in eastern Taiwan killed nine people. The "
    "fire agency said 62 people were still missing in the city."
)
BUDGET = (
    "Norway's parliament approved the 2025 budget on Friday after the minority government "
    "won support from the Centre Party in Oslo, ending weeks of talks over fuel taxes and "
    "spending on hospitals in the north of the country."
)


def test_run_writes_a_story_per_record(tmp_path: Path) -> None:
    records: list[Record] = [
        {"id": "q1", "title": "Quake hits Taiwan", "text": QUAKE, "gold_story": "q"},
        {"id": "q2", "title": "Survivors found", "text": QUAKE_2, "gold_story": "q"},
        {"id": "b1", "title": "Budget passes", "text": BUDGET, "gold_story": "b"},
        {"id": "e1", "title": "Only a title", "text": "", "gold_story": "e"},
    ]
    written: list[Record] = []
    report = run(records, written.append, tmp_path / "tiny.jsonl")
    story = {w["id"]: w["story"] for w in written}
    assert sorted(story) == ["b1", "e1", "q1", "q2"]
    assert story["q1"] == story["q2"] != story["b1"]
    assert story["e1"] not in {story["q1"], story["b1"]}  # rejected: its own story
    assert report.items == 4
    assert report.metrics["bcubed_f1"] == 1.0
    streamed = run(records, lambda _: None, tmp_path / "tiny.jsonl", stream=True)
    assert streamed.metrics["bcubed_f1"] == 1.0


def test_a_roundup_record_is_one_story_of_its_documents(tmp_path: Path) -> None:
    records: list[Record] = [
        {"id": "ev-quake", "reference": "A quake in Taiwan.", "documents": [
            {"id": "ev-quake:0", "title": "Quake hits Taiwan", "text": QUAKE, "source": None},
            {"id": "ev-quake:1", "title": "Survivors found", "text": QUAKE_2, "source": None},
        ]},
        {"id": "ev-budget", "reference": "Norway's budget.", "documents": [
            {"id": "ev-budget:0", "title": "Budget passes", "text": BUDGET, "source": None},
        ]},
    ]
    flat = list(flatten(records))
    assert [(r["id"], r["gold_story"]) for r in flat] == [
        ("ev-quake:0", "ev-quake"), ("ev-quake:1", "ev-quake"), ("ev-budget:0", "ev-budget")]
    written: list[Record] = []
    report = run(records, written.append, tmp_path / "roundups.jsonl", stream=True)
    story = {w["id"]: w["story"] for w in written}
    assert story["ev-quake:0"] == story["ev-quake:1"] != story["ev-budget:0"]
    assert report.items == 3 and report.metrics["bcubed_f1"] == 1.0
