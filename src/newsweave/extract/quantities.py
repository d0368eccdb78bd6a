"""Numbers with their frame: value, kind, unit, what they count, whose, how hedged.

Values come from a character scanner (``quantities_scan``) so spans stay exact; the
frame comes from spaCy's dependency parse: the noun a number attaches to ("5,200
*soldiers*"), the words narrowing it ("US", "military", the governing verb
"killed"), the entity it belongs to ("the U.K. has just 400 troops" -> UK), the
place and time it is anchored to, and the hedge in front of it ("at least").
Numbers that are not amounts keep their own kind: years ("in 2019", "the 1930s"),
clock times, ages ("a 45-year-old", "Smith, 45,"), ranks ("No. 2", "top five"),
ordinals and ranges ("between 20 and 30 people", "early 20s", with low and high).
Day numbers, phone numbers, numbers inside URLs, model names ("AK-47"), labels
("Channel 16"), scores ("13-10") and the pronoun "one" are skipped
(``quantities_role`` decides what a single number is).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from newsweave.extract.nlp import doc_text
from newsweave.extract.quantities_frame import UNITS, Frame, frame_of
from newsweave.extract.quantities_role import ADDRESS_NOUNS, number_role, scale_unit
from newsweave.extract.quantities_scan import (
    WORD_VALUES,
    NumberSpan,
    scan_numbers,
    scan_ordinals,
)
from newsweave.extract.spans import SpanIndex, search_before
from newsweave.lexicon import MONTH_PATTERN
from newsweave.model import Quantity, Sentence
from newsweave.model.article import QuantityKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

HEDGES = (
    "at least", "more than", "over", "upwards of", "in excess of", "just over",
    "well over", "up to", "as many as", "as much as", "at most", "no more than",
    "fewer than", "less than", "under", "just under", "almost", "nearly",
    "about", "around", "roughly", "approximately", "approximate", "some",
    "an estimated", "estimated", "close to", "some", "around about",
)
_HEDGE_RE = re.compile(
    r"(?<!\w)(" + "|".join(sorted(map(re.escape, HEDGES), key=len, reverse=True))
    + r")\s*(?:a\s+|an\s+)?$",
    re.IGNORECASE,
)
_URL_RE = re.compile(r"https?://\S+|www\.\S+|\b\S+\.(?:com|org|net|gov|co\.uk)\S*")
_PHONE_RE = re.compile(
    r"(?<!\d)(?:\+?\d{1,3}[\s-])?(?:\(\d{3}\)\s?|\b0\d{2,4}[\s-]?|\b\d{3}[-.])"
    r"\d{3,4}[\s.-]?\d{3,4}(?!\d)"
)
_TIME_AFTER = re.compile(
    r"^\s?(?:[:.]\s?\d{2}(?!\d)|a\.?\s?m\b|p\.?\s?m\b|am\b|pm\b|gmt\b|bst\b|utc\b"
    r"|est\b|edt\b|pdt\b|local time|o'clock|hrs\b|\(\d{4}\s?gmt)",
    re.IGNORECASE,
)
_TIME_BEFORE = re.compile(r"\d\s?:\s?$")
_MONTH_BEFORE = re.compile(rf"\b{MONTH_PATTERN}\.?\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(
    rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?{MONTH_PATTERN}\b", re.IGNORECASE
)
_SLASH = re.compile(r"^\s?/\s?\d|^\s?-\s?\d{2}\s?-")
_SLASH_BEFORE = re.compile(r"\d\s?/\s?$")
# "two-thirds of the vote", "three quarters of": a fraction, not a count.
_FRACTION_AFTER = re.compile(
    r"^\s?(?:-\s?(?:halve|third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)s?\b"
    r"|\s(?:halves|thirds|quarters|fifths|sixths|sevenths|eighths|ninths|tenths)\s+of\b)",
    re.IGNORECASE,
)
# "a 4x4", "four-by-four", "8-by-12 feet": the parts of a dimension are no counts;
# the last part stays a measure when a unit follows it.
_SMALL = r"(?:\d{1,3}(?![\d,])|" + "|".join(WORD_VALUES) + r")"
_BY_AFTER = re.compile(rf"^(?:x\d|\s?-?\s?by\s?-?\s?{_SMALL}\b)", re.IGNORECASE)
_BY_BEFORE = re.compile(rf"\b{_SMALL}\s?-?\s?by\s?-?\s?$|\dx$", re.IGNORECASE)
# Model names: "AK-47", "F-16", "AK 47" (two to four capitals before a space).
_DESIGNATION_BEFORE = re.compile(r"\b[A-Z][A-Za-z]{0,5}\s?-\s?$|\b[A-Z]{2,4}\s$")
_RANGE_AFTER = re.compile(r"^\s?(?:-|–|—|to|-to-)\s?\d", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"\d\s?(?:-|–|—|to|-to-)\s?$", re.IGNORECASE)
# "N miles (N km) south of Tehran": a distance from a named place.
_DISTANCE_FROM = re.compile(
    r"\s?-?\s?[a-z]+\.?\s*(?:\([^)]{0,40}\)\s*)?"
    r"(?:due\s+)?(?:north|south|east|west)(?:-?\s?(?:east|west))?(?:ern)?\s+of\s+"
    r"(?:the\s+)?([A-Z][\w-]+(?:\s[A-Z][\w-]+)*)"
)
_CALIBER_DOT = re.compile(r"\.\s?$")
_YEAR_MIN, _YEAR_MAX = 1800, 2100  # four-digit integers in this span read as years
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Unit abbreviations written onto a number: "600m", "15km", "9mm", "40ft".
_GLUED_UNIT = re.compile(r"(km|m|cm|mm|ft|kg|lb|mph|kph)(?![A-Za-z0-9])", re.IGNORECASE)
_DROPPED_ROLES = frozenset({"label", "pronoun", "phone"})
# An age or a rank describes a person or a position, not what the verb did.
_ACTION_KINDS = frozenset({"count", "money", "percent", "measure", "range"})
# "in her early 20s", "men in their 70s": a decade of ages, not of years.
_POSSESSIVE_BEFORE = re.compile(r"\b(?:his|her|their|my|your|our)\s*$", re.IGNORECASE)
_CONTEXT_CHARS = 40  # how far around a number the skip patterns look


def find_quantities(doc: Doc, sentences: tuple[Sentence, ...]) -> tuple[Quantity, ...]:
    """Every number of ``doc`` with what it is and its frame, in text order.

    ``doc`` is the spaCy parse of the article text; ``sentences`` are the article's
    sentences (their index goes into ``Quantity.sentence``). Each quantity holds the
    exact span of the value as written ("$80m", "5,200", "77 percent"), the parsed
    value (80e6, 5200, 77) and its kind: amounts (count, money, percent, measure)
    with their unit, counted noun lemma, action, qualifiers, owner and hedge; and
    numbers that name a point or a position: ages, ranks, years, clock times,
    ordinals and ranges (``low``/``high``). Numbers that are neither (dates, phone
    numbers, URLs, model names, labels such as "Channel 16", scores, the pronoun
    "one") are left out.
    """
    text = doc_text(doc)
    blocked = SpanIndex(_blocked_spans(text))
    starts = [s.start for s in sentences]
    out: list[Quantity] = []
    for n in scan_numbers(text):
        if blocked.overlaps(n.start, n.end):
            continue
        q = _read(doc, n)
        if q is not None:
            out.append(replace(q, sentence=_sentence_index(starts, sentences, n.start)))
    taken = SpanIndex((q.start, q.end) for q in out)
    for n in scan_ordinals(text):
        if not taken.overlaps(n.start, n.end):
            out.append(_ordinal(text, n, sentences, starts))
    return tuple(sorted(out, key=lambda q: q.start))


def _read(doc: Doc, n: NumberSpan) -> Quantity | None:
    """What one scanned span is, or None when it is no quantity."""
    text = doc_text(doc)
    if n.form == "tally":
        return None  # "won 13-10", "a 5-4 vote"
    if n.form == "time":
        return _bare(text, n, "time")
    if n.form == "decade":
        return _decade(text, n)
    if n.form == "point" and _not_a_quantity(text, n):
        return None
    if n.form == "point" and _is_year(doc, n):
        return _bare(text, n, "year")
    return _quantity(doc, n)


def _bare(text: str, n: NumberSpan, kind: QuantityKind) -> Quantity:
    return Quantity(start=n.start, end=n.end, text=text[n.start : n.end], value=n.value,
                    kind=kind, low=n.low, high=n.high)


def _decade(text: str, n: NumberSpan) -> Quantity:
    """"the 1930s" is a span of years; "in her early 20s" a span of ages."""
    if n.century:
        return _bare(text, n, "year")
    q = _bare(text, n, "range")
    if search_before(_POSSESSIVE_BEFORE, text, n.start):
        return replace(q, counted="age", unit="year")
    return q


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    """Spans no quantity may come from: URLs and phone numbers."""
    spans = [m.span() for m in _URL_RE.finditer(text)]
    spans += [m.span() for m in _PHONE_RE.finditer(text)]
    return spans


def _not_a_quantity(text: str, n: NumberSpan) -> bool:
    """Dates, clock times, designations and ranges that the scanner also matched."""
    before = text[max(0, n.start - _CONTEXT_CHARS) : n.start]
    after = text[n.end : n.end + _CONTEXT_CHARS]
    raw = text[n.start : n.core_end]
    if n.currency is None and not n.percent:
        if _TIME_AFTER.match(after) or _TIME_BEFORE.search(before):
            return True
        if _MONTH_BEFORE.search(before) and n.value <= 31:
            return True
        if _MONTH_AFTER.match(after) and n.value <= 31:
            return True
        if _SLASH.match(after) or _SLASH_BEFORE.search(before):
            return True
        if _FRACTION_AFTER.match(after) or _BY_AFTER.match(after):
            return True
    if raw[:1].isdigit() and _DESIGNATION_BEFORE.search(before):
        return True
    if n.percent or n.currency is not None:
        return False  # "49 percent to 44 percent": shares left unpaired on purpose
    return bool(_RANGE_AFTER.match(after) or _RANGE_BEFORE.search(before))


def _is_year(doc: Doc, n: NumberSpan) -> bool:
    """A bare four-digit number in the year range that counts no plural noun
    ("in 2019", "the 2016 election", "October 2011"; not "2000 soldiers")."""
    text = doc_text(doc)
    raw = text[n.start : n.end]
    if not re.fullmatch(r"\d{4}", raw) or not _YEAR_MIN <= n.value <= _YEAR_MAX:
        return False
    if re.match(r"[A-Za-z]", text[n.end : n.end + 1]):
        return False  # glued unit: "2000ft"
    tokens = _tokens(doc, n)
    return tokens is None or not _counts_plural(tokens[1])


def _counts_plural(tok: Token) -> bool:
    head = tok.head
    return tok.dep_ == "nummod" and head.i > tok.i and head.tag_ in _PLURAL_TAGS


def _sentence_index(starts: list[int], sentences: tuple[Sentence, ...], pos: int) -> int:
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and sentences[i].start <= pos < sentences[i].end:
        return i
    return -1


def _hedge(text: str, start: int) -> str | None:
    m = _HEDGE_RE.search(text[max(0, start - _CONTEXT_CHARS) : start])
    return m.group(1).lower() if m else None


def _tokens(doc: Doc, n: NumberSpan) -> tuple[Token, Token] | None:
    """The first and the last token of the number itself (before scale words)."""
    span = doc.char_span(n.start, n.core_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    nums = [t for t in span if t.like_num or t.pos_ == "NUM"]
    return (nums[0], nums[-1]) if nums else (span[0], span[-1])


def _quantity(doc: Doc, n: NumberSpan) -> Quantity | None:
    """An amount, age, rank or range with its frame; None for labels and pronouns."""
    tokens = _tokens(doc, n)
    if tokens is None:
        return None
    text = doc_text(doc)
    glued = _GLUED_UNIT.match(text, n.end) if _bare_number(n) else None
    # A glued unit ("600m") belongs to the number, whatever the tagger made of it.
    frame = frame_of(doc, tokens[1], n.start, glued.end() if glued else n.end)
    scale = scale_unit(text, n.start, n.end) or (UNITS[glued.group(1).lower()] if glued else None)
    role = "amount" if scale or n.form != "point" else number_role(*tokens, frame, n.start)
    if role in _DROPPED_ROLES or frame.counted in ADDRESS_NOUNS:
        return None  # "Channel 16", "no one", "called 911", "325 Main Ave"
    if frame.unit is None and search_before(_BY_BEFORE, text, n.start):
        return None  # "a four-by-four car"
    kind, unit = _kind(n, scale or frame.unit)
    counted = frame.counted
    if role == "age" or (n.form == "range" and counted == "age"):
        kind, unit, counted = ("age" if n.form == "point" else "range"), "year", "age"
    elif role == "rank":
        kind = "rank"
    elif n.form == "range":
        kind = "year" if _year_range(doc, n, tokens[1], unit) else "range"
    return Quantity(
        start=n.start, end=n.end, text=text[n.start : n.end], value=_value(text, n, unit),
        kind=kind, unit=unit, counted=counted, qualifiers=_qualifiers(text, n, kind, frame),
        owner=frame.owner, hedge=_hedge_of(text, n), low=n.low, high=n.high,
        action=frame.action if kind in _ACTION_KINDS else None,
    )


def _bare_number(n: NumberSpan) -> bool:
    """No currency, percent or scale word: a unit may be written onto it."""
    return n.currency is None and not n.percent and n.end == n.core_end


def _year_range(doc: Doc, n: NumberSpan, last: Token, unit: str | None) -> bool:
    """"1967 to 1979", "2007-08": a span of years, not "1500 to 2000 soldiers"."""
    low, high = n.low or n.value, n.high or n.value
    raw = doc_text(doc)[n.start : n.start + 4]
    years = _YEAR_MIN <= low < high <= _YEAR_MAX and raw.isdigit() and low == int(low)
    return years and unit is None and not _counts_plural(last)


def _value(text: str, n: NumberSpan, unit: str | None) -> float:
    if unit == "caliber" and _CALIBER_DOT.search(text[max(0, n.start - 2) : n.start]):
        return float(f"0.{text[n.start : n.core_end]}")  # ". 357 caliber" (ECB+)
    return n.value


def _qualifiers(text: str, n: NumberSpan, kind: QuantityKind, frame: Frame) -> tuple[str, ...]:
    if kind == "measure" and (origin := _DISTANCE_FROM.match(text, n.end)):
        return (*frame.qualifiers, f"from {origin.group(1)}")  # "940 miles south of Tehran"
    return frame.qualifiers


def _hedge_of(text: str, n: NumberSpan) -> str | None:
    hedge = _hedge(text, n.start)
    if hedge is None and n.form == "vague":
        return "vague"
    return hedge


def _kind(n: NumberSpan, unit: str | None) -> tuple[QuantityKind, str | None]:
    """Kind and unit: money (ISO currency), percent, measure (a unit word), count."""
    if n.currency is not None:
        return "money", n.currency
    if n.percent or unit == "percent":
        return "percent", "%"
    if unit is not None:
        return "measure", unit
    return "count", None


def _ordinal(
    text: str, n: NumberSpan, sentences: tuple[Sentence, ...], starts: list[int]
) -> Quantity:
    return Quantity(
        start=n.start,
        end=n.end,
        text=text[n.start : n.end],
        value=n.value,
        kind="ordinal",
        sentence=_sentence_index(starts, sentences, n.start),
    )
