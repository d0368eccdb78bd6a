"""Streaming JSON readers: JSON Lines line by line, arrays and objects value by value.

Memory stays bounded by one record (``MAX_RECORD_BYTES``) whatever the file's size:
a 50 MB JSON Lines dump never sits in memory at once. A malformed line is rejected
with ``path:LINE`` and reading goes on; in an array or a pretty-printed stream a
malformed value ends the file (there is no line to resynchronise on), with a
rejection saying where.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Iterator
from typing import IO, Any

from newsweave.errors import InputError
from newsweave.ingest.decode import decode_bytes
from newsweave.ingest.records import DEFAULT_SOURCES, SourceRule, record_to_items
from newsweave.model import Document, Rejection

Item = Document | Rejection

# One record (a line, an array element) larger than this is rejected: an article
# with its HTML is far below it (the largest line of pages/aeb.jsonl is 1.5 MB).
MAX_RECORD_BYTES = 10 * 1024 * 1024

# Characters read per refill when streaming JSON values.
CHUNK_CHARS = 1 << 20

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"\s*")


def read_json_lines(
    stream: IO[bytes], path: str, encoding: str, sources: SourceRule = DEFAULT_SOURCES
) -> Iterator[Item]:
    """Read one JSON object per line; each line is one record, ``origin`` ``path:LINE``.

    ``encoding`` is the codec found for the file's head; lines that do not decode
    with it are decoded on their own (a latin-1 line in a UTF-8 dump). ``sources``
    says how each record gets its source.
    """
    if _splits_on_bytes(encoding):
        lines = _byte_lines(stream)
    else:
        lines, encoding = _text_lines(stream, encoding), "utf-8"  # re-encoded lines
    for number, line in lines:
        origin = f"{path}:{number}"
        if line is None:
            yield Rejection(origin, _too_big())
        elif line.strip():
            yield from _parse_line(line, origin, encoding, sources)


def read_json_values(
    stream: IO[bytes], path: str, encoding: str, sources: SourceRule = DEFAULT_SOURCES
) -> Iterator[Item]:
    """Read a JSON array (``path:#INDEX``) or a stream of objects (``path:LINE``)."""
    buffer = _Buffer(io.TextIOWrapper(stream, encoding=encoding, errors="replace"))
    buffer.skip_space()
    if buffer.peek() == "[":
        buffer.take(1)
        yield from _array_items(buffer, path, sources)
        return
    while buffer.skip_space():
        origin = f"{path}:{buffer.line}"
        try:
            value = buffer.value()
        except ValueError as error:
            yield Rejection(origin, f"{error}: fix the JSON from here on")
            return
        yield from _value_items(value, origin, sources)


def _array_items(buffer: _Buffer, path: str, sources: SourceRule) -> Iterator[Item]:
    """The elements of an array whose "[" is already consumed."""
    index = 0
    while True:
        origin = f"{path}:#{index}"
        if not buffer.skip_space():
            yield Rejection(origin, "JSON array is not closed: the file is cut short")
            return
        if buffer.peek() == "]":
            return
        if index > 0:
            if buffer.peek() != ",":
                yield Rejection(origin, "malformed JSON array: expected ',' between records")
                return
            buffer.take(1)
            buffer.skip_space()
        try:
            value = buffer.value()
        except ValueError as error:
            yield Rejection(origin, f"{error}: fix the JSON array from here on")
            return
        yield from _value_items(value, origin, sources)
        index += 1


def _value_items(value: Any, origin: str, sources: SourceRule) -> Iterator[Item]:
    """Records from one decoded value: an object, else a rejection."""
    if isinstance(value, dict):
        yield from record_to_items(value, origin, sources)
    else:
        kind = type(value).__name__
        yield Rejection(origin, f"JSON {kind} is not an object: give each record as {{...}}")


def _parse_line(line: bytes, origin: str, encoding: str, sources: SourceRule) -> Iterator[Item]:
    """Decode and parse one JSON Lines line."""
    try:
        text = _decode_line(line, origin, encoding)
    except InputError as error:
        yield Rejection(origin, error.reason)
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        yield Rejection(
            origin, f"malformed JSON ({error.msg}, column {error.colno}): fix or remove the line"
        )
        return
    except RecursionError:
        yield Rejection(origin, "JSON nested too deeply: flatten the record")
        return
    yield from _value_items(value, origin, sources)


def _decode_line(line: bytes, origin: str, encoding: str) -> str:
    """UTF-8 (JSON's own encoding), else the file's codec, else a guess for this line."""
    for codec in ("utf-8-sig", encoding):
        try:
            return line.decode(codec)
        except UnicodeDecodeError:
            continue
    return decode_bytes(line, origin)


def _splits_on_bytes(encoding: str) -> bool:
    """True when a newline byte always ends a line in ``encoding`` (ASCII-compatible)."""
    return not codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


def _byte_lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines, None for a line over ``MAX_RECORD_BYTES`` (skipped unread)."""
    number = 0
    while line := stream.readline(MAX_RECORD_BYTES + 1):
        number += 1
        if len(line) > MAX_RECORD_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(CHUNK_CHARS)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _text_lines(stream: IO[bytes], encoding: str) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of a UTF-16/32 stream, re-encoded as UTF-8 bytes."""
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace")
    number = 0
    while line := text.readline(MAX_RECORD_BYTES + 1):
        number += 1
        if len(line) > MAX_RECORD_BYTES and not line.endswith("\n"):
            while (rest := text.readline(CHUNK_CHARS)) and not rest.endswith("\n"):
                pass
            yield number, None
        else:
            yield number, line.encode("utf-8")


def _too_big() -> str:
    """The reason for a record over the limit."""
    return f"record over the {MAX_RECORD_BYTES:,} byte limit: split it or drop its raw HTML"


class _Buffer:
    """A sliding window over a text stream that decodes one JSON value at a time."""

    def __init__(self, text: IO[str]) -> None:
        self._text = text
        self._buf = ""
        self._pos = 0
        self._eof = False
        self.line = 1

    def _fill(self) -> bool:
        """Read one more chunk, dropping what is consumed; False at end of file."""
        if self._eof:
            return False
        chunk = self._text.read(CHUNK_CHARS)
        self._buf = self._buf[self._pos :] + chunk
        self._pos = 0
        self._eof = not chunk
        return bool(chunk)

    def skip_space(self) -> bool:
        """Skip whitespace; False when the stream is exhausted."""
        while True:
            match = _SPACE.match(self._buf, self._pos)
            self.take(match.end() - self._pos if match else 0)
            if self._pos < len(self._buf):
                return True
            if not self._fill():
                return False

    def peek(self) -> str:
        """The next character, "" at end of file."""
        if self._pos >= len(self._buf):
            self._fill()
        return self._buf[self._pos : self._pos + 1]

    def take(self, count: int) -> None:
        """Consume ``count`` characters, counting lines."""
        self.line += self._buf.count("\n", self._pos, self._pos + count)
        self._pos += count

    def value(self) -> Any:
        """Decode the JSON value at the cursor, reading more until it is whole."""
        while True:
            try:
                value, end = _DECODER.raw_decode(self._buf, self._pos)
            except json.JSONDecodeError as error:
                if self._grow():
                    continue
                raise ValueError(f"malformed JSON ({error.msg})") from None
            except RecursionError:
                raise ValueError("JSON nested too deeply") from None
            if end == len(self._buf) and self._grow():
                continue  # a number or literal may go on in the next chunk
            self.take(end - self._pos)
            return value

    def _grow(self) -> bool:
        """Read more for an unfinished value; raise when it passes the record limit."""
        if len(self._buf) - self._pos > MAX_RECORD_BYTES:
            raise ValueError(_too_big())
        return self._fill()
