"""How much each candidate sentence deserves a place in the story's summary.

A reader's summary of an event opens with its main fact, and the titles of the
articles are each outlet's one-line statement of that fact: a sentence is scored by
the cosine of its embedding with the centroid of the titles' embeddings (with no
title, the centroid of the candidates), plus its closeness to the story's word
centroid, times a prior for sentences near the top of their article, and priors for
the facts other sources state: the outlets aligned with it (``FactGroup.independent``)
and, softer, how closely each other source's nearest sentence repeats its words
(``cross_source_coverage``), which counts outlets that state the fact in a sentence
the alignment kept apart.

Only the first ``CANDIDATE_SENTENCES`` sentences of each article are candidates, so
the sentences embedded here stay bounded however long the articles are.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsweave.brief.align import Alignment
from newsweave.extract.embeddings import Embedder
from newsweave.model import Article

# Figures below: ROUGE-1/2/L F1 x100 of the summary on neus-train (all 2452 events)
# and on half "a" of neus-val, one constant varied from the values chosen here
# (chosen: train 41.0/17.1/26.3, a 42.0/19.2/27.8); re-run both after a change.
#
# Sentences of each article that may enter the summary (and are embedded for it):
# 1 -> train 38.1/16.3/25.8, 2 -> 40.8/17.0/26.3, 4 or more -> as chosen (NeuS inputs
# are excerpts; the best set of up to 4 sentences by ROUGE on neus-val takes index 0-4
# in 747 of its 748 picks). 8 leaves room for leads that run longer and bounds the
# cost on long articles.
CANDIDATE_SENTENCES = 8
# Weight of the closeness to the story's word centroid beside the title cosine:
# 0 -> a 41.0/17.4/26.8, 0.5 -> a 41.4/18.0/27.1, 2.0 -> a 42.2/19.3/28.1 (train
# within 0.05 of the chosen at all three). Without the title cosine (word centroid
# alone): train 40.6/16.8/26.0, a 40.9/17.7/26.6; the embedding centroid of the
# sentences in place of the titles': train 40.6/16.8/25.9.
WORD_CENTRALITY_WEIGHT = 1.0
# A sentence's score is multiplied by (1 + LEAD_BOOST * (1 - relative position)).
# 0 -> train 41.0/17.0/26.4, a 42.1/19.1/27.8; 1 -> a 41.9/19.0/27.7; 2 -> a 41.8/18.9/27.7.
LEAD_BOOST = 0.5
# Each other outlet stating the same fact in its own words multiplies the score by
# (1 + this): agreement across outlets is what a cross-source summary leads with.
# 0 -> train 41.0/17.0/26.3, a 41.9/19.0/27.8; 0.5 and 1.0 -> as chosen.
SUPPORT_BOOST = 0.25
# A sentence's score is multiplied by (1 + COVERAGE_BOOST * coverage), coverage being
# the mean over the other sources of the word cosine of their nearest sentence.
# Chosen on 409 neus-train events (every 12th from 0 and from 6): 0 -> 40.15/16.78/25.75,
# 1 -> 40.50/17.02/26.03, 2 -> 40.55/17.08/26.05, 3 -> 40.55/17.12/26.02, 4 -> 40.45/
# 17.03/25.92. The embedding cosine in place of the word cosine: 0.5 to 2 -> 40.0-40.2,
# no gain (titles already bring the embedding's view of the main fact). Checked on the
# other 409 train events (every 12th from 3 and 9): 0 -> 40.50/16.31/25.70, 2 -> 40.82/
# 16.57/25.99; neus-val a: 41.70/18.70/27.54 -> 41.90/18.83/27.48.
COVERAGE_BOOST = 2.0
# Cosine above which two sentences are linked in the LexRank graph (Erkan & Radev
# 2004 use 0.1 on tf-idf cosine; 0.05 and 0.2 moved the old summary's ROUGE-1 by
# under 0.5). LexRank now picks the headline when no article has a title.
LEXRANK_THRESHOLD = 0.1
LEXRANK_DAMPING = 0.15  # teleport probability, the PageRank/LexRank default
LEXRANK_ITERATIONS = 100


def lexrank(similarity: np.ndarray) -> np.ndarray:
    """LexRank centrality (thresholded, degree-normalised, damped power iteration)."""
    n = similarity.shape[0]
    if n == 0:
        return np.zeros(0)
    adjacency = (similarity >= LEXRANK_THRESHOLD).astype(np.float64)
    np.fill_diagonal(adjacency, 1.0)
    transition = adjacency / adjacency.sum(axis=1, keepdims=True)
    scores = np.full(n, 1.0 / n)
    for _ in range(LEXRANK_ITERATIONS):
        updated = LEXRANK_DAMPING / n + (1 - LEXRANK_DAMPING) * transition.T @ scores
        if np.abs(updated - scores).sum() < 1e-10:
            return np.asarray(updated)
        scores = updated
    return scores


def centroid_closeness(similarity: np.ndarray) -> np.ndarray:
    """Cosine of each sentence to the story's centroid (sum of unit vectors), from the
    pairwise cosines alone: v_i . sum_j v_j / |sum_j v_j|."""
    total = float(similarity.sum())
    return np.asarray(similarity.sum(axis=1) / np.sqrt(total) if total > 0
                      else np.zeros(similarity.shape[0]))


def cross_source_coverage(alignment: Alignment, rows: Sequence[int]) -> np.ndarray:
    """For each feature index in ``rows``: the mean, over the story's other sources, of
    the word cosine of that source's sentence nearest to it (0 with one source)."""
    sources = sorted({f.source for f in alignment.features})
    out = np.zeros(len(rows))
    if len(sources) < 2 or not rows:
        return out
    owner = np.array([sources.index(f.source) for f in alignment.features])
    similarity = alignment.similarity[list(rows)]
    nearest = np.stack([np.where(owner == k, similarity, -np.inf).max(axis=1)
                        for k in range(len(sources))], axis=1)
    own = owner[list(rows)]
    nearest[np.arange(len(rows)), own] = 0.0
    return np.asarray(nearest.sum(axis=1) / (len(sources) - 1))


