"""Full-text search: the index follows every write, ranks by bm25, and reader text is
never query syntax."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.errors import StoreError
from newsweave.model import Article, Brief, Story, to_json
from newsweave.store import Store, migrations
from newsweave.store.browse import StoryFilter, story_page
from newsweave.store.migrations import MIGRATIONS, now
from newsweave.store.search import fts_query, has_index

SEARCH_VERSION = 6


def art(aid: str, text: str, title: str = "", published: str = "2026-01-01") -> Article:
    return Article(id=aid, text=text, origin=f"{aid}.txt", title=title or None,
                   source=f"Outlet {aid}", published=published)


def put(store: Store, sid: str, headline: str, articles: list[Article]) -> None:
    with store.transaction():
        for a in articles:
            store.put_article(a)
            store.assign(a.id, sid)
        day = articles[0].published
        story = Story(sid, tuple(a.id for a in articles), headline,
                      tuple(a.label for a in articles), day, day)
        store.put_story(story, Brief(sid, headline, story.sources, story.article_ids,
                                     (), (), (), (), (), (), (), ()))


def found(store: Store, query: str, **kw: str) -> list[str]:
    page = story_page(store.conn, StoryFilter(query=query, **kw), limit=50, offset=0)
    assert page.total == len(page.rows)
    return [r.story.id for r in page.rows]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "s.db") as s:
        put(s, "s-bird", "Kestrels return to the valley", [
            art("a1", "Birdwatchers counted forty kestrels by the café on Monday.",
                title="A good year for kestrels", published="2026-02-01")])
        put(s, "s-vote", "Council vote delayed", [
            art("a2", "The council will vote near the end of March and or April, "
                "said the mayor: the budget is 5% short.", published="2026-03-01"),
            art("a3", "The mayor said the vote moves to April.", title="Vote moves",
                published="2026-03-02")])
        yield s


@pytest.mark.parametrize(("query", "expected"), [
    ("kestrel", ["s-bird"]),  # the beginning of a word in a headline, title and text
    ("KEST", ["s-bird"]),  # any case, any word that begins so
    ("cafe", ["s-bird"]),  # accents ignored
    ("mayor april", ["s-vote"]),  # every word, in any article of the story
    ("mayor kestrel", []),  # every word must be in one article or the headline
    ("valley", ["s-bird"]),  # the story's headline alone
    ("5%", ["s-vote"]),
    ("zebra", []),
])
def test_words_find_stories(store: Store, query: str, expected: list[str]) -> None:
    assert found(store, query) == expected


@pytest.mark.parametrize(("query", "expected"), [
    ('"', []), ("*", []), ("AND OR", ["s-vote"]), ("NEAR(", ["s-vote"]),
    ('"kestrel', ["s-bird"]),
    ("kestrel OR mayor", []), ("-vote", ["s-vote"]), ("title:kestrel", []),
    ("^kestrel", ["s-bird"]), ("vote)", ["s-vote"]), ("{a1 a2}: x", []),
])
def test_query_syntax_in_reader_text_is_searched_as_words(
        store: Store, query: str, expected: list[str]) -> None:
    assert found(store, query) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_no_reader_text_is_a_query_error(tmp_path_factory: pytest.TempPathFactory,
                                         text: str) -> None:
    db = tmp_path_factory.getbasetemp() / "hypothesis.db"
    if not db.exists():
        with Store(db) as s:
            put(s, "s-x", "Anything at all", [art("ax", "Some text and or near words.")])
    with Store(db, readonly=True) as s:
        story_page(s.conn, StoryFilter(query=text), limit=5, offset=0)
    query = fts_query(text)
    assert query is None or query.count('"') % 2 == 0


def test_rank_is_bm25_before_date(tmp_path: Path) -> None:
    with Store(tmp_path / "r.db") as s:
        put(s, "s-new", "Harbour works", [art("n1", "The harbour reopened. " + "Ships "
                                              "waited for days in the bay. " * 8 + "A heron "
                                              "nested there.", published="2026-05-01")])
        put(s, "s-old", "Heron colony grows", [art("o1", "The heron colony grew: herons "
                                                   "everywhere.", title="Herons",
                                                   published="2020-01-01")])
        assert found(s, "heron") == ["s-old", "s-new"]  # the older story matches better
        assert found(s, "heron", source="Outlet n1") == ["s-new"]  # filters still apply
        page = story_page(s.conn, StoryFilter(query="heron"), limit=1, offset=1)
        assert ([r.story.id for r in page.rows], page.total) == (["s-new"], 2)
        past = story_page(s.conn, StoryFilter(query="heron"), limit=1, offset=5)
        assert (past.rows, past.total) == ((), 2)


def _index_rows(store: Store) -> int:
    return int(store.conn.execute("SELECT COUNT(*) FROM search_index").fetchone()[0])


def test_index_follows_inserts_updates_replaces_and_deletes(store: Store) -> None:
    assert _index_rows(store) == store.count("articles") + store.count("stories")
    with store.transaction():
        rec = to_json(art("a1", "Birdwatchers now count owls.", title="Owls"))
        store.conn.execute("UPDATE articles SET record = ?, title = 'Owls' WHERE id = 'a1'",
                           (rec,))
    assert found(store, "owls") == ["s-bird"]
    assert found(store, "forty") == []
    with store.transaction():
        store.conn.execute("UPDATE stories SET headline = 'Owl season' WHERE id = 's-bird'")
    assert found(store, "kestrels") == []
    assert found(store, "season") == ["s-bird"]
    with store.transaction():  # a REPLACE fires no delete trigger
        store.conn.execute(
            "INSERT OR REPLACE INTO articles(id, origin, title, source, published, url,"
            " record, seq, ingested_at) SELECT id, origin, 'Swifts', source, published, url,"
            " ?, seq, ingested_at FROM articles WHERE id = 'a1'",
            (to_json(art("a1", "Swifts arrived.", title="Swifts")),))
    assert found(store, "swifts") == ["s-bird"] and found(store, "owls") == []
    assert _index_rows(store) == store.count("articles") + store.count("stories")
    with store.transaction():
        store.conn.execute("DELETE FROM story_articles WHERE article_id = 'a3'")
        store.conn.execute("DELETE FROM articles WHERE id = 'a3'")
        for table in ("briefs", "story_articles", "stories"):
            column = "id" if table == "stories" else "story_id"
            store.conn.execute(f"DELETE FROM {table} WHERE {column} = 's-bird'")
    assert found(store, "moves") == [] and found(store, "season") == []
    assert _index_rows(store) == store.count("articles") + store.count("stories")


def _store_without_search(db: Path) -> None:
    """A store as written by the versions before the search index."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL)")
    for version, name, sql in MIGRATIONS:
        if version != SEARCH_VERSION:
            conn.executescript(sql)
            conn.execute("INSERT INTO migrations VALUES (?, ?, ?)", (version, name, now()))
    a = art("a-old", "Lighthouse keepers retired in 1990.", title="Last keepers")
    conn.execute("INSERT INTO articles(id, origin, title, source, published, url, record,"
                 " seq, ingested_at) VALUES (?, ?, ?, ?, ?, NULL, ?, 1, ?)",
                 (a.id, a.origin, a.title, a.source, a.published, to_json(a), now()))
    conn.execute("INSERT INTO stories(id, headline, updated_at) VALUES ('s-old',"
                 " 'Lighthouses go dark', ?)", (now(),))
    conn.execute("INSERT INTO story_articles VALUES ('a-old', 's-old')")
    conn.close()


