"""What every evaluation returns, and how bench files are read."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


def read_jsonl(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)
