"""Files, folders and globs to ``Document``s and ``Rejection``s, one file at a time.

Each argument is a file, a folder (walked recursively in sorted order, hidden files
and folders skipped) or a glob. A file's format comes from its content first (see
``sniff``), its name second; ``.gz`` files (or anything with gzip's magic bytes) are
read through gzip. Every per-file problem becomes a ``Rejection`` whose reason names
the fix: no exception escapes for one bad file.
"""

from __future__ import annotations

import glob
import gzip
import os
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, cast

from newsweave.errors import InputError, MissingExtraError
from newsweave.ingest.decode import SNIFF_BYTES, decode_bytes, detect_encoding
from newsweave.ingest.formats import one_line, read_feed, read_warc
from newsweave.ingest.jsonread import read_json_lines, read_json_values
from newsweave.ingest.sniff import FEED_SUFFIXES, is_feed, sniff_format
from newsweave.model import Document, Rejection

Item = Document | Rejection

# One text or HTML file over this is not an article (the largest raw page of
# pages/trafilatura-eval is 1.6 MB, of pages/aeb.jsonl 1.5 MB): rejected with its
# size rather than read.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# Feeds carry many entries, so they get a larger allowance.
MAX_FEED_BYTES = 50 * 1024 * 1024
# Bytes read from the start of each file to sniff its format and encoding.
HEAD_BYTES = SNIFF_BYTES
# Chunk size when counting the rest of an oversized compressed file.
COUNT_CHUNK_BYTES = 1 << 20

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"
WARC_SUFFIXES = frozenset({".warc", ".arc"})
NO_SUCH_PATH = "no such file or folder: check the path (and quote globs)"
GLOB_MATCHED_NOTHING = "no such file or folder: the pattern matched nothing"
NOTHING_FOUND = "no records in the file: nothing to read"
_GLOB_CHARS = frozenset("*?[")


def read_paths(
    paths: Sequence[str], on_file: Callable[[str], None] | None = None
) -> Iterator[Document | Rejection]:
    """Read every input under ``paths``, streaming one file (and one record) at a time.

    Args:
        paths: files, folders or glob patterns, as the user gave them; ``origin`` keeps
            them as given (a relative path stays relative).
        on_file: called with each file (or unmatched path) once it has been read, in
            step with ``count_inputs`` (for a progress bar).

    Yields:
        A ``Document`` per article: one per text/HTML file, one per JSON record
        (``origin`` ``path:LINE``, or ``path:#INDEX`` in an array), WARC response or
        feed entry (``path:#N``); a ``Rejection`` with a one-line reason for each path,
        file or record that cannot be read.
    """
    for target in expand_paths(paths):
        if isinstance(target, Rejection):
            yield target
        else:
            yield from read_file(target)
        if on_file is not None:
            on_file(target.origin if isinstance(target, Rejection) else target)


def count_inputs(paths: Sequence[str]) -> int:
    """How many files (and unmatched paths) ``read_paths`` will visit: a progress total."""
    return sum(1 for _ in expand_paths(paths))


