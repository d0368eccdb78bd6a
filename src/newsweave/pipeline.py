"""Per-article preparation shared by every entry point: clean, then annotate.

``newsweave ingest``, ``newsweave run`` and every ``newsweave eval`` go through
``prepare_documents``, so the figures measured by ``eval`` are those of the product.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TypeVar

from newsweave.clean import (
    LineStats,
    batch_line_stats,
    clean_documents,
    strip_site_furniture,
    to_article,
)
from newsweave.clean.datecheck import flag_dates
from newsweave.extract.annotate import annotate_each
from newsweave.extract.budget import ANNOTATION_BUDGET_S, NotAnnotated
from newsweave.model import Article, Document, Rejection

# Documents cleaned together: lines repeated across a chunk's documents count as
# boilerplate (site furniture), so a chunk should hold many pages of one crawl while
# keeping memory bounded. 512 pages of a site are plenty to see its repeated lines.
CLEAN_CHUNK = 512

T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most ``size`` items."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def prepare_documents(
    docs: Iterable[Document], *, chunk_size: int = CLEAN_CHUNK,
    context: Sequence[Document] | None = None,
) -> Iterator[Article | Rejection]:
    """Clean and annotate documents, yielding one result per document, in order.

    A document that fails is yielded as a ``Rejection`` with the reason; the rest of
    the batch goes on. Lines repeated across the documents cleaned together count as
    boilerplate: those of each chunk, or those of ``context`` when given (the
    documents read alongside ``docs``, ``docs`` among them), so that a document is
    cleaned the same whether its neighbours are prepared with it or were before.
    An outlet's short lines repeated across its articles go (``strip_site_furniture``)
    and publication dates after today or far from the rest are flagged
    (``newsweave.clean.datecheck``; they then place no article in time), among the
    documents of ``context`` when given, else among those of each chunk.
    """
    if context is not None:
        stats = batch_line_stats(context)
        prepared = _cleaned_in_context(context, stats)
        for chunk in chunked(docs, chunk_size):
            cleaned = [prepared.get(id(d)) or to_article(d, stats) for d in chunk]
            yield from _annotate_in_order(cleaned)
        return
    for chunk in chunked(docs, chunk_size):
        yield from _annotate_in_order(flag_dates(clean_documents(chunk)))


def _cleaned_in_context(context: Sequence[Document],
                        stats: LineStats | None) -> dict[int, Article | Rejection]:
    """Every document of ``context`` cleaned among all of them: line statistics, site
    furniture and date flags see the same neighbours whichever of them are prepared
    now, so a resumed run cleans a document as an uninterrupted one did. ``stats``
    are the line statistics of ``context``."""
    cleaned = flag_dates(strip_site_furniture([to_article(d, stats) for d in context]))
    return {id(d): item for d, item in zip(context, cleaned, strict=True)}


def _annotate_in_order(items: Sequence[Article | Rejection]) -> Iterator[Article | Rejection]:
    articles = [x for x in items if isinstance(x, Article)]
    annotated: dict[tuple[str, str], Article | Rejection] = {}
    try:
        keys = [(a.id, a.origin) for a in articles]
        results = annotate_each(articles, budget_s=ANNOTATION_BUDGET_S)
        for key, result in zip(keys, results, strict=True):
            annotated[key] = _annotated_or_rejected(result)
    except Exception:  # one bad text must not cost the chunk: the rest one by one
        pass
    for item in items:
        if isinstance(item, Rejection):
            yield item
        elif (item.id, item.origin) in annotated:
            yield annotated[(item.id, item.origin)]
        else:
            yield _annotate_one(item)


def _annotate_one(article: Article) -> Article | Rejection:
    try:
        return _annotated_or_rejected(next(annotate_each([article], budget_s=ANNOTATION_BUDGET_S)))
    except Exception as exc:
        return Rejection(article.origin, f"annotation failed ({type(exc).__name__}: {exc})")


def _annotated_or_rejected(result: Article | NotAnnotated) -> Article | Rejection:
    """An article over the size limit or its time budget is rejected with the reason."""
    if isinstance(result, NotAnnotated):
        return Rejection(result.article.origin, result.reason)
    return result
