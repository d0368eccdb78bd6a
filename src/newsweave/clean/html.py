"""Main text and metadata of an HTML page: text through trafilatura with second
opinions (``newsweave.clean.vote``: a precision pass and jusText vote on its lines,
jusText stands in when it finds nothing), metadata through ``newsweave.clean.metadata``
(with trafilatura's title and author as candidates).

Settings were measured on ``pages/aeb.jsonl`` (shingle F1, 181 pages) and on
``pages/trafilatura-eval`` (snippet F1); see ``EXTRACT_OPTIONS``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

from newsweave.clean.metadata import Metadata, read_metadata
from newsweave.clean.normalize import normalize_text
from newsweave.clean.vote import (
    fallback_text,
    is_listing,
    justext_paragraphs,
    tidy_lines,
    vote_lines,
)
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
# The second opinion on the balanced text: the same extractor leaning to precision,
# without its own readability/jusText fallback (``fast``): 37% less CPU, and the same
# text on 39 of the first 40 aeb pages.
PRECISE_OPTIONS: Mapping[str, Any] = MappingProxyType(
    {**EXTRACT_OPTIONS, "favor_precision": True, "with_metadata": False, "fast": True})
# Pages longer than this many characters are refused unparsed: the largest dev page
# (aeb, trafilatura-eval) has 1.6 M characters and a page file over 10 MB is already
# refused by ingest; extraction time grows with the page, and this bounds it (see
# benchmarks/page_speed.py for the time of a page at the limit).
MAX_PAGE_CHARS = 10_000_000
# Script blocks longer than this are cut before extraction: megabytes of inlined code
# or state make trafilatura slow (0.87 s CPU on a page with two 1 MB scripts, 0.04 s
# without them). The 32 dev pages checked that hold a script over 100 KB (aeb and half
# of trafilatura-eval) give the same text with and without the cut. Structured data
# (JSON-LD) is a few kilobytes; metadata is read from the page as given.
MAX_SCRIPT_CHARS = 100_000
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)


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
def trafilatura_config() -> Any:
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


def _bare(html: str, url: str | None, options: Mapping[str, Any]) -> Any:
    """trafilatura's document for ``html``, None when it finds nothing or cannot parse."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(html, url=url, config=trafilatura_config(), **options)
    except (ValueError, TypeError, AttributeError, LookupError, RecursionError):
        # Parser failures deep in lxml on hostile markup: no text rather than a crash.
        return None


def main_text(html: str, url: str | None, balanced: str, *, second_opinion: bool = True) -> str:
    """The article text of a page given trafilatura's balanced text of it.

    With ``second_opinion``, a precision pass and jusText vote on the balanced text's
    lines, and jusText's article paragraphs stand in when the balanced text is empty
    (see ``newsweave.clean.vote``), and a text that is nearly all links is no article
    (empty); lines that are only a timestamp and repeated long sentences are
    dropped either way.
    """
    if not second_opinion:
        return normalize_text(tidy_lines(balanced))
    paragraphs = justext_paragraphs(html)
    if balanced.strip():
        balanced = vote_lines(
            balanced, lambda: getattr(_bare(html, url, PRECISE_OPTIONS), "text", None) or "",
            paragraphs)
    else:
        balanced = fallback_text(paragraphs)
    text = normalize_text(tidy_lines(balanced))
    return "" if is_listing(text, paragraphs) else text


def _without_big_scripts(html: str) -> str:
    """``html`` with script blocks over ``MAX_SCRIPT_CHARS`` cut out."""
    if len(html) <= MAX_SCRIPT_CHARS:
        return html
    return _SCRIPT.sub(lambda m: "" if len(m.group(0)) > MAX_SCRIPT_CHARS else m.group(0), html)


def page_problem(html: str) -> str | None:
    """Why ``html`` is refused before extraction (one line), or None."""
    if len(html) > MAX_PAGE_CHARS:
        return (f"page too large: {len(html):,} characters, the limit is {MAX_PAGE_CHARS:,}; "
                "save the article alone")
    return None


def extract_page(html: str, url: str | None = None, *, second_opinion: bool = True) -> Page | None:
    """Extract the main text and metadata of an HTML page.

    Returns None when no main text is found or the page is refused (``page_problem``).
    Truncated or malformed HTML never raises: lxml repairs what it can and a page it
    cannot parse gives None. ``source`` is the outlet the page names, else its domain;
    each metadata field records where it was read (see ``newsweave.clean.metadata``).
    ``second_opinion`` is described in ``main_text``.
    """
    if not html or not html.strip() or page_problem(html):
        return None
    lean = _without_big_scripts(html)
    doc = _bare(lean, url, EXTRACT_OPTIONS)
    text = main_text(lean, url, getattr(doc, "text", None) or "", second_opinion=second_opinion)
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
