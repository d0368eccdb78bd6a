"""Numbers with their frame: value, kind, unit, what they count, whose, how hedged.

Values come from a character scanner (``quantities_scan``) so spans stay exact; the
frame comes from spaCy's dependency parse: the noun a number attaches to ("5,200
*soldiers*"), the words narrowing it ("US", "military", the governing verb
"killed"), the entity it belongs to ("the U.K. has just 400 troops" -> UK), the
place and time it is anchored to, and the hedge in front of it ("at least").
Years used as dates, clock times, day numbers, phone numbers, numbers inside URLs,
model names ("AK-47") and scores or ranges ("13-13", "35 to 40") are skipped.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from newsweave.extract.quantities_frame import frame_of
from newsweave.extract.quantities_scan import NumberSpan, scan_numbers, scan_ordinals
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
# Model names: "AK-47", "F-16", "AK 47" (two to four capitals before a space).
_DESIGNATION_BEFORE = re.compile(r"\b[A-Z][A-Za-z]{0,5}\s?-\s?$|\b[A-Z]{2,4}\s$")
_RANGE_AFTER = re.compile(r"^\s?(?:-|–|—|to|-to-)\s?\d", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"\d\s?(?:-|–|—|to|-to-)\s?$", re.IGNORECASE)
IDENTIFIER_NOUNS = {
    "street", "st.", "st", "ave", "ave.", "avenue", "blvd", "blvd.", "road", "rd",
    "highway", "route", "interstate", "suite", "room", "flight", "no.", "number",
    "channel", "page", "chapter", "section", "article", "platform", "gate",
}
# "N miles (N km) south of Tehran": a distance from a named place.
_DISTANCE_FROM = re.compile(
    r"\s?-?\s?[a-z]+\.?\s*(?:\([^)]{0,40}\)\s*)?"
    r"(?:due\s+)?(?:north|south|east|west)(?:-?\s?(?:east|west))?(?:ern)?\s+of\s+"
    r"(?:the\s+)?([A-Z][\w-]+(?:\s[A-Z][\w-]+)*)"
)
_CALIBER_DOT = re.compile(r"\.\s?$")
_YEAR_MIN, _YEAR_MAX = 1800, 2100  # four-digit integers in this span read as years
_CONTEXT_CHARS = 40  # how far around a number the skip patterns look


def find_quantities(doc: Doc, sentences: tuple[Sentence, ...]) -> tuple[Quantity, ...]:
    """Every number of ``doc`` with its frame, in text order.

    ``doc`` is the spaCy parse of the article text; ``sentences`` are the article's
    sentences (their index goes into ``Quantity.sentence``). Each quantity holds the
    exact span of the value as written ("$80m", "5,200", "77 percent"), the parsed
    value (80e6, 5200, 77), its kind and unit, the counted noun lemma, qualifiers,
    owner and hedge. Numbers that are not quantities (dates, times, phone numbers,
    URLs, model names, scores) are left out.
    """
    text = doc.text
    blocked = _blocked_spans(text)
    starts = [s.start for s in sentences]
    out: list[Quantity] = []
    for n in scan_numbers(text):
        if _inside(n, blocked) or _not_a_quantity(text, n):
            continue
        q = _quantity(doc, n, sentences, starts)
        if q is not None:
            out.append(q)
    taken = [(q.start, q.end) for q in out]
    for n in scan_ordinals(text):
        if not any(s < n.end and n.start < e for s, e in taken):
            out.append(_ordinal(text, n, sentences, starts))
    return tuple(sorted(out, key=lambda q: q.start))


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    """Spans no quantity may come from: URLs and phone numbers."""
    spans = [m.span() for m in _URL_RE.finditer(text)]
    spans += [m.span() for m in _PHONE_RE.finditer(text)]
    return spans


def _inside(n: NumberSpan, blocked: list[tuple[int, int]]) -> bool:
    return any(s < n.end and n.start < e for s, e in blocked)


def _not_a_quantity(text: str, n: NumberSpan) -> bool:
    """Dates, clock times, designations and ranges that the scanner also matched."""
    if n.low is not None:
        return False
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
        if _is_year(raw, n.value, after):
            return True
    if raw[:1].isdigit() and _DESIGNATION_BEFORE.search(before):
        return True
    return bool(_RANGE_AFTER.match(after) or _RANGE_BEFORE.search(before))


def _is_year(raw: str, value: float, after: str) -> bool:
    """A bare four-digit number in the year range, not followed by a plural noun."""
    if not re.fullmatch(r"\d{4}", raw) or not _YEAR_MIN <= value <= _YEAR_MAX:
        return False
    if re.match(r"[A-Za-z]", after):
        return False  # glued unit: "2000ft"
    nxt = re.match(r"\s*([A-Za-z]+)", after)
    return not (nxt and nxt.group(1).endswith("s") and nxt.group(1).islower())


def _sentence_index(starts: list[int], sentences: tuple[Sentence, ...], pos: int) -> int:
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and sentences[i].start <= pos < sentences[i].end:
        return i
    return -1


def _hedge(text: str, start: int) -> str | None:
    m = _HEDGE_RE.search(text[max(0, start - _CONTEXT_CHARS) : start])
    return m.group(1).lower() if m else None


def _core_token(doc: Doc, n: NumberSpan) -> Token | None:
    """The token holding the last character of the number itself."""
    span = doc.char_span(n.start, n.core_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    nums = [t for t in span if t.like_num or t.pos_ == "NUM"]
    return nums[-1] if nums else span[-1]


def _quantity(
    doc: Doc, n: NumberSpan, sentences: tuple[Sentence, ...], starts: list[int]
) -> Quantity | None:
    tok = _core_token(doc, n)
    if tok is None:
        return None
    text = doc.text
    frame = frame_of(doc, tok, n.start, n.end)
    if frame.counted in IDENTIFIER_NOUNS:
        return None  # "325 Main Ave", "Flight 370": a label, not an amount
    kind, unit = _kind(n, frame.unit)
    qualifiers = frame.qualifiers
    if kind == "measure" and (origin := _DISTANCE_FROM.match(text, n.end)):
        qualifiers += (f"from {origin.group(1)}",)  # "940 miles south of Tehran"
    value = n.value
    if unit == "caliber" and _CALIBER_DOT.search(text[max(0, n.start - 2) : n.start]):
        value = float(f"0.{text[n.start : n.core_end]}")  # ". 357 caliber" (ECB+)
    hedge = _hedge(text, n.start)
    if n.low is not None and hedge is None:
        hedge = "vague"
    return Quantity(
        start=n.start,
        end=n.end,
        text=text[n.start : n.end],
        value=value,
        kind=kind,
        unit=unit,
        counted=frame.counted,
        qualifiers=qualifiers,
        owner=frame.owner,
        hedge=hedge,
        sentence=_sentence_index(starts, sentences, n.start),
    )


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
