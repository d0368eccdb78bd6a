"""Revisions in the store: lineages, the latest in its story, history for a resume."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsweave.model import Article, Sighting, article_id
from newsweave.store import Store
from newsweave.store.migrations import MIGRATIONS, now

OLD = "The storm cut power to 3,000 homes in the valley on Sunday night."
NEW = "The storm cut power to 5,000 homes in the valley on Sunday night."


def make(text: str, origin: str = "news/storm.txt", url: str | None = None) -> Article:
    return Article(id=article_id(text), text=text, origin=origin, url=url)


def stored_with_revision(store: Store) -> tuple[Article, Article]:
    """OLD read from news/storm.txt into story s1, then NEW as its revision."""
    old, new = make(OLD), make(NEW)
    with store.transaction():
        store.put_article(old)
        store.add_revision(old.id, old)
        store.assign(old.id, "s1")
        store.add_sighting(old.id, Sighting("wire/storm.txt", "Wire"))
        store.put_article(new)
        store.add_revision(old.id, new)
        store.supersede(old.id, new.id, "s1")
    return old, new


def test_revisions_are_numbered_in_reading_order(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        old, new = stored_with_revision(store)
        revisions = store.revisions(old.id)
        assert [(r.number, r.article_id) for r in revisions] == [(1, old.id), (2, new.id)]
        latest = store.latest_revision(old.id)
        assert latest is not None and latest.article_id == new.id
        assert store.lineage_of(new.id) == old.id
        assert store.lineage_of("a-not-stored") is None


def test_the_story_holds_only_the_latest_with_the_copies(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        old, new = stored_with_revision(store)
        assert [a.id for a in store.story_articles("s1")] == [new.id]
        assert store.story_of(old.id) is None
        assert store.stale_stories() == ["s1"]
        latest = store.article(new.id)
        assert latest is not None and [s.origin for s in latest.sightings] == ["wire/storm.txt"]
        assert store.count("articles") == 2


def test_fold_history_keeps_earlier_revisions_in_their_story(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        old, new = stored_with_revision(store)
        other = make("Farmers in the valley said the storm flattened the maize harvest.",
                     origin="news/farm.txt")
        with store.transaction():
            store.put_article(other)
            store.add_revision(other.id, other)
            store.assign(other.id, "s2")
        history = [(story, a.id) for story, a in store.fold_history()]
        assert history == [("s1", old.id), ("s1", new.id), ("s2", other.id)]


def test_the_lineage_is_found_by_origin_url_or_id(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        old, new = stored_with_revision(store)
        url = "https://valley.example/storm"
        paged = make("A second article on the storm, read from a page.", "p.html", url)
        with store.transaction():
            store.put_article(paged)
            store.add_revision(paged.id, paged)
        assert store.lineage_read_from("news/storm.txt", None) == old.id
        assert store.lineage_read_from("elsewhere.html", url) == paged.id
        assert store.lineage_read_from("elsewhere.html", None) is None
        assert store.find_lineages("news/storm.txt") == [old.id]
        assert store.find_lineages("storm.txt") == [old.id]
        assert store.find_lineages(new.id[:9]) == [old.id]
        assert store.find_lineages(url) == [paged.id]
        assert store.find_lineages("torm.txt") == []


def test_a_reused_origin_names_the_lineage_read_last(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        first = make(OLD)
        second = make("The town hall will host a jazz festival on the first weekend of May.")
        with store.transaction():
            for article in (first, second):
                store.put_article(article)
                store.add_revision(article.id, article)
        assert store.lineage_read_from("news/storm.txt", None) == second.id
        assert store.find_lineages("news/storm.txt") == sorted([first.id, second.id])


def test_latest_input_hash_follows_the_last_stored_input(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        with store.transaction():
            store.record_input("a.txt", "h1", "new", article_id="a1")
            store.record_input("a.txt", "h2", "new", article_id="a2")
            store.record_input("a.txt", "h3", "rejected", reason="too short")
        assert store.latest_input_hash("a.txt") == "h2"
        with store.transaction():
            store.record_input("a.txt", "h1", "new", article_id="a1")
        assert store.latest_input_hash("a.txt") == "h1"
        assert store.latest_input_hash("b.txt") is None


def test_migration_records_stored_articles_as_first_revisions(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL)")
    for version, name, sql in MIGRATIONS:
        if version < 3:
            conn.executescript(sql)
            conn.execute("INSERT INTO migrations VALUES (?, ?, ?)", (version, name, now()))
    old = make(OLD, url="https://valley.example/storm")
    conn.execute(
        "INSERT INTO articles(id, origin, title, source, published, url, record, seq,"
        " ingested_at) VALUES (?, ?, NULL, NULL, NULL, ?, '{}', 1, ?)",
        (old.id, old.origin, old.url, "2026-01-02T03:04:05+00:00"))
    conn.close()
    with Store(db) as store:
        (revision,) = store.revisions(old.id)
        assert (revision.number, revision.origin, revision.url, revision.ingested_at) == (
            1, old.origin, old.url, "2026-01-02T03:04:05+00:00")
