"""Text normalisation shared by every input format.

The result is what every later stage indexes into, so it must be stable:
``normalize_text(normalize_text(t)) == normalize_text(t)`` for any ``t``.
"""

from __future__ import annotations

import re
import unicodedata

from ftfy import fix_encoding
from ftfy.badness import is_bad

# Zero-width and invisible formatting characters that split words without showing:
# ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen, LRM/RLM.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"
# Horizontal spaces other than the ASCII space (NBSP, narrow NBSP, figure, thin, ...).
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_BLANK_RUN = re.compile(r"\n{3,}")
_DROP = dict.fromkeys(map(ord, _INVISIBLE))
# Rounds of repair then tidying before the text is taken as it is: tidying can join
# characters into new mojibake (a dropped zero-width space), and a text decoded
# wrongly twice needs two repairs; three bounds the work on a text that never settles.
MAX_REPAIR_ROUNDS = 3
# Every pattern of ftfy's badness test (``ftfy.badness.BADNESS_RE``, ftfy 6.2 to 6.3)
# needs two non-ASCII characters in a row, or one of these: a C1 control, "Œ", "œ",
# "Â", "Ã". A text with neither cannot be mojibake to ftfy, so its far larger
# pattern is skipped there: on plaintext/aeb-text.jsonl normalisation takes 1.26x
# its time without ftfy, against 1.8x with the badness test run on whole texts
# (tests/clean/test_mojibake.py checks that filter and test agree).
_MAYBE_MOJIBAKE = re.compile(r"[^\x00-\x7f][^\x00-\x7f]|[\x80-\x9f\u0152\u0153\u00c2\u00c3]")


def _is_control(ch: str) -> bool:
    """A control or format character that is not a newline."""
    return ch != "\n" and unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co")


def repair_mojibake(text: str) -> str:
    """``text`` with mojibake ("itâ€™s", "cafÃ©") decoded back, line by line.

    Only lines that ftfy's badness test finds to be mojibake are touched, so a
    correct text ("café", "it’s", "5 €") is returned as it is; a line is repaired on
    its own so that one wrongly decoded paragraph is fixed beside correct ones.
    """
    if text.isascii():
        return text
    # The badness test runs only on lines the cheap filter lets through: on a whole
    # page it costs as much as the rest of normalisation.
    out: list[str] = []
    done = pos = 0
    while (match := _MAYBE_MOJIBAKE.search(text, pos)) is not None:
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        pos = len(text) if end < 0 else end
        line = text[start:pos]
        if is_bad(line):
            out += (text[done:start], fix_encoding(line))
            done = pos
    return "".join(out) + text[done:] if out else text


def looks_like_mojibake(text: str) -> bool:
    """True when ftfy's badness test finds mojibake in ``text`` (see ``_MAYBE_MOJIBAKE``)."""
    return _may_be_mojibake(text) and is_bad(text)


def _may_be_mojibake(text: str) -> bool:
    return not text.isascii() and _MAYBE_MOJIBAKE.search(text) is not None


def normalize_text(text: str) -> str:
    """Normalise a text for storage and annotation.

    Mojibake repaired (``repair_mojibake``); NFC composition; ``\\r\\n`` and ``\\r``
    become ``\\n``; tabs and non-breaking or typographic spaces become a plain space;
    control, zero-width and private-use characters are dropped; trailing spaces are
    trimmed from each line; runs of blank lines shrink to one; the whole text is
    stripped. Idempotent.
    """
    # Repair comes first: mojibake may hold C1 controls that tidying would drop.
    text = _tidy(repair_mojibake(text))
    for _ in range(MAX_REPAIR_ROUNDS):
        repaired = repair_mojibake(text)
        if repaired == text:
            break
        text = _tidy(repaired)
    return text


def _tidy(text: str) -> str:
    """Every step of ``normalize_text`` but the mojibake repair."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text.translate(_DROP))
    text = "".join(ch for ch in text if not _is_control(ch))
    # NFC after dropping: a removed character may have separated combinable marks.
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    # Lines made only of spaces are blank after rstrip, so the run collapse sees them.
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip()
