"""``newsweave eval``: run a stage of the real pipeline on a benchmark file and score it."""

from __future__ import annotations

import importlib
import json
import time
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from types import ModuleType
from typing import IO, TYPE_CHECKING, Any, cast

import click

from newsweave.evaluate.base import EvalReport, Record, Writer, read_jsonl, split_half

if TYPE_CHECKING:
    from newsweave.execution.executor import Executor, ExecutorSpec

KINDS = {
    "pages": "newsweave.evaluate.pages",
    "plaintext": "newsweave.evaluate.plaintext",
    "stories": "newsweave.evaluate.stories",
    "roundups": "newsweave.evaluate.roundups",
    "conflicts": "newsweave.evaluate.conflicts",
    "facts": "newsweave.evaluate.facts",
    "alignment": "newsweave.evaluate.alignment",
}
# Kinds scored against readers' verdicts: the evaluation data's own file, then the
# project's (``evaluation/judged/<kind>-<set stem>.jsonl`` from the working
# directory, the repository root), then any named with --judged.
JUDGED_KINDS = ("conflicts", "facts")
CLEANING_KINDS = ("pages", "plaintext")  # clean only: their workers need no model
OWN_VERDICTS = Path("evaluation") / "judged"


def run_eval(
    kind: str, file: Path, predictions: Path, *, stream: bool = False,
    limit: int | None = None, judged: Sequence[Path] = (), half: str | None = None,
    executor: ExecutorSpec | None = None,
) -> EvalReport:
    """Score ``kind`` on ``file``, write predictions, print the metrics table.

    For the judged kinds, predictions no verdict decides are written beside the
    predictions as ``<stem>-unjudged.jsonl``; ``facts`` scores only the events some
    verdict speaks of. ``half`` ("a" or "b") keeps only the records of that fixed
    half of the set (``split_half``): calibrate on one, report both. ``executor``
    says where documents are prepared (default: here); the figures are the same.
    """
    module = importlib.import_module(KINDS[kind])
    files = verdict_files(kind, module, file, judged) if kind in JUDGED_KINDS else []
    records: Iterator[Record] = read_jsonl(file)
    if kind == "facts":
        records = module.select(records, module.load_verdicts(files))
    if half is not None:
        records = (r for r in records if split_half(str(r["id"])) == half)
    if limit is not None:
        records = islice(records, limit)
    predictions.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    runner = _open(executor, kind)
    try:
        with predictions.open("w", encoding="utf-8") as out:
            report = _run(module, kind, records, _writer(out), file, predictions,
                          stream=stream, judged=files, executor=runner)
    finally:
        if runner is not None:
            runner.close()
    seconds = time.perf_counter() - started
    click.echo(format_report(report, file, seconds))
    return report


def verdict_files(kind: str, module: ModuleType, file: Path, extra: Sequence[Path]) -> list[Path]:
    """The verdict files of a judged kind that exist, in the order they decide."""
    own = OWN_VERDICTS / f"{kind}-{file.stem}.jsonl"
    found = [p for p in (module.shared_verdicts(file), own) if p.is_file()]
    return [*found, *(p for p in extra if p not in found)]


def unjudged_path(predictions: Path) -> Path:
    return predictions.with_name(f"{predictions.stem}-unjudged.jsonl")


def _open(spec: ExecutorSpec | None, kind: str) -> Executor | None:
    """The executor ``spec`` names, its workers loading the models ``kind`` uses once;
    None for this process, where each evaluation prepares its documents as it always
    has."""
    if spec is None or spec.name == "local":
        return None
    from newsweave.execution.executor import open_executor
    from newsweave.execution.workers import load_models

    return open_executor(spec, initializer=None if kind in CLEANING_KINDS else load_models)


def _run(module: ModuleType, kind: str, records: Iterator[Record], write: Writer,
         file: Path, predictions: Path, *, stream: bool, judged: list[Path],
         executor: Executor | None) -> EvalReport:
    options: dict[str, Any] = {"executor": executor}
    if kind == "stories":
        options["stream"] = stream
    if kind not in JUDGED_KINDS:
        return cast(EvalReport, module.run(records, write, file, **options))
    path = unjudged_path(predictions)
    with path.open("w", encoding="utf-8") as un:
        report = cast(EvalReport, module.run(records, write, file, judged=judged,
                                             write_unjudged=_writer(un), **options))
    report.notes.append(f"unjudged items written to {path}")
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
