"""Stored responses to ``Document``s, with the publication date chosen by trust.

Dates, most trusted first: the page's own metadata (JSON-LD, meta tags, ``<time>``,
the URL, a dateline under the headline; ``newsweave.clean.metadata``), then the date
the feed or sitemap gives the entry, then the day the page was fetched. When the page
states its own date the document carries none, so cleaning reads it from the page
with its layer; otherwise the document carries the feed's or the capture's date and
``date_layer`` says which, to be recorded as the article's ``published_from``.

A page that cannot be read (its fetch failed for good, or cleaning finds no article
in it) is replaced by the feed's summary of it, marked ``summary_only``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from newsweave.clean.metadata import read_metadata
from newsweave.fetch.client import media_type
from newsweave.fetch.listing import capture_text
from newsweave.ingest.formats import summary_text
from newsweave.ingest.readers import CAPTURE_LAYER
from newsweave.ingest.records import domain_of
from newsweave.model import Document, Rejection
from newsweave.store.fetchstate import Capture, UrlState

FEED_LAYER = "feed"  # published_from of a date the feed or sitemap gave


@dataclass(frozen=True, slots=True)
class FetchedItem:
    """What one fetched URL gives the ingest: a document (or why not) and its fallback."""

    item: Document | Rejection
    date_layer: str | None = None  # FEED_LAYER or CAPTURE_LAYER when the date is not the page's
    summary: Document | None = None  # the feed's summary, used when the page cannot be read
    summary_only: bool = False  # ``item`` is that summary already


def entry_fields(state: UrlState) -> dict[str, str]:
    """What the feed said of this URL (empty when it came from no feed)."""
    if not state.entry:
        return {}
    data = json.loads(state.entry)
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def fetched_item(state: UrlState, capture: Capture | None) -> FetchedItem:
    """The document of one page URL: its stored response, else its feed summary."""
    entry = entry_fields(state)
    summary = summary_document(state.url, entry)
    text = capture_text(capture) if capture is not None else ""
    if capture is None or not text.strip():
        if summary is not None:
            return FetchedItem(summary, FEED_LAYER if summary.published else None,
                               summary_only=True)
        return FetchedItem(Rejection(state.url, state.reason or "nothing fetched: empty page"))
    is_text = media_type(capture.header("content-type")) == "text/plain"
    published, layer = (_fallback_date(capture, entry) if is_text
                        else _outside_date(text, capture, entry))
    doc = Document(origin=state.url, content=text, format="text" if is_text else "html",
                   published=published, url=capture.final_url)
    return FetchedItem(doc, layer, summary)


def _outside_date(html: str, capture: Capture,
                  entry: dict[str, str]) -> tuple[str | None, str | None]:
    """None when the page dates itself; else the feed's date, else the capture day."""
    # No text is passed: a date merely mentioned in the body is not the page's own.
    if read_metadata(html, capture.final_url).published:
        return None, None
    return _fallback_date(capture, entry)


def _fallback_date(capture: Capture, entry: dict[str, str]) -> tuple[str | None, str | None]:
    if entry.get("published"):
        return entry["published"], FEED_LAYER
    return capture.fetched_at[:10], CAPTURE_LAYER


def summary_document(url: str, entry: dict[str, str]) -> Document | None:
    """The feed's summary of ``url`` as a plain-text document, None when it gave none.

    Plain text, not HTML: a page extractor finds no article in a three-sentence
    fragment, while the text cleaner keeps it.
    """
    summary = entry.get("summary")
    if not summary:
        return None
    text = summary_text(summary)
    if not text:
        return None
    return Document(origin=url, content=text, format="text", title=entry.get("title"),
                    source=entry.get("source") or domain_of(url),
                    published=entry.get("published"), url=url)
