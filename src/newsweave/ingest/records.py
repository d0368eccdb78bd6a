"""JSON objects of common news dumps to ``Document``s.

Understood field names (first present wins; "", "None", "null" count as missing):

- body: ``text``, ``maintext`` (news-please), ``content``, ``body``, ``article``;
  else ``html``, ``raw_html`` (format "html"). A text body that is markup is html.
- title: ``title``, ``headline``.
- published: ``date_publish`` (news-please), ``published``, ``date``, ``pubDate``,
  ``datePublished`` (schema.org), ``publishedAt`` (NewsAPI), ``published_at``,
  ``date_published``: ISO dates and datetimes, ``2020-01-06 10:00:00``, RFC 2822,
  epoch seconds (or milliseconds), reduced to ``YYYY-MM-DD`` as written (no time-zone
  shift: the outlet's own calendar day).
- source: ``source``, ``source_domain``, ``outlet``, ``site_name``, ``publisher``,
  ``domain`` (a dict gives its ``name``); else the host of the URL.
- url: ``url``, ``link``, ``canonical_url``.  author: ``author``, ``authors``.

A record holding a list of articles under ``documents`` or ``articles`` (our roundup
files, NewsAPI responses) yields one item per article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_tz
from typing import Any
from urllib.parse import urlsplit

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

# Epoch numbers above this are milliseconds (1e11 s is the year 5138; 1e11 ms is 1973).
EPOCH_MS_ABOVE = 1e11
# Dates outside this range are typos or placeholders (0001-01-01, 9999-12-31).
MIN_YEAR, MAX_YEAR = 1900, 2100

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s_])")
_ISO_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T)")
_EPOCH = re.compile(r"^\s*\d{9,13}(\.\d+)?\s*$")


def record_to_items(record: Mapping[str, Any], origin: str) -> Iterator[Document | Rejection]:
    """Map one JSON object to a ``Document``, or to a ``Rejection`` naming what it had.

    Args:
        record: a decoded JSON object.
        origin: ``path:LINE`` or ``path:#INDEX``; nested articles get ``/N`` appended.

    Yields:
        One item, or one per article for a record that lists articles under
        ``documents``/``articles`` and has no body of its own.
    """
    nested = _first(record, NESTED_KEYS, raw=True)
    if _body(record) is None and isinstance(nested, list):
        for index, item in enumerate(nested):
            sub = f"{origin}/{index}"
            if isinstance(item, Mapping):
                yield record_to_document(item, sub)
            else:
                yield Rejection(sub, "article is not a JSON object: give each one as {...}")
        return
    yield record_to_document(record, origin)


def record_to_document(record: Mapping[str, Any], origin: str) -> Document | Rejection:
    """Map one JSON object to a ``Document`` (see the module docstring for field names)."""
    body = _body(record)
    if body is None:
        had = ", ".join(k for k in record if _present(record[k])) or "no fields"
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
        source=_as_source(_first(record, SOURCE_KEYS)) or domain_of(url),
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
    return value.strip() if strip else value


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
