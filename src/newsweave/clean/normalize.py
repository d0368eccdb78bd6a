"""Text normalisation shared by every input format.

The result is what every later stage indexes into, so it must be stable:
``normalize_text(normalize_text(t)) == normalize_text(t)`` for any ``t``.
"""

from __future__ import annotations

import re
import unicodedata

# Zero-width and invisible formatting characters that split words without showing:
# ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen, LRM/RLM.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"
# Horizontal spaces other than the ASCII space (NBSP, narrow NBSP, figure, thin, ...).
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_BLANK_RUN = re.compile(r"\n{3,}")
_DROP = dict.fromkeys(map(ord, _INVISIBLE))


def _is_control(ch: str) -> bool:
    """A control or format character that is not a newline."""
    return ch != "\n" and unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co")


def normalize_text(text: str) -> str:
    """Normalise a text for storage and annotation.

    NFC composition; ``\\r\\n`` and ``\\r`` become ``\\n``; tabs and non-breaking or
    typographic spaces become a plain space; control, zero-width and private-use
    characters are dropped; trailing spaces are trimmed from each line; runs of blank
    lines shrink to one; the whole text is stripped. Idempotent.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text.translate(_DROP))
    text = "".join(ch for ch in text if not _is_control(ch))
    # NFC after dropping: a removed character may have separated combinable marks.
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    # Lines made only of spaces are blank after rstrip, so the run collapse sees them.
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip()
