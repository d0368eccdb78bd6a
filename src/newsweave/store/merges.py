"""Story merges in the store: a retired story id and the story it now belongs to.

Story ids are never renamed. When story assignment finds that two stories are one,
the younger story's articles move to the older one, its row and brief go, and the
retired id is recorded in ``story_merges`` so that a link or a command naming it
still reaches the story (``resolve_story``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from newsweave.store.migrations import now

# A chain of merges is followed at most this far: each step goes to an older story, so
# a longer chain means a damaged table, not a real history.
MAX_MERGE_CHAIN = 10_000


@dataclass(frozen=True, slots=True)
class MergeRecord:
    """One recorded merge: ``old_id`` was retired into ``survivor_id``."""

    old_id: str
    survivor_id: str
    merged_at: str
    reason: str


def merge_stories(conn: sqlite3.Connection, old_id: str, survivor_id: str, reason: str) -> None:
    """Move every article of ``old_id`` to ``survivor_id`` and record the merge.

    Run inside the store's ``transaction()``. The survivor's brief is marked stale;
    the old story's row and brief are removed, and earlier merges into ``old_id`` are
    pointed at the survivor so that every retired id resolves in one step.
    """
    if old_id == survivor_id:
        raise ValueError(f"story {old_id} cannot be merged into itself")
    conn.execute(
        "INSERT INTO stories(id, updated_at) VALUES (?, ?) ON CONFLICT(id) DO UPDATE"
        " SET stale = 1, updated_at = excluded.updated_at",
        (survivor_id, now()),
    )
    conn.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?",
                 (survivor_id, old_id))
    conn.execute("DELETE FROM briefs WHERE story_id = ?", (old_id,))
    conn.execute("DELETE FROM stories WHERE id = ?", (old_id,))
    conn.execute("UPDATE story_merges SET survivor_id = ? WHERE survivor_id = ?",
                 (survivor_id, old_id))
    conn.execute(
        "INSERT OR REPLACE INTO story_merges(old_id, survivor_id, merged_at, reason)"
        " VALUES (?, ?, ?, ?)",
        (old_id, survivor_id, now(), reason),
    )


def resolve_story(conn: sqlite3.Connection, story_id: str) -> str:
    """The story ``story_id`` names now: its survivor if it was merged, else itself."""
    seen = 0
    while seen < MAX_MERGE_CHAIN:
        row = conn.execute("SELECT survivor_id FROM story_merges WHERE old_id = ?",
                           (story_id,)).fetchone()
        if row is None:
            return story_id
        story_id = str(row[0])
        seen += 1
    raise ValueError(f"story {story_id}: merge chain longer than {MAX_MERGE_CHAIN}")


def merges_into(conn: sqlite3.Connection, survivor_id: str) -> list[MergeRecord]:
    """The merges whose survivor is ``survivor_id``, oldest first."""
    rows = conn.execute(
        "SELECT old_id, survivor_id, merged_at, reason FROM story_merges"
        " WHERE survivor_id = ? ORDER BY merged_at, old_id",
        (survivor_id,),
    )
    return [MergeRecord(str(o), str(s), str(at), str(r)) for o, s, at, r in rows.fetchall()]


def survivor_of(conn: sqlite3.Connection, name: str) -> str | None:
    """The story a retired id (or a unique prefix of one) resolves to; None if none does.

    A store written before merges were recorded has no ``story_merges`` table (a
    read-only open does not migrate): nothing in it was merged.
    """
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                    " AND name = 'story_merges'").fetchone() is None:
        return None
    pattern = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = conn.execute("SELECT old_id FROM story_merges WHERE old_id LIKE ? ESCAPE '\\'"
                        " LIMIT 2", (pattern,)).fetchall()
    exact = [r for r in rows if r[0] == name]
    if exact or len(rows) == 1:
        return resolve_story(conn, str((exact or rows)[0][0]))
    return None
