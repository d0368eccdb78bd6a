"""Bytes to text: byte-order marks, UTF-16 without a mark, declarations, guesses.

The cascade, first match wins:

1. empty input -> ``InputError``; a known binary signature (PNG, JPEG, PDF, ZIP...)
   -> binary, ``InputError``;
2. a byte-order mark (UTF-32 before UTF-16, whose mark is a prefix of it; UTF-8);
3. UTF-16 without a mark: NUL bytes concentrated on one parity of offsets;
4. more than a few stray NUL bytes -> binary, ``InputError`` (see
   ``MAX_STRAY_NULS``); stray ones are dropped;
5. strict UTF-8 (a non-ASCII file that decodes as UTF-8 is UTF-8 whatever it says:
   mislabelled ``iso-8859-1`` pages are far more common than the reverse), or UTF-8
   with a few broken bytes replaced by U+FFFD when nearly all its non-ASCII reads as
   UTF-8;
6. an HTML ``<meta charset>`` / ``http-equiv`` or XML ``encoding=`` declaration, when
   it names a known codec and the bytes decode with it;
7. a Central European code page (cp1250, ISO-8859-2) when its letters, over the
   whole input, fit one language's alphabet well and better than cp1252's letters
   fit any (see ``latin.py`` and its ``MIN_LETTER_FIT``);
8. cp1252 when it reads about as cleanly as charset-normalizer's best guess (see
   ``CP1252_MESS_TOLERANCE``), else the first of charset-normalizer's candidates
   that reads plausibly (see ``MAX_GLUED_SYMBOL_SHARE``), else its best guess;
9. cp1252, then latin-1 (which decodes anything), when nothing else fits;

and then the decoded text is checked for a high share of control characters
(binary data that slipped through), which raises ``InputError`` too, and any NUL
characters left (stray ones inside UTF-16 or UTF-32 text) are dropped.
"""

from __future__ import annotations

import codecs
import itertools
import re

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from newsweave.errors import InputError
from newsweave.ingest.latin import central_european, is_symbol

EMPTY_REASON = "empty file: nothing to read"
BINARY_REASON = "binary file, not text, HTML or JSON: remove it or convert it to text"

# Only the head is examined for the UTF-16 pattern, the declaration and the control
# share: 64 KiB holds any real article's opening and keeps big files cheap.
SNIFF_BYTES = 65536

# UTF-16 without a BOM: in Latin-script UTF-16 every other byte is NUL. A file is
# taken as UTF-16 when at least this share of its odd (LE) or even (BE) bytes are NUL
# while the other parity stays nearly NUL-free. English/German/French UTF-16 test
# sentences give 0.96-1.0 on the NUL side and 0.0 on the other; random bytes give ~0.004
# on both, so 0.3 / 0.05 separates them with a wide margin.
UTF16_MIN_NUL_SHARE = 0.3
UTF16_MAX_OTHER_NUL_SHARE = 0.05

# Share of control characters (C0 except tab/newlines/form feed, DEL, C1) above which
# decoded "text" is binary. Random bytes decoded as latin-1 give ~0.25; the 990 pages
# of pages/trafilatura-eval give at most 0.00007 (a stray control character), so
# 0.05 keeps a wide margin on both sides.
MAX_CONTROL_SHARE = 0.05

# NUL bytes in a file without the UTF-16 pattern: a trace is debris (page 0821 of
# pages/trafilatura-eval, a real HTML page, has 22 in 194,619 bytes = 0.00011), more
# is binary (uniform random bytes have 1/256 = 0.0039).
MAX_NUL_SHARE = 0.001
# ...and however short the text, this many NULs are still stray ones: a C string
# terminator or a bad paste leaves one or two ("\x00\x00" in a 300-byte note is a
# share of 0.007, which the share alone calls binary). Binaries without a signature
# are caught by ``MAX_CONTROL_SHARE`` whatever their NULs: ``python
# tests/ingest/test_stray_nuls.py`` rejects every random file of 256 B to 64 KiB
# (200 seeds per size) at every floor from 0 to 64, and keeps a note with 1 to N
# stray NULs at floor N. (Random files of 16 and 64 B read as a few CJK or cp1252
# characters with or without the floor: 100 of 400 pass at 0, 102 from 2 up.)
MAX_STRAY_NULS = 16

# UTF-8 with a few broken bytes (a cp1252 string pasted into a UTF-8 template) is
# still UTF-8: kept when broken sequences are at most this share of its non-ASCII
# characters. In pages/trafilatura-eval the three such pages give 1/76, 3/106, 1/500;
# a real cp1252/latin-1 text gives ~1.0 (almost no byte run is valid UTF-8).
UTF8_MAX_BROKEN_SHARE = 0.1

