"""Files, folders and globs to ``Document``s and ``Rejection``s, one file at a time.

Each argument is a file, a folder (walked recursively in sorted order, hidden files
and folders skipped) or a glob. A file's format comes from its content first (see
``sniff``), its name second; ``.gz`` files (or anything with gzip's magic bytes) are
read through gzip. Every per-file problem becomes a ``Rejection`` whose reason names
the fix: no exception escapes for one bad file, and no folder is skipped without one.
Origins are ``names.display_name`` of the path: printable, and exact about its bytes.
"""

from __future__ import annotations

import errno
import glob
import gzip
import os
import stat
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import IO, cast

from newsweave.errors import InputError, MissingExtraError
from newsweave.ingest.decode import SNIFF_BYTES, decode_bytes, detect_encoding
from newsweave.ingest.formats import one_line, read_feed, read_warc
from newsweave.ingest.jsonread import read_json_lines, read_json_values
from newsweave.ingest.names import display_name
from newsweave.ingest.records import DEFAULT_SOURCES, SourceRule, warn_unsourced
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
FOLDER_DENIED = "cannot open folder (permission denied): give read and search rights (chmod +rx)"
BROKEN_LINK = "symbolic link leads nowhere (its target is missing): fix or remove the link"
LINK_LOOP = "symbolic link loops back on itself: fix or remove the link"
_GLOB_CHARS = frozenset("*?[")


