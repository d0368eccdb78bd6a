"""``newsweave eval``: run a stage of the real pipeline on a benchmark file and score it."""

from __future__ import annotations

import importlib
import json
import time
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO

import click

from newsweave.evaluate.base import EvalReport, Record, read_jsonl

KINDS = {
    "pages": "newsweave.evaluate.pages",
    "plaintext": "newsweave.evaluate.plaintext",
    "stories": "newsweave.evaluate.stories",
    "roundups": "newsweave.evaluate.roundups",
    "conflicts": "newsweave.evaluate.conflicts",
}


def run_eval(
    kind: str, file: Path, predictions: Path, *, stream: bool = False, limit: int | None = None
) -> EvalReport:
    """Score ``kind`` on ``file``, write predictions, print the metrics table."""
    module = importlib.import_module(KINDS[kind])
    records: Iterator[Record] = read_jsonl(file)
    if limit is not None:
        records = islice(records, limit)
    predictions.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with predictions.open("w", encoding="utf-8") as out:
        write = _writer(out)
        if kind == "stories":
            report: EvalReport = module.run(records, write, file, stream=stream)
        else:
            report = module.run(records, write, file)
    seconds = time.perf_counter() - started
    click.echo(format_report(report, file, seconds))
    return report


def _writer(out: IO[str]) -> Callable[[Record], None]:
    def write(record: Record) -> None:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")

    return write


def format_report(report: EvalReport, file: Path, seconds: float) -> str:
    rate = report.items / seconds if seconds > 0 else 0.0
    lines = [f"{report.kind} on {file.name}: {report.items} items in {seconds:.1f} s "
             f"({rate:.2f} items/s)"]
    width = max((len(k) for k in report.metrics), default=0)
    for name, value in report.metrics.items():
        lines.append(f"  {name:<{width}}  {value:.4f}")
    lines.extend(f"  note: {n}" for n in report.notes)
    return "\n".join(lines)