def candidates(alignment: Alignment, limit: int = CANDIDATE_SENTENCES) -> list[int]:
    """Feature indices of the sentences that may enter the summary: the first
    ``limit`` of each article, never a piece of a longer quotation."""
    return [i for i, f in enumerate(alignment.features)
            if f.index < limit and not f.fragment]


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def main_fact_vector(articles: Sequence[Article], vectors: np.ndarray,
                     embedder: Embedder) -> np.ndarray:
    """The direction of the story's main fact: the unit centroid of the titles'
    embeddings, else of the candidate sentences' (``vectors``)."""
    titles = sorted({" ".join(a.title.split()) for a in articles if a.title and a.title.strip()})
    if titles:
        return _unit(embedder.embed(titles).astype(np.float64).sum(axis=0))
    return _unit(vectors.astype(np.float64).sum(axis=0))


def candidate_scores(alignment: Alignment, picks: Sequence[int], vectors: np.ndarray,
                     main_fact: np.ndarray) -> np.ndarray:
    """Score of each candidate (``picks`` are feature indices, ``vectors`` their
    embeddings): title cosine + word centrality, times lead, support and coverage
    priors."""
    rows = list(picks)
    word = centroid_closeness(alignment.similarity)[rows]
    closeness = vectors.astype(np.float64) @ main_fact + WORD_CENTRALITY_WEIGHT * word
    feats = [alignment.features[i] for i in rows]
    lead = np.array([1.0 - f.position for f in feats])
    support = np.array([len(alignment.group_of(f.ref).independent) for f in feats])
    coverage = cross_source_coverage(alignment, rows)
    return np.asarray(closeness * (1 + LEAD_BOOST * lead)
                      * (1 + SUPPORT_BOOST * (support - 1))
                      * (1 + COVERAGE_BOOST * coverage))
