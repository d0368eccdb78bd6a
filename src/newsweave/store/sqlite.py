"""The SQLite store: the only module that knows SQL.

One writer per store (this object, in one thread); WAL lets readers (the web UI, a
second ``newsweave stories``) read while it writes. Writes happen inside
``transaction()``: a batch lands whole or not at all, so a run killed mid-batch
loses nothing that was committed and a rerun redoes only the rest.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from types import TracebackType

from newsweave.model import Article, Brief, Sighting, Story, from_json, to_json
from newsweave.store.migrations import migrate, now
from newsweave.store.opening import WriterLock, check_file, connect, store_error
from newsweave.store.revisions import RevisionQueries

# Host parameters per statement: SQLite's default limit is 32,766 since 3.32; keep
# well below it for older builds (999).
SQL_VARIABLES = 900


class Store(RevisionQueries):
    """Articles, duplicates, stories and briefs of one newsweave database."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        """Open the store at ``path``; read-only never creates or changes a file.

        Raises StoreError (one line naming the file and the fix) for a missing or
        empty file when reading, a file that is not a newsweave store (left untouched),
        a read-only, damaged or full store, or another writer at work.
        """
        self.path = Path(path)
        check_file(self.path, readonly=readonly)
        self._lock = None if readonly else WriterLock(self.path)
        try:
            self.conn = connect(self.path, readonly=readonly)
            if not readonly:
                self._prepare_writer()
        except BaseException as exc:
            self.close_lock(discard=True)
            if isinstance(exc, sqlite3.Error):
                raise store_error(self.path, exc) from exc
            raise

    def _prepare_writer(self) -> None:
        try:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            migrate(self.conn)
        except BaseException:
            self.conn.close()
            raise

    def close(self) -> None:
        self.conn.close()
        self.close_lock()

    def close_lock(self, *, discard: bool = False) -> None:
        if self._lock is not None:
            self._lock.release(discard=discard)
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        """Close; an SQLite failure inside leaves as one StoreError line."""
        self.close()
        if isinstance(exc, sqlite3.Error):
            raise store_error(self.path, exc) from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside land together, or none of them do."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            # SQLite may already have rolled back (a full disk, an I/O error); a
            # failing ROLLBACK must not hide the error that caused it.
            if self.conn.in_transaction:
                with suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            raise

    # --- inputs -------------------------------------------------------------------

    def input_status(self, origin: str, content_hash: str) -> str | None:
        row = self.conn.execute(
            "SELECT status FROM inputs WHERE origin = ? AND content_hash = ?",
            (origin, content_hash),
        ).fetchone()
        return None if row is None else str(row[0])

    def record_input(
        self, origin: str, content_hash: str, status: str,
        article_id: str | None = None, reason: str | None = None,
    ) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO inputs(origin, content_hash, status, article_id, reason,"
            " seen_at) VALUES (?, ?, ?, ?, ?, ?)",
            (origin, content_hash, status, article_id, reason, now()),
        )

    def rejections(self) -> list[tuple[str, str]]:
        rows = self.conn.execute(
            "SELECT origin, reason FROM inputs WHERE status = 'rejected' ORDER BY origin"
        )
        return [(str(o), str(r)) for o, r in rows]

    # --- articles -----------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,))
        return row.fetchone() is not None

    def put_article(self, article: Article) -> None:
        """Insert an article (no-op when its id is already stored)."""
        seq = self.conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
        self.conn.execute(
            "INSERT OR IGNORE INTO articles(id, origin, title, source, published, url, record,"
            " seq, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, article.origin, article.title, article.source, article.published,
             article.url, to_json(_without_sightings(article)), seq, now()),
        )

    def add_sighting(self, article_id: str, sighting: Sighting) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO sightings(article_id, origin, source, url, published)"
            " VALUES (?, ?, ?, ?, ?)",
            (article_id, sighting.origin, sighting.source, sighting.url, sighting.published),
        )

    def article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,))
        found = row.fetchone()
        return None if found is None else self._with_sightings(from_json(Article, found[0]))

    def origin_of(self, article_id: str) -> str | None:
        """Where a stored article was first read from (None when not stored)."""
        row = self.conn.execute("SELECT origin FROM articles WHERE id = ?", (article_id,))
        found = row.fetchone()
        return None if found is None else str(found[0])

    def articles(self) -> Iterator[Article]:
        """Every stored article, in arrival order."""
        for (record,) in self.conn.execute("SELECT record FROM articles ORDER BY seq"):
            yield self._with_sightings(from_json(Article, record))

    def count(self, table: str) -> int:
        if table not in {"articles", "sightings", "stories", "briefs", "inputs",
                         "sentence_vectors"}:
            raise ValueError(f"unknown table {table!r}")
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def _with_sightings(self, article: Article) -> Article:
        rows = self.conn.execute(
            "SELECT origin, source, url, published FROM sightings WHERE article_id = ?"
            " ORDER BY origin",
            (article.id,),
        )
        sightings = tuple(Sighting(o, s, u, p) for o, s, u, p in rows)
        return _replace_sightings(article, sightings)

    # --- stories ------------------------------------------------------------------

    def assign(self, article_id: str, story_id: str) -> None:
        """Put an article in a story and mark the story's brief stale."""
        self.conn.execute(
            "INSERT INTO stories(id, updated_at) VALUES (?, ?) ON CONFLICT(id) DO UPDATE"
            " SET stale = 1, updated_at = excluded.updated_at",
            (story_id, now()),
        )
        self.conn.execute(
            "INSERT OR REPLACE INTO story_articles(article_id, story_id) VALUES (?, ?)",
            (article_id, story_id),
        )

    def mark_stale(self, story_id: str) -> None:
        self.conn.execute("UPDATE stories SET stale = 1 WHERE id = ?", (story_id,))

    def story_of(self, article_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def assignments(self) -> Iterator[tuple[str, Article]]:
        """(story id, article) for every assigned article, in arrival order."""
        rows = self.conn.execute(
            "SELECT sa.story_id, a.record FROM story_articles sa JOIN articles a"
            " ON a.id = sa.article_id ORDER BY a.seq"
        )
        for story_id, record in rows.fetchall():
            yield str(story_id), self._with_sightings(from_json(Article, record))

    def story_articles(self, story_id: str) -> list[Article]:
        rows = self.conn.execute(
            "SELECT a.record FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
            " WHERE sa.story_id = ? ORDER BY a.seq",
            (story_id,),
        )
        return [self._with_sightings(from_json(Article, r)) for (r,) in rows.fetchall()]

    def stale_stories(self) -> list[str]:
        rows = self.conn.execute("SELECT id FROM stories WHERE stale = 1 ORDER BY id")
        return [str(r[0]) for r in rows]

    def put_story(self, story: Story, brief: Brief) -> None:
        """Store a story's headline, dates and brief, and clear its stale mark."""
        self.conn.execute(
            "UPDATE stories SET headline = ?, sources = ?, first_date = ?, last_date = ?,"
            " stale = 0, updated_at = ? WHERE id = ?",
            (story.headline, json.dumps(list(story.sources), ensure_ascii=False),
             story.first_date, story.last_date, now(), story.id),
        )
        self.conn.execute(
            "INSERT OR REPLACE INTO briefs(story_id, record, built_at) VALUES (?, ?, ?)",
            (story.id, to_json(brief), now()),
        )

    def stories(self) -> list[Story]:
        """Every story, newest first (last date, then first date, then id)."""
        rows = self.conn.execute(
            "SELECT s.id, s.headline, s.sources, s.first_date, s.last_date,"
            " GROUP_CONCAT(sa.article_id) FROM stories s"
            " LEFT JOIN story_articles sa ON sa.story_id = s.id GROUP BY s.id"
            " ORDER BY COALESCE(s.last_date, '') DESC, COALESCE(s.first_date, '') DESC, s.id"
        )
        return [
            Story(id=str(i), article_ids=tuple(sorted((ids or "").split(","))) if ids else (),
                  headline=str(h), sources=tuple(json.loads(src)), first_date=f, last_date=la)
            for i, h, src, f, la, ids in rows.fetchall()
        ]

    def find_story(self, prefix: str) -> str | None:
        """The story id that starts with ``prefix``; None when none or several do."""
        rows = self.conn.execute(
            "SELECT id FROM stories WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
            (prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",),
        ).fetchall()
        return str(rows[0][0]) if len(rows) == 1 else None

    def brief(self, story_id: str) -> Brief | None:
        row = self.conn.execute(
            "SELECT record FROM briefs WHERE story_id = ?", (story_id,)
        ).fetchone()
        return None if row is None else from_json(Brief, row[0])

    # --- fold sketches (per-article index entries, so a run need not decode articles) --

    def put_sketch(self, article_id: str, kind: str, version: str, data: bytes) -> None:
        """Store (or replace) one sketch of a stored article (inside ``transaction()``)."""
        self.conn.execute(
            "INSERT OR REPLACE INTO article_sketches(article_id, kind, version, data)"
            " VALUES (?, ?, ?, ?)",
            (article_id, kind, version, data),
        )

    def sketches(self, kind: str) -> dict[str, tuple[str, bytes]]:
        """Article id -> (version, data) of every stored sketch of ``kind``."""
        rows = self.conn.execute(
            "SELECT article_id, version, data FROM article_sketches WHERE kind = ?", (kind,))
        return {str(a): (str(v), bytes(d)) for a, v, d in rows}

    def fold_order(self) -> list[tuple[str, str]]:
        """(story id, article id) in the order and with the stories of ``fold_history``.

        The same rows without decoding a single article: an article outside every
        story (an earlier revision) belongs to the story of its lineage's last-recorded
        revision that has one.
        """
        rows = self.conn.execute(
            "SELECT a.id, COALESCE(sa.story_id, ("
            "  SELECT sl.story_id FROM revisions r JOIN revisions l ON l.lineage = r.lineage"
            "  JOIN story_articles sl ON sl.article_id = l.article_id"
            "  WHERE r.article_id = a.id ORDER BY r.rowid DESC, l.rowid DESC LIMIT 1))"
            " FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id"
            " ORDER BY a.seq"
        )
        return [(str(story), str(a)) for a, story in rows.fetchall() if story is not None]

    # --- sentence embeddings (a cache: safe to lose, never needed for correctness) --

    def vectors(self, keys: Sequence[str]) -> dict[str, bytes]:
        """Stored embedding bytes for those of ``keys`` that have one."""
        out: dict[str, bytes] = {}
        for start in range(0, len(keys), SQL_VARIABLES):
            part = list(keys[start:start + SQL_VARIABLES])
            marks = ",".join("?" * len(part))
            rows = self.conn.execute(
                f"SELECT key, vector FROM sentence_vectors WHERE key IN ({marks})", part)
            out.update((str(k), bytes(v)) for k, v in rows)
        return out

    def put_vectors(self, items: dict[str, bytes]) -> None:
        """Store embeddings by key (inside ``transaction()``); existing keys are kept."""
        self.conn.executemany(
            "INSERT OR IGNORE INTO sentence_vectors(key, vector) VALUES (?, ?)",
            sorted(items.items()))


def _without_sightings(article: Article) -> Article:
    return _replace_sightings(article, ())


def _replace_sightings(article: Article, sightings: tuple[Sighting, ...]) -> Article:
    return replace(article, sightings=sightings)
