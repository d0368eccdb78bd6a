"""Number spans in running text and their values: digits, words, money, percentages.

The scanner works on characters, not tokens, so spans stay exact whatever the
tokeniser does with "$80m", "20, 000" (ECB+ tokenisation) or "two - million - euro".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD_VALUES: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12, "a dozen": 12, "half a dozen": 6, "two decades": 20,
}
SCALES: dict[str, float] = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mm": 1e6,
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
_SCALE = r"(?:thousand|million|billion|trillion|bn|mn|MM|tn|m|k|b)"
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
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}


@dataclass(frozen=True, slots=True)
class NumberSpan:
    """A number as written: span, value, currency or percent, and its core span."""

    start: int
    end: int
    value: float
    currency: str | None = None
    percent: bool = False
    core_end: int = 0  # end of the digits or number word (before scale words)
    low: float | None = None  # vague quantities ("dozens") carry a range
    high: float | None = None


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


def _scale_ok(m: re.Match[str]) -> bool:
    """Short scale letters ("m", "b", "k") count only glued to money: "$80m"."""
    scale = m.group("scale")
    if scale is None or scale.lower() in {"thousand", "million", "billion", "trillion"}:
        return True
    glued = m.group("sep") is None
    return glued and (m.group("cur") is not None or m.group("cursuf") is not None)


def scan_numbers(text: str) -> list[NumberSpan]:
    """Every number-like span of ``text`` with its parsed value (no filtering)."""
    out: list[NumberSpan] = []
    for m in NUMBER_RE.finditer(text):
        raw = m.group("num")
        value = digits_value(raw) if raw[0].isdigit() else word_value(raw)
        if value is None:
            continue
        end = m.end()
        if m.group("scale") is not None:
            if _scale_ok(m):
                value *= SCALES[m.group("scale").lower()]
            else:
                end = m.end("num")
        currency = _currency(m)
        if m.group("scale") is not None and not _scale_ok(m):
            currency = CURRENCY_PREFIX.get((m.group("cur") or "").strip().lower())
        pct = m.group("pct") is not None and end == m.end()
        start = m.start("cur") if m.group("cur") else m.start("num")
        end = _trim_end(text, start, end)
        out.append(NumberSpan(start, end, value, currency, pct, m.end("num")))
    for m in VAGUE_RE.finditer(text):
        low, high = VAGUE[" ".join(m.group("num").lower().split())]
        out.append(NumberSpan(m.start(), m.end(), low, None, False, m.end(), low, high))
    return sorted(out, key=lambda n: n.start)


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