def test_a_reader_of_an_older_store_scans_and_a_writer_builds_the_index(
        tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    _store_without_search(db)
    with Store(db, readonly=True) as reader:
        assert not has_index(reader.conn)
        assert found(reader, "ighthou") == ["s-old"]  # the scan matches inside words
    Store(db).close()  # a writer applies the migration
    with Store(db, readonly=True) as reader:
        assert has_index(reader.conn)
        assert found(reader, "keepers") == ["s-old"]
        assert found(reader, "dark") == ["s-old"]
        assert found(reader, "ighthou") == []  # words now, as the index holds them


def test_an_sqlite_without_the_module_is_one_clear_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = (99, "needs a module", "CREATE VIRTUAL TABLE x USING no_such_fts(a)")
    monkeypatch.setattr(migrations, "MIGRATIONS", (*MIGRATIONS, missing))
    with pytest.raises(StoreError, match=r"migration 99 .* SQLite cannot run .* FTS5"):
        Store(tmp_path / "m.db").close()
    monkeypatch.setattr(migrations, "MIGRATIONS", MIGRATIONS)
    with Store(tmp_path / "m.db") as s:  # nothing of the failed migration was kept
        assert s.conn.execute("SELECT MAX(version) FROM migrations").fetchone()[0] == max(
            v for v, _, _ in MIGRATIONS)
