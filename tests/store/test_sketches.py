"""Per-article sketches in the store, the arrival index, and the fold order without decoding."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsweave.model import Article, article_id
from newsweave.store import Store

OLD = "The storm cut power to 3,000 homes in the valley on Sunday night."
NEW = "The storm cut power to 5,000 homes in the valley on Sunday night."
FARM = "Farmers in the valley said the storm flattened the maize harvest."


def make(text: str, origin: str) -> Article:
    return Article(id=article_id(text), text=text, origin=origin)


def test_sketches_are_kept_per_article_and_kind(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        a, b = make(OLD, "a.txt"), make(FARM, "b.txt")
        with store.transaction():
            store.put_article(a)
            store.put_article(b)
            store.put_sketch(a.id, "minhash", "v1", b"\x01\x02")
            store.put_sketch(a.id, "minhash", "v2", b"\x03")  # replaces
            store.put_sketch(b.id, "features", "v1", b"{}")
        assert store.sketches("minhash") == {a.id: ("v2", b"\x03")}
        assert store.sketches("features") == {b.id: ("v1", b"{}")}
        assert store.sketches("other") == {}


def test_a_sketch_needs_its_article(tmp_path: Path) -> None:
    with (Store(tmp_path / "s.db") as store, pytest.raises(sqlite3.IntegrityError),
          store.transaction()):
        store.put_sketch("a-not-stored", "minhash", "v1", b"")


def test_arrival_order_is_indexed(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        plan = store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchall()
        assert any("articles_seq" in str(row) for row in plan)


def test_fold_order_is_fold_history_without_the_articles(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        old, new, other = make(OLD, "news/storm.txt"), make(NEW, "news/storm.txt"), make(
            FARM, "news/farm.txt")
        with store.transaction():
            store.put_article(old)
            store.add_revision(old.id, old)
            store.assign(old.id, "s1")
            store.put_article(other)
            store.add_revision(other.id, other)
            store.assign(other.id, "s2")
            store.put_article(new)
            store.add_revision(old.id, new)
            store.supersede(old.id, new.id, "s1")
            store.put_article(make("An article in no story.", "loose.txt"))
        history = [(story, a.id) for story, a in store.fold_history()]
        assert store.fold_order() == history
        assert history == [("s1", old.id), ("s2", other.id), ("s1", new.id)]


CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_ingest_keeps_sketches_and_reloads_without_decoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsweave.execution import ingest as job

    with Store(tmp_path / "s.db") as store:
        job.ingest_paths(store, [str(CORPUS)])
        stored = {a.id for a in store.articles()}
        assert set(store.sketches("minhash")) == stored
        assert set(store.sketches("features")) == stored
        fresh = job._FoldState.load(store)

        def no_decoding(self: Store, article_id: str) -> Article | None:
            raise AssertionError(f"decoded {article_id}")

        monkeypatch.setattr(Store, "article", no_decoding)
        loaded = job._FoldState.load(store)
        assert len(loaded.dedup) == len(fresh.dedup) == len(stored)
        assert {i: loaded.index.story_of(i) for i in stored} == {
            i: fresh.index.story_of(i) for i in stored}


def test_a_store_from_before_sketches_gets_them_once(tmp_path: Path) -> None:
    from newsweave.execution import ingest as job

    files = sorted(CORPUS.iterdir())
    with Store(tmp_path / "kept.db") as kept, Store(tmp_path / "old.db") as old:
        for store in (kept, old):
            job.ingest_paths(store, [str(p) for p in files[:-2]])
        with old.transaction():
            # signatures missing, as in a store written before; features under old settings
            old.conn.execute("DELETE FROM article_sketches WHERE kind = 'minhash'")
            old.conn.execute("UPDATE article_sketches SET version = 'x'")
        for store in (kept, old):
            job.ingest_paths(store, [str(p) for p in files[-2:]])
        assert old.sketches("minhash") == kept.sketches("minhash")
        assert old.sketches("features") == kept.sketches("features")
        assert [(s.id, s.article_ids) for s in old.stories()] == [
            (s.id, s.article_ids) for s in kept.stories()]
