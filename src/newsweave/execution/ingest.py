"""The ingest job: read, prepare, fold duplicates, assign stories, refresh briefs.

Phases (style of datatrove: steps, then a barrier):
1. per document: read and prepare (clean + annotate), in chunks
   (``execution.preparation``);
2. barrier, in the single writer: fold exact and near duplicates, assign stories;
3. per story: rebuild the brief of every story that gained articles.
Phases 1 and 3 run through an executor (in this process, worker processes or Ray);
phase 2 and every store write stay in this process, the store's single writer.
Each chunk of phase 2 commits in one transaction together with the record of the
inputs it consumed, so a killed run resumes where it stopped and a rerun of the same
inputs changes nothing. Batches are cut by input position, counting inputs already
stored or rejected: a resumed run folds the rest in the same batches, with the same
neighbours, as an uninterrupted run, so it makes the same stories with the same ids.
A new text read from a stored article's origin is its next revision (see
``execution.revisions``).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsweave.brief import build_brief
from newsweave.cluster import Features, StoryIndex, extract_features
from newsweave.cluster.stored import features_bytes, features_from_bytes, features_version
from newsweave.dedup import (
    Deduplicator,
    signature,
    signature_bytes,
    signature_from_bytes,
    signature_version,
)
from newsweave.execution.briefs import brief_task, run_brief_task
from newsweave.execution.executor import Executor, LocalExecutor
from newsweave.execution.preparation import PREPARE_SLICE as PREPARE_SLICE  # benchmarks
from newsweave.execution.preparation import (
    Prepare,
    PrepareSlice,
    prepare_slice,
    prepared_batches,
)
from newsweave.execution.revisions import (
    latest_of,
    record_revision,
    revision_base,
    start_lineage,
)
from newsweave.extract.embeddings import CachedEmbedder
from newsweave.ingest import read_paths
from newsweave.ingest.records import DEFAULT_SOURCES, SourceRule
from newsweave.model import Article, Brief, Document, Rejection, Sighting, Story, to_json
from newsweave.pipeline import chunked
from newsweave.store import Store
from newsweave.store.merges import merge_stories

if TYPE_CHECKING:
    from datasketch import MinHash

INGEST_CHUNK = 64  # documents per committed batch: small enough to lose little on a kill

Progress = Callable[[int], None]  # called with the number of input files finished


@dataclass
class IngestSummary:
    """What one ingest did, for the end-of-run summary."""

    read: int = 0
    new: int = 0
    duplicates: int = 0
    revised: int = 0  # new texts of stored articles (same origin, edited content)
    unchanged: int = 0  # inputs already ingested before, skipped
    rejected: list[tuple[str, str]] = field(default_factory=list)
    stories_touched: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)  # one line each, files still read

    def reasons(self) -> Counter[str]:
        return Counter(reason for _, reason in self.rejected)


def input_hash(doc: Document) -> str:
    """Hash of a document's content and metadata (not its origin)."""
    data = to_json(doc).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:32]


def ingest_paths(
    store: Store, paths: Sequence[str], progress: Progress | None = None,
    executor: Executor | None = None, sources: SourceRule = DEFAULT_SOURCES,
) -> IngestSummary:
    """Ingest files, folders or globs into ``store``; return the summary.

    ``progress`` is called as each input file is finished; the rest is
    ``ingest_documents``. ``sources`` says how documents get their source; a dump
    whose records have none is read all the same, with a line in ``summary.warnings``.
    """
    warnings: list[str] = []
    items = read_paths(paths, on_file=(lambda _: progress(1)) if progress else None,
                       sources=sources, on_warning=warnings.append)
    summary = ingest_documents(store, items, executor=executor)
    summary.warnings.extend(warnings)
    return summary


def ingest_documents(
    store: Store, documents: Iterable[Document | Rejection], *,
    executor: Executor | None = None, prepare: Prepare = prepare_slice,
    progress: Progress | None = None,
) -> IngestSummary:
    """Ingest documents (and rejections made while reading them) into ``store``.

    Documents go in batches of ``INGEST_CHUNK``, by position. ``executor`` runs the
    preparation, in slices of each batch, and the briefs (default: in this process);
    folding and story assignment stay here, in the store's single writer. A slice
    whose preparation fails as a whole (its worker died) has its documents rejected
    with the reason; the other slices go on. ``prepare`` prepares one slice where the
    executor runs it (default ``prepare_slice``; a caller's own must be picklable and
    touch no store); the documents it returns are the ones folded and recorded.
    ``progress`` is called with the number of inputs read, after each batch.
    """
    summary = IngestSummary()
    state = _FoldState.load(store)
    batches = (_batch(chunk, store, summary) for chunk in chunked(documents, INGEST_CHUNK))
    done = 0
    for docs, results in prepared_batches(executor or LocalExecutor(), batches, prepare):
        if docs:
            _fold_chunk(store, state, docs, results, summary)
        if progress is not None:
            progress(summary.read - done)
            done = summary.read
    with store.transaction():  # merge the stories batch clustering would join
        state.index.settle()
        _record_merges(store, state.index, summary)
    refresh_briefs(store, executor=executor)
    return summary


