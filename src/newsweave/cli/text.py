"""Text for the terminal: names and reasons shown without the power to drive it.

A file name can hold escape sequences (``\\x1b]...``) that retitle, recolour or
rewrite the terminal, a newline that forges a second line, or bytes that are not
UTF-8 (Python keeps them as lone surrogates, which a UTF-8 terminal cannot print).
"""

from __future__ import annotations

import unicodedata

# Format characters that reorder or hide the text around them (Unicode bidirectional
# embeddings, overrides and isolates): a name can use them to show another name.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Lone surrogates U+DC80..U+DCFF are the bytes 0x80..0xFF that os.fsdecode could not
# decode (the "surrogateescape" error handler).
_ESCAPED_BYTES = range(0xDC80, 0xDD00)


def printable(text: str) -> str:
    """``text`` with controls, bidi overrides and undecodable bytes shown as escapes.

    C0 and C1 controls, DEL and a byte kept by surrogateescape become ``\\xNN``; line
    separators, bidi controls and other lone surrogates become ``\\uNNNN``.
    """
    return "".join(_escape(ch) if _unsafe(ch) else ch for ch in text)


def _unsafe(ch: str) -> bool:
    return (unicodedata.category(ch) in {"Cc", "Cs", "Zl", "Zp"}
            or ch in _BIDI_CONTROLS)


def _escape(ch: str) -> str:
    code = ord(ch)
    if code in _ESCAPED_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"
