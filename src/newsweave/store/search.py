"""Full-text search of stories: an FTS5 index over headlines, article titles and text.

Migration 6 builds ``search_index`` (one row per article and one per story) and the
triggers that keep it in step with the ``articles`` and ``stories`` tables, so every
write path, present or future, updates it in the same transaction. A story matches
when its headline or one of its articles holds every word of the query (any case,
accents ignored, a word also matching the words it begins: ``kest`` finds
``kestrel``); stories rank by the best bm25 score of their rows, then newest first.

The text a reader types is never FTS5 syntax: each word becomes a quoted phrase, so
``AND``, ``NEAR(``, ``*`` or a lone ``"`` are searched for as text, never parsed.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache

INDEX_TABLE = "search_index"


def fts_query(text: str) -> str | None:
    """``text`` as an FTS5 query: each word a quoted prefix phrase, all required.

    None when no word could match anything: FTS5 indexes letters and digits only, so
    a query of punctuation alone has no token to look up.
    """
    # FTS5 reads the query as a C string: a NUL would end it inside a quoted phrase.
    words = [w for w in text.replace("\x00", " ").split() if any(c.isalnum() for c in w)]
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


@lru_cache(maxsize=1)
def fts5_available() -> bool:
    """Whether this Python's SQLite was built with FTS5 (every current CPython's is)."""
    with sqlite3.connect(":memory:") as conn:
        options = {str(o) for (o,) in conn.execute("PRAGMA compile_options")}
    return "ENABLE_FTS5" in options


def has_index(conn: sqlite3.Connection) -> bool:
    """Whether the store holds the index and this SQLite can read it.

    A store last written before migration 6, opened read-only, has no index yet
    (the next ``ingest`` builds it); the caller then scans the text instead.
    """
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                       (INDEX_TABLE,)).fetchone()
    return row is not None and fts5_available()


# The stories whose headline or articles match, each with its best (lowest) bm25.
_RANKED = """
WITH hits AS MATERIALIZED (
    SELECT k.kind, k.ref, bm25(search_index) AS score
    FROM search_index JOIN search_keys k ON k.id = search_index.rowid
    WHERE search_index MATCH ?),
matched AS (
    SELECT sa.story_id AS id, h.score FROM hits h
    JOIN story_articles sa ON sa.article_id = h.ref WHERE h.kind = 'article'
    UNION ALL
    SELECT h.ref, h.score FROM hits h WHERE h.kind = 'story'),
ranked AS (SELECT id, MIN(score) AS score FROM matched GROUP BY id)
"""


def ranked_story_ids(conn: sqlite3.Connection, match: str, where: str,
                     params: list[str], order: str, *, limit: int,
                     offset: int) -> tuple[list[str], int]:
    """One page of the stories matching ``match`` (an ``fts_query``), best first.

    ``where`` narrows the stories further (over alias ``s``, with ``params``);
    ``order`` breaks ties in rank. Returns the page's ids and the total matching.
    """
    rows = conn.execute(
        f"{_RANKED} SELECT s.id, COUNT(*) OVER () FROM ranked r JOIN stories s"
        f" ON s.id = r.id{where} ORDER BY r.score, {order} LIMIT ? OFFSET ?",
        [match, *params, limit, offset]).fetchall()
    if rows:
        return [str(i) for i, _ in rows], int(rows[0][1])
    total = conn.execute(
        f"{_RANKED} SELECT COUNT(*) FROM ranked r JOIN stories s ON s.id = r.id{where}",
        [match, *params]).fetchone()[0]
    return [], int(total)
