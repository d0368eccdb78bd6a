"""Story merges in the store: articles move to the older story, the old id resolves."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsweave.cli.main import cli
from newsweave.model import Article, Brief, article_id
from newsweave.store import Store
from newsweave.store.merges import merge_stories, merges_into, resolve_story, survivor_of

TEXTS = (
    "Flood water rose over the river banks in the old town overnight.",
    "The mayor opened two school halls for families whose homes flooded.",
    "A ferry ran aground on a sandbank off the northern cape on Tuesday.",
)


def make(text: str) -> Article:
    return Article(id=article_id(text), text=text, origin=f"news/{article_id(text)}.txt")


def empty_brief(story_id: str, headline: str) -> Brief:
    return Brief(story_id, headline, (), (), (), (), (), (), (), (), (), ())


def stored(store: Store) -> list[Article]:
    """Three articles: two in s-flood-b (with a brief), one in s-flood-a."""
    articles = [make(t) for t in TEXTS]
    with store.transaction():
        for article, story in zip(articles, ("s-flood-a", "s-flood-b", "s-flood-b"),
                                  strict=True):
            store.put_article(article)
            store.assign(article.id, story)
    return articles


def test_a_merge_moves_the_articles_and_records_why(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        a, b, c = stored(store)
        with store.transaction():
            merge_stories(store.conn, "s-flood-b", "s-flood-a", "average link 0.31 >= 0.2")
        assert {x.id for x in store.story_articles("s-flood-a")} == {a.id, b.id, c.id}
        assert store.story_articles("s-flood-b") == []
        assert [s.id for s in store.stories()] == ["s-flood-a"]
        assert store.stale_stories() == ["s-flood-a"]
        (record,) = merges_into(store.conn, "s-flood-a")
        assert (record.old_id, record.reason) == ("s-flood-b", "average link 0.31 >= 0.2")


def test_an_old_id_resolves_to_the_survivor_through_a_chain(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        stored(store)
        ferry = make("Ferry passengers were taken ashore by lifeboat.")
        with store.transaction():
            store.put_article(ferry)
            store.assign(ferry.id, "s-ferry")
            merge_stories(store.conn, "s-flood-b", "s-flood-a", "first")
            merge_stories(store.conn, "s-flood-a", "s-ferry", "second")
        assert resolve_story(store.conn, "s-flood-b") == "s-ferry"
        assert resolve_story(store.conn, "s-flood-a") == "s-ferry"
        assert resolve_story(store.conn, "s-ferry") == "s-ferry"
        assert resolve_story(store.conn, "s-unknown") == "s-unknown"
        assert {r.old_id for r in merges_into(store.conn, "s-ferry")} == {"s-flood-a",
                                                                          "s-flood-b"}


def test_a_story_is_not_merged_into_itself(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store, pytest.raises(ValueError):
        merge_stories(store.conn, "s-flood-a", "s-flood-a", "none")


def test_a_retired_prefix_names_the_survivor(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        stored(store)
        with store.transaction():
            merge_stories(store.conn, "s-flood-b", "s-flood-a", "why")
        assert survivor_of(store.conn, "s-flood-b") == "s-flood-a"
        assert survivor_of(store.conn, "s-flood-") == "s-flood-a"
        assert survivor_of(store.conn, "s-ferry") is None


def test_a_store_from_before_merges_has_none(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "old.db")
    assert survivor_of(conn, "s-flood-b") is None
    conn.close()


def test_brief_names_a_merged_story_by_its_old_id(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as store:
        stored(store)
        with store.transaction():
            merge_stories(store.conn, "s-flood-b", "s-flood-a", "why")
            store.put_story(store.stories()[0], empty_brief("s-flood-a", "Floods in the town"))
    result = CliRunner().invoke(cli, ["brief", "s-flood-b", "--format", "json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert '"story_id": "s-flood-a"' in result.stdout
    assert "s-flood-b was merged into s-flood-a" in result.stderr
    missing = CliRunner().invoke(cli, ["brief", "s-ferry", "--db", str(db)])
    assert missing.exit_code == 1
