"""JSON objects of common news dumps to ``Document``s.

Understood field names (first present wins; "", "None", "null" count as missing):

- body: ``text``, ``maintext`` (news-please), ``content``, ``body``, ``article``;
  else ``html``, ``raw_html`` (format "html"). A text body is html only when it is
  an HTML document or markup dominates it (``sniff.looks_like_html``): an article
  quoting "<script>" stays text.
- title: ``title``, ``headline``.
- published: ``date_publish`` (news-please), ``published``, ``date``, ``pubDate``,
  ``datePublished`` (schema.org), ``publishedAt`` (NewsAPI), ``published_at``,
  ``date_published``: ISO dates and datetimes, ``2020-01-06 10:00:00``, RFC 2822,
  epoch seconds (or milliseconds), reduced to ``YYYY-MM-DD`` as written (no time-zone
  shift: the outlet's own calendar day).
- source: ``source``, ``source_domain``, ``outlet``, ``site_name``, ``publisher``,
  ``domain`` (a dict gives its ``name``); else the host of the URL. A ``SourceRule``
  overrides this: one name for every record, or the field that holds the outlet.
- url: ``url``, ``link``, ``canonical_url``.  author: ``author``, ``authors``.

A record holding a list of articles under ``documents`` or ``articles`` (our roundup
files, NewsAPI responses) yields one item per article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_tz
from typing import Any
from urllib.parse import urlsplit

from newsweave.errors import NewsweaveError
from newsweave.ingest.names import printable
from newsweave.ingest.sniff import looks_like_html
from newsweave.model import Document, Rejection
from newsweave.model.article import DocumentFormat

TEXT_KEYS = ("text", "maintext", "content", "body", "article")
HTML_KEYS = ("html", "raw_html")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = (
    "date_publish",
    "published",
    "date",
    "pubDate",
    "datePublished",
    "publishedAt",
    "published_at",
    "date_published",
)
SOURCE_KEYS = ("source", "source_domain", "outlet", "site_name", "publisher", "domain")
URL_KEYS = ("url", "link", "canonical_url")
AUTHOR_KEYS = ("author", "authors")
NESTED_KEYS = ("documents", "articles")
MISSING = frozenset({"", "none", "null"})

# A file with fewer documents lacking a source than this gets no warning: one record
# without a source is one source whatever it is called.
MIN_UNSOURCED_TO_WARN = 2

# Epoch numbers above this are milliseconds (1e11 s is the year 5138; 1e11 ms is 1973).
EPOCH_MS_ABOVE = 1e11
# Dates outside this range are typos or placeholders (0001-01-01, 9999-12-31).
MIN_YEAR, MAX_YEAR = 1900, 2100

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s_])")
_ISO_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T)")
_EPOCH = re.compile(r"^\s*\d{9,13}(\.\d+)?\s*$")
# JSON's "\ud800" escapes decode to lone surrogates, which no UTF-8 output (the
# store, a hash, a terminal) accepts: each becomes U+FFFD, as any broken byte does.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class SourceRule:
    """How the documents of one run are given their source (outlet).

    ``name`` names the source of every document read; ``field`` is the JSON field
    holding each record's outlet, a dotted path into nested objects
    (``publisher.name``). With neither, records use the usual fields, then the host
    of their URL; a record with none of them has no source.
    """

    name: str | None = None
    field: str | None = None

    def __post_init__(self) -> None:
        if self.name is not None and self.field is not None:
            raise NewsweaveError("give --source or --source-field, not both")
        if self.name is not None and not self.name.strip():
            raise NewsweaveError("--source is empty: give the outlet's name")
        if self.field is not None and not all(self.path):
            raise NewsweaveError(
                f"--source-field {self.field!r} is not a field name: give one such as "
                "site or publisher.name"
            )

    @property
    def path(self) -> tuple[str, ...]:
        """The keys of ``field``, outermost first (empty when there is no field)."""
        return tuple(self.field.split(".")) if self.field is not None else ()

    def source_of(self, record: Mapping[str, Any], url: str | None) -> str | None:
        """The source this rule gives ``record`` (read from ``url``), or None."""
        if self.name is not None:
            return self.name.strip()
        found = _at_path(record, self.path) if self.path else _first(record, SOURCE_KEYS)
        return _as_source(found) or domain_of(url)

    def applied(self, doc: Document) -> Document:
        """``doc`` with the source this rule names for every document, when it names one."""
        return doc if self.name is None else replace(doc, source=self.name.strip())


DEFAULT_SOURCES = SourceRule()


def warn_unsourced(
    items: Iterable[Document | Rejection], name: str, sources: SourceRule,
    warn: Callable[[str], None],
) -> Iterator[Document | Rejection]:
    """``items`` as they come; at the end, one warning when documents had no source.

    Documents without a source are all labelled by the file's name, so a dump
    without source fields or URLs reads as one outlet: no fact is shared and no
    conflict found. That must not pass in silence. Records holding HTML are not
    counted: the page itself may name its outlet (read when it is cleaned).
    """
    total = unsourced = 0
    for item in items:
        if isinstance(item, Document) and item.format == "text":
            total += 1
            unsourced += item.source is None
        yield item
    if unsourced >= MIN_UNSOURCED_TO_WARN:
        warn(unsourced_warning(name, unsourced, total, sources))


def unsourced_warning(name: str, unsourced: int, total: int, sources: SourceRule) -> str:
    """The one-line warning for a file whose ``unsourced`` of ``total`` records lack a source."""
    lacking = f"no {sources.field!r} field" if sources.field else "no source field"
    count = f"all {unsourced} records" if unsourced == total else f"{unsourced} of {total} records"
    return (f"{name}: {lacking} and no URL: {count} count as one source; "
            "name it with --source or --source-field")


def record_to_items(
    record: Mapping[str, Any], origin: str, sources: SourceRule = DEFAULT_SOURCES
) -> Iterator[Document | Rejection]:
    """Map one JSON object to a ``Document``, or to a ``Rejection`` naming what it had.

    Args:
        record: a decoded JSON object.
        origin: ``path:LINE`` or ``path:#INDEX``; nested articles get ``/N`` appended.
        sources: how each document gets its source (default: its fields, then its URL).

    Yields:
        One item, or one per article for a record that lists articles under
        ``documents``/``articles`` and has no body of its own.
    """
    nested = _first(record, NESTED_KEYS, raw=True)
    if _body(record) is None and isinstance(nested, list):
        for index, item in enumerate(nested):
            sub = f"{origin}/{index}"
            if isinstance(item, Mapping):
                yield record_to_document(item, sub, sources)
            else:
                yield Rejection(sub, "article is not a JSON object: give each one as {...}")
        return
    yield record_to_document(record, origin, sources)


def record_to_document(
    record: Mapping[str, Any], origin: str, sources: SourceRule = DEFAULT_SOURCES
) -> Document | Rejection:
    """Map one JSON object to a ``Document`` (see the module docstring for field names)."""
    body = _body(record)
    if body is None:
        had = printable(", ".join(k for k in record if _present(record[k]))) or "no fields"
        return Rejection(
            origin,
            f"no article body (looked for {', '.join(TEXT_KEYS + HTML_KEYS)}); "
            f'record has: {had}: put the article text under "text"',
        )
    content, fmt = body
    url = _as_text(_first(record, URL_KEYS))
    return Document(
        origin=origin,
        content=content,
        format=fmt,
        title=_as_text(_first(record, TITLE_KEYS)),
        source=sources.source_of(record, url),
        published=parse_date(_first(record, DATE_KEYS)),
        author=_as_author(_first(record, AUTHOR_KEYS)),
        url=url,
    )


def parse_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` from an ISO date/datetime, RFC 2822, or epoch; None if unparseable."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if isinstance(value, Mapping):  # {"$date": ...} (MongoDB exports)
        return parse_date(value.get("$date"))
    if not isinstance(value, str) or value.strip().lower() in MISSING:
        return None
    if _EPOCH.match(value):
        return _from_epoch(float(value))
    match = _ISO_DATE.match(value) or _ISO_COMPACT.match(value)
    if match:
        return _checked(int(match[1]), int(match[2]), int(match[3]))
    try:
        parsed = parsedate_tz(value.strip())
    except (ValueError, IndexError, TypeError):  # odd strings trip the stdlib parser
        return None
    if parsed is None:
        return None
    return _checked(parsed[0], parsed[1], parsed[2])


def domain_of(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``, or None."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def _body(record: Mapping[str, Any]) -> tuple[str, DocumentFormat] | None:
    """The body and its format ("text" or "html"), or None when there is none."""
    text = _as_text(_first(record, TEXT_KEYS), strip=False)
    if text is not None:
        return text, "html" if looks_like_html(text) else "text"
    page = _as_text(_first(record, HTML_KEYS), strip=False)
    return (page, "html") if page is not None else None


def _first(record: Mapping[str, Any], keys: tuple[str, ...], raw: bool = False) -> Any:
    """The value of the first key present (not missing); ``raw`` skips the text check."""
    for key in keys:
        value = record.get(key)
        if (raw and value is not None) or _present(value):
            return value
    return None


def _at_path(record: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    """The value under the nested keys ``path``, None when one is missing."""
    value: Any = record
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value if _present(value) else None


def _present(value: Any) -> bool:
    """False for None, empty containers and the strings "", "None", "null"."""
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip().lower() not in MISSING
    if isinstance(value, list | dict):
        return bool(value)
    return True


def _as_text(value: Any, strip: bool = True) -> str | None:
    """A string field as text; lists of strings joined by blank lines; else None."""
    if isinstance(value, list):
        parts = [p for p in value if isinstance(p, str) and _present(p)]
        value = "\n\n".join(parts) if parts else None
    if not isinstance(value, str) or not _present(value):
        return None
    text = _LONE_SURROGATE.sub("\ufffd", value)
    return text.strip() if strip else text


def _as_source(value: Any) -> str | None:
    """An outlet from a string or a dict with ``name`` (NewsAPI) or ``title``."""
    if isinstance(value, Mapping):
        value = value.get("name") or value.get("title")
    return _as_text(value)


def _as_author(value: Any) -> str | None:
    """Authors as one string: a list (of names or of dicts with ``name``) joined by ", "."""
    if isinstance(value, list):
        names = [_as_source(v) for v in value]
        joined = ", ".join(n for n in names if n)
        return joined or None
    return _as_source(value)


def _from_epoch(seconds: float) -> str | None:
    """The UTC date of an epoch timestamp in seconds or milliseconds."""
    if seconds > EPOCH_MS_ABOVE:
        seconds /= 1000
    try:
        moment = datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return _checked(moment.year, moment.month, moment.day)


def _checked(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` when it is a real calendar day in range, else None."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return datetime(year, month, day).strftime("%Y-%m-%d")
    except ValueError:
        return None
