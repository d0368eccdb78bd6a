"""Quality gate: the brief's summary on NeuS roundups (ROUGE F1 x100).

Runs the real pipeline (clean, annotate, build_brief) on every second record of
``roundups/neus-val.jsonl`` (154 of 307, deterministic) to stay well under a minute
on a 2-core machine. Raise a floor when a change lifts the score; never lower it
without saying why.
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest

from newsweave.evaluate import roundups
from newsweave.evaluate.base import Record, read_jsonl

SUBSAMPLE_STEP = 2  # every second record: 154 stories, ~25 s
# Measured on the subsample: 41.11 / 17.90 / 26.84 (full val, 307: 41.8 / 18.1 / 27.3;
# before the cross-source coverage prior 41.26 / 18.21 / 27.24, full 41.7 / 18.0 / 27.4;
# before the embedding-ranked summary 39.94 / 16.64 / 25.56). Floors sit ~1 point
# below: cleaning and annotation upstream move the score too.
FLOOR_ROUGE1 = 40.2
FLOOR_ROUGE2 = 17.2
FLOOR_ROUGEL = 26.2


@pytest.mark.bench
def test_roundups_rouge_floors(bench_dir: Path) -> None:
    path = bench_dir / "roundups" / "neus-val.jsonl"
    written: list[Record] = []
    records = islice(read_jsonl(path), 0, None, SUBSAMPLE_STEP)
    report = roundups.run(records, written.append, path)
    assert report.items == len(written) == 154
    assert all(set(r) == {"id", "summary"} for r in written)
    assert report.metrics["rouge1"] >= FLOOR_ROUGE1
    assert report.metrics["rouge2"] >= FLOOR_ROUGE2
    assert report.metrics["rougeL"] >= FLOOR_ROUGEL


def test_roundups_run_on_an_invented_record(tmp_path: Path) -> None:
    record: Record = {
        "id": "demo:1",
        "documents": [
            {"id": "d:0", "title": "Brisk floods", "source": None,
             "text": "Heavy rain flooded the lower town of Brisk on Sunday night, forcing "
                     "about 300 residents from their homes. The fire brigade opened the "
                     "sports hall as a shelter."},
            {"id": "d:1", "title": "Rain floods Brisk", "source": None,
             "text": "About 300 residents left their homes after heavy rain flooded the "
                     "lower town of Brisk on Sunday. The river is expected to fall by "
                     "Tuesday, the mayor said."},
        ],
        "reference": "Heavy rain flooded the lower town of Brisk, forcing about 300 "
                     "residents from their homes.",
    }
    written: list[Record] = []
    report = roundups.run([record], written.append, tmp_path / "demo.jsonl")
    assert report.kind == "roundups" and report.items == 1
    assert written[0]["id"] == "demo:1" and "flooded" in written[0]["summary"]
    assert set(report.metrics) == {"rouge1", "rouge2", "rougeL"}
    assert report.metrics["rouge1"] > 40
