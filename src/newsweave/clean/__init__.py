"""Clean stage: a raw ``Document`` (HTML or plain text) becomes an ``Article``.

HTML goes through ``extract_page`` (trafilatura); plain text through
``normalize_text`` and ``strip_boilerplate``, with a leading heading taken as the
title. What cannot become an article is a ``Rejection`` whose reason says what to do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsweave.clean.furniture import strip_site_furniture
from newsweave.clean.html import Page, extract_page, page_problem
from newsweave.clean.normalize import normalize_text, repair_mojibake
from newsweave.clean.plaintext import LineStats, strip_boilerplate
from newsweave.model import Article, Document, Rejection, article_id

__all__ = [
    "MIN_ARTICLE_WORDS",
    "LineStats",
    "Page",
    "batch_line_stats",
    "clean_documents",
    "extract_page",
    "normalize_text",
    "strip_boilerplate",
    "strip_site_furniture",
    "to_article",
]

# Fewest words an article may have. The shortest non-empty cleaned text of
# stories/*.jsonl and conflicts/dev.jsonl has 17 words (an ECB+ one-sentence report);
# 10 keeps every one of them and still rejects a stray caption or "page not found".
MIN_ARTICLE_WORDS = 10
# A first line of at most this many words, without end punctuation and followed by a
# blank line, is a headline: longer first lines are lead paragraphs.
TITLE_MAX_WORDS = 25

_NO_TEXT_HINT = "pass the article itself, not a page of links or a listing"
_WORD = re.compile(r"\w+")
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+(\S.*)")
_END_PUNCTUATION = ".!?…:;,"


def _split_title(text: str) -> tuple[str | None, str]:
    """A leading headline (``# Heading``, or a short unpunctuated first paragraph) and the rest."""
    first, _, rest = text.partition("\n")
    heading = _MARKDOWN_HEADING.fullmatch(first.strip())
    if heading:
        return heading.group(1).strip(), rest.lstrip("\n")
    short = 0 < len(first.split()) <= TITLE_MAX_WORDS
    if short and first.rstrip()[-1:] not in _END_PUNCTUATION and rest.startswith("\n"):
        return first.strip(), rest.lstrip("\n")
    return None, text


def _title(title: str | None) -> str | None:
    """A title with its mojibake repaired, as the text it heads."""
    return repair_mojibake(title) if title else title


def _checked(text: str) -> str | None:
    """Why ``text`` cannot be an article (one line), or None when it can."""
    if not text:
        return f"no article text found after removing boilerplate: {_NO_TEXT_HINT}"
    words = len(_WORD.findall(text))
    if words < MIN_ARTICLE_WORDS:
        return f"too short: {words} words, need at least {MIN_ARTICLE_WORDS}"
    return None


def _from_html(doc: Document) -> Article | Rejection:
    """An HTML document through trafilatura; the document's own metadata wins."""
    refused = page_problem(doc.content)
    if refused:
        return Rejection(doc.origin, refused)
    page = extract_page(doc.content, doc.url)
    text = page.text if page else ""
    reason = _checked(text)
    if reason or page is None:
        return Rejection(doc.origin, reason or _NO_TEXT_HINT)
    return Article(
        id=article_id(text),
        text=text,
        origin=doc.origin,
        title=_title(doc.title or page.title),
        source=doc.source or page.source,
        published=doc.published or page.published,
        author=doc.author or page.author,
        url=doc.url or page.url,
        title_from="document" if doc.title else page.title_from,
        source_from="document" if doc.source else page.source_from,
        published_from=(doc.published_from or "document") if doc.published
        else page.published_from,
    )


def _from_text(doc: Document, stats: LineStats | None) -> Article | Rejection:
    """A plain-text document: normalised, headline split off, boilerplate removed."""
    title, body = _split_title(normalize_text(doc.content))
    text = normalize_text(strip_boilerplate(body, stats))
    reason = _checked(text)
    if reason:
        return Rejection(doc.origin, reason)
    return Article(
        id=article_id(text),
        text=text,
        origin=doc.origin,
        title=_title(doc.title or title),
        source=doc.source,
        published=doc.published,
        author=doc.author,
        url=doc.url,
        published_from=doc.published_from if doc.published else None,
    )


def to_article(doc: Document, stats: LineStats | None = None) -> Article | Rejection:
    """Clean one document into an article, or reject it with a one-line reason.

    HTML documents go through ``extract_page``; metadata set on the document wins and
    the page fills the gaps. Text documents are normalised, a leading headline (a
    ``# Heading`` line, or a short first line without end punctuation followed by a
    blank line) becomes the title, and ``strip_boilerplate`` keeps the article lines;
    ``stats`` (see ``LineStats.from_texts``) marks lines repeated across the batch.
    Texts with no article left, or fewer than ``MIN_ARTICLE_WORDS`` words, are
    rejected. The article id derives from the cleaned text.
    """
    if doc.format == "html":
        return _from_html(doc)
    return _from_text(doc, stats)


def clean_documents(docs: Sequence[Document]) -> list[Article | Rejection]:
    """Clean a batch: line statistics over its text documents, then ``to_article`` each.

    Lines repeated across many documents of the batch (site furniture) count as
    boilerplate, so cleaning a whole dump at once does better than one by one; then
    short lines one outlet repeats across its articles go (``strip_site_furniture``),
    for pages and texts alike.
    """
    stats = batch_line_stats(docs)
    return strip_site_furniture([to_article(d, stats) for d in docs])


def batch_line_stats(docs: Sequence[Document]) -> LineStats | None:
    """The line statistics a batch's text documents are cleaned with (None: no text)."""
    texts = [normalize_text(d.content) for d in docs if d.format == "text"]
    return LineStats.from_texts(texts) if texts else None
