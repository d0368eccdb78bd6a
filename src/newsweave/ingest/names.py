"""File names as text: one printable name per path, that still names it exactly.

A POSIX file name is bytes. Python hands a name that is not UTF-8 over as a ``str``
holding lone surrogates (PEP 383), which SQLite, JSON encoders and terminals refuse,
and any name may hold control characters: ``ESC`` starts a terminal escape sequence,
a newline breaks a one-line rejection. ``display_name`` makes the one name the ingest
layer gives out, as a ``Document``'s or ``Rejection``'s ``origin`` and in every
message:

- printable characters of a UTF-8 name stay as they are (an ordinary name is
  unchanged, so stores written before keep matching);
- a byte that is not UTF-8 is written ``\\xNN``; a control character of C0 or DEL is
  written ``\\xNN`` too (it is that byte); any other control, format (bidi
  override, zero-width), line- or paragraph-separator character is written
  ``\\uNNNN``;
- a backslash is doubled where what follows would read as one of those escapes.

So the name is valid, printable Unicode, and ``name_bytes(display_name(p)) ==
os.fsencode(p)`` for every path: nothing is lost, whatever the bytes.
"""

from __future__ import annotations

import os
import re
import unicodedata

# Unicode categories written as escapes: controls (Cc), format characters such as
# bidi overrides and zero-width joiners (Cf), which reorder or hide what a reader
# sees, line and paragraph separators (Zl, Zp), which break a line, and lone
# surrogates (Cs), which no UTF-8 output accepts.
UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})

# surrogateescape maps an undecodable byte 0xNN to U+DCNN (always 0x80-0xFF).
_ESCAPED_BYTES = range(0xDC80, 0xDD00)
_ESCAPE = re.compile(r"\\(\\|x[0-9a-f]{2}|u[0-9a-f]{4})")
_ESCAPE_START = re.compile(r"\\|x[0-9a-f]{2}|u[0-9a-f]{4}")
_LOOKAHEAD = 5  # the longest escape body after a backslash: "u" and four digits


def display_name(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """``path`` as printable text naming it exactly (see the module docstring)."""
    text = _raw_name(path).decode("utf-8", errors="surrogateescape")
    pieces = [_escape(ch) for ch in text]
    for index, piece in enumerate(pieces):
        if piece == "\\":
            following = "".join(pieces[index + 1 : index + 1 + _LOOKAHEAD])
            if _ESCAPE_START.match(following):
                pieces[index] = "\\\\"
    return "".join(pieces)


def name_bytes(name: str) -> bytes:
    """The file name bytes that ``display_name`` wrote as ``name`` (its inverse)."""
    out = bytearray()
    position = 0
    for match in _ESCAPE.finditer(name):
        out += name[position : match.start()].encode("utf-8")
        body = match.group(1)
        if body == "\\":
            out += b"\\"
        elif body.startswith("x"):
            out.append(int(body[1:], 16))
        else:
            out += chr(int(body[1:], 16)).encode("utf-8")
        position = match.end()
    out += name[position:].encode("utf-8")
    return bytes(out)


def printable(text: str) -> str:
    """``text`` with unsafe characters escaped, for a message shown on a terminal."""
    if text.isprintable() and text.isascii():
        return text  # the common case, without a per-character pass
    return "".join(_escape(ch) for ch in text)


def _raw_name(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> bytes:
    """The bytes of ``path``; a str with surrogates no file system gave is kept too."""
    raw = os.fspath(path)
    if isinstance(raw, bytes):
        return raw
    try:
        return os.fsencode(raw)
    except UnicodeEncodeError:  # e.g. "\ud800": no real file has it, but never raise
        return raw.encode("utf-8", errors="surrogatepass")


def _escape(ch: str) -> str:
    """One character of a name as written: itself, or its escape."""
    code = ord(ch)
    if code in _ESCAPED_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    if unicodedata.category(ch) in UNSAFE_CATEGORIES:
        return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"
    return ch
