"""Optional formats (extra ``formats``): WARC archives via warcio, RSS/Atom via feedparser.

Both packages are imported inside the reader; when one is missing the reader raises
``MissingExtraError``, which ``read_paths`` turns into a rejection for that file.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from html import unescape
from typing import Any

from newsweave.errors import InputError, MissingExtraError
from newsweave.ingest.decode import decode_bytes
from newsweave.ingest.names import display_name, printable
from newsweave.ingest.records import domain_of, parse_date
from newsweave.model import Document, Rejection

Item = Document | Rejection

# A WARC response payload larger than this is not one article (same limit as a file).
MAX_PAYLOAD_BYTES = 10 * 1024 * 1024


def read_warc(path: str, name: str | None = None) -> Iterator[Item]:
    """One html ``Document`` per HTML response record of a ``.warc``/``.warc.gz``.

    ``origin`` is ``name:#N`` (N counts all records; ``name`` defaults to
    ``display_name(path)``), ``url`` the WARC-Target-URI, ``published`` the day of
    the WARC-Date (the capture day: WARC has no other), ``source`` the host of the URL.
    Non-HTML responses are rejected with their type; request, metadata and other
    record types are skipped.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped,import-not-found]
    except ImportError:
        raise MissingExtraError("warcio", "formats") from None
    from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped,import-not-found]

    name = display_name(path) if name is None else name
    with open(path, "rb") as raw:
        try:
            for index, record in enumerate(ArchiveIterator(raw)):
                if record.rec_type == "response":
                    yield _warc_response(record, f"{name}:#{index}")
        except ArchiveLoadFailed as error:
            reason = f"not a readable WARC archive ({one_line(str(error))}): check the file"
            raise InputError(name, reason) from None


def one_line(message: str, limit: int = 160) -> str:
    """``message`` on one line, cut to ``limit`` characters, with nothing a terminal obeys."""
    flat = printable(" ".join(message.split()))
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _warc_response(record: Any, origin: str) -> Item:
    """A ``Document`` from one WARC response record, or why not."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    headers = record.http_headers
    content_type = (headers.get_header("Content-Type") if headers else None) or ""
    if content_type and "html" not in content_type.lower():
        media = one_line(content_type.split(";")[0].strip(), limit=60)
        return Rejection(origin, f"WARC response is {media}, not HTML: skipped")
    payload = record.content_stream().read(MAX_PAYLOAD_BYTES + 1)
    if len(payload) > MAX_PAYLOAD_BYTES:
        return Rejection(origin, f"WARC payload over the {MAX_PAYLOAD_BYTES:,} byte limit")
    try:
        text = _decode_payload(payload, content_type, origin)
    except InputError as error:
        return Rejection(origin, error.reason)
    return Document(
        origin=origin,
        content=text,
        format="html",
        source=domain_of(url),
        published=parse_date(record.rec_headers.get_header("WARC-Date")),
        url=url,
    )


def _decode_payload(payload: bytes, content_type: str, origin: str) -> str:
    """Decode with the HTTP charset when it is known and fits, else guess."""
    _, _, charset = content_type.lower().partition("charset=")
    charset = charset.split(";")[0].strip(" \"'")
    if charset and payload:
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # servers often send a wrong charset: let the bytes speak
    return decode_bytes(payload, origin)


def read_feed(data: bytes, origin: str) -> Iterator[Item]:
    """One html ``Document`` per RSS/Atom entry with content or a summary.

    ``origin`` names the feed (a ``display_name``); each entry's is ``origin:#N``;
    title, link, published day and author come from the entry, ``source`` is the
    feed's title (else the host of the link).
    """
    try:
        import feedparser  # type: ignore[import-untyped,import-not-found]
    except ImportError:
        raise MissingExtraError("feedparser", "formats") from None
    # A file object, never bytes or str: feedparser would treat those as a path or URL.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({one_line(str(problem))})" if problem else ""
        yield Rejection(origin, f"feed has no entries{detail}: check it is RSS or Atom")
        return
    feed_title = parsed.feed.get("title") or None
    for index, entry in enumerate(parsed.entries):
        yield _feed_entry(entry, feed_title, f"{origin}:#{index}")


_TAG = re.compile(r"<[^>]*>")
_BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6]|blockquote)\s*>|<br\s*/?>", re.IGNORECASE)


def summary_text(html: str) -> str:
    """A feed's summary (a few sentences of markup) as plain paragraphs.

    Plain text, not HTML: a page extractor finds no article in a three-sentence
    fragment, while the text cleaner keeps it.
    """
    text = unescape(_TAG.sub("", _BLOCK_END.sub("\n\n", html)))
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


def _feed_entry(entry: Any, feed_title: str | None, origin: str) -> Item:
    """A ``Document`` from one feed entry (its full content as a page, else its
    summary as plain text), or why not."""
    contents = [c.get("value") for c in entry.get("content") or [] if c.get("value")]
    body = str(contents[0]) if contents else summary_text(str(entry.get("summary") or ""))
    if not body.strip():
        return Rejection(origin, "feed entry has no content or summary: nothing to read")
    link = entry.get("link") or None
    return Document(
        origin=origin,
        content=body,
        format="html" if contents else "text",
        title=entry.get("title") or None,
        source=feed_title or domain_of(link),
        published=entry_date(entry),
        author=entry.get("author") or None,
        url=link,
    )


def entry_date(entry: Any) -> str | None:
    """The entry's published (else updated) day as ``YYYY-MM-DD``."""
    for key in ("published", "updated"):
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            return parse_date(time.strftime("%Y-%m-%d", parsed))
        if entry.get(key):
            return parse_date(entry.get(key))
    return None
