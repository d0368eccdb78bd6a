"""The Ray executor: items run as Ray tasks, on a cluster or a local instance.

Ray is an optional extra (``pip install 'newsweave[ray]'``), imported when the
executor is built so that a missing install fails before any work starts.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from newsweave.errors import NewsweaveError
from newsweave.execution.executor import (
    IN_FLIGHT_PER_WORKER,
    RAY_EXTRA,
    Initializer,
    OnError,
    WorkerDied,
    call_in_worker,
)

T = TypeVar("T")
R = TypeVar("R")


def _import_ray() -> Any:
    """The ``ray`` module (typed loosely: newsweave uses a handful of its calls)."""
    try:
        return importlib.import_module("ray")
    except ImportError as exc:
        raise NewsweaveError(
            f"the 'ray' executor needs Ray, which is not installed: {RAY_EXTRA} "
            "(or use --executor processes)"
        ) from exc


class RayExecutor:
    """Items as Ray tasks of one CPU each, at most a few per worker in flight.

    Connects to ``address`` (else the ``RAY_ADDRESS`` environment variable) when
    given, otherwise starts a local instance with ``workers`` CPUs; ``close`` shuts
    down what this executor started, and leaves alone a Ray its caller had started.
    Models load once per Ray worker process (their loaders cache per process), and
    Ray reuses its workers across tasks. Failed tasks are not retried: a task that
    kills its worker is reported for its item.
    """

    def __init__(self, workers: int, address: str | None = None,
                 initializer: Initializer | None = None) -> None:
        self._ray = _import_ray()
        self.workers = max(1, workers)
        self._initializer = initializer
        self._owned = not self._ray.is_initialized()
        if self._owned:
            self._start(address or os.environ.get("RAY_ADDRESS"))
        self._task = self._ray.remote(num_cpus=1, max_retries=0)(call_in_worker)

    def _start(self, address: str | None) -> None:
        quiet = {"include_dashboard": False, "log_to_driver": False,
                 "logging_level": logging.WARNING}
        if address:
            self._ray.init(address=address, **quiet)
        else:  # "local": a fresh instance, never one some other program started
            self._ray.init(address="local", num_cpus=self.workers, **quiet)

    def map(self, fn: Callable[[T], R], items: Iterable[T],
            on_error: OnError[T, R] | None = None) -> Iterator[R]:
        fn_ref = self._ray.put(fn)
        pending: deque[tuple[T, Any]] = deque()
        for item in items:
            pending.append((item, self._task.remote(self._initializer, fn_ref, item)))
            if len(pending) >= self.workers * IN_FLIGHT_PER_WORKER:
                yield self._next(pending, on_error)
        while pending:
            yield self._next(pending, on_error)

    def close(self) -> None:
        """Shut Ray down if this executor started it."""
        if self._owned and self._ray.is_initialized():
            self._ray.shutdown()
        self._owned = False

    def _next(self, pending: deque[tuple[T, Any]], on_error: OnError[T, R] | None) -> R:
        item, ref = pending.popleft()
        exceptions = self._ray.exceptions
        try:
            result: R = self._ray.get(ref)
            return result
        except exceptions.RayTaskError as exc:
            failure: BaseException = _cause(exc)
        except exceptions.RayError as exc:  # the worker or its node went away
            failure = WorkerDied(f"a Ray worker died while running this item ({exc})")
        if on_error is None:
            raise failure
        return on_error(item, failure)


def _cause(exc: Any) -> BaseException:
    """The exception the task itself raised, as ``fn`` raised it where possible."""
    cause = getattr(exc, "cause", None)
    return cause if isinstance(cause, BaseException) else exc  # type: ignore[no-any-return]