# Signatures of formats that are never text (PNG, JPEG, GIF, PDF, ZIP/DOCX, gzip,
# ELF, RIFF media, Ogg, MP3 tag, SQLite). PDF starts with ASCII, so only its
# signature tells it apart.
BINARY_SIGNATURES: tuple[bytes, ...] = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"%PDF-",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
    b"RIFF",
    b"OggS",
    b"ID3",
    b"SQLite format 3\x00",
)

# A declaration must sit near the top of the document. Browsers scan the first 1024
# bytes (WHATWG prescan); long <head> scripts push it further. On
# pages/trafilatura-eval 1024 gives non-ASCII snippet recall 0.9793, 4096 and 65536
# both 0.9802 (4096 finds 946 of the 972 pages' declarations; the rest are UTF-8).
DECLARATION_SCAN_BYTES = 4096

# charset-normalizer ranks short Western texts poorly: an English sentence with
# “curly quotes”, a dash and € in cp1252 comes back as cp775 (DOS Baltic), a French
# one as cp1250, both guesses with mess 0.0. cp1252 is by far the commonest legacy
# encoding of news text, so it wins when its decoding is at most this much messier
# than the guess (and plausible, below). cp1252's mess on that English sentence is
# 0.025-0.029; on a Polish ISO-8859-2 sentence 0.143, on Russian cp1251/KOI8-R
# above 1.2: 0.05 keeps those apart.
CP1252_MESS_TOLERANCE = 0.05

# Polish and other Central European cp1250 text read as cp1252 keeps a clean mess
# ratio (charset-normalizer even ranks cp1252 first) but glues symbols to letters:
# "podj¹³", "powiedzia³", "mo¿e". A decoding is implausible when more than this
# share of its non-ASCII characters are symbols right after a letter. The Polish
# test sentence gives 4/9 = 0.44 as cp1252; English/French/German/Spanish cp1252
# texts give 0 (™, ®, © and ° after words are exempt), so 0.1 sits between.
MAX_GLUED_SYMBOL_SHARE = 0.1

# BOM-aware codecs: they drop the mark themselves. UTF-32-LE's mark starts with
# UTF-16-LE's, so UTF-32 is tried first.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Codecs in which NUL bytes are part of ordinary characters.
_NUL_CARRYING = ("utf-16", "utf-32")

_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.I)

# Declared names that browsers read as cp1252 (WHATWG Encoding Standard): the bytes
# 0x80-0x9F are curly quotes and the euro sign in practice, never C1 controls.
_READ_AS_CP1252 = frozenset({"ascii", "latin-1", "iso8859-1", "cp1252"})
# Declarations that cannot be right once steps 2-3 found no UTF-16/32 pattern.
_IMPOSSIBLE_DECLARED = ("utf-16", "utf-32", "utf_16", "utf_32")