def _batch(items: list[Document | Rejection], store: Store,
           summary: IngestSummary) -> PrepareSlice:
    context = [item for item in items if isinstance(item, Document)]
    return PrepareSlice(list(_documents(items, store, summary)), context)


def prepare_all(docs: Iterable[Document], executor: Executor | None = None) -> Iterator[
        Article | Rejection]:
    """One result per document, in order, prepared as ``ingest_paths`` prepares new
    documents: in batches of ``INGEST_CHUNK`` cleaned among themselves, their slices
    spread over ``executor``."""
    batches = (PrepareSlice(chunk, chunk) for chunk in chunked(docs, INGEST_CHUNK))
    for _, results in prepared_batches(executor or LocalExecutor(), batches):
        yield from results


def _documents(
    items: Iterable[Document | Rejection], store: Store, summary: IngestSummary
) -> Iterator[Document]:
    """Documents whose origin last held other content; read rejections recorded at once."""
    for item in items:
        summary.read += 1
        if isinstance(item, Rejection):
            summary.rejected.append((item.origin, item.reason))
            with store.transaction():
                store.record_input(item.origin, "", "rejected", reason=item.reason)
            continue
        if store.latest_input_hash(item.origin) == input_hash(item):
            summary.unchanged += 1
            continue
        yield item


@dataclass
class _FoldState:
    dedup: Deduplicator
    index: StoryIndex

    @classmethod
    def load(cls, store: Store) -> _FoldState:
        """Both indexes, in arrival order, from the sketches stored beside the articles.

        No article is decoded, except those whose sketches are missing or were written
        under other settings (a store from before sketches were kept): theirs are
        computed here, once, and saved for the next run.
        """
        state = cls(Deduplicator(), StoryIndex())
        minhash, features = store.sketches(_MINHASH), store.sketches(_FEATURES)
        versions = signature_version(), features_version()
        missing: list[tuple[str, MinHash, Features]] = []
        for story_id, article_id in store.fold_order():
            sig, feat = minhash.get(article_id), features.get(article_id)
            if sig is None or feat is None or (sig[0], feat[0]) != versions:
                article = store.article(article_id)
                if article is None:  # fold_order lists stored articles only
                    continue
                missing.append((article_id, signature(article.text), extract_features(article)))
                sketch, feats = missing[-1][1:]
            else:
                sketch = signature_from_bytes(sig[1])
                feats = features_from_bytes(article_id, feat[1])
            state.dedup.add_sketch(article_id, sketch)
            state.index.add_features(story_id, feats)
        if missing:
            with store.transaction():
                for article_id, sketch, feats in missing:
                    _save_sketches(store, article_id, sketch, feats)
        return state


_MINHASH = "minhash"  # kinds of per-article sketch kept in the store
_FEATURES = "features"


def _save_sketches(store: Store, article_id: str, sketch: MinHash, feats: Features) -> None:
    """Keep a stored article's index entries, so later runs need not decode it."""
    store.put_sketch(article_id, _MINHASH, signature_version(), signature_bytes(sketch))
    store.put_sketch(article_id, _FEATURES, features_version(), features_bytes(feats))


def _fold_chunk(
    store: Store, state: _FoldState, docs: list[Document],
    results: list[Article | Rejection], summary: IngestSummary,
) -> None:
    ordered = sorted(zip(docs, results, strict=True), key=lambda p: _arrival_key(p[1]))
    with store.transaction():
        for doc, result in ordered:
            _fold_one(store, state, doc, result, summary)


def _record_merges(store: Store, index: StoryIndex, summary: IngestSummary) -> None:
    """Record the index's merges in the store: the old ids resolve to the survivors."""
    for merge in index.take_merges():
        merge_stories(store.conn, merge.old_id, merge.survivor_id, merge.reason)
        summary.stories_touched.discard(merge.old_id)
        summary.stories_touched.add(merge.survivor_id)


