"""Recorded, idempotent schema migrations: each runs once, in order, in a transaction."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from newsweave.errors import StoreError

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
    (
        5,
        "story merges",
        """
        -- A story id is never renamed: when two stories turn out to be one, the younger
        -- id is retired and recorded here, so that it still resolves to the survivor.
        CREATE TABLE story_merges (
            old_id TEXT PRIMARY KEY,
            survivor_id TEXT NOT NULL,
            merged_at TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX story_merges_survivor ON story_merges(survivor_id);
        """,
    ),
    (
        6,
        "full-text search index",
        """
        -- One row per article (title, text) and per story (headline), kept in step with
        -- their tables by the triggers below. search_keys gives each row a stable
        -- integer key: the articles and stories tables key on text ids, whose rowids
        -- VACUUM may renumber.
        CREATE VIRTUAL TABLE search_index USING fts5(
            headline, title, text, tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TABLE search_keys (
            id INTEGER PRIMARY KEY,             -- the rowid of the row in search_index
            kind TEXT NOT NULL CHECK (kind IN ('article', 'story')),
            ref TEXT NOT NULL,                  -- the article or story id
            UNIQUE (kind, ref)
        );
        -- Each trigger first drops whatever row the id had (an INSERT OR REPLACE fires
        -- no delete trigger), then writes the current one. No statement may rely on a
        -- conflict clause: the statement firing a trigger imposes its own on them.
        CREATE TRIGGER search_article_insert AFTER INSERT ON articles BEGIN
            DELETE FROM search_index WHERE rowid =
                (SELECT id FROM search_keys WHERE kind = 'article' AND ref = new.id);
            DELETE FROM search_keys WHERE kind = 'article' AND ref = new.id;
            INSERT INTO search_keys(kind, ref) VALUES ('article', new.id);
            INSERT INTO search_index(rowid, title, text)
                SELECT id, new.title, json_extract(new.record, '$.text') FROM search_keys
                WHERE kind = 'article' AND ref = new.id;
        END;
        CREATE TRIGGER search_article_update AFTER UPDATE OF id, title, record ON articles
        BEGIN
            DELETE FROM search_index WHERE rowid =
                (SELECT id FROM search_keys WHERE kind = 'article' AND ref = old.id);
            DELETE FROM search_keys WHERE kind = 'article' AND ref = old.id;
            INSERT INTO search_keys(kind, ref) VALUES ('article', new.id);
            INSERT INTO search_index(rowid, title, text)
                SELECT id, new.title, json_extract(new.record, '$.text') FROM search_keys
                WHERE kind = 'article' AND ref = new.id;
        END;
        CREATE TRIGGER search_article_delete AFTER DELETE ON articles BEGIN
            DELETE FROM search_index WHERE rowid =
                (SELECT id FROM search_keys WHERE kind = 'article' AND ref = old.id);
            DELETE FROM search_keys WHERE kind = 'article' AND ref = old.id;
        END;
        CREATE TRIGGER search_story_insert AFTER INSERT ON stories BEGIN
            DELETE FROM search_index WHERE rowid =
                (SELECT id FROM search_keys WHERE kind = 'story' AND ref = new.id);
            DELETE FROM search_keys WHERE kind = 'story' AND ref = new.id;
            INSERT INTO search_keys(kind, ref) VALUES ('story', new.id);
            INSERT INTO search_index(rowid, headline)
                SELECT id, new.headline FROM search_keys
                WHERE kind = 'story' AND ref = new.id;
        END;
        -- A brief rebuild rewrites the headline, mostly unchanged: skip those.
        CREATE TRIGGER search_story_update AFTER UPDATE OF id, headline ON stories
        WHEN old.id IS NOT new.id OR old.headline IS NOT new.headline BEGIN
            DELETE FROM search_index WHERE rowid =
                (SELECT id FROM search_keys WHERE kind = 'story' AND ref = old.id);
            DELETE FROM search_keys WHERE kind = 'story' AND ref = old.id;
            INSERT INTO search_keys(kind, ref) VALUES ('story', new.id);
            INSERT INTO search_index(rowid, headline)
                SELECT id, new.headline FROM search_keys
                WHERE kind = 'story' AND ref = new.id;
        END;
        CREATE TRIGGER search_story_delete AFTER DELETE ON stories BEGIN
            DELETE FROM search_index WHERE rowid =
                (SELECT id FROM search_keys WHERE kind = 'story' AND ref = old.id);
            DELETE FROM search_keys WHERE kind = 'story' AND ref = old.id;
        END;
        -- A store written before this migration: index what it already holds.
        INSERT INTO search_keys(kind, ref) SELECT 'article', id FROM articles ORDER BY seq;
        INSERT INTO search_keys(kind, ref) SELECT 'story', id FROM stories ORDER BY id;
        INSERT INTO search_index(rowid, title, text)
            SELECT k.id, a.title, json_extract(a.record, '$.text')
            FROM search_keys k JOIN articles a ON a.id = k.ref WHERE k.kind = 'article';
        INSERT INTO search_index(rowid, headline)
            SELECT k.id, s.headline
            FROM search_keys k JOIN stories s ON s.id = k.ref WHERE k.kind = 'story';
        """,
    ),
    (
        7,
        "fetched responses and per-URL fetch state",
        """
        -- Every HTTP response kept whole, so a page is re-extracted without downloading.
        CREATE TABLE fetch_responses (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL,                  -- the URL asked for
            final_url TEXT NOT NULL,            -- after redirects
            status INTEGER NOT NULL,
            headers TEXT NOT NULL,              -- JSON list of [name, value]
            body BLOB NOT NULL,
            fetched_at TEXT NOT NULL
        );
        CREATE INDEX fetch_responses_url ON fetch_responses(url);
        CREATE TABLE fetch_urls (
            url TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('seed', 'listing', 'page')),
            state TEXT NOT NULL CHECK (state IN ('queued', 'fetched', 'failed')),
            reason TEXT,                        -- why it failed, one line
            attempts INTEGER NOT NULL DEFAULT 0,
            next_try TEXT,                      -- ISO time: retry a transient failure then
            response_id INTEGER REFERENCES fetch_responses(id),
            etag TEXT,                          -- validators for conditional requests
            last_modified TEXT,
            entry TEXT,                         -- JSON: the feed's title, date, summary
            ingested INTEGER NOT NULL DEFAULT 0,
            summary_only INTEGER NOT NULL DEFAULT 0,  -- ingested from the feed's summary
            updated_at TEXT NOT NULL
        );
        CREATE INDEX fetch_urls_state ON fetch_urls(state);
        """,
    ),
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def statements(sql: str) -> list[str]:
    """The statements of a script, each whole: a trigger body holds semicolons too."""
    out: list[str] = []
    pending = ""
    for piece in sql.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            out.append(pending)
            pending = ""
    if pending.strip(" \n;"):
        out.append(pending)  # no final semicolon: SQLite reports what is wrong with it
    return [s for s in out if s.strip(" \n;")]


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
            for statement in statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO migrations(version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, now()),
            )
        except BaseException as exc:
            conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError) and "no such module" in str(exc):
                raise StoreError(
                    f"the store needs migration {version} ({name}), which this Python's "
                    f"SQLite cannot run ({exc}): use a Python whose SQLite has FTS5, as "
                    "the python.org, Debian, Homebrew and conda builds do") from exc
            raise
        conn.execute("COMMIT")
        applied.append(version)
    return applied


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT MAX(version) FROM migrations").fetchone()
    return int(row[0] or 0)
