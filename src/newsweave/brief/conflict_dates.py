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

from newsweave.brief.conflict_frames import (
    EVENT_CLASSES,
    STOPWORDS,
    first_per_source,
    people_in,
    side_at,
)
from newsweave.lexicon import MONTH_PATTERN, MONTHS, WEEKDAYS
from newsweave.model import Article, Conflict, DateMention

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


def find_date_conflicts(articles: Sequence[Article]) -> list[Conflict]:
    """Date conflicts across sources (see ``find_conflicts``)."""
    dated = [d for a in articles for m in a.dates if (d := _dated(a, m)) is not None]
    groups: dict[tuple[str, str, tuple[int, ...], tuple[int, ...]], list[Dated]] = {}
    for x, y in combinations(dated, 2):
        if _conflicting(x, y):
            lo, hi = sorted((x.value, y.value))
            group = groups.setdefault((_event(x.anchor), x.kind, lo, hi), [])
            group += [d for d in (x, y) if d not in group]
    return [_conflict(g) for g in groups.values()]


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


def _conflicting(x: Dated, y: Dated) -> bool:
    if x.article.label == y.article.label or x.kind != y.kind or x.value == y.value:
        return False
    if _event(x.anchor) != _event(y.anchor):
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


def _conflict(group: list[Dated]) -> Conflict:
    """One conflict per event and pair of dates: one side per source."""
    chosen = first_per_source(sorted(group, key=lambda d: d.value), lambda d: d.article)
    sides = tuple(side_at(d.article, d.mention.sentence, d.mention.start, d.mention.end)
                  for d in chosen)
    what = {"weekday": "day of the week", "day": "date", "year": "year", "years": "years"}
    anchors = " / ".join(dict.fromkeys(d.anchor for d in chosen))
    values = " vs ".join(dict.fromkeys(d.mention.text for d in chosen))
    reason = f"both date the same event ({anchors}): {values} ({what[chosen[0].kind]} differs)"
    return Conflict(kind="date", subject=f"when: {anchors}", reason=reason, sides=sides)
