"""Term rows of the incremental index: sublinear counts, postings and story centroids.

Rows and centroids keep raw sublinear term frequencies; weights (the IDF of the moment)
are applied when the last row is scored. A row enters a score only when it shares a
term with the last row (any other row's dot product, and so its cosine, is exactly 0),
and its sums are taken in the same order as a scan of every row would take them, so the
scores are the same to the last bit whichever rows are skipped.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix

from newsweave.cluster.features import idf_vector, tfidf

_INITIAL_CAPACITY = 1024  # entries; the flat arrays double when full


class Growing:
    """A numpy array appended to in place, doubling its capacity when full."""

    def __init__(self, dtype: type[np.generic]) -> None:
        self._data = np.zeros(_INITIAL_CAPACITY, dtype=dtype)
        self.size = 0

    def extend(self, values: np.ndarray) -> None:
        """Append ``values``."""
        end = self.size + len(values)
        if end > len(self._data):
            grown = np.zeros(max(end, 2 * len(self._data)), dtype=self._data.dtype)
            grown[: self.size] = self._data[: self.size]
            self._data = grown
        self._data[self.size : end] = values
        self.size = end

    def view(self) -> np.ndarray:
        """The filled part (a view: valid until the next ``extend``)."""
        return self._data[: self.size]


@dataclass(frozen=True, slots=True)
class Cosines:
    """The last row's cosine with some earlier rows and with some story centroids."""

    rows: np.ndarray  # earlier row numbers, ascending
    members: np.ndarray  # cosine per entry of ``rows``
    stories: np.ndarray  # story numbers, ascending
    centroids: np.ndarray  # cosine per entry of ``stories``
    story_has_terms: np.ndarray  # bool per entry of ``stories``


