"""Main text and metadata of an HTML page: text through trafilatura, metadata through
``newsweave.clean.metadata`` (with trafilatura's title and author as candidates).

Settings were measured on ``pages/aeb.jsonl`` (shingle F1, 181 pages) and on
``pages/trafilatura-eval`` (snippet F1); see ``EXTRACT_OPTIONS``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

from newsweave.clean.metadata import Metadata, read_metadata
from newsweave.clean.normalize import normalize_text
from newsweave.errors import MissingExtraError

# trafilatura keyword options, measured on pages/aeb.jsonl (shingle F1, 181 pages) and
# every 5th page of trafilatura-eval (snippet F1, 198 pages):
#   balanced (these):      aeb 0.960, trafilatura-eval 0.926
#   favor_precision=True:  aeb 0.964, trafilatura-eval 0.923
#   favor_recall=True:     aeb 0.959
#   include_tables=False:  aeb 0.957 (news pages put figures in tables)
# favor_precision trades one set for the other, so the balanced default stays;
# comments are never article text.
EXTRACT_OPTIONS: Mapping[str, Any] = MappingProxyType({
    "favor_precision": False,
    "favor_recall": False,
    "include_tables": True,
    "include_comments": False,
    "include_images": False,
    "include_links": False,
    "with_metadata": True,
})


@dataclass(frozen=True, slots=True)
class Page:
    """The article part of an HTML page and what the page says about itself."""

    text: str
    title: str | None = None
    source: str | None = None  # outlet name, else host name
    published: str | None = None  # ISO YYYY-MM-DD
    author: str | None = None
    url: str | None = None  # canonical URL, else the given one
    title_from: str | None = None  # where each was read (see newsweave.clean.metadata)
    source_from: str | None = None
    published_from: str | None = None
    language: str | None = None


@cache
def _config() -> Any:
    """trafilatura settings without the signal-based timeout (unsafe off the main thread)."""
    try:
        from trafilatura.settings import use_config
    except ImportError as exc:  # pragma: no cover - trafilatura is a core dependency
        raise MissingExtraError("trafilatura", "html") from exc
    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def _clean_field(value: object) -> str | None:
    """A stripped metadata string, None when empty or not a string."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def extract_page(html: str, url: str | None = None) -> Page | None:
    """Extract the main text and metadata of an HTML page.

    Returns None when no main text is found. Truncated or malformed HTML never
    raises: lxml repairs what it can and a page it cannot parse gives None.
    ``source`` is the outlet the page names, else its domain; each metadata field
    records where it was read (see ``newsweave.clean.metadata``).
    """
    import trafilatura

    if not html or not html.strip():
        return None
    try:
        doc = trafilatura.bare_extraction(html, url=url, config=_config(), **EXTRACT_OPTIONS)
    except (ValueError, TypeError, AttributeError, LookupError, RecursionError):
        # Parser failures deep in lxml on hostile markup: no page rather than a crash.
        return None
    if doc is None:
        return None
    text = normalize_text(getattr(doc, "text", None) or "")
    if not text:
        return None
    title, author = getattr(doc, "title", None), getattr(doc, "author", None)
    try:
        meta = read_metadata(html, url, text, fallback_title=title, fallback_author=author)
    except (ValueError, TypeError, RecursionError):
        # Markup lxml parsed for the text but cannot walk for metadata: the text
        # is kept, with trafilatura's title and author.
        meta = Metadata(title=_clean_field(title), title_from="trafilatura" if title else None,
                        author=_clean_field(author), url=url)
    return Page(
        text=text,
        title=meta.title,
        source=meta.outlet,
        published=meta.published,
        author=meta.author,
        url=meta.url or _clean_field(getattr(doc, "url", None)),
        title_from=meta.title_from,
        source_from=meta.outlet_from,
        published_from=meta.published_from,
        language=meta.language,
    )
