"""Date conflicts: two sources give one event different days, weekdays or years.

A date mention is keyed by what it states (a weekday, a month and day, a year or a
span of years) and anchored to the verb or event noun it modifies in the parse
("died *on Friday*", "*sold* ... *in 1957*", "*Saturday's* shooting"): the
``DateMention.anchor`` set at extraction, so no parser runs here.
Two mentions from different sources conflict when their anchors are the same event
(same lemma or event class), they share a content word besides the anchor (the
same subject; not needed when both use the same uncommon verb), their sentences do
not name different persons, and their values of one kind differ.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from newsweave.brief.conflicts.frames import EVENT_CLASSES, STOPWORDS, people_in
from newsweave.brief.conflicts.match import DATE_CONTEXT_COSINE, context_at, mutual_best
from newsweave.brief.conflicts.sides import fact_groups, side_at, value_groups
from newsweave.extract.embeddings import Embedder
from newsweave.lexicon import MONTH_PATTERN, MONTHS, WEEKDAYS
from newsweave.model import Article, Conflict, ConflictKind, DateMention

_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_MONTH_NAME = f"({MONTH_PATTERN})"
_MONTH_DAY = re.compile(
    rf"\b(?:{_MONTH_NAME}\.?\s+(\d{{1,2}})\b"
    rf"|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAME})",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# Years further apart than this are taken to be different events (a career vs a
# single act); the dev disagreements are 1 to 10 years apart.
MAX_YEAR_GAP = 10
# Verbs too common to name an event by themselves ("said on Monday").
COMMON_ANCHORS = frozenset({
    "say", "tell", "write", "be", "have", "do", "make", "take", "get", "go", "come",
    "report", "announce", "see", "give", "know", "find", "begin", "start", "end",
})
CONTEXT_MIN_SHARED = 1  # content words (besides the anchor) both sentences share


@dataclass(frozen=True, slots=True)
class Dated:
    article: Article
    mention: DateMention
    kind: str  # "weekday", "day", "year", "years"
    value: tuple[int, ...]
    anchor: str
    context: frozenset[str]
    people: frozenset[str]  # name words of the persons its sentence names


def find_date_conflicts(articles: Sequence[Article], embedder: Embedder) -> list[Conflict]:
    """Date conflicts across sources (see ``find_conflicts``): pairs of one event,
    each the other's best match by the words around it (``match.mutual_best``)."""
    dated = [d for a in articles for m in a.dates if (d := _dated(a, m)) is not None]
    stated = _stated(articles)
    edges = [(i, j) for i, j in combinations(range(len(dated)), 2)
             if _conflicting(dated[i], dated[j]) and not _also_stated(dated[i], dated[j], stated)]
    edges = mutual_best(
        dated, edges, embedder,
        context=lambda d: context_at(d.article, d.mention.sentence, d.mention.start,
                                     d.mention.end),
        group=lambda d: (d.article.id, d.article.label, d.kind),
        comparable=_same_event, value=lambda d: d.value, min_cosine=DATE_CONTEXT_COSINE,
    )
    groups = fact_groups(dated, edges, lambda d: d.article.label)
    return [c for g in groups if (c := _conflict(g)) is not None]


def _stated(articles: Sequence[Article]) -> dict[str, set[tuple[str, tuple[int, ...]]]]:
    """Every date each source states, anchored or not, by kind and value."""
    out: dict[str, set[tuple[str, tuple[int, ...]]]] = {}
    for a in articles:
        keys = out.setdefault(a.label, set())
        keys.update(key for m in a.dates if (key := date_key(m.text)) is not None)
    return out


def _also_stated(x: Dated, y: Dated, stated: dict[str, set[tuple[str, tuple[int, ...]]]]) -> bool:
    """Whether either source also states the other's date: "killed June 24 while
    investigating a June 20 shooting" knows both days, so they date two events."""
    return (x.kind, y.value) in stated[x.article.label] or (y.kind, x.value) in stated[
        y.article.label]


