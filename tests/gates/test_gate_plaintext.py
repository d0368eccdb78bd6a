"""Quality gate: boilerplate removal on pages saved as plain text (aeb-text, 181 pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.evaluate.base import Record, read_jsonl
from newsweave.evaluate.plaintext import run

# Measured: P 0.8998, R 0.9373, F1 0.9182 on all 181 pages, ~5 s (doing nothing:
# F1 0.665). Floors only go up.
F1_FLOOR = 0.90
PRECISION_FLOOR = 0.885


@pytest.mark.bench
def test_plaintext_f1_floor(bench_dir: Path) -> None:
    path = bench_dir / "plaintext" / "aeb-text.jsonl"
    written: list[Record] = []
    report = run(read_jsonl(path), written.append, path)
    assert report.items == 181 and len(written) == 181
    assert set(written[0]) == {"id", "text"}
    assert report.metrics["f1"] >= F1_FLOOR
    assert report.metrics["precision"] >= PRECISION_FLOOR