def read_paths(
    paths: Sequence[str], on_file: Callable[[str], None] | None = None, *,
    sources: SourceRule = DEFAULT_SOURCES, on_warning: Callable[[str], None] | None = None,
) -> Iterator[Document | Rejection]:
    """Read every input under ``paths``, streaming one file (and one record) at a time.

    Args:
        paths: files, folders or glob patterns, as the user gave them; ``origin`` is
            the path as given (a relative path stays relative), through
            ``display_name``.
        on_file: called with each file (or unmatched path) once it has been read, in
            step with ``count_inputs`` (for a progress bar).
        sources: how documents get their source (see ``SourceRule``).
        on_warning: called with a one-line warning for a JSON file whose records
            have no source (they would all count as one outlet), once per file.

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
            yield from read_file(target, sources, on_warning)
        if on_file is not None:
            on_file(target.origin if isinstance(target, Rejection) else display_name(target))


def count_inputs(paths: Sequence[str]) -> int:
    """How many files (and unmatched paths) ``read_paths`` will visit: a progress total."""
    return sum(1 for _ in expand_paths(paths))


def expand_paths(paths: Sequence[str]) -> Iterator[str | Rejection]:
    """Files named by ``paths`` in reading order, or a rejection for a path with none."""
    for arg in paths:
        if os.path.isdir(arg):
            yield from _walk(arg)
        elif os.path.lexists(arg):  # a broken link too: read_file says what is wrong
            yield arg
        elif _GLOB_CHARS.intersection(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                yield Rejection(display_name(arg), GLOB_MATCHED_NOTHING)
            for match in matches:
                yield from _walk(match) if os.path.isdir(match) else iter([match])
        else:
            yield Rejection(display_name(arg), NO_SUCH_PATH)


def _walk(top: str) -> Iterator[str | Rejection]:
    """Files under ``top``: sorted, a folder's files before its subfolders, hidden skipped.

    A folder that cannot be listed (no read right, or gone) is a rejection with the
    reason. A symbolic link to a folder is followed, as a link to a file is read: it
    was put there to be read. A folder that leads back to one it lies in (a link to
    an ancestor, a bind mount inside itself) would make the walk endless: it is
    rejected as a loop and not entered. Two links to one folder read it twice; the
    copies then fold as duplicates, like any copied file.
    """
    stack: list[tuple[str, dict[tuple[int, int], str]]] = [(top, {})]
    while stack:
        folder, ancestors = stack.pop()
        try:
            identity = _identity(folder)
            if identity in ancestors:
                yield Rejection(display_name(folder), _loop_reason(ancestors[identity]))
                continue
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            yield Rejection(display_name(folder), _folder_reason(error))
            continue
        inside = {**ancestors, identity: folder}
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if _is_folder(entry):
                subfolders.append(entry.path)
            else:
                yield entry.path
        stack.extend((sub, inside) for sub in reversed(subfolders))


def _identity(folder: str) -> tuple[int, int]:
    """The (device, inode) of ``folder``, through symbolic links."""
    info = os.stat(folder)
    return info.st_dev, info.st_ino


def _is_folder(entry: os.DirEntry[str]) -> bool:
    """True for a folder or a link to one; a broken or unreadable entry is a file."""
    try:
        return entry.is_dir()
    except OSError:
        return False  # read_file turns it into a rejection with the reason


def _folder_reason(error: OSError) -> str:
    """One line on why a folder cannot be listed."""
    if isinstance(error, PermissionError):
        return FOLDER_DENIED
    detail = error.strerror or type(error).__name__
    return f"cannot open folder ({detail.lower()}): check the folder"


def _loop_reason(ancestor: str) -> str:
    """One line for a folder that leads back to ``ancestor``."""
    return (
        f"folder leads back to {display_name(ancestor)}, which holds it (a symbolic "
        "link or mount loop): not followed; remove the link"
    )


def read_file(
    path: str, sources: SourceRule = DEFAULT_SOURCES,
    on_warning: Callable[[str], None] | None = None,
) -> Iterator[Item]:
    """Every item of one file; any failure becomes a rejection naming the file."""
    name = display_name(path)
    produced = False
    try:
        for item in _read_file(path, name, sources, on_warning):
            produced = True
            yield sources.applied(item) if isinstance(item, Document) else item
        if not produced:  # an empty JSON array, a WARC of requests only
            yield Rejection(name, NOTHING_FOUND)
    except InputError as error:
        yield Rejection(error.origin, error.reason)
    except MissingExtraError as error:
        yield Rejection(name, str(error))
    except (OSError, EOFError, zlib.error) as error:
        detail = one_line(_os_detail(error))
        yield Rejection(name, f"cannot read ({detail}): check the file is readable and whole")
    except Exception as error:  # one odd file must never stop a run of thousands
        detail = one_line(f"{type(error).__name__}: {error}")
        yield Rejection(name, f"unreadable ({detail}): check or remove the file")


def inner_suffix(path: str) -> str:
    """The suffix that names the format, under a ``.gz``: "a.JSONL.gz" -> ".jsonl"."""
    name = os.path.basename(path).lower().removesuffix(".gz")
    return os.path.splitext(name)[1]


def _read_file(
    path: str, name: str, sources: SourceRule, on_warning: Callable[[str], None] | None
) -> Iterator[Item]:
    """Dispatch one file on its content, then its suffix; ``name`` is its origin."""
    _check_regular(path, name)
    suffix = inner_suffix(path)
    if suffix in WARC_SUFFIXES:
        yield from _page_dates_first(read_warc(path, name))
        return
    with _open_binary(path) as stream:
        head = stream.read(HEAD_BYTES)
        if head.startswith(WARC_MAGIC):
            yield from _page_dates_first(read_warc(path, name))
            return
        sniffable = _whole_lines(head, complete=len(head) < HEAD_BYTES)
        head_text = decode_bytes(sniffable, name)  # raises on empty or binary files
        if suffix in FEED_SUFFIXES or is_feed(head_text):
            yield from read_feed(_read_all(stream, head, name, MAX_FEED_BYTES, "feed"), name)
            return
        fmt = sniff_format(head_text, suffix)
        if fmt in ("json", "jsonl"):
            stream.seek(0)
            reader = read_json_lines if fmt == "jsonl" else read_json_values
            records = reader(stream, name, detect_encoding(sniffable, name), sources)
            if on_warning is not None:
                records = warn_unsourced(records, name, sources, on_warning)
            yield from records
            return
        data = _read_all(stream, head, name, MAX_DOCUMENT_BYTES, "article")
        yield _document(data, name, fmt)


CAPTURE_LAYER = "capture"  # published_from of a web archive's capture day


def _page_dates_first(items: Iterator[Item]) -> Iterator[Item]:
    """WARC pages that state their own date lose the capture day, so cleaning reads
    the page's date (and its layer); the capture day stays only for undated pages."""
    from newsweave.clean.metadata import read_metadata  # the HTML stack, only for WARC

    for item in items:
        if isinstance(item, Document) and item.published:
            stated = read_metadata(item.content, item.url).published
            item = replace(item, published=None) if stated else replace(
                item, published_from=CAPTURE_LAYER)
        yield item


def _check_regular(path: str, name: str) -> None:
    """``InputError`` unless ``path`` is a regular file (through links) that exists."""
    try:
        info = os.stat(path)
    except OSError as error:
        if not os.path.islink(path):
            raise
        raise InputError(name, LINK_LOOP if error.errno == errno.ELOOP else BROKEN_LINK) from None
    if not stat.S_ISREG(info.st_mode):  # a pipe or device would block or never end
        raise InputError(name, "not a regular file (a pipe, socket or device): skip it")


def _os_detail(error: BaseException) -> str:
    """What went wrong, without the path (the rejection names the file already)."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


def _document(data: bytes, name: str, fmt: str) -> Item:
    """A text or html ``Document`` from a whole file's bytes."""
    text = decode_bytes(data, name)
    if not text.strip():
        return Rejection(name, "file holds only whitespace: nothing to read")
    return Document(origin=name, content=text, format="html" if fmt == "html" else "text")


def _read_all(stream: IO[bytes], head: bytes, name: str, limit: int, what: str) -> bytes:
    """The whole file, or ``InputError`` with its size when it is over ``limit``."""
    data = head + stream.read(limit + 1 - len(head))
    if len(data) <= limit:
        return data
    size = len(data) + sum(len(c) for c in iter(lambda: stream.read(COUNT_CHUNK_BYTES), b""))
    raise InputError(
        name,
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
