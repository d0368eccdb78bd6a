"""Per-article preparation shared by every entry point: clean, then annotate.

``newsweave ingest``, ``newsweave run`` and every ``newsweave eval`` go through
``prepare_documents``, so the figures measured by ``eval`` are those of the product.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from newsweave.clean import clean_documents
from newsweave.extract.annotate import annotate, annotate_all
from newsweave.model import Article, Document, Rejection

# Documents cleaned together: lines repeated across a chunk's documents count as
# boilerplate (site furniture), so a chunk should hold many pages of one crawl while
# keeping memory bounded. 512 pages of a site are plenty to see its repeated lines.
CLEAN_CHUNK = 512


def chunked(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of at most ``size`` items."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def prepare_documents(
    docs: Iterable[Document], *, chunk_size: int = CLEAN_CHUNK
) -> Iterator[Article | Rejection]:
    """Clean and annotate documents, yielding one result per document, in order.

    A document that fails is yielded as a ``Rejection`` with the reason; the rest of
    the batch goes on.
    """
    for chunk in chunked(docs, chunk_size):
        cleaned = clean_documents(chunk)
        yield from _annotate_in_order(cleaned)


def _annotate_in_order(items: Sequence[Article | Rejection]) -> Iterator[Article | Rejection]:
    articles = [x for x in items if isinstance(x, Article)]
    try:
        keys = [(a.id, a.origin) for a in articles]
        annotated = dict(zip(keys, annotate_all(articles), strict=True))
    except Exception:  # one bad text must not cost the chunk: retry one by one
        annotated = {}
    for item in items:
        if isinstance(item, Rejection):
            yield item
        elif (item.id, item.origin) in annotated:
            yield annotated[(item.id, item.origin)]
        else:
            yield _annotate_one(item)


def _annotate_one(article: Article) -> Article | Rejection:
    try:
        return annotate(article)
    except Exception as exc:
        return Rejection(article.origin, f"annotation failed ({type(exc).__name__}: {exc})")
