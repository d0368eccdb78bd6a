"""``newsweave revisions``: every text an article had, and what changed between them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import click

from newsweave.cli.text import printable
from newsweave.dedup.revisions import RevisionDiff, SentenceChange, WordEdit, diff_revisions
from newsweave.errors import NewsweaveError
from newsweave.model import Article, to_dict
from newsweave.store import Store
from newsweave.store.migrations import schema_version
from newsweave.store.revisions import Revision

SCHEMA = "newsweave.revisions/1"
REVISIONS_SCHEMA = 3  # the store migration that added the revisions table
LINEAGES_NAMED = 5  # lineages listed when a name matches several
_MARK = {"added": "+", "removed": "-", "changed": "~"}


@dataclass(frozen=True, slots=True)
class History:
    """One article's revisions, first to latest, and the diff of each to the next."""

    revisions: tuple[Revision, ...]
    diffs: tuple[RevisionDiff, ...]


def show_revisions(key: str, db: Path, *, as_json: bool) -> None:
    """Print the revisions of the article named by ``key`` (text or JSON)."""
    with Store(db, readonly=True) as store:  # never creates or changes a file
        history = load_history(store, key)
    click.echo(render_json(history) if as_json else render_text(history), nl=not as_json)


def load_history(store: Store, key: str) -> History:
    """The revisions of the one article ``key`` names (origin, URL or article id)."""
    if schema_version(store.conn) < REVISIONS_SCHEMA:
        raise NewsweaveError(f"{store.path} was written by an older newsweave that kept no "
                             "revisions; run 'newsweave ingest' on it once to upgrade it")
    lineages = store.find_lineages(key)
    if not lineages:
        raise NewsweaveError(
            f"no article was read from {key!r}: give a file path or URL as ingested, "
            "or an article id (newsweave stories --json lists them)")
    if len(lineages) > 1:
        named = ", ".join(lineages[:LINEAGES_NAMED])
        raise NewsweaveError(
            f"{key!r} names {len(lineages)} articles ({named}"
            f"{', ...' if len(lineages) > LINEAGES_NAMED else ''}): give one of their ids")
    revisions = tuple(store.revisions(lineages[0]))
    articles = [_article(store, r) for r in revisions]
    diffs = tuple(diff_revisions(a, b) for a, b in pairwise(articles))
    return History(revisions, diffs)


def _article(store: Store, revision: Revision) -> Article:
    article = store.article(revision.article_id)
    if article is None:
        raise NewsweaveError(f"{store.path}: revision {revision.number} of "
                             f"{revision.lineage} has no stored text; the store is damaged")
    return article


def render_text(history: History) -> str:
    """Revisions as a table, then each change as old -> new sentences."""
    latest = history.revisions[-1]
    count = len(history.revisions)
    lines = [f"{latest.origin}: {count} revision{'s' if count > 1 else ''}"]
    for r in history.revisions:
        mark = "  (latest)" if r.number == latest.number else ""
        lines.append(f"  {r.number}  {r.article_id}  {r.ingested_at}  {r.origin}{mark}")
    for before, diff in zip(history.revisions, history.diffs, strict=False):
        lines.extend(["", _diff_heading(before.number, diff)])
        for change in diff.changes:
            lines.extend(_change_lines(change))
    return "\n".join(printable(line) for line in lines)


def _diff_heading(number: int, diff: RevisionDiff) -> str:
    counts = ", ".join(f"{diff.count(k)} {k}" for k in ("changed", "added", "removed"))
    return f"revision {number} -> {number + 1}: {counts}"


def _change_lines(change: SentenceChange) -> list[str]:
    mark = _MARK[change.kind]
    if change.old is None or change.new is None:
        piece = change.new or change.old
        return [f"  {mark} {piece.text if piece else ''}"]
    lines = [f"  {mark} {change.old.text}", f"    -> {change.new.text}"]
    words = "; ".join(_edit_text(e) for e in change.edits)
    if words:
        lines.append(f"       ({words})")
    return lines


def _edit_text(edit: WordEdit) -> str:
    old = edit.old.text if edit.old else ""
    new = edit.new.text if edit.new else ""
    if not old:
        return f"added {new!r}"
    if not new:
        return f"cut {old!r}"
    return f"{old} -> {new}"


def render_json(history: History) -> str:
    """``{"schema", "lineage", "revisions": [...], "diffs": [...]}`` with sorted keys."""
    data = {
        "schema": SCHEMA,
        "lineage": history.revisions[0].lineage,
        "revisions": to_dict(history.revisions),
        "diffs": [
            {**to_dict(d), "from": r.number, "to": r.number + 1}
            for r, d in zip(history.revisions, history.diffs, strict=False)
        ],
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
