"""Which Latin-script code page a legacy text was written in, told by its letters.

cp1252 (Western Europe), cp1250 and ISO-8859-2 (Central Europe) share ASCII and
many accented letters but put other letters on the same bytes. Read with the wrong
page, a Polish "ł" becomes "³" and "ą" "±" (cp1252), a Czech "š" becomes "¹"
(cp1252) or "ą" (cp1250 for ISO-8859-2 bytes), a Hungarian "ő" becomes "õ". The
result still looks like letters to a mess detector, but no language writes that
mix. So each candidate decoding is scored by ``letter_fit``: the share of its
non-ASCII letters (and of the symbols and controls wedged into words) that a single
language's alphabet explains. A Central European page is chosen only when it fits
one language well (``MIN_LETTER_FIT``) and better than cp1252 does;
otherwise the caller's cp1252-first cascade decides.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# The letters beyond ASCII of each language's standard alphabet, lower case, as its
# official orthography lists them (German with ß, Spanish with the ordinal marks
# that it writes after numbers, Romanian with both comma and cedilla forms). Only
# languages that cp1252, cp1250 or ISO-8859-2 can write are listed: the scores
# compare those pages.
ALPHABETS: dict[str, str] = {
    "Catalan": "àçèéíïòóúü·",
    "Danish/Norwegian": "åæéø",
    "Dutch": "áäéëíïóöúü",
    "Estonian": "äõöüšž",
    "Finnish": "åäöšž",
    "French": "àâæçéèêëîïôœùûüÿ",
    "German": "äöüß",
    "Icelandic": "áæðéíóöúýþ",
    "Irish": "áéíóú",
    "Italian": "àèéìíîòóù",
    "Portuguese": "àáâãçéêíóôõú",
    "Spanish": "áéíñóúü",
    "Swedish": "åäéö",
    "Albanian": "çë",
    "Croatian/Bosnian": "čćđšž",
    "Czech": "áčďéěíňóřšťúůýž",
    "Hungarian": "áéíóöőúüű",
    "Polish": "ąćęłńóśźż",
    "Romanian": "ăâîșşțţ",
    "Slovak": "áäčďéíĺľňóôŕšťúýž",
    "Slovene": "čšž",
}

# Code pages tried against cp1252 (on a full tie both read the text alike and the
# first is named).
CENTRAL_PAGES = ("cp1250", "iso8859-2")

# A Central European page wins only when one language's alphabet explains at least
# this share of its judged characters, and more of them than cp1252's reading
# explains. ``python tests/ingest/test_latin.py`` scores 32 texts written for the
# tests (7 Central European languages and 2 with foreign names, each in cp1250 and
# ISO-8859-2; 11 cp1252 texts; Turkish, Lithuanian, Latvian): the right readings
# fit 1.0, or 0.82 with foreign names ("Müller", "François"); the other Central
# European page fits them up to 0.89 and loses to the right one; Central European
# readings of cp1252 texts never fit better than cp1252's own, and those of the
# other pages fit at most 0.75. All 32 are decided right from 0.5 to 0.8, 28 from
# 0.85 to 1.0 (the texts with names are lost): 0.8 is the highest value that keeps
# them, and stays above the 0.75.
MIN_LETTER_FIT = 0.8

# Latin-script text is mostly ASCII letters; Cyrillic or Greek read through a Latin
# page is almost all non-ASCII. Above this share of non-ASCII bytes among letters
# the text is not judged here: the Czech test sentence gives 0.15, the Czech
# pangram "Příliš žluťoučký kůň úpěl ďábelské ódy" 0.45, Russian (cp1251, KOI8-R)
# and Greek (cp1253) sentences 1.0, so any value from 0.46 to 0.99 splits them.
MAX_NON_ASCII_SHARE = 0.5

# Signs that follow words in any Latin text (trade marks, degrees) and the micro
# sign and ordinal indicators, which are letters to Unicode but not to alphabets.
_WORD_MARKS = frozenset("™®©°")
_NEUTRAL = frozenset("ªºµ")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTERS = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))
_ASCII = bytes(range(0x80))


def central_european(data: bytes) -> str | None:
    """cp1250 or ISO-8859-2 when ``data``'s letters say so (see the module), else None.

    Of the two Central European pages, the one that fits better wins; at an equal
    fit, the one that reads more letters (each turns some of the other's letters
    into symbols, "ť" into "»"), then the one whose best language has the smaller
    alphabet (the more specific explanation: Slovene "ž" read as cp1250 is the "ľ"
    of Slovak's larger alphabet).
    """
    if not _latin_script(data):
        return None
    western = _score(data, "cp1252")
    scored = [(score, page) for page in CENTRAL_PAGES if (score := _score(data, page))]
    best = max(scored, key=lambda pair: pair[0], default=None)
    if best is None or best[0][0] < MIN_LETTER_FIT:
        return None
    return best[1] if western is None or best[0][0] > western[0] else None


def letter_fit(text: str) -> float | None:
    """Share of ``text``'s judged characters that one language's alphabet explains.

    Judged are non-ASCII letters, control characters and symbols glued to a letter
    ("powiedzia³"); other punctuation (quotes, dashes, €) is neutral. None when
    nothing is judged.
    """
    judged = _judged(text)
    return None if judged is None else judged[0]


def _judged(text: str) -> tuple[float, int, int] | None:
    """(fit, letters read, minus the best language's alphabet size), or None."""
    letters: Counter[str] = Counter()
    unexplained = 0
    for match in _NON_ASCII.finditer(text):
        ch, at = match.group(), match.start()
        if ch in _NEUTRAL:
            continue
        if ch.isalpha():
            letters[ch.lower()] += 1
        elif unicodedata.category(ch) == "Cc" or (at and text[at - 1].isalpha() and is_symbol(ch)):
            unexplained += 1
    count = sum(letters.values())
    if not count + unexplained:
        return None
    explained, size = max(
        (sum(n for ch, n in letters.items() if ch in alphabet), -len(alphabet))
        for alphabet in ALPHABETS.values()
    )
    return explained / (count + unexplained), count, size


def is_symbol(ch: str) -> bool:
    """A symbol or non-digit number character that words do not normally carry."""
    if ch in _WORD_MARKS:
        return False
    return ch in "¿¡" or unicodedata.category(ch) in ("No", "Sc", "Sk", "Sm", "So")


def _score(data: bytes, page: str) -> tuple[float, int, int] | None:
    """``_judged`` of ``data`` read through ``page``; None when it does not decode."""
    try:
        return _judged(data.decode(page))
    except UnicodeDecodeError:
        return None


def _latin_script(data: bytes) -> bool:
    """True when most of the letter-like bytes are ASCII letters."""
    ascii_letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
    high = len(data.translate(None, _ASCII))
    return high > 0 and high <= MAX_NON_ASCII_SHARE * (ascii_letters + high)
