"""Date expressions, resolved to ISO values where the text and publication date allow.

A small cascade of regular expressions finds the forms news prose uses (``January 5,
2020``, ``Jan. 5``, ``5 January``, ``2020-01-05``, ``Sept. 2019``, ``on Monday``,
``yesterday``, ``three days ago``); spaCy's DATE entities add the bare years it is
sure of and the vaguer expressions the patterns miss ("the next few weeks").
A date without its year or week (a weekday, "January 5", "in March") lies on the
side of the publication date that its sentence's tense says (``date_direction``:
"will step down on January 1" in a December article is next year's), or, where the
tense says nothing, nearest to it; without a publication date the latest full date
written earlier in the same text anchors it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from newsweave.extract.date_anchors import Direction, date_direction
from newsweave.extract.nlp import doc_text
from newsweave.lexicon import MONTHS, WEEKDAYS
from newsweave.model import DateMention, Sentence
from newsweave.model.article import DateGranularity

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Single words meaning a day relative to publication (days added).
RELATIVE_DAYS: dict[str, int] = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
    "this morning": 0, "this afternoon": 0, "this evening": 0, "last night": -1,
}  # fmt: skip
# Words in a spaCy DATE entity that make it a point in time rather than a duration
# or an age ("33 years old", "17-year"): checked by hand on the newswcl50 DATE spans.
POINT_MARKERS = frozenset({
    "ago", "last", "this", "next", "past", "earlier", "later", "recent", "recently",
    "early", "late", "mid", "weekend", "since", "until", "before", "after",
})  # fmt: skip
# Where the tense says nothing, a month-day or month without a year more than this
# many days after publication is read as last year's ("Dec. 31" in an article of
# Jan. 2), and one further back than the rest of the year as next year's ("Jan. 5"
# in an article of Dec. 20): the nearest reading. Half a year, set by hand and
# checked on conflicts/dev.jsonl, where the tense-less ones lie from 111 days before
# to 146 days after publication, all read right by any value from 146 to 253 (half
# a: 22 before to 103 after, 103 to 342; half b: 111 before to 146 after, 146 to 253).
LOOKAHEAD_DAYS = 183
YEAR_MIN, YEAR_MAX = 1800, 2099  # plausible news years; outside them "1500" is a count

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?"
    r"|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_WD_PREFIX = rf"(?:{_WEEKDAY},?\s+)?"
# Words that make a bare month or year a date ("in May", "mid-March", "since 2003").
_LEAD_IN = r"(?:in|since|from|until|by|of|early|late)\s|mid-"
# Order is priority among matches of equal length.
PATTERNS: tuple[tuple[DateGranularity, re.Pattern[str]], ...] = (
    ("day", re.compile(rf"\b(?P<iso>{_YEAR}-(?P<mm>[01]\d)-(?P<dd>[0-3]\d))\b")),
    ("day", re.compile(rf"\b{_WD_PREFIX}{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?")),
    ("day", re.compile(rf"\b{_WD_PREFIX}{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?")),
    ("month", re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b")),
    ("weekday", re.compile(rf"\b(?:(?P<dir>(?i:last|next|this))\s+)?{_WEEKDAY}\b")),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon"
            r"|evening)|last\s+night)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<span>(?P<dir>last|this|next)\s+(?P<unit>week|month|year))\b"
            r"|\b(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
            r"(?P<agounit>day|week|month|year)s?\s+ago\b",
            re.IGNORECASE,
        ),
    ),
    ("month", re.compile(rf"\b(?P<mdir>(?i:last|this|next))\s+{_MONTH}\b(?!\s+\d)")),
    ("month", re.compile(rf"\b(?:{_LEAD_IN})\s*{_MONTH}\b(?!\s+\d)")),
    ("year", re.compile(rf"\b(?:{_LEAD_IN}|before|after|during)\s*{_YEAR}\b")),
)
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Hit:
    """One candidate date expression before overlaps are settled."""

    start: int
    end: int
    granularity: DateGranularity
    value: str | None
    weekday: int | None
    from_model: bool = False  # a spaCy span: yields to any overlapping pattern match


@dataclass(frozen=True, slots=True)
class _Anchor:
    """What a date without its year or week is resolved against."""

    published: date | None
    last_full: date | None  # the latest full date written earlier in the text
    direction: Direction | None  # the side of publication the sentence's tense says

    @property
    def base(self) -> date | None:
        return self.published or self.last_full

    @property
    def toward(self) -> Direction | None:
        """The tense applies to publication only, not to an earlier date in the text."""
        return self.direction if self.published else None


def find_dates(
    doc: Doc, sentences: tuple[Sentence, ...], published: str | None
) -> tuple[DateMention, ...]:
    """Date mentions of ``doc``, resolved to ISO values where possible.

    Absolute dates resolve from the text; a month-day or month without a year takes
    it from ``published`` (or an earlier full date in the text), on the side of
    publication its verb's tense says and nearest to it where the tense says
    nothing; weekdays and relative words ("yesterday", "last month") resolve against
    ``published`` likewise and stay ``None`` (with ``weekday`` set for weekdays)
    when it is unknown. ``sentence`` indexes ``sentences``; spans satisfy
    ``doc.text[m.start:m.end] == m.text``.
    """
    text = doc_text(doc)
    anchor = _parse_iso(published)
    hits = list(_pattern_hits(doc, anchor))
    hits.extend(_spacy_hits(doc))
    starts = [s.start for s in sentences]
    out: list[DateMention] = []
    for hit in _settle(hits):
        start, end = _trim(text, hit.start, hit.end)
        out.append(
            DateMention(
                start=start,
                end=end,
                text=text[start:end],
                granularity=hit.granularity,
                value=hit.value,
                weekday=hit.weekday,
                sentence=_sentence_index(sentences, starts, start),
            )
        )
    return tuple(out)


def _pattern_hits(doc: Doc, published: date | None) -> Iterator[_Hit]:
    """Candidates from the regex cascade, resolved in text order."""
    found: list[tuple[int, int, DateGranularity, re.Match[str]]] = []
    for priority, (granularity, pattern) in enumerate(PATTERNS):
        for match in pattern.finditer(doc_text(doc)):
            found.append((match.start(), priority, granularity, match))
    found.sort(key=lambda f: (f[0], f[1]))
    last_full: date | None = None  # year anchor when publication date is unknown
    for _, _, granularity, match in found:
        yearless = published is not None and not match.groupdict().get("year")
        direction = date_direction(doc, match.start(), match.end()) if yearless else None
        hit = _resolve(match, granularity, _Anchor(published, last_full, direction))
        if hit is None:
            continue
        if granularity == "day" and match.groupdict().get("year") and hit.value:
            last_full = date.fromisoformat(hit.value)
        yield hit


def _resolve(m: re.Match[str], granularity: DateGranularity, anchor: _Anchor) -> _Hit | None:
    """A candidate from one match (None when the match is not a date)."""
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    pub = anchor.published
    if granularity == "relative" and m.group(0).isupper():
        return None  # "USA TODAY", a headline in capitals: a name, not a date
    weekday = WEEKDAYS[g["weekday"].lower()] if "weekday" in g else None
    if "iso" in g:
        return _hit(m, "day", _safe_date(int(g["year"]), int(g["mm"]), int(g["dd"])))
    if "month" in g:
        return _resolve_month(m, g, granularity, anchor, weekday)
    if "weekday" in g:
        value = _weekday_date(weekday or 0, g.get("dir"), pub, anchor.toward)
        return _hit(m, "weekday", value, weekday)
    if "rel" in g:
        shift = RELATIVE_DAYS[" ".join(g["rel"].lower().split())]
        value = (pub + timedelta(days=shift)).isoformat() if pub else None
        return _hit(m, "relative", value)
    if "unit" in g:
        return _hit(m, "relative", _relative_unit(g["dir"].lower(), g["unit"].lower(), pub))
    if "agounit" in g:
        n = _NUMBER_WORDS.get(g["n"].lower()) or int(g["n"])
        return _hit(m, "relative", _ago(n, g["agounit"].lower(), pub))
    if "year" in g:
        return _hit(m, "year", g["year"])
    return None


def _resolve_month(
    m: re.Match[str],
    g: dict[str, str],
    granularity: DateGranularity,
    anchor: _Anchor,
    weekday: int | None,
) -> _Hit | None:
    """Month-day, month-year or bare month (with a year from ``anchor`` if needed)."""
    word = g["month"].lower().rstrip(".")
    month = MONTHS[word]
    if granularity == "month" and "year" in g:
        return _hit(m, "month", f"{int(g['year']):04d}-{month:02d}")
    if granularity == "month":
        return _hit(m, "month", _month_value(month, g.get("mdir"), anchor))
    day = int(g["day"])
    if not 1 <= day <= 31:
        return None
    if "year" in g:
        return _hit(m, "day", _safe_date(int(g["year"]), month, day), weekday)
    base = anchor.base
    if base is None:
        return _hit(m, "day", None, weekday)
    candidates = [d for y in _years_around(base) if (d := _valid_date(y, month, day))]
    chosen = _choose(candidates, base, base, anchor.toward)
    return _hit(m, "day", chosen.isoformat() if chosen else None, weekday)


def _hit(
    m: re.Match[str], gran: DateGranularity, value: str | None, weekday: int | None = None
) -> _Hit:
    """A candidate covering the match, from the month or year on for those forms."""
    start = m.start()
    if gran in ("month", "year") and not m.groupdict().get("mdir"):
        start = m.start("month") if m.groupdict().get("month") else m.start("year")
    return _Hit(start, m.end(), gran, value, weekday)


def _spacy_hits(doc: Doc) -> Iterator[_Hit]:
    """spaCy DATE spans: bare years and point-in-time phrases the patterns miss."""
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        words = ent.text.lower().split()
        year = re.fullmatch(rf"(?:the\s+)?{_YEAR}", ent.text)
        if year is not None and YEAR_MIN <= int(year.group("year")) <= YEAR_MAX:
            start = ent.start_char + year.start("year")
            yield _Hit(start, ent.end_char, "year", year.group("year"), None, True)
        elif POINT_MARKERS.intersection(words):
            yield _Hit(ent.start_char, ent.end_char, "relative", None, None, True)


def _settle(hits: list[_Hit]) -> list[_Hit]:
    """Non-overlapping candidates: patterns before spaCy, then longer, then resolved."""
    ranked = sorted(
        hits, key=lambda h: (h.from_model, -(h.end - h.start), h.value is None, h.start)
    )
    taken: list[_Hit] = []
    starts: list[int] = []  # of the taken hits, which never overlap: in text order
    ends: list[int] = []
    for hit in ranked:
        # Only the last taken hit starting before this one ends can overlap it.
        i = bisect.bisect_left(starts, hit.end)
        if i == 0 or ends[i - 1] <= hit.start:
            taken.append(hit)
            starts.insert(i, hit.start)
            ends.insert(i, hit.end)
    return sorted(taken, key=lambda h: h.start)


def _month_value(month: int, word: str | None, anchor: _Anchor) -> str | None:
    """A month named without its year: "last March", "next May", "in November"."""
    base = anchor.base
    if base is None:
        return None
    year = base.year
    step = (word or "").lower()
    if step == "last" and month >= base.month:
        year -= 1
    elif step == "next" and month <= base.month:
        year += 1
    elif not step:
        starts = [date(y, month, 1) for y in _years_around(base)]
        year = (_choose(starts, base.replace(day=1), base, anchor.toward) or base).year
    return f"{year:04d}-{month:02d}"


def _choose(
    candidates: list[date], earliest: date, latest: date, toward: Direction | None
) -> date | None:
    """The reading the tense points to: the first on or after ``earliest`` for the
    future, the last up to ``latest`` for the past, else the last up to the lookahead."""
    if toward == "future":
        return min((c for c in candidates if c >= earliest), default=None)
    limit = latest if toward == "past" else latest + timedelta(LOOKAHEAD_DAYS)
    return max((c for c in candidates if c <= limit), default=None)


def _years_around(base: date) -> range:
    """The years a date written without one can fall in: last, this and next."""
    return range(base.year - 1, base.year + 2)


def _weekday_date(
    weekday: int, word: str | None, pub: date | None, toward: Direction | None
) -> str | None:
    """The named weekday nearest publication: on or before it unless "next" or the
    tense points forward (on or after it; strictly after for "next")."""
    if pub is None:
        return None
    step = (word or "").lower()
    if step == "next" or (toward == "future" and step != "last"):
        delta = (weekday - pub.weekday()) % 7
        return (pub + timedelta(days=delta or (7 if step == "next" else 0))).isoformat()
    delta = (pub.weekday() - weekday) % 7
    if step == "last" and delta == 0:
        delta = 7
    return (pub - timedelta(days=delta)).isoformat()


def _relative_unit(direction: str, unit: str, pub: date | None) -> str | None:
    """ "last month" / "this year" as a month or year; weeks have no ISO value."""
    if pub is None or unit == "week":
        return None
    step = {"last": -1, "this": 0, "next": 1}[direction]
    if unit == "year":
        return f"{pub.year + step:04d}"
    months = pub.year * 12 + pub.month - 1 + step
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def _ago(n: int, unit: str, pub: date | None) -> str | None:
    """ "three days ago" and the like, at the unit's own precision."""
    if pub is None or unit == "week":
        return None
    if unit == "day":
        return (pub - timedelta(days=n)).isoformat()
    if unit == "year":
        return f"{pub.year - n:04d}"
    months = pub.year * 12 + pub.month - 1 - n
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def _safe_date(year: int, month: int, day: int) -> str | None:
    """ISO day, or None for impossible dates ("Feb. 30")."""
    valid = _valid_date(year, month, day)
    return valid.isoformat() if valid else None


def _valid_date(year: int, month: int, day: int) -> date | None:
    """The day, or None for impossible dates ("Feb. 30")."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _parse_iso(value: str | None) -> date | None:
    """The publication date, or None when absent or malformed."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace or a trailing comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _sentence_index(sentences: tuple[Sentence, ...], starts: list[int], offset: int) -> int:
    """Index of the sentence holding ``offset`` (-1 when between sentences)."""
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and offset < sentences[i].end:
        return i
    return -1
