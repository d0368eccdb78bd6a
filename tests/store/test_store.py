"""The SQLite store: migrations once, transactions whole, content ids idempotent."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsweave.errors import StoreError
from newsweave.model import Article, Sighting, article_id
from newsweave.store import Store
from newsweave.store.migrations import MIGRATIONS, schema_version


def make(text: str, origin: str = "a.txt", **kw: str) -> Article:
    return Article(id=article_id(text), text=text, origin=origin, **kw)  # type: ignore[arg-type]


def test_migrations_apply_once_and_wal(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store(db).close()
    with Store(db) as store:
        # Versions are appended as they land, not always in order.
        assert schema_version(store.conn) == max(v for v, _, _ in MIGRATIONS)
        n = store.conn.execute("SELECT COUNT(*) FROM migrations").fetchone()[0]
        assert n == len(MIGRATIONS)
        mode = store.conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"


def test_put_article_is_idempotent(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        a = make("Troops arrive in the capital.", source="AP")
        with store.transaction():
            store.put_article(a)
            store.put_article(a)
        assert store.count("articles") == 1
        assert store.article(a.id) == a


def test_sightings_attach_to_the_article(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        a = make("Troops arrive in the capital.", source="AP")
        with store.transaction():
            store.put_article(a)
            store.add_sighting(a.id, Sighting("b.txt", "AFP"))
            store.add_sighting(a.id, Sighting("b.txt", "AFP"))
        got = store.article(a.id)
        assert got is not None and got.sources == ("AP", "AFP")


def test_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.put_article(make("First article text."))
            raise RuntimeError("killed mid-batch")
        assert store.count("articles") == 0


def test_stories_and_briefs_flow(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        a, b = make("One text.", published="2020-01-05"), make("Two text.", "b.txt")
        with store.transaction():
            store.put_article(a)
            store.put_article(b)
            store.assign(a.id, "s1")
            store.assign(b.id, "s1")
        assert store.stale_stories() == ["s1"]
        assert [x.id for x in store.story_articles("s1")] == [a.id, b.id]
        assert store.find_story("s") == "s1"
        assert store.find_story("zz") is None


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open as a newsweave store"):
        Store(bad)


def test_reader_sees_committed_rows_while_writer_open(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as writer:
        with writer.transaction():
            writer.put_article(make("Visible to readers."))
        reader = sqlite3.connect(db)
        assert reader.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1
        reader.close()


def test_one_writer_at_a_time_readers_welcome(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as writer:
        with writer.transaction():
            writer.put_article(make("Held by the writer."))
        with pytest.raises(StoreError, match="another newsweave process is writing"):
            Store(db)
        with Store(db, readonly=True) as reader:
            assert reader.count("articles") == 1
    Store(db).close()  # released on close