class Terms:
    """Sublinear term-frequency rows over a growing vocabulary, with document frequencies.

    Each story's centroid is kept as summed raw term frequencies, one entry per (story,
    term) pair, so that it too is weighted with the IDF of the moment it is scored.
    """

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self._df = Growing(np.float64)
        self._indices = Growing(np.int32)
        self._tf = Growing(np.float64)
        self._tf_sq = Growing(np.float64)
        self._indptr = Growing(np.int64)
        self._indptr.extend(np.zeros(1, dtype=np.int64))
        self._postings: list[array[int]] = []  # per term: the rows holding it, ascending
        self._centroid_at: dict[tuple[int, int], int] = {}
        self._centroid_sum = Growing(np.float64)
        self._centroid_term = Growing(np.int32)
        self._story_entries: list[array[int]] = []  # per story: its centroid entries

    @property
    def rows(self) -> int:
        """Rows pushed so far."""
        return self._indptr.size - 1

    def push(self, bag: Mapping[str, int]) -> None:
        """Append one row (a term -> count mapping) and count its terms."""
        terms = sorted(bag)
        row = self.rows
        cols = np.fromiter((self.vocab.setdefault(t, len(self.vocab)) for t in terms), np.int32)
        missing = len(self.vocab) - self._df.size
        if missing:
            self._df.extend(np.zeros(missing))
            self._postings.extend(array("q") for _ in range(missing))
        self._df.view()[cols] += 1.0
        for col in cols.tolist():
            self._postings[col].append(row)
        tf = np.fromiter((1.0 + math.log(bag[t]) for t in terms), np.float64, len(terms))
        self._indices.extend(cols)
        self._tf.extend(tf)
        self._tf_sq.extend(tf * tf)
        self._indptr.extend(np.asarray([self._indices.size], dtype=np.int64))

    def place_last(self, story: int) -> None:
        """Add the last row's term frequencies to the centroid of ``story``."""
        while len(self._story_entries) <= story:
            self._story_entries.append(array("q"))
        entries = self._story_entries[story]
        start, end = self._bounds(self.rows - 1)
        new_terms: list[int] = []
        new_sums: list[float] = []
        sums = self._centroid_sum.view()
        cols = self._indices.view()[start:end].tolist()
        for col, tf in zip(cols, self._tf.view()[start:end].tolist(), strict=True):
            at = self._centroid_at.get((story, col))
            if at is None:
                at = self._centroid_sum.size + len(new_terms)
                self._centroid_at[(story, col)] = at
                entries.append(at)
                new_terms.append(col)
                new_sums.append(tf)
            else:
                sums[at] += tf
        self._centroid_term.extend(np.asarray(new_terms, dtype=np.int32))
        self._centroid_sum.extend(np.asarray(new_sums))

    def sharing_last(self) -> np.ndarray:
        """Earlier rows holding at least one term of the last row, ascending."""
        start, end = self._bounds(self.rows - 1)
        lists = [np.frombuffer(self._postings[c], dtype=np.int64)
                 for c in self._indices.view()[start:end].tolist()]
        if not lists:
            return np.zeros(0, dtype=np.int64)
        rows: np.ndarray = np.unique(np.concatenate(lists))
        return rows[rows < self.rows - 1]

    def last_cosines(self, rows: np.ndarray, row_story: np.ndarray) -> Cosines:
        """Cosines of the last row with ``rows`` and with the centroids of their stories.

        ``row_story`` gives the story of each entry of ``rows``; a centroid's dot product
        sums those of its members, so every member sharing a term must be in ``rows``.
        """
        weight_sq = idf_vector(self._df.view(), self.rows) ** 2
        start, end = self._bounds(self.rows - 1)
        cols = self._indices.view()[start:end]
        tf = self._tf.view()[start:end]
        query = np.zeros(len(weight_sq))
        query[cols] = tf * weight_sq[cols]
        norm = math.sqrt(float(np.dot(tf * tf, weight_sq[cols])))
        stories, story_of_row = np.unique(row_story, return_inverse=True)
        centroid_sq = self._centroid_norms_sq(weight_sq, stories)
        has_terms = centroid_sq > 0.0
        if len(rows) == 0 or norm == 0.0:
            return Cosines(rows, np.zeros(len(rows)), stories, np.zeros(len(stories)), has_terms)
        dots = self._take(self._tf, rows) @ query
        norms = np.sqrt(self._take(self._tf_sq, rows) @ weight_sq)
        norms[norms == 0.0] = np.inf  # an empty row is similar to nothing
        centroid_norms = np.sqrt(centroid_sq)
        centroid_norms[~has_terms] = np.inf
        centroid_dots = np.bincount(story_of_row, weights=dots, minlength=len(stories))
        return Cosines(rows, dots / (norms * norm), stories,
                       centroid_dots / (centroid_norms * norm), has_terms)

    def weighted(self, rows: np.ndarray) -> csr_matrix:
        """The given rows weighted by the current IDF and L2-normalised, as batch weighs them."""
        return tfidf(self._take(self._tf, rows), idf_vector(self._df.view(), self.rows))

    def merge_centroid(self, into: int, source: int) -> None:
        """Add the centroid of story ``source`` to that of ``into`` and empty ``source``."""
        entries = self._story_entries[into]
        sums = self._centroid_sum.view()
        terms = self._centroid_term.view()
        new_terms: list[int] = []
        new_sums: list[float] = []
        for at in self._story_entries[source].tolist():
            col = int(terms[at])
            del self._centroid_at[(source, col)]
            kept = self._centroid_at.get((into, col))
            if kept is not None:
                sums[kept] += sums[at]
                continue
            self._centroid_at[(into, col)] = self._centroid_sum.size + len(new_terms)
            entries.append(self._centroid_sum.size + len(new_terms))
            new_terms.append(col)
            new_sums.append(float(sums[at]))
        self._story_entries[source] = array("q")
        self._centroid_term.extend(np.asarray(new_terms, dtype=np.int32))
        self._centroid_sum.extend(np.asarray(new_sums))

    def _bounds(self, row: int) -> tuple[int, int]:
        indptr = self._indptr.view()
        return int(indptr[row]), int(indptr[row + 1])

    def _centroid_norms_sq(self, weight_sq: np.ndarray, stories: np.ndarray) -> np.ndarray:
        """Squared norm of the centroids of ``stories`` under the weights ``sqrt(weight_sq)``."""
        parts = [np.frombuffer(self._story_entries[s], dtype=np.int64) for s in stories.tolist()]
        if not parts:
            return np.zeros(0)
        at = np.concatenate(parts)
        label = np.repeat(np.arange(len(parts)), [len(p) for p in parts])
        sums = self._centroid_sum.view()[at]
        weights = sums * sums * weight_sq[self._centroid_term.view()[at]]
        result: np.ndarray = np.bincount(label, weights=weights, minlength=len(parts))
        return result

    def _take(self, values: Growing, rows: np.ndarray) -> csr_matrix:
        """The given rows as a sparse matrix holding ``values``."""
        indptr = self._indptr.view()
        starts, ends = indptr[rows], indptr[rows + 1]
        lengths = ends - starts
        sub_indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=sub_indptr[1:])
        at = np.repeat(starts - sub_indptr[:-1], lengths) + np.arange(sub_indptr[-1])
        shape = (len(rows), len(self.vocab))
        return csr_matrix((values.view()[at], self._indices.view()[at], sub_indptr), shape=shape)
