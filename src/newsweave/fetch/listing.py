"""What a fetched response lists: feeds (RSS, Atom, JSON Feed), sitemaps, front pages.

``read_listing`` returns a ``Listing`` for a response that points at articles (its
entries, with what the feed says of each) or at more listings (a sitemap index, a
front page's feed links), and None for anything else, which is read as an article.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from newsweave.errors import InputError
from newsweave.fetch.client import media_type
from newsweave.ingest.decode import decode_bytes
from newsweave.ingest.formats import entry_date
from newsweave.ingest.records import parse_date
from newsweave.ingest.sniff import is_feed
from newsweave.store.fetchstate import Capture

# Entries taken from one listing: a Google news sitemap holds at most 1,000 URLs and
# news feeds 10 to 100 items; more is an archive, not news.
MAX_ENTRIES = 1000
# Characters of a body looked at to tell a feed or a sitemap from a page.
HEAD_CHARS = 2048
_SITEMAP_ROOT = re.compile(r"<(?:[\w-]+:)?(urlset|sitemapindex)\b")
_FEED_LINK_TYPES = frozenset({"application/rss+xml", "application/atom+xml",
                              "application/feed+json", "application/json"})


@dataclass(frozen=True, slots=True)
class Entry:
    """An article a listing points at, with what the listing says of it."""

    url: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    summary: str | None = None  # HTML or text, as the feed gives it
    source: str | None = None  # the feed's title

    def as_record(self) -> dict[str, str]:
        """The fields to keep beside the URL (those that are set)."""
        fields = {"title": self.title, "published": self.published,
                  "summary": self.summary, "source": self.source}
        return {k: v for k, v in fields.items() if v}


@dataclass(frozen=True, slots=True)
class Listing:
    kind: str  # "feed", "json feed", "sitemap", "sitemap index", "front page"
    entries: tuple[Entry, ...] = ()
    listings: tuple[str, ...] = ()  # further listings to read (sitemaps, feeds)


def capture_text(capture: Capture) -> str:
    """The body as text: the charset the headers declare when it decodes, else guessed."""
    _, _, charset = (capture.header("content-type") or "").lower().partition("charset=")
    charset = charset.split(";")[0].strip(" \"'")
    if charset:
        try:
            return capture.body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # servers often declare a wrong charset: let the bytes speak
    try:
        return decode_bytes(capture.body, capture.final_url)
    except InputError:
        return ""


def read_listing(capture: Capture) -> Listing | None:
    """The listing ``capture`` holds, or None when it is (or may be) an article."""
    media = media_type(capture.header("content-type"))
    head = capture.body[:HEAD_CHARS].decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if head.startswith("{") or media in ("application/feed+json", "application/json"):
        return _json_feed(capture)
    if is_feed(head):
        return _feed(capture)
    root = _SITEMAP_ROOT.search(head)
    if root and "<html" not in head[: root.start()].casefold():
        return _sitemap(capture, index=root.group(1) == "sitemapindex")
    if urlsplit(capture.url).path in ("", "/"):
        links = tuple(_feed_links(capture))
        return Listing("front page", listings=links) if links else None
    return None


def _json_feed(capture: Capture) -> Listing | None:
    try:
        data = json.loads(capture_text(capture))
    except ValueError:
        return None
    if not isinstance(data, dict) or "jsonfeed" not in str(data.get("version", "")):
        return None
    title = _text(data.get("title"))
    entries = []
    for item in data.get("items") or []:
        url = _text(item.get("url")) if isinstance(item, dict) else None
        if url:
            summary = item.get("content_html") or item.get("content_text") or item.get("summary")
            entries.append(Entry(urljoin(capture.final_url, url), _text(item.get("title")),
                                 parse_date(item.get("date_published")), _text(summary), title))
    return Listing("json feed", tuple(entries[:MAX_ENTRIES]))


def _feed(capture: Capture) -> Listing:
    import feedparser  # type: ignore[import-untyped]

    # A file object, never bytes or str: feedparser would treat those as a path or URL.
    parsed = feedparser.parse(io.BytesIO(capture.body),
                              response_headers={"content-type": capture.header("content-type")
                                                or "application/xml"})
    title = _text(parsed.feed.get("title"))
    entries = []
    for entry in parsed.entries:
        link = _text(entry.get("link"))
        if link:
            entries.append(Entry(urljoin(capture.final_url, link), _text(entry.get("title")),
                                 entry_date(entry), _entry_body(entry), title))
    return Listing("feed", tuple(entries[:MAX_ENTRIES]))


def _entry_body(entry: Any) -> str | None:
    contents = [c.get("value") for c in entry.get("content") or [] if c.get("value")]
    return _text(contents[0] if contents else entry.get("summary"))


def _sitemap(capture: Capture, *, index: bool) -> Listing | None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        root = etree.fromstring(capture.body, parser=parser)
    except etree.XMLSyntaxError:
        return None
    if root is None:
        return None
    if index:
        locs = root.xpath("//*[local-name()='sitemap']/*[local-name()='loc']/text()")
        links = tuple(urljoin(capture.final_url, str(u).strip()) for u in locs[:MAX_ENTRIES])
        return Listing("sitemap index", listings=links)
    entries = [e for e in map(_sitemap_entry, root.xpath("//*[local-name()='url']")) if e]
    return Listing("sitemap", tuple(entries[:MAX_ENTRIES]))


def _sitemap_entry(node: Any) -> Entry | None:
    """A ``<url>``: its ``loc``, and the news extension's title and date when present."""
    def first(name: str) -> str | None:
        found = node.xpath(f".//*[local-name()='{name}']/text()")
        return _text(str(found[0])) if found else None

    url = first("loc")
    if not url:
        return None
    # Without the news extension, the last change stands in for the publication day:
    # still nearer than the day we fetch an archived page.
    return Entry(url, first("title"), parse_date(first("publication_date") or first("lastmod")))


def _feed_links(capture: Capture) -> Iterator[str]:
    """The feeds a page announces (``<link rel="alternate" type="application/rss+xml">``)."""
    try:
        tree = lxml_html.document_fromstring(capture_text(capture) or "<html></html>")
    except (ValueError, etree.ParserError):
        return
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").casefold().split()
        if "alternate" in rel and media_type(link.get("type")) in _FEED_LINK_TYPES:
            href = (link.get("href") or "").strip()
            if href:
                yield urljoin(capture.final_url, href)


def _text(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None