_CONTROL_CHARS = frozenset(
    [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\f\v"]
    + [chr(0x7F)]
    + [chr(c) for c in range(0x80, 0xA0)]
)


def decode_bytes(data: bytes, origin: str) -> str:
    """Decode one input's bytes to text, guessing the encoding when it is not declared.

    Args:
        data: the raw bytes of one file or record.
        origin: where they came from (a path), named in any error.

    Returns:
        The text, without a byte-order mark. Undecodable bytes in a file whose encoding
        is all but certain (BOM, UTF-16 pattern, UTF-8 with a few broken bytes) become
        U+FFFD rather than failing the file; stray NULs (``MAX_STRAY_NULS``) are dropped.

    Raises:
        InputError: the input is empty, or binary (a known binary signature, NUL bytes
            without a UTF-16 pattern, or too many control characters once decoded).
    """
    encoding = detect_encoding(data, origin)
    if not encoding.startswith(_NUL_CARRYING):
        data = data.replace(b"\x00", b"")
    # UTF-16/32 carry NUL bytes inside ordinary characters: their stray NULs are
    # whole U+0000 characters, dropped once decoded.
    text = data.decode(encoding, errors="replace").replace("\x00", "")
    if not text:  # a byte-order mark and nothing after it
        raise InputError(origin, EMPTY_REASON)
    if control_share(text[:SNIFF_BYTES]) > MAX_CONTROL_SHARE:
        raise InputError(origin, BINARY_REASON)
    return text


def detect_encoding(data: bytes, origin: str) -> str:
    """The Python codec ``decode_bytes`` reads ``data`` with (steps 1-8 of the cascade).

    BOM codecs ("utf-8-sig", "utf-16", "utf-32") strip the mark themselves, so a reader
    can open a stream with the codec of its head. Raises ``InputError`` like
    ``decode_bytes`` for empty input and binary signatures or NUL bytes.
    """
    if not data:
        raise InputError(origin, EMPTY_REASON)
    if data.startswith(BINARY_SIGNATURES):
        raise InputError(origin, BINARY_REASON)
    encoding = _bom_encoding(data) or _utf16_without_bom(data)
    if encoding is not None:
        return encoding
    allowed = max(MAX_STRAY_NULS, MAX_NUL_SHARE * min(len(data), SNIFF_BYTES))
    if data[:SNIFF_BYTES].count(0) > allowed:
        raise InputError(origin, BINARY_REASON)
    return _guess_encoding(data.replace(b"\x00", b""))


def control_share(text: str) -> float:
    """Share of control characters in ``text`` (0.0 for the empty string)."""
    if not text:
        return 0.0
    return sum(1 for ch in text if ch in _CONTROL_CHARS) / len(text)


def _bom_encoding(data: bytes) -> str | None:
    """The codec a byte-order mark announces, or None without one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 LE/BE when NULs sit on one parity of offsets, else None."""
    head = data[:SNIFF_BYTES]
    if len(head) < 2 or b"\x00" not in head or (len(data) % 2 and len(data) <= SNIFF_BYTES):
        return None  # UTF-16 comes in byte pairs: a short odd-sized file is not UTF-16
    even, odd = head[0::2], head[1::2]
    even_share = even.count(0) / len(even)
    odd_share = odd.count(0) / len(odd)
    if odd_share >= UTF16_MIN_NUL_SHARE and even_share <= UTF16_MAX_OTHER_NUL_SHARE:
        encoding = "utf-16-le"
    elif even_share >= UTF16_MIN_NUL_SHARE and odd_share <= UTF16_MAX_OTHER_NUL_SHARE:
        encoding = "utf-16-be"
    else:
        return None
    text = head[: len(head) // 2 * 2].decode(encoding, errors="replace")
    # Bytes that only look like UTF-16 (a binary table of small integers) decode into
    # unpaired surrogates: treat those as not UTF-16.
    return encoding if text.count("\ufffd") <= len(text) * MAX_CONTROL_SHARE else None


def _guess_encoding(data: bytes) -> str:
    """Steps 5-9: UTF-8, declaration, Central European letters, cp1252 or a guess."""
    if _is_mostly_utf8(data):
        return "utf-8"
    declared = declared_encoding(data)
    if declared is not None and _decodes(data, declared):
        return declared
    central = central_european(data)
    if central is not None:
        return central
    head = data[:SNIFF_BYTES]  # a single-byte guess cannot split a character here
    cp1252 = head.decode("cp1252") if _decodes(data, "cp1252") else None
    matches = list(from_bytes(data))
    if not matches:
        return "cp1252" if cp1252 is not None else "latin-1"
    best = matches[0]
    if cp1252 is not None and _plausible(cp1252, best.chaos + CP1252_MESS_TOLERANCE):
        return "cp1252"
    for match in matches:
        if match.encoding and _plausible(str(match)[:SNIFF_BYTES], max_mess=1.0):
            return str(match.encoding)
    return str(best.encoding)


def _plausible(text: str, max_mess: float) -> bool:
    """Reads cleanly: mess ratio within ``max_mess`` and few symbols glued to letters."""
    non_ascii = sum(1 for ch in text if ord(ch) > 0x7F)
    glued = sum(
        1
        for before, ch in itertools.pairwise(text)
        if ord(ch) > 0x7F and before.isalpha() and is_symbol(ch)
    )
    return glued <= MAX_GLUED_SYMBOL_SHARE * non_ascii and _mess(text) <= max_mess


def _decodes(data: bytes, encoding: str) -> bool:
    """True when ``data`` decodes strictly with ``encoding``."""
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _mess(text: str) -> float:
    """charset-normalizer's mess ratio of ``text`` (0 = reads cleanly)."""
    return float(mess_ratio(text, maximum_threshold=1.0))


def _is_mostly_utf8(data: bytes) -> bool:
    """UTF-8, or UTF-8 with a few broken bytes among much valid non-ASCII."""
    if _decodes(data, "utf-8"):
        return True
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return broken <= UTF8_MAX_BROKEN_SHARE * non_ascii


def declared_encoding(data: bytes) -> str | None:
    """The codec an HTML meta or XML declaration names, when Python knows it, else None."""
    head = data[:DECLARATION_SCAN_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    try:
        info = codecs.lookup(match.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None
    name = info.name
    # "base64", "rot13" and the like are codecs, not text encodings.
    if name.startswith(_IMPOSSIBLE_DECLARED) or not getattr(info, "_is_text_encoding", True):
        return None
    return "cp1252" if name in _READ_AS_CP1252 else name
