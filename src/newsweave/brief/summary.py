"""The extractive, cited summary of a story.

Candidates are the first sentences of each article that read as full statements;
they are ranked by how closely they state the story's main fact (``summary_rank``:
embedding cosine with the articles' titles, word centrality, a lead prior, and how
many other sources state it, aligned or in close words); picks are taken best first
under a word budget, one per fact and none that repeats a pick, then put in reading
order. Every summary sentence is a ``Statement`` citing every article that states its
fact, not only the one it was taken from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from newsweave.brief.align import Alignment, FactGroup
from newsweave.brief.features import SentenceFeature, cite
from newsweave.brief.summary_rank import (
    candidate_scores,
    candidates,
    centroid_closeness,
    lexrank,
    main_fact_vector,
)
from newsweave.extract.embeddings import CachedEmbedder, Embedder
from newsweave.model import Article, Citation, Statement

__all__ = ["SUMMARY_SENTENCES", "centroid_closeness", "group_citations",
           "is_statement_like", "lexrank", "summarize", "word_budget"]

# The product's default cap on summary length, and the one ``eval roundups`` uses.
# On 409 neus-train events (every 12th from 0 and 6; references average 75 words):
# 3 -> 37.5/15.9/25.7, 4 -> 39.7/16.9/26.0, 5 -> 40.6/17.1/26.1, 6 -> 40.4/17.0/25.7,
# 7 -> 40.3/16.9/25.6 (the word budget below ends most summaries before the cap).
SUMMARY_SENTENCES = 5
# Figures below: as in ``summary_rank`` (neus-train, half "a" of neus-val; chosen:
# train 41.0/17.1/26.3, a 42.0/19.2/27.8).
#
# Word budget per sentence allowed: 5 sentences -> 100 words (references average 74).
# 15 -> train 40.0/16.7/26.4, a 40.8/18.3/27.7; 25 -> train 41.0/17.1/26.0, a 41.8/19.2/27.5.
SUMMARY_WORDS_PER_SENTENCE = 20
# Word budget as a share of the story's words, so a story of three short excerpts is
# not summarised by most of its text. 0.4 -> train 40.2/16.8/26.4, a 41.5/18.9/28.0;
# 0.5 -> train 40.8/16.9/26.3; 0.7 -> train 41.2/17.2/26.3, a 41.6/18.6/27.4;
# no share -> train 41.1/17.2/26.1, a 41.6/18.5/26.9.
SUMMARY_STORY_SHARE = 0.6
# Embedding cosine above which a candidate restates a picked sentence of another fact
# group. On NeuS the one-pick-per-fact rule already removes those (0.8 to none change
# ROUGE by under 0.1); it guards stories whose alignment left restatements apart.
# Allowing two picks of one fact: train 41.9/17.9/27.0 but a 41.5/18.7/27.5, and the
# same fact told twice, each time citing the same sources.
REDUNDANCY_COSINE = 0.9
MIN_SUMMARY_WORDS = 6  # shorter lines are headings, bylines or fragments
END_PUNCT_RE = re.compile(r"[.!?…][\"'”’)\]]*$")
_CUT_START_RE = re.compile(r"[a-z),;:\]]")  # how the tail of a cut sentence starts


def is_statement_like(text: str) -> bool:
    """A full declarative sentence: long enough, ends like one, not a question, and
    not a piece of a sentence cut inside brackets ("Adam Schiff (Calif.), Gwen Moore
    (Wis.") or its tail (a start in lower case or on a closing bracket or comma)."""
    stripped = text.strip()
    if len(stripped.split()) < MIN_SUMMARY_WORDS or "?" in stripped[-3:]:
        return False
    if stripped.count("(") != stripped.count(")") or _CUT_START_RE.match(stripped):
        return False
    return bool(END_PUNCT_RE.search(stripped))


def word_budget(alignment: Alignment, max_sentences: int) -> float:
    """Most words the summary may hold: ``SUMMARY_WORDS_PER_SENTENCE`` per allowed
    sentence, and no more than ``SUMMARY_STORY_SHARE`` of the story's words."""
    story_words = sum(len(f.sentence.text.split()) for f in alignment.features)
    return min(SUMMARY_WORDS_PER_SENTENCE * max_sentences, SUMMARY_STORY_SHARE * story_words)


def _pick(alignment: Alignment, rows: list[int], vectors: np.ndarray, scores: np.ndarray,
          max_sentences: int) -> list[int]:
    """Feature indices of the picked sentences, best first.

    Greedy in score order (a stable sort, so ties go to the earlier feature and runs
    agree): a candidate is skipped when its fact is already in, when its embedding
    repeats a pick's, or when it would pass the word budget (the first pick is taken
    whatever its length); picking stops at ``max_sentences`` or once the budget is
    spent.
    """
    feats = alignment.features
    budget = word_budget(alignment, max_sentences)
    picked: list[int] = []
    groups: set[int] = set()
    words = 0
    for n in np.argsort(-scores, kind="stable").tolist():
        f = feats[rows[n]]
        length = len(f.sentence.text.split())
        group = alignment.membership[f.ref]
        if group in groups or (picked and words + length > budget):
            continue
        if any(float(vectors[n] @ vectors[m]) > REDUNDANCY_COSINE for m in picked):
            continue
        picked.append(n)
        groups.add(group)
        words += length
        if len(picked) >= max_sentences or words >= budget:
            break
    return [rows[n] for n in picked]


def group_citations(articles: Sequence[Article], group: FactGroup,
                    first: tuple[str, int]) -> tuple[Citation, ...]:
    """Citations of every sentence of ``group``, the sentence ``first`` first."""
    by_id = {a.id: a for a in articles}
    refs = [first] + [r for r in group.members if r != first]
    return tuple(replace(cite(by_id[aid], idx), copy_of=group.copy_of((aid, idx)))
                 for aid, idx in refs)


def _reading_order(feats: Sequence[SentenceFeature], picked: list[int]) -> list[int]:
    """Picks ordered as a reader expects: earlier in their article first, then by rank."""
    rank = {i: r for r, i in enumerate(picked)}
    return sorted(picked, key=lambda i: (round(feats[i].position, 6), rank[i]))


def summarize(articles: Sequence[Article], alignment: Alignment,
              embedder: Embedder | None = None, *,
              max_sentences: int = SUMMARY_SENTENCES) -> tuple[Statement, ...]:
    """The story's summary: at most ``max_sentences`` cited statements.

    Sentences are verbatim statements of the articles (never a question, a heading
    or a piece of a quotation), chosen by ``summary_rank`` under ``word_budget``,
    one per fact, and ordered by position in their article. Each statement cites
    every sentence aligned with it (all the sources that state it), its own first.
    ``embedder`` defaults to the packaged model with an in-memory cache.
    """
    if max_sentences < 1:
        raise ValueError(f"max_sentences must be at least 1, not {max_sentences}")
    feats = alignment.features
    rows = [i for i in candidates(alignment) if is_statement_like(feats[i].sentence.text)]
    if not rows:
        return ()
    embedder = embedder or CachedEmbedder()
    vectors = embedder.embed([feats[i].sentence.text for i in rows]).astype(np.float64)
    scores = candidate_scores(alignment, rows, vectors,
                              main_fact_vector(articles, vectors, embedder))
    out: list[Statement] = []
    for i in _reading_order(feats, _pick(alignment, rows, vectors, scores, max_sentences)):
        f = feats[i]
        citations = group_citations(articles, alignment.group_of(f.ref), f.ref)
        out.append(Statement(text=citations[0].text, citations=citations))
    return tuple(out)
