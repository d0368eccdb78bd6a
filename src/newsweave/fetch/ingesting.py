"""Fetched pages into the store through the ingest job of files, step for step.

The batches, the preparation (clean and annotate, on any executor), the fold
(duplicates, revisions, stories) and the brief refresh are those of
``newsweave.execution.ingest.ingest_documents``; this module only feeds it the
fetched documents, and wraps the preparation of each slice with two things files do
not need: a page in which cleaning finds no article is replaced by its feed summary,
and a date the page did not state itself is recorded with the layer it came from
(feed or capture).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from newsweave.execution.executor import Executor
from newsweave.execution.ingest import IngestSummary, ingest_documents, input_hash
from newsweave.execution.preparation import Prepared, PrepareSlice, prepare_slice
from newsweave.fetch.documents import FEED_LAYER, FetchedItem
from newsweave.model import Article, Document, Rejection
from newsweave.pipeline import prepare_documents
from newsweave.store import Store

# The layer ``newsweave.clean`` records for a date given with the document.
_GIVEN_LAYER = "document"


@dataclass(frozen=True, slots=True)
class _Fallback:
    """What a fetched page brings besides its document."""

    date_layer: str | None
    summary: Document | None


@dataclass(frozen=True, slots=True)
class _Preparer:
    """``prepare_slice`` with the summary fallback and the date layers of fetched pages.

    It runs where the executor runs the slice, so it carries only the pages that
    have a fallback or a layer, and keeps no state: which pages fell back to their
    summary is read from the store afterwards (``_summaries_used``).
    """

    fallbacks: dict[str, _Fallback]

    def __call__(self, part: PrepareSlice) -> Prepared:
        docs, results = prepare_slice(part)
        for i, (doc, result) in enumerate(zip(docs, results, strict=True)):
            extra = self.fallbacks.get(doc.origin)
            if extra is None:
                continue
            layer = extra.date_layer
            if isinstance(result, Rejection) and extra.summary is not None:
                docs[i], result = extra.summary, next(prepare_documents([extra.summary]))
                layer = FEED_LAYER
            results[i] = _with_layer(result, layer)
        return docs, results


def _with_layer(result: Article | Rejection, layer: str | None) -> Article | Rejection:
    """The article with its date's layer named, when the date came with the document."""
    # Plain-text cleaning names no layer at all for the date it was given.
    given = isinstance(result, Article) and result.published is not None and \
        result.published_from in (_GIVEN_LAYER, None)
    if given and layer and isinstance(result, Article):
        return replace(result, published_from=layer)
    return result


@dataclass
class FetchIngest:
    """What the ingest of fetched pages did: the usual summary, and which were summaries."""

    summary: IngestSummary
    summaries: set[str]


def ingest_fetched(
    store: Store, items: Sequence[FetchedItem], progress: Callable[[int], None] | None = None,
    executor: Executor | None = None,
) -> FetchIngest:
    """Ingest fetched pages (see module docstring); ``progress`` gets documents done."""
    preparer = _Preparer({
        it.item.origin: _Fallback(it.date_layer, it.summary) for it in items
        if isinstance(it.item, Document) and (it.date_layer or it.summary)})
    summary = ingest_documents(store, (it.item for it in items), executor=executor,
                               prepare=preparer, progress=progress)
    return FetchIngest(summary, _summaries_used(store, items))


def _summaries_used(store: Store, items: Sequence[FetchedItem]) -> set[str]:
    """The pages ingested as their feed's summary: given so, or put in its place.

    A page folded itself is recorded under its own content (as new or duplicate, or
    skipped as unchanged); one replaced by its summary only under the summary's,
    and not as rejected when the summary made an article.
    """
    used = set()
    for it in items:
        origin = it.item.origin
        if it.summary_only:
            used.add(origin)
        elif isinstance(it.item, Document) and it.summary is not None:
            own = store.input_status(origin, input_hash(it.item))
            if own in (None, "rejected") and store.input_status(
                    origin, input_hash(it.summary)) in ("new", "duplicate"):
                used.add(origin)
    return used
