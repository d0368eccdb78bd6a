"""Recorded, idempotent schema migrations: each runs once, in order, in a transaction."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

# (version, name, SQL). Append only: never edit a migration that has shipped.
MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "initial schema",
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            origin TEXT NOT NULL,
            title TEXT,
            source TEXT,
            published TEXT,
            url TEXT,
            record TEXT NOT NULL,          -- the Article as JSON (without sightings)
            seq INTEGER NOT NULL,          -- arrival order, for stable replays
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE TABLE sightings (
            article_id TEXT NOT NULL REFERENCES articles(id),
            origin TEXT NOT NULL,
            source TEXT,
            url TEXT,
            published TEXT,
            PRIMARY KEY (article_id, origin)
        );
        CREATE TABLE inputs (
            origin TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('new', 'duplicate', 'rejected')),
            article_id TEXT,
            reason TEXT,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (origin, content_hash)
        );
        CREATE INDEX inputs_status ON inputs(status);
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            headline TEXT NOT NULL DEFAULT '',
            sources TEXT NOT NULL DEFAULT '[]',  -- JSON list of outlet labels
            first_date TEXT,
            last_date TEXT,
            stale INTEGER NOT NULL DEFAULT 1,    -- brief must be (re)built
            updated_at TEXT NOT NULL
        );
        CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            story_id TEXT NOT NULL REFERENCES stories(id)
        );
        CREATE INDEX story_articles_story ON story_articles(story_id);
        CREATE TABLE briefs (
            story_id TEXT PRIMARY KEY REFERENCES stories(id),
            record TEXT NOT NULL,               -- the Brief as JSON
            built_at TEXT NOT NULL
        );
        """,
    ),
    (
        2,
        "sentence embedding cache",
        """
        CREATE TABLE sentence_vectors (
            key TEXT PRIMARY KEY,               -- sha256 of model id and sentence text
            vector BLOB NOT NULL                -- float32, little-endian
        );
        """,
    ),
    (
        3,
        "article revisions",
        """
        CREATE TABLE revisions (
            lineage TEXT NOT NULL,              -- id of the article's first revision
            revision INTEGER NOT NULL,          -- 1, 2, ... in the order they were read
            article_id TEXT NOT NULL REFERENCES articles(id),
            origin TEXT NOT NULL,               -- the input this revision was read from
            url TEXT,
            ingested_at TEXT NOT NULL,
            PRIMARY KEY (lineage, revision)
        );
        CREATE INDEX revisions_article ON revisions(article_id);
        CREATE INDEX revisions_origin ON revisions(origin);
        CREATE INDEX revisions_url ON revisions(url);
        INSERT INTO revisions(lineage, revision, article_id, origin, url, ingested_at)
            SELECT id, 1, id, origin, url, ingested_at FROM articles ORDER BY seq;
        """,
    ),
    (
        4,
        "persisted fold sketches and arrival index",
        """
        -- Written with each article. A store from before this migration gets them on
        -- its next ingest, computed once from the stored articles (execution.ingest).
        CREATE TABLE article_sketches (
            article_id TEXT NOT NULL REFERENCES articles(id),
            kind TEXT NOT NULL,                 -- 'minhash' or 'features'
            version TEXT NOT NULL,              -- recomputed when it differs from the code's
            data BLOB NOT NULL,
            PRIMARY KEY (article_id, kind)
        );
        CREATE INDEX articles_seq ON articles(seq);
        """,
    ),
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply every migration not yet recorded; return the versions applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``).
    """
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT version FROM migrations")}
    applied = []
    for version, name, sql in MIGRATIONS:
        if version in done:
            continue
        conn.execute("BEGIN IMMEDIATE")  # one transaction per migration: all or nothing
        try:
            for statement in sql.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(
                "INSERT INTO migrations(version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, now()),
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        applied.append(version)
    return applied


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT MAX(version) FROM migrations").fetchone()
    return int(row[0] or 0)
