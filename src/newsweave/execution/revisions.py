"""Folding a new text read from a known origin: a revision of its article.

An outlet corrects a figure and the file, URL or record is read again: the new text
is the latest revision of the stored article (it takes the article's place in its
story, so the brief quotes it), not a near-duplicate of it. A copy of either text
under another name still folds as a duplicate, into the latest revision.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsweave.dedup.revisions import is_revision
from newsweave.model import Article
from newsweave.store import Store
from newsweave.store.revisions import Revision


@dataclass(frozen=True, slots=True)
class RevisionBase:
    """The revision a new text replaces, and the story that keeps it."""

    latest: Revision
    story_id: str


def revision_base(store: Store, article: Article) -> RevisionBase | None:
    """What ``article`` revises, or None when it is not a new text of a stored article.

    The same text is no revision; the exact text of another stored article is a copy
    (a dump renumbered, an older crawl), unless the same input went back to an
    earlier text of its own; a text that shares too little with the stored one means
    the origin was reused for another article.
    """
    lineage = store.lineage_read_from(article.origin, article.url)
    latest = store.latest_revision(lineage) if lineage is not None else None
    if latest is None or latest.article_id == article.id:
        return None
    story_id = store.story_of(latest.article_id)
    if story_id is None:
        return None
    known = store.lineage_of(article.id)
    if known is not None:
        reverted = known == latest.lineage and article.origin == latest.origin
        return RevisionBase(latest, story_id) if reverted else None
    previous = store.article(latest.article_id)
    if previous is None or not is_revision(previous.text, article.text):
        return None
    return RevisionBase(latest, story_id)


def record_revision(store: Store, base: RevisionBase, article: Article) -> None:
    """Store ``article`` as the next revision and put it in the story in place of the last."""
    store.put_article(article)
    store.add_revision(base.latest.lineage, article)
    store.supersede(base.latest.article_id, article.id, base.story_id)


def start_lineage(store: Store, article: Article) -> None:
    """Record a new article as the first revision of its own lineage."""
    store.add_revision(article.id, article)


def latest_of(store: Store, article_id: str) -> str:
    """The latest revision of the article ``article_id`` is a revision of (or itself)."""
    lineage = store.lineage_of(article_id)
    latest = store.latest_revision(lineage) if lineage is not None else None
    return article_id if latest is None else latest.article_id
