"""What every evaluation returns, and how bench files are read."""

from __future__ import annotations

import json
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsweave.execution.executor import Executor
    from newsweave.model import Article, Document, Rejection

Record = dict[str, Any]
Writer = Callable[[Record], None]


@dataclass
class EvalReport:
    """Metric name -> value, plus how many items were scored."""

    kind: str
    items: int
    metrics: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def document_origin(path: Path, record: Record, doc: Record, index: int) -> str:
    """Origin of one document of a multi-document record: ``file/record/doc``.

    It ends in a per-document name so that each document gets its own source label
    (the bench files carry no outlet names).
    """
    name = str(doc.get("id") or index).replace(":", "-").replace("/", "-")
    return f"{path.name}/{record['id']}/{name}"


def prepared_records(
    records: Iterable[Record], documents: Callable[[Record], list[Document]],
    executor: Executor | None = None,
) -> Iterator[tuple[Record, list[Article | Rejection]]]:
    """Each record with its ``documents`` prepared as one group (cleaned together).

    With ``executor`` the preparation runs there, the next records' while this one is
    scored; the results are those of ``prepare_documents`` either way.
    """
    from newsweave.execution.preparation import prepare_groups

    pending: deque[Record] = deque()

    def groups() -> Iterator[list[Document]]:
        for record in records:
            pending.append(record)
            yield documents(record)

    for results in prepare_groups(groups(), executor):
        yield pending.popleft(), results


def read_jsonl(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


CALIBRATION_HALF = "a"  # thresholds are fitted on half "a" only; "b" checks them


def split_half(record_id: str) -> str:
    """The fixed half ("a" or "b") of a dev set an id belongs to.

    Derived from the id alone (crc32 parity), so every evaluation splits a set the
    same way on every machine: calibrate on "a", report "a" and "b".
    """
    return "a" if zlib.crc32(record_id.encode("utf-8")) % 2 == 0 else "b"