def _arrival_key(item: Article | Rejection) -> tuple[str, str]:
    """Order within a chunk: by publication date, then id, so ids do not depend on I/O."""
    if isinstance(item, Rejection):
        return ("", "")
    return (item.published or "", item.id)


def _fold_one(
    store: Store, state: _FoldState, doc: Document, result: Article | Rejection,
    summary: IngestSummary,
) -> None:
    key = input_hash(doc)
    if isinstance(result, Rejection):
        summary.rejected.append((result.origin, result.reason))
        store.record_input(doc.origin, key, "rejected", reason=result.reason)
        return
    if _fold_revision(store, state, result, summary):
        store.record_input(doc.origin, key, "new", article_id=result.id)
        return
    sketch = signature(result.text)
    original = state.dedup.find_sketch(result.id, sketch)
    if original is not None:
        original = latest_of(store, original)
        _record_duplicate(store, original, result)
        summary.duplicates += 1
        store.record_input(doc.origin, key, "duplicate", article_id=original)
        return
    state.dedup.add_sketch(result.id, sketch)
    feats = extract_features(result)
    story_id = state.index.assign_features(feats)
    store.put_article(result)
    _save_sketches(store, result.id, sketch, feats)
    start_lineage(store, result)
    store.assign(result.id, story_id)
    _record_merges(store, state.index, summary)
    summary.new += 1
    summary.stories_touched.add(story_id)
    store.record_input(doc.origin, key, "new", article_id=result.id)


def _fold_revision(
    store: Store, state: _FoldState, article: Article, summary: IngestSummary
) -> bool:
    """Fold ``article`` as the next revision of a stored article, when it is one.

    The index gains the revision as the run goes, as it will on reload from the store
    (``fold_history``), so a stopped run resumes with the index it had.
    """
    base = revision_base(store, article)
    if base is None:
        return False
    record_revision(store, base, article)
    sketch, feats = signature(article.text), extract_features(article)
    state.index.add_features(base.story_id, feats)
    state.dedup.add_sketch(article.id, sketch)
    _save_sketches(store, article.id, sketch, feats)
    summary.revised += 1
    summary.stories_touched.add(base.story_id)
    return True


def _record_duplicate(store: Store, original: str, copy: Article) -> None:
    if store.origin_of(original) == copy.origin:
        return  # the same input read again under the same name: nothing new
    store.add_sighting(original, Sighting(copy.origin, copy.source, copy.url, copy.published))
    story_id = store.story_of(original)
    if story_id is not None:
        store.mark_stale(story_id)


def refresh_briefs(store: Store, embedder: CachedEmbedder | None = None,
                   executor: Executor | None = None) -> list[str]:
    """Rebuild the brief of every stale story; return their ids.

    Sentence embeddings come from the store's cache where present; new ones are
    saved in the same transaction as the brief that needed them. Briefs are built
    through ``executor`` (default: here), one task per story, unless ``embedder`` is
    given: then here, with that embedder's cache.
    """
    refreshed = store.stale_stories()
    if embedder is not None:
        _refresh_with(store, refreshed, embedder)
        return refreshed
    tasks = (brief_task(store, story_id, articles) for story_id in refreshed
             if (articles := store.story_articles(story_id)))
    for built in (executor or LocalExecutor()).map(run_brief_task, tasks):
        _save_brief(store, built.story_id, built.articles, built.brief, built.vectors)
    return refreshed


def _refresh_with(store: Store, story_ids: list[str], embedder: CachedEmbedder) -> None:
    for story_id in story_ids:
        articles = store.story_articles(story_id)
        if articles:
            brief = build_brief(story_id, articles, embedder)
            _save_brief(store, story_id, articles, brief, embedder.take_pending())


def _save_brief(store: Store, story_id: str, articles: Sequence[Article], brief: Brief,
                vectors: dict[str, bytes]) -> None:
    with store.transaction():
        store.put_vectors(vectors)
        store.put_story(story_record(story_id, articles, brief.headline, brief.sources), brief)


def story_record(
    story_id: str, articles: Sequence[Article], headline: str, sources: tuple[str, ...]
) -> Story:
    """The Story row for a set of articles (dates over every copy that ran).

    An article's own flagged date (``Article.date_flag``) is left out.
    """
    dates = sorted(
        d for a in articles
        for d in (None if a.date_flag else a.published, *(s.published for s in a.sightings))
        if d
    )
    return Story(
        id=story_id,
        article_ids=tuple(sorted(a.id for a in articles)),
        headline=headline,
        sources=sources,
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
    )
