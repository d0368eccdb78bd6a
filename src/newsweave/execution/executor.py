"""Where per-item work runs: in this process, in worker processes, or on Ray.

Per-article preparation is independent across items, so any executor with ``map``
can run it; the fold-and-assign barrier after it stays in the single writer that owns
the store. Every executor yields results in input order, and keeps only a few items
per worker in flight, so a long input streams through in bounded memory.

An item whose function raises, or whose worker dies under it, gives
``on_error(item, exc)`` in its place when ``on_error`` is given, and raises at that
item otherwise (as a plain loop would); the other items go on either way.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Protocol, TypeVar

from newsweave.errors import NewsweaveError

T = TypeVar("T")
R = TypeVar("R")

OnError = Callable[[T, BaseException], R]
Initializer = Callable[[], None]

EXECUTORS = ("local", "processes", "ray")
# Items submitted per worker before the first result is awaited: two keep every worker
# busy while the writer folds a result, and bound what is held in memory.
IN_FLIGHT_PER_WORKER = 2
RAY_EXTRA = "pip install 'newsweave[ray]'"


class WorkerDied(NewsweaveError):
    """A worker process ended while running an item (killed, out of memory, crashed)."""


class Executor(Protocol):
    """Runs ``fn`` over items and yields results in input order."""

    def map(self, fn: Callable[[T], R], items: Iterable[T],
            on_error: OnError[T, R] | None = None) -> Iterator[R]: ...

    def close(self) -> None: ...


def default_workers() -> int:
    """The CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class ExecutorSpec:
    """Which executor to build: its name, worker count and, for Ray, a cluster."""

    name: str = "local"
    workers: int = 1
    ray_address: str | None = None  # default: env RAY_ADDRESS, else a local instance


def get_executor(name: str, workers: int | None = None, *, ray_address: str | None = None,
                 initializer: Initializer | None = None) -> Executor:
    """The executor called ``name``; the caller closes it.

    ``initializer`` runs once in each worker before its first item (for the
    processes executor; on Ray, before each item, so it must be cheap when repeated).
    """
    count = workers or default_workers()
    if name == "local":
        return LocalExecutor()
    if name == "processes":
        return ProcessExecutor(count, initializer)
    if name == "ray":
        from newsweave.execution.ray_executor import RayExecutor

        return RayExecutor(count, ray_address, initializer)
    raise ValueError(f"unknown executor {name!r}; choose one of {', '.join(EXECUTORS)}")


def open_executor(spec: ExecutorSpec, initializer: Initializer | None = None) -> Executor:
    """The executor ``spec`` names."""
    return get_executor(spec.name, spec.workers, ray_address=spec.ray_address,
                        initializer=initializer)


def outcome(fn: Callable[[T], R], item: T, on_error: OnError[T, R] | None) -> R:
    """``fn(item)``, or ``on_error(item, exc)`` when it raises and ``on_error`` is given."""
    try:
        return fn(item)
    except Exception as exc:
        if on_error is None:
            raise
        return on_error(item, exc)


class LocalExecutor:
    """In this process, one item after another."""

    def map(self, fn: Callable[[T], R], items: Iterable[T],
            on_error: OnError[T, R] | None = None) -> Iterator[R]:
        for item in items:
            yield outcome(fn, item, on_error)

    def close(self) -> None:
        """Nothing to release."""


class ProcessExecutor:
    """In ``workers`` worker processes on this machine, started once and reused.

    Workers are spawned, not forked: a fork would copy the caller's model threads
    (ONNX Runtime, BLAS) in whatever state they were, and could hang. ``fn`` and the
    items must be picklable (``fn`` a module-level function).
    """

    def __init__(self, workers: int, initializer: Initializer | None = None) -> None:
        self.workers = max(1, workers)
        self._initializer = initializer
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: Callable[[T], R], items: Iterable[T],
            on_error: OnError[T, R] | None = None) -> Iterator[R]:
        pending: deque[tuple[T, Future[R]]] = deque()
        for item in items:
            pending.append((item, self._submit(fn, item)))
            if len(pending) >= self.workers * IN_FLIGHT_PER_WORKER:
                yield self._next(fn, pending, on_error)
        while pending:
            yield self._next(fn, pending, on_error)

    def close(self) -> None:
        """Stop the workers; items not started are dropped."""
        self._discard_pool()

    def _submit(self, fn: Callable[[T], R], item: T) -> Future[R]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"),
                                             initializer=self._initializer)
        try:
            return self._pool.submit(fn, item)
        except BrokenProcessPool as exc:  # died before this item's turn: handled there
            failed: Future[R] = Future()
            failed.set_exception(exc)
            return failed

    def _next(self, fn: Callable[[T], R], pending: deque[tuple[T, Future[R]]],
              on_error: OnError[T, R] | None) -> R:
        item, future = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            return self._after_death(fn, item, pending, on_error)
        except Exception as exc:
            if on_error is None:
                raise
            return on_error(item, exc)

    def _after_death(self, fn: Callable[[T], R], item: T,
                     pending: deque[tuple[T, Future[R]]], on_error: OnError[T, R] | None) -> R:
        """A worker died, and every item in flight failed with it.

        Which item killed it is unknown, so this one runs again alone in fresh
        workers: if it dies again it is the one, and only it fails; the others are
        submitted again behind it.
        """
        self._discard_pool()
        try:
            result = self._submit(fn, item).result()
        except BrokenProcessPool:
            self._discard_pool()
            failure = WorkerDied("a worker process died while running this item alone "
                                 "(killed, out of memory or crashed)")
            if on_error is None:
                raise failure from None
            result = on_error(item, failure)
        except Exception as exc:
            if on_error is None:
                raise
            result = on_error(item, exc)
        for i, (other, future) in enumerate(pending):
            if not _succeeded(future):
                pending[i] = (other, self._submit(fn, other))
        return result

    def _discard_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _succeeded(future: Future[R]) -> bool:
    """Whether ``future`` holds a result (without waiting for it)."""
    return future.done() and not future.cancelled() and future.exception() is None


def call_in_worker(initializer: Initializer | None, fn: Callable[[T], R], item: T) -> R:
    """Run ``initializer`` (idempotent, cheap once done) then ``fn(item)``: the task Ray runs."""
    if initializer is not None:
        initializer()
    return fn(item)
