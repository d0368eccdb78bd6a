"""Revisions of articles in the store: every text an origin held, with its time.

An article's revisions form a lineage named by the id of its first revision. The
story holds only the latest revision (so its brief quotes the latest text); the
earlier ones stay in ``articles`` with their row in ``revisions``. ``Store`` mixes
these queries in; this is SQL, so it lives in the store package.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from newsweave.model import Article, from_json
from newsweave.store.migrations import now

_COLUMNS = "lineage, revision, article_id, origin, url, ingested_at"


@dataclass(frozen=True, slots=True)
class Revision:
    """One text of an article: ``number`` counts from 1 in the order they were read."""

    lineage: str
    number: int
    article_id: str
    origin: str
    url: str | None
    ingested_at: str


def _revision(row: tuple[object, ...]) -> Revision:
    lineage, number, article_id, origin, url, at = row
    return Revision(str(lineage), int(str(number)), str(article_id), str(origin),
                    None if url is None else str(url), str(at))


class RevisionQueries:
    """The store's revision queries (mixed into ``Store``, which owns ``conn``)."""

    conn: sqlite3.Connection

    def add_revision(self, lineage: str, article: Article) -> Revision:
        """Record ``article`` as the next revision of ``lineage`` (1 for a new lineage)."""
        row = self.conn.execute(
            "SELECT COALESCE(MAX(revision), 0) + 1 FROM revisions WHERE lineage = ?",
            (lineage,)).fetchone()
        revision = Revision(lineage, int(row[0]), article.id, article.origin, article.url,
                            now())
        self.conn.execute(
            f"INSERT INTO revisions({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
            (revision.lineage, revision.number, revision.article_id, revision.origin,
             revision.url, revision.ingested_at))
        return revision

    def revisions(self, lineage: str) -> list[Revision]:
        """Every revision of ``lineage``, first to latest."""
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM revisions WHERE lineage = ? ORDER BY revision",
            (lineage,))
        return [_revision(r) for r in rows.fetchall()]

    def latest_revision(self, lineage: str) -> Revision | None:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM revisions WHERE lineage = ?"
            " ORDER BY revision DESC LIMIT 1", (lineage,)).fetchone()
        return None if row is None else _revision(row)

    def lineage_of(self, article_id: str) -> str | None:
        """The lineage an article is a revision of (None when not stored)."""
        row = self.conn.execute(
            "SELECT lineage FROM revisions WHERE article_id = ? LIMIT 1", (article_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def lineage_read_from(self, origin: str, url: str | None) -> str | None:
        """The lineage whose latest read came from ``origin`` (or carried ``url``).

        An origin reused for another article starts another lineage; the one read
        most recently is the one a new text of that origin would revise.
        """
        row = self.conn.execute(
            "SELECT lineage FROM revisions WHERE origin = ? OR (url IS NOT NULL AND url = ?)"
            " ORDER BY rowid DESC LIMIT 1", (origin, url)).fetchone()
        return None if row is None else str(row[0])

    def find_lineages(self, key: str) -> list[str]:
        """Lineages named by ``key``: an origin, a URL, an article id or its prefix.

        The first kind that matches wins; an origin may also be one whose text was
        folded as a copy, or be given by its ending (``a.txt`` for ``news/a.txt``).
        """
        escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        for where, value in (
            ("origin = ? OR url = ?", (key, key)),
            ("article_id IN (SELECT article_id FROM inputs WHERE origin = ?)", (key,)),
            ("article_id LIKE ? ESCAPE '\\'", (escaped + "%",)),
            ("origin LIKE ? ESCAPE '\\'", ("%/" + escaped,)),
        ):
            rows = self.conn.execute(
                f"SELECT DISTINCT lineage FROM revisions WHERE {where} ORDER BY lineage",
                value).fetchall()
            if rows:
                return [str(r[0]) for r in rows]
        return []

    def supersede(self, old_id: str, new_id: str, story_id: str) -> None:
        """Put revision ``new_id`` in the story in place of ``old_id``, with its copies.

        The outlets that ran a copy of the earlier text stay listed on the latest, as
        they would be had the latest been read first and the copies folded into it.
        """
        self.conn.execute("DELETE FROM story_articles WHERE article_id = ?", (old_id,))
        self.conn.execute(
            "INSERT OR REPLACE INTO story_articles(article_id, story_id) VALUES (?, ?)",
            (new_id, story_id))
        self.conn.execute(
            "INSERT OR IGNORE INTO sightings(article_id, origin, source, url, published)"
            " SELECT ?, origin, source, url, published FROM sightings WHERE article_id = ?",
            (new_id, old_id))
        self.conn.execute("UPDATE stories SET stale = 1, updated_at = ? WHERE id = ?",
                          (now(), story_id))

    def fold_history(self) -> Iterator[tuple[str, Article]]:
        """(story id, article) for every stored article, earlier revisions included.

        In arrival order, as the ingest job indexed them: a run that resumes from the
        store sees the same index as the run that was stopped.
        """
        story_of = dict(self.conn.execute(
            "SELECT article_id, story_id FROM story_articles").fetchall())
        lineage_story = {
            lineage: story_of[article_id]
            for lineage, article_id in self.conn.execute(
                "SELECT lineage, article_id FROM revisions").fetchall()
            if article_id in story_of
        }
        lineage = dict(self.conn.execute(
            "SELECT article_id, lineage FROM revisions").fetchall())
        rows = self.conn.execute("SELECT id, record FROM articles ORDER BY seq").fetchall()
        for article_id, record in rows:
            story = story_of.get(article_id) or lineage_story.get(lineage.get(article_id))
            if story is not None:
                yield str(story), from_json(Article, record)

    def latest_input_hash(self, origin: str) -> str | None:
        """The content hash of the input last stored from ``origin`` (rejections aside)."""
        row = self.conn.execute(
            "SELECT content_hash FROM inputs WHERE origin = ? AND status != 'rejected'"
            " ORDER BY rowid DESC LIMIT 1", (origin,)).fetchone()
        return None if row is None else str(row[0])
