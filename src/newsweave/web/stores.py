"""One read-only store per server thread, opened on first use and kept.

Opening a store (file checks, connection, pragmas) costs about 0.7 ms, a third of
answering a list or brief page; the server's worker threads are few and long-lived,
so each keeps its connection. A connection reads the file it opened: when the path
now names another file (a store removed and written anew) or none, it is reopened,
and an SQLite failure closes it so that the next request starts afresh.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsweave.store import Store
from newsweave.store.opening import store_error


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


class ThreadStores:
    """Read-only stores of ``db``, one per thread."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self._local = threading.local()

    def _current(self) -> Store:
        held: tuple[Store, tuple[int, int] | None] | None = getattr(self._local, "held", None)
        identity = _identity(self.db)
        if held is not None and (identity is None or held[1] != identity):
            held[0].close()
            held = None
        if held is None:
            # Store() raises a one-line StoreError for a missing or foreign file.
            held = (Store(self.db, readonly=True), identity)
            self._local.held = held
        return held[0]

    @contextmanager
    def open(self) -> Iterator[Store]:
        """This thread's store; an SQLite failure inside leaves as one StoreError."""
        store = self._current()
        try:
            yield store
        except sqlite3.Error as exc:
            self._local.held = None
            store.close()
            raise store_error(self.db, exc) from exc
