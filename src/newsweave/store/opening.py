"""Opening a store file: the exact path, read-only for readers, foreign files refused.

Every connection goes through an SQLite URI built from the percent-encoded bytes of
the absolute path: a plain ``file:NAME`` URI cuts the name at ``#`` or ``?``, opens
another file read-write and creates it. Readers open with ``mode=ro`` and so never
create or change a file. A file that is not a newsweave store is refused before
anything writes to it, and every SQLite failure becomes one ``StoreError`` line that
names the store and the fix.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from pathlib import Path
from typing import IO
from urllib.parse import quote

from newsweave.errors import StoreError
from newsweave.store.migrations import MIGRATIONS

BUSY_TIMEOUT_MS = 30_000  # a reader may hold the WAL briefly; wait rather than fail
SQLITE_MAGIC = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite 3 file

# How each SQLite failure reads to the user: result-code name prefixes (set on
# errors raised by SQLite), message fragments (errors raised without a code), the
# line. Checked in order.
_FAILURES: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = (
    (("SQLITE_FULL",), ("disk is full",),
     "{path}: the disk is full ({error}); the batch in progress was not stored and "
     "committed batches are kept: free some space and run the same command again"),
    (("SQLITE_READONLY",), ("readonly database",),
     "{path}: the store is read-only ({error}): make the file and its folder writable, "
     "or copy it to a writable folder and pass the copy with --db"),
    (("SQLITE_CORRUPT", "SQLITE_NOTADB"), ("malformed", "not a database"),
     "store {path} is damaged ({error}): restore it from a backup or ingest again "
     "into a new file with --db NEW.db"),
    (("SQLITE_CANTOPEN",), ("unable to open",),
     "{path}: cannot open the store ({error}): check that the file and its folder "
     "exist and are readable and writable"),
    (("SQLITE_BUSY", "SQLITE_LOCKED"), ("database is locked",),
     "{path}: the store stayed locked by another program ({error}): close it and run "
     "the same command again"),
    (("SQLITE_IOERR",), ("disk I/O error",),
     "{path}: the disk failed while using the store ({error}); committed batches are "
     "kept: check the disk and run the same command again"),
)
_OTHER_FAILURE = ("{path}: the store failed ({error}); committed batches are kept: run "
                  "the same command again, or ingest into a new file with --db NEW.db")


def store_error(path: Path, exc: sqlite3.Error) -> StoreError:
    """One line naming the store, what SQLite reported and the fix."""
    code = getattr(exc, "sqlite_errorname", None) or ""
    text = str(exc)
    line = next((line for codes, fragments, line in _FAILURES
                 if code.startswith(codes) or any(f in text for f in fragments)),
                _OTHER_FAILURE)
    return StoreError(line.format(path=path, error=text))


def store_uri(path: Path, *, readonly: bool, immutable: bool = False) -> str:
    """The SQLite URI that opens exactly ``path`` (bytes of any name survive)."""
    params = "mode=ro" if readonly else "mode=rwc"
    if immutable:
        params += "&immutable=1"
    return f"file:{quote(os.fsencode(path.absolute()))}?{params}"


def check_file(path: Path, *, readonly: bool) -> None:
    """Refuse, before SQLite touches it, a path that is not a store or cannot be one."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a store file: pass a file with --db")
    head = _head(path)
    if readonly and not head:
        what = "no store here yet" if head is None else "an empty file, not a store yet"
        raise StoreError(f"{path}: {what}; run 'newsweave ingest PATH --db {path}' first")
    if head and head != SQLITE_MAGIC:
        raise _foreign(path, "it is not an SQLite database")
    if not readonly:
        _check_writable(path)


def _head(path: Path) -> bytes | None:
    """The file's first 16 bytes; None when there is no file."""
    try:
        with path.open("rb") as f:
            return f.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store ({exc.strerror}): check its "
                         "permissions") from exc


def _check_writable(path: Path) -> None:
    """SQLite writes the file and, beside it, its -wal, -shm and lock files."""
    folder = path.parent
    if (path.exists() and not os.access(path, os.W_OK)) or (
            folder.exists() and not os.access(folder, os.W_OK)):
        raise StoreError(
            f"{path}: the store or its folder is read-only: make both writable, or copy "
            "the store to a writable folder and pass the copy with --db"
        )


def _foreign(path: Path, what: str) -> StoreError:
    return StoreError(
        f"{path}: cannot open as a newsweave store ({what}; left untouched): pass a new "
        "file name or an existing newsweave store with --db"
    )


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """A connection to a newsweave store (or to a new, empty file when writing)."""
    try:
        return _connect_checked(path, readonly=readonly, immutable=False)
    except sqlite3.Error as exc:
        if not (readonly and _on_readonly_media(path, exc)):
            raise
    # In a folder nobody can write, no writer can add a WAL, so the file cannot change
    # under the reader: SQLite may then read it without its shared-memory file.
    return _connect_checked(path, readonly=True, immutable=True)


def _connect_checked(path: Path, *, readonly: bool, immutable: bool) -> sqlite3.Connection:
    conn = sqlite3.connect(store_uri(path, readonly=readonly, immutable=immutable),
                           uri=True, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        check_schema(conn, path, readonly=readonly)
    except BaseException:
        conn.close()
        raise
    return conn


def _on_readonly_media(path: Path, exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorname", None) or ""
    return (code.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN"))
            and not path.with_name(path.name + "-wal").exists()
            and not os.access(path.parent, os.W_OK))


def check_schema(conn: sqlite3.Connection, path: Path, *, readonly: bool) -> None:
    """Refuse an SQLite database of another application before anything writes to it."""
    tables = {str(name) for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'"
        " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")}
    if tables and not _is_newsweave(conn, tables):
        raise _foreign(path, "it is an SQLite database of another application")
    if readonly and "articles" not in tables:
        raise StoreError(f"{path}: the store holds nothing yet; run "
                         f"'newsweave ingest PATH --db {path}' first")


def _is_newsweave(conn: sqlite3.Connection, tables: set[str]) -> bool:
    """A store records its migrations, the first one under its own name."""
    if "migrations" not in tables:
        return False
    try:
        done = dict(conn.execute("SELECT version, name FROM migrations").fetchall())
    except sqlite3.OperationalError:
        return False  # another application's table of that name
    version, name, _ = MIGRATIONS[0]
    if not done:  # stopped before its first migration committed
        return tables == {"migrations"}
    return bool(done.get(version) == name)


class WriterLock:
    """The single-writer lock: a file beside the store, held open under flock."""

    def __init__(self, store: Path) -> None:
        self.path = store.with_name(store.name + ".lock")
        self._created = not self.path.exists()
        try:
            store.parent.mkdir(parents=True, exist_ok=True)
            self._file: IO[str] | None = open(self.path, "w")  # noqa: SIM115 - held
        except OSError as exc:
            raise StoreError(
                f"{store}: cannot create its lock file {self.path.name} ({exc.strerror}): "
                "make the folder writable or pass --db in a writable folder"
            ) from exc
        try:
            fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            self._created = False  # the other writer's file
            self.release()
            raise StoreError(
                f"{store}: another newsweave process is writing to this store; "
                "wait for it to finish (readers such as 'newsweave stories' still work)"
            ) from exc

    def release(self, *, discard: bool = False) -> None:
        """Let go of the lock; ``discard`` also removes a lock file this object made."""
        if self._file is not None:
            self._file.close()  # closing the file releases the lock
            self._file = None
        if discard and self._created:
            self.path.unlink(missing_ok=True)
