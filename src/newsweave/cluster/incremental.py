"""Incremental story assignment: one article at a time against the stories so far.

IDF comes from running document frequencies over every article the index has seen
(the new one included), so weights sharpen as the corpus grows and the first articles
of a run are scored with the same formula the batch mode uses on the whole set. Each
new article joins the story with the highest average similarity to its members (the
streaming analogue of average-link) when that reaches the cut, else opens a story.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from scipy.sparse import csr_matrix

from newsweave.cluster.features import Features, extract_features, idf_vector, tfidf
from newsweave.cluster.similarity import block_of, similarity
from newsweave.model import Article, content_id

# Average similarity to a story's members needed to join it: the batch cut, so that both
# modes decide alike. Stream mode (file order) BCubed F1 at 0.15 / 0.2 / 0.25 / 0.3 on
# stories/ecbplus-dev.jsonl: 0.832 / 0.844 / 0.814 / 0.711; on stories/newswcl50.jsonl:
# 0.797 / 0.846 / 0.885 / 0.843.
STREAM_CUT = 0.2


class _Bag:
    """Growing sparse rows over a growing vocabulary, with document frequencies."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self.df: list[float] = []
        self.cols: list[np.ndarray] = []
        self.vals: list[np.ndarray] = []

    def push(self, bag: Mapping[str, int]) -> None:
        """Append one row (a term -> count mapping) and count its terms."""
        cols = []
        for term in sorted(bag):
            col = self.vocab.setdefault(term, len(self.vocab))
            if col == len(self.df):
                self.df.append(0.0)
            self.df[col] += 1.0
            cols.append(col)
        self.cols.append(np.asarray(cols, dtype=np.int64))
        self.vals.append(np.asarray([1.0 + np.log(bag[t]) for t in sorted(bag)]))

    def weighted(self) -> csr_matrix:
        """All rows as TF-IDF with the current document frequencies."""
        lengths = [len(c) for c in self.cols]
        indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        cols = np.concatenate(self.cols) if self.cols else np.zeros(0, dtype=np.int64)
        vals = np.concatenate(self.vals) if self.vals else np.zeros(0)
        tf = csr_matrix((vals, cols, indptr), shape=(len(self.cols), len(self.vocab)))
        return tfidf(tf, idf_vector(np.asarray(self.df), len(self.cols)))


class StoryIndex:
    """Stories built one article at a time; ids are ``content_id("s", first article id)``.

    ``add`` reloads a stored assignment; ``assign`` places a new article. The index
    keeps features (term counts, entity keys, anchor day), not texts.
    """

    def __init__(self, cut: float = STREAM_CUT) -> None:
        self.cut = cut
        self._words = _Bag()
        self._entities = _Bag()
        self._feats: list[Features] = []
        self._row_story: list[int] = []
        self._story_ids: list[str] = []
        self._story_index: dict[str, int] = {}
        self._by_article: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._story_ids)

    def story_of(self, article_id: str) -> str | None:
        """The story an article was placed in, if any."""
        return self._by_article.get(article_id)

    def add(self, story_id: str, article: Article) -> None:
        """Record that ``article`` belongs to ``story_id`` (a no-op for a known article)."""
        if article.id in self._by_article:
            return
        self._push(article)
        self._place(story_id, article.id)

    def assign(self, article: Article) -> str:
        """The story of ``article``: the best existing one above the cut, or a new one.

        An article already in the index keeps its story.
        """
        known = self._by_article.get(article.id)
        if known is not None:
            return known
        self._push(article)
        story_id = self._best_story() or content_id("s", article.id)
        self._place(story_id, article.id)
        return story_id

    def _push(self, article: Article) -> None:
        """Add the article's features and counts (its story is set by ``_place``)."""
        feat = extract_features(article)
        self._feats.append(feat)
        self._words.push(feat.words)
        self._entities.push(feat.entities)

    def _place(self, story_id: str, article_id: str) -> None:
        """Attach the last pushed row to ``story_id``."""
        index = self._story_index.setdefault(story_id, len(self._story_ids))
        if index == len(self._story_ids):
            self._story_ids.append(story_id)
        self._row_story.append(index)
        self._by_article[article_id] = story_id

    def _best_story(self) -> str | None:
        """The story whose members are on average most similar to the last row."""
        if not self._row_story:
            return None
        blk = block_of(self._feats, self._words.weighted(), self._entities.weighted())
        last = len(self._feats) - 1
        sims = similarity(blk.take(slice(last, None)), blk.take(slice(0, last)))[0]
        stories = np.asarray(self._row_story)
        sizes = np.bincount(stories, minlength=len(self._story_ids))
        mean = np.bincount(stories, weights=sims, minlength=len(self._story_ids)) / sizes
        best = int(np.argmax(mean))  # ties go to the story opened first
        return self._story_ids[best] if mean[best] >= self.cut else None
