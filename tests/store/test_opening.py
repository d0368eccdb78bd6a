"""Opening a store: the exact file, readers that never write, foreign files untouched,
SQLite failures as one line, and committed batches kept when a write fails."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from newsweave.errors import StoreError
from newsweave.model import Article, article_id
from newsweave.store import Store
from newsweave.store.opening import store_error, store_uri


def make(text: str) -> Article:
    return Article(id=article_id(text), text=text, origin=f"{article_id(text)}.txt")


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("name", ["my#db.sqlite", "a?b.db", "100% sure.db",
                                  os.fsdecode(b"caf\xe9.db")])
def test_the_exact_file_is_opened_for_writing_and_reading(tmp_path: Path, name: str) -> None:
    db = tmp_path / name
    with Store(db) as store, store.transaction():
        store.put_article(make("Written under an awkward name."))
    with Store(db, readonly=True) as reader:
        assert reader.count("articles") == 1
    assert all(n.startswith(name) for n in listing(tmp_path)), listing(tmp_path)


def test_uri_is_absolute_and_percent_encoded(tmp_path: Path) -> None:
    uri = store_uri(tmp_path / "a#b?c%d.db", readonly=True)
    assert uri.startswith(f"file:{tmp_path}/") and uri.endswith("/a%23b%3Fc%25d.db?mode=ro")


def test_a_reader_never_creates_a_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here yet"):
        Store(tmp_path / "none.db", readonly=True)
    (tmp_path / "empty.db").write_bytes(b"")
    with pytest.raises(StoreError, match="an empty file"):
        Store(tmp_path / "empty.db", readonly=True)
    assert listing(tmp_path) == ["empty.db"]


def test_a_store_stopped_before_its_first_migration_is_still_a_store(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with closing(sqlite3.connect(db)) as conn:  # what migrate() creates before anything
        conn.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                     " applied_at TEXT NOT NULL)")
        conn.commit()
    with Store(db) as store:
        assert store.count("articles") == 0


@pytest.mark.parametrize("readonly", [False, True])
def test_another_applications_database_is_left_untouched(
    tmp_path: Path, readonly: bool
) -> None:
    db = tmp_path / "app.db"
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("CREATE TABLE articles (id TEXT)")  # a name newsweave uses too
        conn.commit()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="another application; left untouched"):
        Store(db, readonly=readonly)
    assert db.read_bytes() == before
    assert listing(tmp_path) == ["app.db"]


def test_a_read_only_file_system_is_refused_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.db"
    Store(db).close()
    before = db.read_bytes()
    # os.access reports a read-only mount (EROFS) as not writable, even to root
    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK)
    with pytest.raises(StoreError, match="read-only: make both writable"):
        Store(db)
    assert db.read_bytes() == before
    with Store(db, readonly=True) as reader:
        assert reader.count("articles") == 0


def test_a_full_disk_keeps_the_committed_batches(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    first = make("The first batch fits on the disk.")
    with pytest.raises(StoreError, match="the disk is full") as failed, Store(db) as store:
        with store.transaction():
            store.put_article(first)
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full
        with store.transaction():
            store.put_article(make("The second batch does not fit. " * 400))
    assert str(db) in str(failed.value) and "run the same command again" in str(failed.value)
    with Store(db, readonly=True) as reader:
        assert [a.id for a in reader.articles()] == [first.id]


@pytest.mark.parametrize(("code", "said"), [
    ("SQLITE_FULL", "the disk is full"),
    ("SQLITE_READONLY_DIRECTORY", "the store is read-only"),
    ("SQLITE_CORRUPT_INDEX", "is damaged"),
    ("SQLITE_NOTADB", "is damaged"),
    ("SQLITE_CANTOPEN", "cannot open the store"),
    ("SQLITE_BUSY", "stayed locked"),
    ("SQLITE_IOERR_WRITE", "the disk failed"),
    ("SQLITE_MISUSE", "the store failed"),
])
def test_each_failure_names_the_store_and_the_fix(code: str, said: str) -> None:
    exc = sqlite3.OperationalError("what sqlite said")
    exc.sqlite_errorname = code
    line = str(store_error(Path("/data/n.db"), exc))
    assert said in line and "/data/n.db" in line and "(what sqlite said)" in line
    assert "\n" not in line and line.split("(what sqlite said)")[1].strip(" ;:")
