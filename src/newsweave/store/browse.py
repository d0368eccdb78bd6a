"""Read-only queries for browsing a store: a filtered, paged story list and counts.

Search uses the full-text index of ``store.search`` (FTS5, ranked by bm25). A store
last written before that index existed, opened read-only, cannot be given one here:
there search falls back to a case-insensitive substring match (``LIKE``) over story
headlines, article titles and article text, a scan bounded only by the store's size.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from newsweave.model import Story
from newsweave.store.search import fts_query, has_index, ranked_story_ids


@dataclass(frozen=True, slots=True)
class StoryFilter:
    """What the story list is narrowed to; empty fields do not narrow it."""

    query: str = ""
    source: str = ""
    date_from: str = ""  # ISO date: stories whose last date is on or after it
    date_to: str = ""  # ISO date: stories whose first date is on or before it


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One line of the story list: the story and how many conflicts its brief has."""

    story: Story
    conflicts: int


@dataclass(frozen=True, slots=True)
class StoryPage:
    rows: tuple[StoryRow, ...]
    total: int  # stories matching the filter, over every page


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _json_verbatim(text: str) -> bool:
    """Whether ``text`` is written as itself inside a JSON string (nothing escaped)."""
    return not any(c in text for c in '"\\') and all(ord(c) >= 0x20 for c in text)


def _text_match(query: str) -> str:
    """SQL matching an article's text; a scan of the raw record first when it decides.

    Parsing each record's JSON costs about twice the raw scan (10,000 generated
    stories: 104 against 56 ms for a word a fifth of the headlines hold, 130 against
    70 ms for one no text holds; ``benchmarks/web_load.py`` writes such a store).
    """
    text = "json_extract(a.record, '$.text') LIKE ? ESCAPE '\\'"
    return f"a.record LIKE ? ESCAPE '\\' AND {text}" if _json_verbatim(query) else text


def _where(f: StoryFilter, *, scan_text: bool) -> tuple[str, list[str]]:
    """SQL narrowing stories (alias ``s``) to ``f``; the query only when ``scan_text``."""
    clauses: list[str] = []
    params: list[str] = []
    if f.query and scan_text:
        clauses.append(
            "(s.headline LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM story_articles sa"
            " JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = s.id AND"
            f" (a.title LIKE ? ESCAPE '\\' OR ({_text_match(f.query)}))))")
        params += [_like(f.query)] * (4 if _json_verbatim(f.query) else 3)
    if f.source:
        clauses.append("EXISTS (SELECT 1 FROM json_each(s.sources) WHERE value = ?)")
        params.append(f.source)
    if f.date_from:
        clauses.append("COALESCE(s.last_date, s.first_date) >= ?")
        params.append(f.date_from)
    if f.date_to:
        # A date "YYYY-MM-DD" compares below any time of that day; pad to its end.
        clauses.append("COALESCE(s.first_date, s.last_date) <= ?")
        params.append(f.date_to + "\uffff")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


_NEWEST_FIRST = ("ORDER BY COALESCE(s.last_date, '') DESC, COALESCE(s.first_date, '') DESC,"
                 " s.id")  # the order of Store.stories


def story_page(conn: sqlite3.Connection, f: StoryFilter, *, limit: int,
               offset: int) -> StoryPage:
    """One page of stories matching ``f``: best match first when searching, otherwise
    newest first (the order of ``stories``)."""
    if f.query and has_index(conn):
        return _searched_page(conn, f, limit=limit, offset=offset)
    where, params = _where(f, scan_text=True)
    total = int(conn.execute(f"SELECT COUNT(*) FROM stories s{where}", params).fetchone()[0])
    ids = [str(r[0]) for r in conn.execute(
        f"SELECT s.id FROM stories s{where} {_NEWEST_FIRST} LIMIT ? OFFSET ?",
        [*params, limit, offset])]
    return StoryPage(story_rows(conn, ids), total)


def _searched_page(conn: sqlite3.Connection, f: StoryFilter, *, limit: int,
                   offset: int) -> StoryPage:
    match = fts_query(f.query)
    if match is None:  # nothing in the query could be looked up: nothing matches
        return StoryPage((), 0)
    where, params = _where(f, scan_text=False)
    ids, total = ranked_story_ids(conn, match, where, params,
                                  _NEWEST_FIRST.removeprefix("ORDER BY "),
                                  limit=limit, offset=offset)
    return StoryPage(story_rows(conn, ids), total)


def newest_story_ids(conn: sqlite3.Connection) -> list[str]:
    """Every story id, newest first: a reader may keep it until the store changes."""
    return [str(r[0]) for r in conn.execute(f"SELECT s.id FROM stories s {_NEWEST_FIRST}")]


def story_rows(conn: sqlite3.Connection, ids: list[str]) -> tuple[StoryRow, ...]:
    """The rows of ``ids`` (one page, far below SQLite's 999 host parameters), in order."""
    if not ids:
        return ()
    marks = ",".join("?" * len(ids))
    found: dict[str, StoryRow] = {}
    for i, h, src, first, last, conflicts, members in conn.execute(
            "SELECT s.id, s.headline, s.sources, s.first_date, s.last_date,"
            " COALESCE(json_array_length(b.record, '$.conflicts'), 0),"
            " (SELECT GROUP_CONCAT(article_id) FROM story_articles sa"
            "  WHERE sa.story_id = s.id)"
            f" FROM stories s LEFT JOIN briefs b ON b.story_id = s.id WHERE s.id IN ({marks})",
            ids):
        article_ids = tuple(sorted(str(members).split(","))) if members else ()
        story = Story(id=str(i), article_ids=article_ids, headline=str(h),
                      sources=tuple(json.loads(src)), first_date=first, last_date=last)
        found[str(i)] = StoryRow(story, int(conflicts))
    return tuple(found[i] for i in ids if i in found)


def source_names(conn: sqlite3.Connection) -> list[str]:
    """Every outlet named by a story, sorted, for the source filter."""
    rows = conn.execute(
        "SELECT DISTINCT j.value FROM stories s, json_each(s.sources) j ORDER BY j.value")
    return [str(v) for (v,) in rows if v is not None]


def check_readable(conn: sqlite3.Connection) -> None:
    """Read one row: raises when the store cannot be read (damaged, locked, gone)."""
    conn.execute("SELECT id FROM stories LIMIT 1").fetchall()


@dataclass(frozen=True, slots=True)
class StoreStats:
    counts: dict[str, int]
    inputs: dict[str, int]  # inputs read, by status (new, duplicate, rejected)
    drops: dict[str, int]  # rejected inputs, by reason
    last_ingest: str | None
    schema_version: int


def store_stats(conn: sqlite3.Connection) -> StoreStats:
    counts = {t: int(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
              for t in ("articles", "stories", "briefs", "sightings")}
    inputs = {str(s): int(n) for s, n in conn.execute(
        "SELECT status, COUNT(*) FROM inputs GROUP BY status ORDER BY status")}
    drops = {str(r): int(n) for r, n in conn.execute(
        "SELECT COALESCE(reason, ''), COUNT(*) FROM inputs WHERE status = 'rejected'"
        " GROUP BY reason ORDER BY COUNT(*) DESC, reason")}
    last = conn.execute("SELECT MAX(seen_at) FROM inputs").fetchone()[0]
    version = conn.execute("SELECT MAX(version) FROM migrations").fetchone()[0]
    return StoreStats(counts, inputs, drops, None if last is None else str(last),
                      int(version or 0))