def date_key(text: str) -> tuple[str, tuple[int, ...]] | None:
    """What a date expression states: a weekday, a month-day, a year or a year span."""
    if m := _MONTH_DAY.search(text):
        month = (m.group(1) or m.group(4)).lower()
        day = int(m.group(2) or m.group(3))
        return ("day", (MONTHS[month], day)) if 1 <= day <= 31 else None
    if m := _WEEKDAY.search(text):
        return "weekday", (WEEKDAYS[m.group(1).lower()],)
    years = [int(y) for y in _YEAR.findall(text)]
    if len(years) == 2 and years[0] < years[1]:
        return "years", (years[0], years[1])
    if len(years) == 1:
        return "year", (years[0],)
    return None


def _dated(article: Article, m: DateMention) -> Dated | None:
    key = date_key(m.text)
    if key is None or not 0 <= m.sentence < len(article.sentences):
        return None
    sentence = article.sentences[m.sentence]
    anchor = m.anchor  # set at extraction from the article's parse
    if anchor is None:
        return None
    words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", sentence.text)}
    context = frozenset(words - STOPWORDS - {anchor} - set(WEEKDAYS))
    return Dated(article, m, key[0], key[1], anchor, context, people_in(article, m.sentence))


def _same_event(x: Dated, y: Dated) -> bool:
    """Whether two date mentions of one kind date the same event."""
    return x.kind == y.kind and _event(x.anchor) == _event(y.anchor)


def _conflicting(x: Dated, y: Dated) -> bool:
    if x.article.label == y.article.label or x.value == y.value or not _same_event(x, y):
        return False
    if x.people and y.people and not x.people & y.people:
        return False  # "Ivory was placed ... Tuesday" / "Thomas was placed ... Wednesday"
    # The same uncommon verb ("admitted in 2006" / "admitted in 2005") names the
    # event by itself; a class match or a common verb needs a shared word too.
    same_verb = x.anchor == y.anchor and x.anchor not in COMMON_ANCHORS
    if not same_verb and len((x.context & y.context) - {x.anchor, y.anchor}) < CONTEXT_MIN_SHARED:
        return False
    if x.kind in ("year", "years"):
        return abs(x.value[0] - y.value[0]) <= MAX_YEAR_GAP
    return True


def _event(lemma: str) -> str:
    return DATE_EVENTS.get(lemma) or EVENT_CLASSES.get(lemma, lemma)


# A date of a killing is one date whether the text says killed, shot or shooting
# (the Grigoropoulos "Sunday" vs "Saturday's shooting" disagreement in the dev set).
DATE_EVENTS = dict.fromkeys(
    ("kill", "killing", "shoot", "shooting", "murder", "slay", "gun"), "killing"
) | dict.fromkeys(("foil", "thwart", "repel", "repulse", "avert"), "foiled") | dict.fromkeys(
    ("serve", "hold"), "served"
)


def _conflict(group: list[Dated]) -> Conflict | None:
    """One conflict per event: one side per source, the earliest date first."""
    chosen = sorted(group, key=lambda d: (d.value, d.article.label))
    if len({d.value for d in chosen}) < 2:
        return None
    groups = value_groups([d.value for d in chosen])
    sides = tuple(side_at(d.article, d.mention.sentence, d.mention.start, d.mention.end,
                          value_group=n) for d, n in zip(chosen, groups, strict=True))
    what = {"weekday": "day of the week", "day": "date", "year": "year", "years": "years"}
    anchors = " / ".join(dict.fromkeys(d.anchor for d in chosen))
    values = " vs ".join(dict.fromkeys(d.mention.text for d in chosen))
    reason = f"they date the same event ({anchors}): {values} ({what[chosen[0].kind]} differs)"
    return Conflict(kind=ConflictKind.DATE, subject=f"when: {anchors}", reason=reason,
                    sides=sides)
