"""Executors: the seam where per-chunk work can move to other processes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from newsweave.execution.executor import LocalExecutor, ProcessExecutor, get_executor
from newsweave.execution.ingest import ingest_paths
from newsweave.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


class RecordingExecutor:
    """Runs like the local one and counts the items it was given."""

    def __init__(self) -> None:
        self.items = 0

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any],
            on_error: Callable[[Any, BaseException], Any] | None = None) -> Iterator[Any]:
        for item in items:
            self.items += 1
            yield fn(item)

    def close(self) -> None:
        """Nothing to release."""


def test_ingest_runs_preparation_through_the_executor(tmp_path: Path) -> None:
    executor = RecordingExecutor()
    with Store(tmp_path / "a.db") as store:
        summary = ingest_paths(store, [str(CORPUS)], executor=executor)
        partition = {frozenset(s.article_ids) for s in store.stories()}
    assert executor.items >= 1
    assert (summary.new, summary.duplicates) == (5, 2)
    with Store(tmp_path / "b.db") as store:
        ingest_paths(store, [str(CORPUS)])
        assert {frozenset(s.article_ids) for s in store.stories()} == partition


def test_named_executors() -> None:
    assert isinstance(get_executor("local"), LocalExecutor)
    processes = get_executor("processes", 3)
    assert isinstance(processes, ProcessExecutor) and processes.workers == 3
    processes.close()  # no worker was started: nothing to wait for
    with pytest.raises(ValueError, match="unknown executor"):
        get_executor("gpu")
