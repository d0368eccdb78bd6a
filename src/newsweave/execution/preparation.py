"""Phase 1 of the ingest job: documents cleaned and annotated, in slices an executor
spreads over its workers; and the same for the evaluations, with their batching.

A batch of the job is prepared in slices of ``PREPARE_SLICE`` documents, each cleaned
among the whole batch (its context), so every executor gives the same articles. A
slice whose preparation fails as a whole (its worker died) has its documents rejected
with the reason; the other slices go on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from types import MappingProxyType

from newsweave.clean import (
    LineStats,
    batch_line_stats,
    clean_documents,
    strip_site_furniture,
    to_article,
)
from newsweave.execution.executor import Executor
from newsweave.model import Article, Document, Rejection
from newsweave.pipeline import CLEAN_CHUNK, chunked, prepare_documents

# Documents per preparation task: a batch's slices run on several workers at once.
# Each slice cleans the whole batch again (its context), 3% of preparing 64 ecbplus-dev
# documents, so 16 costs some 8% more CPU than whole batches and lets 2 workers share
# every batch (``python benchmarks/executors.py``).
PREPARE_SLICE = 16


@dataclass(frozen=True, slots=True)
class PrepareSlice:
    """Documents to prepare, and every document read at their batch's input positions."""

    todo: list[Document]  # read for the first time, or changed: to prepare and fold
    context: list[Document]  # cleaned among these (stored before or not)


# What preparing a slice gives: the documents to fold (those of the slice, or what a
# caller's ``Prepare`` put in their place) and one result each, in order.
Prepared = tuple[list[Document], list[Article | Rejection]]
Prepare = Callable[[PrepareSlice], Prepared]  # runs on a worker: picklable, no store


def prepare_slice(part: PrepareSlice) -> Prepared:
    """Clean and annotate one slice (no store access).

    Documents are cleaned among all those read at the batch's positions, stored
    before or not, so a document retried after a rejection is cleaned as it was.
    """
    if not part.todo:
        return [], []
    return part.todo, list(prepare_documents(part.todo, context=part.context))


def slice_failed(part: PrepareSlice, exc: BaseException) -> Prepared:
    """Every document of a slice whose preparation failed as a whole, rejected with why."""
    reason = f"preparation failed ({type(exc).__name__}: {exc})"
    return part.todo, [Rejection(doc.origin, reason) for doc in part.todo]


def prepared_batches(executor: Executor, batches: Iterable[PrepareSlice],
                     prepare: Prepare = prepare_slice) -> Iterator[Prepared]:
    """Each batch prepared in slices (``PREPARE_SLICE``) that workers share, the
    results put back together per batch, in order."""
    sizes: deque[int] = deque()

    def slices() -> Iterator[PrepareSlice]:
        for batch in batches:
            parts = [PrepareSlice(batch.todo[i:i + PREPARE_SLICE], batch.context)
                     for i in range(0, len(batch.todo), PREPARE_SLICE)] or [batch]
            sizes.append(len(parts))  # before its first slice goes out
            yield from parts

    results = executor.map(prepare, slices(), on_error=slice_failed)
    for first in results:
        group = [first, *islice(results, sizes.popleft() - 1)]
        yield ([d for docs, _ in group for d in docs],
               [r for _, prepared in group for r in prepared])


def prepare_groups(groups: Iterable[Sequence[Document]],
                   executor: Executor | None = None) -> Iterator[list[Article | Rejection]]:
    """Each group's results, as ``prepare_documents(group)`` gives them.

    A group is cleaned in chunks of ``CLEAN_CHUNK`` among themselves, as
    ``prepare_documents`` cleans it, so the results do not depend on the executor;
    with one, the chunks go out in slices, several groups in flight at once. Without
    one, ``prepare_documents`` runs here, group after group.
    """
    if executor is None:
        yield from (list(prepare_documents(group)) for group in groups)
        return
    counts: deque[int] = deque()

    def batches() -> Iterator[PrepareSlice]:
        for group in groups:
            chunks = list(chunked(group, CLEAN_CHUNK)) or [[]]  # an empty group: one result
            counts.append(len(chunks))  # before its first chunk goes out
            yield from (PrepareSlice(chunk, chunk) for chunk in chunks)

    prepared = prepared_batches(executor, batches())
    for first in prepared:
        group = [first, *islice(prepared, counts.popleft() - 1)]
        yield [r for _, results in group for r in results]


def clean_together(docs: Sequence[Document],
                   executor: Executor | None = None) -> list[Article | Rejection]:
    """``clean_documents(docs)``, its per-document extraction spread over ``executor``.

    The line statistics are those of all ``docs`` and the site furniture is stripped
    across all of them, here, so the results do not depend on the executor.
    """
    if executor is None:
        return clean_documents(docs)
    stats = batch_line_stats(docs)
    counts = None if stats is None else (dict(stats.doc_counts), stats.documents)
    parts = [_CleanSlice(list(docs[i:i + PREPARE_SLICE]), counts)
             for i in range(0, len(docs), PREPARE_SLICE)]
    extracted = [a for part in executor.map(_clean_slice, parts) for a in part]
    return strip_site_furniture(extracted)


@dataclass(frozen=True, slots=True)
class _CleanSlice:
    docs: list[Document]
    # The whole batch's line statistics as plain data: ``LineStats`` holds a read-only
    # mapping, which does not pickle.
    counts: tuple[dict[str, int], int] | None


def _clean_slice(part: _CleanSlice) -> list[Article | Rejection]:
    stats = None if part.counts is None else LineStats(MappingProxyType(part.counts[0]),
                                                        part.counts[1])
    return [to_article(doc, stats) for doc in part.docs]
