"""Find the conflicts of one story: numbers, dates and labels, in reading order."""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.brief.conflicts.dates import find_date_conflicts
from newsweave.brief.conflicts.labels import find_label_conflicts
from newsweave.brief.conflicts.numbers import number_conflicts
from newsweave.extract.embeddings import CachedEmbedder, Embedder
from newsweave.model import Article, Conflict

KIND_ORDER = {
    "count": 0, "money": 1, "percent": 2, "measure": 3, "date": 4, "record": 5,
    "contact": 6, "colour": 7,
}
SEVERITY_ORDER = {"clear": 0, "soft": 1}


def find_conflicts(articles: Sequence[Article],
                   embedder: Embedder | None = None) -> tuple[Conflict, ...]:
    """Facts on which the sources of one story disagree.

    ``articles`` are the annotated articles of one story. Two figures conflict when
    they come from different sources (``Article.label``), answer the same question
    (same counted thing or synonym, event, owner, place, time and unit dimension),
    are each other's best match by the words around them (``match``), and their
    values, widened by their hedges and converted to one unit, cannot both hold.
    Dates conflict when two sources give different days, weekdays or years to the
    same event. Contact numbers, colours of one named thing and win-loss records
    that differ are flagged too. Numbers come first (counts, money, percent,
    measures), then dates, then those labels; within a kind, clear conflicts precede
    soft ones (hedged or rounded figures). ``embedder`` embeds the values' contexts
    (default: the packaged model with an in-memory cache).
    """
    embedder = embedder or CachedEmbedder()
    found = number_conflicts(articles, embedder)
    found += find_date_conflicts(articles, embedder)
    found += find_label_conflicts(articles)
    found.sort(key=lambda c: (KIND_ORDER.get(str(c.kind), 9), SEVERITY_ORDER[c.severity]))
    return tuple(found)