def expand_paths(paths: Sequence[str]) -> Iterator[str | Rejection]:
    """Files named by ``paths`` in reading order, or a rejection for a path with none."""
    for arg in paths:
        if os.path.isdir(arg):
            yield from _walk(arg)
        elif os.path.exists(arg):
            yield arg
        elif _GLOB_CHARS.intersection(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                yield Rejection(arg, GLOB_MATCHED_NOTHING)
            for match in matches:
                yield from _walk(match) if os.path.isdir(match) else iter([match])
        else:
            yield Rejection(arg, NO_SUCH_PATH)


def _walk(top: str) -> Iterator[str]:
    """Files under ``top``, sorted at each level, hidden names skipped."""
    for folder, subfolders, files in os.walk(top):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(folder, name)


def read_file(path: str) -> Iterator[Item]:
    """Every item of one file; any failure becomes a rejection naming the file."""
    produced = False
    try:
        for item in _read_file(path):
            produced = True
            yield item
        if not produced:  # an empty JSON array, a WARC of requests only
            yield Rejection(path, NOTHING_FOUND)
    except InputError as error:
        yield Rejection(error.origin, error.reason)
    except MissingExtraError as error:
        yield Rejection(path, str(error))
    except (OSError, EOFError, zlib.error) as error:
        detail = one_line(str(error))
        yield Rejection(path, f"cannot read ({detail}): check the file is readable and whole")
    except Exception as error:  # one odd file must never stop a run of thousands
        detail = one_line(f"{type(error).__name__}: {error}")
        yield Rejection(path, f"unreadable ({detail}): check or remove the file")


def inner_suffix(path: str) -> str:
    """The suffix that names the format, under a ``.gz``: "a.JSONL.gz" -> ".jsonl"."""
    name = os.path.basename(path).lower().removesuffix(".gz")
    return os.path.splitext(name)[1]


def _read_file(path: str) -> Iterator[Item]:
    """Dispatch one file on its content, then its suffix."""
    if not os.path.isfile(path):  # a pipe or device would block or never end
        raise InputError(path, "not a regular file (a pipe, socket or device): skip it")
    suffix = inner_suffix(path)
    if suffix in WARC_SUFFIXES:
        yield from read_warc(path)
        return
    with _open_binary(path) as stream:
        head = stream.read(HEAD_BYTES)
        if head.startswith(WARC_MAGIC):
            yield from read_warc(path)
            return
        sniffable = _whole_lines(head, complete=len(head) < HEAD_BYTES)
        head_text = decode_bytes(sniffable, path)  # raises on empty or binary files
        if suffix in FEED_SUFFIXES or is_feed(head_text):
            yield from read_feed(_read_all(stream, head, path, MAX_FEED_BYTES, "feed"), path)
            return
        fmt = sniff_format(head_text, suffix)
        if fmt in ("json", "jsonl"):
            stream.seek(0)
            reader = read_json_lines if fmt == "jsonl" else read_json_values
            yield from reader(stream, path, detect_encoding(sniffable, path))
            return
        data = _read_all(stream, head, path, MAX_DOCUMENT_BYTES, "article")
        yield _document(data, path, fmt)


def _document(data: bytes, path: str, fmt: str) -> Item:
    """A text or html ``Document`` from a whole file's bytes."""
    text = decode_bytes(data, path)
    if not text.strip():
        return Rejection(path, "file holds only whitespace: nothing to read")
    return Document(origin=path, content=text, format="html" if fmt == "html" else "text")


def _read_all(stream: IO[bytes], head: bytes, path: str, limit: int, what: str) -> bytes:
    """The whole file, or ``InputError`` with its size when it is over ``limit``."""
    data = head + stream.read(limit + 1 - len(head))
    if len(data) <= limit:
        return data
    size = len(data) + sum(len(c) for c in iter(lambda: stream.read(COUNT_CHUNK_BYTES), b""))
    raise InputError(
        path,
        f"file is {size:,} bytes, over the {limit:,} byte limit for one {what}: "
        "split it, or give its articles as JSON Lines",
    )


def _whole_lines(head: bytes, complete: bool) -> bytes:
    """The head cut after its last newline, so no character is split (unless whole)."""
    if complete:
        return head
    cut = head.rfind(b"\n")
    if cut < len(head) // 2:
        return head  # one long line: a split character costs one U+FFFD at most
    if head[cut + 1 : cut + 2] == b"\x00":
        cut += 1  # UTF-16-LE newline is "\n\x00"
    return head[: cut + 1]


@contextmanager
def _open_binary(path: str) -> Iterator[IO[bytes]]:
    """Open ``path`` for reading bytes, through gzip when it starts with gzip's magic."""
    with open(path, "rb") as raw:
        magic = raw.read(len(GZIP_MAGIC))
        raw.seek(0)
        if magic != GZIP_MAGIC:
            yield raw
            return
        with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
            yield cast(IO[bytes], unzipped)  # GzipFile reads bytes like any IO
