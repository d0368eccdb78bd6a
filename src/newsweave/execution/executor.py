"""Where per-item work runs. The local executor maps in-process; others plug in here.

Per-article preparation and per-story briefs are independent across items, so any
executor with ``map`` can run them; the fold-and-assign barrier between them stays in
the single writer that owns the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

from newsweave.errors import NotImplementedPathError

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    """Runs ``fn`` over items and yields results in input order."""

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...


class LocalExecutor:
    """In this process, one item after another."""

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return map(fn, items)


EXECUTORS = ("local",)


def get_executor(name: str) -> Executor:
    """The executor called ``name``; the multi-process and Ray ones are not built yet."""
    if name == "local":
        return LocalExecutor()
    if name in {"processes", "ray"}:
        raise NotImplementedPathError(
            f"the {name!r} executor is not built yet; use --executor local"
        )
    raise ValueError(f"unknown executor {name!r}; choose one of {', '.join(EXECUTORS)}")
