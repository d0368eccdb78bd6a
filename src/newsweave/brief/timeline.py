"""The dated events of a story, each cited to every article that dates it.

One entry per resolved ISO date (day, month or year): its statement quotes the
sentence that states the date most precisely, and its citations name every article
with a sentence carrying that date. Expressions that could not be resolved
("on Monday" without a publication date, "last week") follow, one per wording.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsweave.model import Article, Citation, DateItem, DateMention, Statement, TimelineEntry

# How plainly a granularity states a date: a written day beats a resolved weekday,
# which beats a relative word, when choosing the sentence that speaks for a date.
PRECISION_RANK: dict[str, int] = {"day": 0, "month": 1, "year": 2, "weekday": 3, "relative": 4}


@dataclass(frozen=True, slots=True)
class _Dated:
    """One date mention with the sentence citation that carries it."""

    order: int  # article position in the story, then text order
    mention: DateMention
    citation: Citation


def collect_dates(articles: Sequence[Article]) -> tuple[DateItem, ...]:
    """Every date expression of the story with the sentence that states it.

    Resolved items come first in date order (coarser values before finer ones of
    the same period), unresolved ones after in article and text order; an
    expression at the same offsets of the same article is listed once.
    """
    items = [DateItem(d.mention.text, d.mention.value, d.citation) for d in _dated(articles)]
    return tuple(sorted(items, key=lambda i: (i.value is None, i.value or "")))


def build_timeline(articles: Sequence[Article]) -> tuple[TimelineEntry, ...]:
    """The story's timeline: one cited entry per date, then unresolved expressions.

    Each resolved ISO value becomes one ``TimelineEntry`` whose statement quotes the
    sentence stating that date most precisely and cites, once per article, the first
    sentence of every article carrying the same date. Unresolved expressions come
    after with ``resolved=False`` and ``when`` set to the expression, merged by
    wording (case and spacing folded).
    """
    resolved: dict[str, list[_Dated]] = {}
    unresolved: dict[str, list[_Dated]] = {}
    for d in _dated(articles):
        if d.mention.value is not None:
            resolved.setdefault(d.mention.value, []).append(d)
        else:
            key = " ".join(d.mention.text.casefold().split())
            unresolved.setdefault(key, []).append(d)
    entries = [_entry(value, True, resolved[value]) for value in sorted(resolved)]
    for group in unresolved.values():
        entries.append(_entry(group[0].mention.text, False, group))
    return tuple(entries)


def _entry(when: str, is_resolved: bool, dated: list[_Dated]) -> TimelineEntry:
    """One entry: the plainest statement first, then one citation per other article."""
    ranked = sorted(dated, key=lambda d: (PRECISION_RANK[d.mention.granularity], d.order))
    citations: list[Citation] = []
    seen: set[str] = set()
    for d in [ranked[0], *sorted(dated, key=lambda d: d.order)]:
        if d.citation.article_id not in seen:
            seen.add(d.citation.article_id)
            citations.append(d.citation)
    statement = Statement(text=citations[0].text, citations=tuple(citations))
    return TimelineEntry(when=when, resolved=is_resolved, statement=statement)


def _dated(articles: Sequence[Article]) -> Iterator[_Dated]:
    """Date mentions of every article with their sentence citations, deduplicated."""
    seen: set[tuple[str, int, int]] = set()
    order = 0
    for article in articles:
        for mention in sorted(article.dates, key=lambda m: m.start):
            key = (article.id, mention.start, mention.end)
            if key in seen:
                continue
            seen.add(key)
            order += 1
            yield _Dated(order, mention, _citation(article, mention))


def _citation(article: Article, mention: DateMention) -> Citation:
    """The sentence holding the mention, quoted exactly (the mention itself if none)."""
    index = mention.sentence
    if not 0 <= index < len(article.sentences):
        index = article.sentence_of(mention.start)
    if 0 <= index < len(article.sentences):
        s = article.sentences[index]
        start, end = s.start, s.end
    else:
        start, end = mention.start, mention.end
    return Citation.quote(article, start, end)
