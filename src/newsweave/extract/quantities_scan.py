"""Number spans in running text and their values: digits, words, money, percentages.

The scanner works on characters, not tokens, so spans stay exact whatever the
tokeniser does with "$80m", "20, 000" (ECB+ tokenisation) or "two - million - euro".
Besides single numbers it reads the shapes whose parts are not amounts on their
own: clock times ("8.40pm", "6 : 40 a. m."), decades ("the 1930s", "in her early
20s", "the late nineteen fifties"), ranges ("between 20 and 30", "35 to 40") and
tallies ("won 13-10", "a 5-4 vote").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from newsweave.extract.spans import SpanIndex, search_before

WORD_VALUES: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12, "a dozen": 12, "half a dozen": 6, "two decades": 20,
}
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mm": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}
CURRENCY_PREFIX: dict[str, str] = {
    "$": "USD", "us$": "USD", "usd": "USD", "£": "GBP", "gbp": "GBP", "€": "EUR",
    "euro": "EUR", "eur": "EUR", "¥": "JPY",
}
CURRENCY_SUFFIX: dict[str, str] = {
    "euros": "EUR", "euro": "EUR", "dollars": "USD", "dollar": "USD",
    "pounds sterling": "GBP", "yen": "JPY", "yuan": "CNY", "rupees": "INR",
}
# Vague plurals written as words: a range [low, high] rather than a point.
VAGUE: dict[str, tuple[float, float]] = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
    "thousands": (2e3, 9999), "tens of thousands": (2e4, 99999),
    "hundreds of thousands": (2e5, 999999), "millions": (2e6, 9.99e6),
}

_WORDS = "|".join(
    sorted((re.escape(w) for w in WORD_VALUES if " " not in w), key=len, reverse=True)
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# "20, 000" is ECB+ tokenisation of "20,000": a comma group followed by a space.
_DIGITS = r"(?:\d{1,3}(?:,\s?\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)"
_NUMBER = (
    rf"(?:{_DIGITS}"
    rf"|(?:(?:(?:half\s+a|a|{_UNITS}|{_TENS})\s+)?dozen"
    rf"|(?:{_TENS})(?:\s?-\s?(?:{_UNITS}))?"
    rf"|(?:{_WORDS})(?:\s+and\s+a\s+half)?)(?![A-Za-z]))"
)
_SCALE = (
    r"(?:hundred(?:\s+(?:thousand|million|billion))?|thousand|million|billion|trillion"
    r"|bn|mn|MM|tn|m|k|b)"
)
# "five hundred and eighty-four": the words after "hundred" add to it.
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
HUNDRED_TAIL_RE = re.compile(
    rf"\s+(?:and\s+)?(?P<tail>(?:{_TENS})(?:\s?-\s?(?:{_UNITS}))?|{_TEENS}|{_UNITS})"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)
LONG_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
SAFE_SHORT_SCALES = frozenset({"bn", "mn", "tn"})  # unlike "m" (metres), never a unit
_CUR_PRE = r"(?:US\$|\$|£|€|¥|USD\s?|GBP\s?|EUR\s?|euro\s?)"
_CUR_SUF = r"(?:euros?|dollars?|pounds sterling|yen|yuan|rupees)"
_PCT = r"(?:%|percent|per\s?cent|pct)"

NUMBER_RE = re.compile(
    rf"(?<![\w.,])(?P<cur>{_CUR_PRE})?\s?(?P<num>{_NUMBER})"
    rf"(?:(?P<sep>\s?-\s?|\s)?(?P<scale>{_SCALE})(?![\w]))?"
    rf"(?:\s?-?\s?(?P<cursuf>{_CUR_SUF})(?!\w))?"
    rf"(?:\s?(?P<pct>{_PCT})(?!\w))?",
    re.IGNORECASE,
)
VAGUE_RE = re.compile(
    r"(?<!\w)(?P<num>(?:tens|hundreds)\s+of\s+thousands|dozens|scores|hundreds"
    r"|thousands|millions)(?=\s+of\b)",
    re.IGNORECASE,
)
ORDINAL_RE = re.compile(
    r"(?<!\w)(?P<num>\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth"
    r"|seventh|eighth|ninth|tenth)(?!\w)",
    re.IGNORECASE,
)
_ORDINAL_TAIL = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])", re.IGNORECASE)

# Clock times: "8.40pm", "6 : 40 a. m." (ECB+ tokenisation), "14:00", "9 o'clock",
# "0600 GMT". Minutes after a dot need a clock word, so "6.1" stays a number.
_AMPM = r"(?P<ap>[ap])\.?\s?m\b"
_ZONE = r"(?:o'clock|gmt|utc|bst|cet|est|edt|cst|cdt|pst|pdt|hrs)\b"
TIME_RE = re.compile(
    rf"(?<![\w.:,])(?:(?P<h>\d{{1,2}})(?:\s?[:.]\s?(?P<m>\d{{2}}))?\s?(?:{_AMPM}|{_ZONE})"
    rf"|(?P<h2>\d{{1,2}})\s?:\s?(?P<m2>\d{{2}})(?!\d)"
    rf"|(?P<hm>[0-2]\d[0-5]\d)\s?{_ZONE})",
    re.IGNORECASE,
)
MINUTES_PER_HOUR = 60
NOON = 12

# Decades: "1930s", "the '90s", "mid-1980s", "in her early 20s", "nineteen fifties".
# Early / mid / late split a decade in thirds, the usual reading of the words.
DECADE_PARTS: dict[str, tuple[float, float]] = {
    "early": (0, 3), "mid": (4, 6), "late": (7, 9),
}
DECADE_WORDS: dict[str, float] = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}
CENTURY_WORDS: dict[str, float] = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}
_MOD = r"(?:(?P<mod>early|mid|late)[\s-]*)?"
DIGIT_DECADE_RE = re.compile(
    rf"(?<![\w.,]){_MOD}(?P<apo>['’])?(?P<num>\d0|1[89]\d0|20\d0)['’]?s(?![A-Za-z])",
    re.IGNORECASE,
)
WORD_DECADE_RE = re.compile(
    rf"(?<![\w-]){_MOD}(?:(?P<cent>{'|'.join(CENTURY_WORDS)})[\s-]+)?"
    rf"(?P<dec>{'|'.join(DECADE_WORDS)})(?!\w)",
    re.IGNORECASE,
)
# "the '90s": two digits after an apostrophe name a decade of the 1900s.
APOSTROPHE_CENTURY = 1900

# Two numbers joined into one range ("20 to 30", "20-30", "between 20 and 30",
# "40 or 50"), or into a tally when the first is not the smaller ("won 13-10").
_JOIN = re.compile(r"\s*(?:-|–|—|-\s?to\s?-|to|or|and)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s*$", re.IGNORECASE)
# Words for the result of a game or a vote, so "lost 10-13" and "a 10-13 loss" read
# as tallies: general sports and voting vocabulary, not drawn from any data set.
_SCORE_BEFORE = re.compile(
    r"\b(?:won|wins?|beat|beats|lost|lose|loses|defeated|led|leads?|trailed|trails?"
    r"|edged|tied|routed|voted)\s*$",
    re.IGNORECASE,
)
_SCORE_AFTER = re.compile(
    r"\s*(?:win|victory|loss|defeat|lead|record|score|decision|vote|tie|draw|margin"
    r"|deficit|verdict|majority|split)s?\b",
    re.IGNORECASE,
)
_YEAR_FIRST, _YEAR_LAST = 1800, 2100  # four-digit values read as years ("2007-08")

ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}


# point: one number; vague: "dozens of"; range: "20 to 30"; decade: "the 1930s",
# "early 20s"; time: a clock time; tally: a score or vote split ("13-10").
SpanForm = Literal["point", "vague", "range", "decade", "time", "tally"]


@dataclass(frozen=True, slots=True)
class NumberSpan:
    """A number as written: span, value, currency or percent, and its core span."""

    start: int
    end: int
    value: float
    currency: str | None = None
    percent: bool = False
    core_end: int = 0  # end of the digits or number word (before scale words)
    low: float | None = None  # vague quantities, ranges and decades carry a range
    high: float | None = None
    form: SpanForm = "point"
    scale: float = 1.0  # the multiplier of a scale word ("3 million": 1e6)
    century: bool = False  # a decade of years ("1930s", "nineteen fifties")


def word_value(text: str) -> float | None:
    """Value of a number written in words ("seven", "a dozen", "four and a half")."""
    t = " ".join(text.lower().replace("-", " ").split())
    half = 0.5 if t.endswith(" and a half") else 0.0
    t = t.removesuffix(" and a half")
    if t in WORD_VALUES:
        return float(WORD_VALUES[t] + half)
    parts = t.split()
    if len(parts) == 2 and parts[1] == "dozen" and parts[0] in WORD_VALUES:
        return float(WORD_VALUES[parts[0]] * 12)
    if len(parts) == 2 and parts[0] in WORD_VALUES and parts[1] in WORD_VALUES:
        return float(WORD_VALUES[parts[0]] + WORD_VALUES[parts[1]])
    return None


def digits_value(text: str) -> float | None:
    """Value of "5,200", "20, 000", "6.1"."""
    try:
        return float(re.sub(r",\s?", "", text))
    except ValueError:
        return None


def _scale_value(scale: str) -> float:
    """"million" -> 1e6; "hundred thousand" -> 1e5."""
    value = 1.0
    for word in scale.lower().split():
        value *= SCALES[word]
    return value


def _scale_ok(m: re.Match[str]) -> bool:
    """Short scale letters ("m", "b", "k") count only glued to money: "$80m"; "bn",
    "mn" and "tn" glued to a number always do ("22.4bn")."""
    scale = m.group("scale")
    if scale is None or scale.lower().split()[0] in LONG_SCALES:
        return True
    if scale.lower() in SAFE_SHORT_SCALES and m.group("sep") is None:
        return True
    glued = m.group("sep") is None
    return glued and (m.group("cur") is not None or m.group("cursuf") is not None)


def scan_numbers(text: str) -> list[NumberSpan]:
    """Every number-like span of ``text``: single numbers with their parsed value,
    vague plurals, clock times, decades, ranges and tallies (``NumberSpan.form``).
    No filtering by context: the caller decides what each one is."""
    shapes = scan_times(text) + scan_decades(text)
    taken = SpanIndex((s.start, s.end) for s in shapes)
    points = [n for n in _points(text) if not taken.overlaps(n.start, n.end)]
    points += _vague(text)
    return sorted(shapes + pair_ranges(text, sorted(points, key=lambda n: n.start)),
                  key=lambda n: n.start)


def _points(text: str) -> list[NumberSpan]:
    out: list[NumberSpan] = []
    for m in NUMBER_RE.finditer(text):
        raw = m.group("num")
        value = digits_value(raw) if raw[0].isdigit() else word_value(raw)
        if value is None or (raw[0].isdigit() and _ORDINAL_TAIL.match(text, m.end("num"))):
            continue  # "28th": an ordinal, read by scan_ordinals
        if out and m.start() < out[-1].end:
            continue  # the tail of "five hundred and eighty-four"
        end, scale = m.end(), 1.0
        if m.group("scale") is not None:
            if _scale_ok(m):
                scale = _scale_value(m.group("scale"))
                value *= scale
            else:
                end = m.end("num")
        hundred = scale == SCALES["hundred"] or raw.lower() == "hundred"
        if hundred and end == (m.end("scale") if m.group("scale") else m.end("num")):
            tail = HUNDRED_TAIL_RE.match(text, end)
            if tail is not None and (extra := word_value(tail.group("tail"))) is not None:
                value, end = value + extra, tail.end()
        currency = _currency(m)
        if m.group("scale") is not None and not _scale_ok(m):
            currency = CURRENCY_PREFIX.get((m.group("cur") or "").strip().lower())
        pct = m.group("pct") is not None and end == m.end()
        start = m.start("cur") if m.group("cur") else m.start("num")
        end = _trim_end(text, start, end)
        out.append(NumberSpan(start, end, value, currency, pct, m.end("num"), scale=scale))
    return out


def _vague(text: str) -> list[NumberSpan]:
    out: list[NumberSpan] = []
    for m in VAGUE_RE.finditer(text):
        low, high = VAGUE[" ".join(m.group("num").lower().split())]
        out.append(NumberSpan(m.start(), m.end(), low, None, False, m.end(), low, high,
                              form="vague"))
    return out


def _currency(m: re.Match[str]) -> str | None:
    """The currency named before or after the number, if any."""
    pre = m.group("cur")
    if pre:
        return CURRENCY_PREFIX.get(pre.strip().lower())
    suf = m.group("cursuf")
    if suf:
        return CURRENCY_SUFFIX.get(suf.lower(), CURRENCY_SUFFIX.get(suf.lower() + "s"))
    return None


def _trim_end(text: str, start: int, end: int) -> int:
    """Drop trailing spaces and hyphens the optional groups may have swallowed."""
    while end > start and text[end - 1] in " -\t\n":
        end -= 1
    return end


def scan_ordinals(text: str) -> list[NumberSpan]:
    """Ordinals ("third", "10th") with their rank as value."""
    out: list[NumberSpan] = []
    for m in ORDINAL_RE.finditer(text):
        raw = m.group("num").lower()
        value = float(raw[:-2]) if raw[0].isdigit() else float(ORDINAL_WORDS[raw])
        out.append(NumberSpan(m.start(), m.end(), value, core_end=m.end()))
    return out


def scan_times(text: str) -> list[NumberSpan]:
    """Clock times, valued in hours after midnight ("8.40pm" -> 20.67)."""
    out: list[NumberSpan] = []
    for m in TIME_RE.finditer(text):
        if m.group("hm"):
            hours = float(m.group("hm")[:2]) + float(m.group("hm")[2:]) / MINUTES_PER_HOUR
        else:
            h, mins = m.group("h") or m.group("h2"), m.group("m") or m.group("m2")
            hours = float(h) + (float(mins) / MINUTES_PER_HOUR if mins else 0.0)
            ap = (m.group("ap") or "").lower()
            if ap == "p" and hours < NOON:
                hours += NOON
            elif ap == "a" and hours >= NOON:
                hours -= NOON
        out.append(NumberSpan(m.start(), m.end(), hours, core_end=m.end(), form="time"))
    return out


def scan_decades(text: str) -> list[NumberSpan]:
    """Decades with the years (or ages) they cover: "the 1930s" -> 1930..1939."""
    out: list[NumberSpan] = []
    for m in DIGIT_DECADE_RE.finditer(text):
        value = float(m.group("num"))
        century = value >= _YEAR_FIRST or m.group("apo") is not None
        if value < _YEAR_FIRST and century:
            value += APOSTROPHE_CENTURY
        out.append(_decade(m, value, century))
    for m in WORD_DECADE_RE.finditer(text):
        cent = (m.group("cent") or "").lower()
        value = DECADE_WORDS[m.group("dec").lower()] + CENTURY_WORDS.get(cent, 0.0)
        out.append(_decade(m, value, bool(cent)))
    return out


def _decade(m: re.Match[str], value: float, century: bool) -> NumberSpan:
    first, last = DECADE_PARTS.get((m.group("mod") or "").lower(), (0, 9))
    return NumberSpan(m.start(), m.end(), value, core_end=m.end(), low=value + first,
                      high=value + last, form="decade", century=century)


def pair_ranges(text: str, points: list[NumberSpan]) -> list[NumberSpan]:
    """Points with adjacent pairs joined into ranges and tallies, in text order."""
    out: list[NumberSpan] = []
    i = 0
    while i < len(points):
        joined = _pair(text, points[i], points[i + 1]) if i + 1 < len(points) else None
        out.append(joined or points[i])
        i += 2 if joined else 1
    return out


def _pair(text: str, a: NumberSpan, b: NumberSpan) -> NumberSpan | None:
    join = _JOIN.fullmatch(text, a.end, b.start)
    if join is None or a.form != "point" or b.form != "point":
        return None
    word = join.group().strip().lower()
    between = search_before(_BETWEEN, text, a.start)
    if word == "and" and between is None:
        return None  # "12 Somalis and 11 Yemenis": two counts
    if a.currency and b.currency and a.currency != b.currency:
        return None
    low, high = a.value, b.value
    if a.scale == 1 and a.end == a.core_end and b.scale > 1:
        low *= b.scale  # "2 to 3 million"
    four, two = a.end - a.start == 4, b.end - b.start == 2
    if four and two and _YEAR_FIRST <= low <= _YEAR_LAST and word != "or":
        high = low - low % 100 + high  # "2007-08"
    scored = search_before(_SCORE_BEFORE, text, a.start) or _SCORE_AFTER.match(text, b.end)
    if low >= high or (scored and word not in ("and", "or")):
        if word in ("and", "or") or (a.percent and b.percent) or (a.currency and b.currency):
            return None  # "49 percent to 44 percent": two shares, not a score
        return NumberSpan(a.start, b.end, a.value, core_end=b.core_end, form="tally")
    start = between.start() if between is not None and word == "and" else a.start
    return replace(b, start=start, value=low, currency=b.currency or a.currency,
                   percent=a.percent or b.percent, low=low, high=high, form="range")
