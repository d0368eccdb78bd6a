"""What every list page needs and only an ingest changes, kept until the store changes.

The story order and the source names cost a scan of every story; the list page would
pay it on each request. They are kept with a signature of the store's files (size and
modification time of the database and its write-ahead log): any committed write
changes one of them, and the next request reads afresh.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from newsweave.store.browse import newest_story_ids, source_names

Signature = tuple[int, ...]


def signature(db: Path) -> Signature:
    out: list[int] = []
    for path in (db, db.with_name(db.name + "-wal")):
        try:
            st = os.stat(path)
        except FileNotFoundError:
            out += [0, 0, 0]
            continue
        out += [st.st_ino, st.st_size, st.st_mtime_ns]
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Snapshot:
    key: Signature
    ids: tuple[str, ...]  # every story, newest first
    sources: tuple[str, ...]


class SnapshotCache:
    """The latest snapshot of one store, shared by the server's threads."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self._lock = threading.Lock()
        self._current: Snapshot | None = None

    def get(self, conn: sqlite3.Connection) -> Snapshot:
        # The signature is read before the data: a write that lands in between
        # changes the signature again, so the snapshot is never kept past it.
        key = signature(self.db)
        current = self._current
        if current is not None and current.key == key:
            return current
        snap = Snapshot(key, tuple(newest_story_ids(conn)), tuple(source_names(conn)))
        with self._lock:
            self._current = snap
        return snap
