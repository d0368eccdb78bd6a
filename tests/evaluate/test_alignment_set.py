"""The hand-labelled alignment set is well-formed against the bench it points into."""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from newsweave.evaluate.base import read_jsonl, split_half
from newsweave.extract.sentences import split_sentences

PAIRS = Path(__file__).resolve().parents[2] / "evaluation" / "alignment" / "pairs.jsonl"
LABELS = frozenset({"same", "related", "different"})
MIN_PAIRS_PER_HALF = 150
MIN_EVENTS = 20


@cache
def _boundaries(text: str) -> frozenset[tuple[int, int]]:
    return frozenset((s.start, s.end) for s in split_sentences(text))


def _pairs() -> list[dict[str, Any]]:
    with PAIRS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _span(side: dict[str, Any]) -> tuple[str, str, int, int]:
    return side["doc"], side["field"], side["start"], side["end"]


def _side_problem(side: dict[str, Any], docs: dict[str, dict[str, Any]]) -> str | None:
    doc = docs.get(side["doc"])
    if doc is None:
        return f"unknown document {side['doc']}"
    text = doc.get(side["field"]) or ""
    if not 0 <= side["start"] < side["end"] <= len(text):
        return f"span {side['start']}:{side['end']} outside {side['field']} ({len(text)} chars)"
    if (side["start"], side["end"]) not in _boundaries(text):
        return f"span {side['start']}:{side['end']} is not one sentence of the splitter"
    return None


@pytest.mark.bench
def test_pairs_point_at_whole_sentences_of_two_documents(bench_dir: Path) -> None:
    events = {r["id"]: r for r in read_jsonl(bench_dir / "conflicts" / "dev.jsonl")}
    problems: list[str] = []
    for n, pair in enumerate(_pairs(), 1):
        record = events.get(pair["event"])
        if record is None:
            problems.append(f"line {n}: unknown event {pair['event']}")
            continue
        docs = {d["id"]: d for d in record["documents"]}
        if pair["a"]["doc"] == pair["b"]["doc"]:
            problems.append(f"line {n}: both sentences from {pair['a']['doc']}")
        for name in ("a", "b"):
            problem = _side_problem(pair[name], docs)
            if problem:
                problems.append(f"line {n} {name}: {problem}")
    assert not problems, problems[:10]


def test_pairs_are_labelled_once_and_cover_both_halves() -> None:
    pairs = _pairs()
    assert all(p["label"] in LABELS for p in pairs)
    assert all(p["stratum"] and p["why"].strip() for p in pairs)
    keys = Counter((p["event"], *sorted(_span(s) for s in (p["a"], p["b"]))) for p in pairs)
    assert [k for k, n in keys.items() if n > 1] == []
    per_half = Counter(split_half(p["event"]) for p in pairs)
    assert per_half["a"] >= MIN_PAIRS_PER_HALF and per_half["b"] >= MIN_PAIRS_PER_HALF, per_half
    assert len({p["event"] for p in pairs}) >= MIN_EVENTS
