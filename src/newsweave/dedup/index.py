"""Near-duplicate search: an LSH index of MinHash signatures keyed by article id.

The index stores keys and sketches, never the documents: LSH proposes candidates
whose signatures collide in at least one band, and a verify step keeps only those
whose estimated Jaccard reaches the threshold, so a lucky band collision never folds
two different articles.
"""

from __future__ import annotations

from collections.abc import Iterable

from datasketch import MinHash, MinHashLSH

from newsweave.dedup.shingles import NUM_PERM, signature
from newsweave.model import Article

# Estimated shingle Jaccard at or above which two articles are one article. Calibrated
# on hand-made syndicated copies of a ~100-word wire story (tests/dedup/test_dedup.py):
# a new intro line, byline, boilerplate tail or one-word correction each keep J >= 0.82,
# all four together J = 0.71; 0.6 leaves room for the estimate's spread (s.d. ~0.04 at
# NUM_PERM = 128). On stories/ecbplus-dev.jsonl the highest exact J between articles
# of different gold stories is 0.030 (0.007 on stories/newswcl50.jsonl), so no
# cross-story pair folds (tests/dedup/test_bench_dedup.py).
NEAR_DUPLICATE_JACCARD = 0.6


class Deduplicator:
    """Finds, for a new article, an already-added article with the same or near-same text.

    Deterministic: signatures are seeded and candidates are ranked by estimated
    Jaccard, ties going to the article added first.
    """

    def __init__(self, threshold: float = NEAR_DUPLICATE_JACCARD) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        # datasketch derives the band count and rows per band from the threshold,
        # minimising the weighted false positive and false negative probabilities.
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._sketches: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}

    @classmethod
    def from_articles(cls, articles: Iterable[Article]) -> Deduplicator:
        """An index holding every article given (duplicates among them are kept once)."""
        index = cls()
        for article in articles:
            index.add(article)
        return index

    def __len__(self) -> int:
        return len(self._sketches)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._sketches

    def find(self, article: Article) -> str | None:
        """The id of an added article that ``article`` duplicates, or None.

        Same id (same normalised text) counts; otherwise the LSH candidates are
        verified on estimated Jaccard and the best one at or above the threshold wins.
        """
        return self.find_sketch(article.id, signature(article.text))

    def find_sketch(self, article_id: str, sketch: MinHash) -> str | None:
        """``find`` for an article given by id and its ``signature``."""
        if article_id in self._sketches:
            return article_id
        if sketch.is_empty():
            return None  # an empty text has no evidence of being a copy of anything
        return self._best_match(sketch)

    def add(self, article: Article) -> None:
        """Index ``article`` under its id (a no-op when the id is already there)."""
        if article.id not in self._sketches:
            self.add_sketch(article.id, signature(article.text))

    def add_sketch(self, article_id: str, sketch: MinHash) -> None:
        """``add`` for an article given by id and its ``signature`` (stored or fresh)."""
        if article_id in self._sketches:
            return
        if not sketch.is_empty():  # empty texts stay out of LSH: they would all collide
            self._lsh.insert(article_id, sketch)
        self._sketches[article_id] = sketch
        self._order[article_id] = len(self._order)

    def _best_match(self, sketch: MinHash) -> str | None:
        """The verified candidate with the highest estimated Jaccard (first added on ties)."""
        best: tuple[float, int, str] | None = None
        for key in self._lsh.query(sketch):
            score = float(sketch.jaccard(self._sketches[key]))
            if score < self.threshold:
                continue
            rank = (-score, self._order[key], key)
            if best is None or rank < best:
                best = rank
        return None if best is None else best[2]
