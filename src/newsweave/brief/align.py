"""Align sentences across articles that state the same fact.

Two sentences of different articles are linked when their term vectors (content-word
stems, entity keys, numbers; weighted by inverse sentence frequency over the story,
see ``features``) are close AND they share enough specific terms. Links are merged
greedily, strongest first, into groups that never hold two sentences of one article:
an article states a fact once, and this stops chains of loose links from gluing a
whole topic together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from newsweave.brief.features import SentenceFeature, cosine_matrix, story_features
from newsweave.model import Article

# Cosine between two sentences' idf-weighted term vectors above which they may state
# the same fact. Calibrated on the seeds (000/004) and on the cross-outlet sentence
# pairs of the first 80 neus-val stories read by hand: the seeds' Iraqi-parliament-vote
# pair scores 0.220; with ALIGN_MIN_SHARED, pairs in 0.17-0.20 were still mostly the
# same fact (about 9 in 10), below 0.15 mostly shared topic only.
ALIGN_MIN_COSINE = 0.17
# Distinct shared content words (outside names both mention) or digit numbers a pair
# needs: topic-only pairs share names and 1-3 words ("troops", "bases"). The seed
# pair shares 4 (motion, parliament, remov(e), troop); the seeds' closest topic-only
# pair 3 (base, fight, troop).
ALIGN_MIN_SHARED = 4
# Short paraphrases ("Rand Paul suspended from YouTube over a video on masks") share
# fewer words; at this cosine 3 words plus one shared entity suffice (neus-val, first
# 80 stories: all 6 links made by this rule alone are the same fact).
ALIGN_SHORT_COSINE = 0.30
ALIGN_SHORT_SHARED = 3

# Mean cosine over all cross pairs two groups need to merge, so one strong link does
# not pull a loosely related third sentence in. Equal to ALIGN_MIN_COSINE (pairs are
# unaffected); on neus-val it split 12 of 131 three-source groups, about half of the
# third members dropped being loose (a quote, a follow-up), half the same fact.
ALIGN_GROUP_COSINE = ALIGN_MIN_COSINE

SentenceRef = tuple[str, int]  # (article id, sentence index)


@dataclass(frozen=True, slots=True)
class FactGroup:
    """Sentences of different articles that state one fact, and their distinct sources."""

    members: tuple[SentenceRef, ...]  # sorted
    sources: tuple[str, ...]  # distinct, in member order
    cohesion: float  # mean link cosine inside the group (1.0 for a lone sentence)


@dataclass(frozen=True, slots=True)
class Alignment:
    """Every sentence of a story placed in exactly one group (lone sentences alone)."""

    features: tuple[SentenceFeature, ...]
    similarity: np.ndarray  # cosine between features[i] and features[j]
    groups: tuple[FactGroup, ...]
    membership: dict[SentenceRef, int] = field(default_factory=dict)  # ref -> group index
    positions: dict[SentenceRef, int] = field(default_factory=dict)  # ref -> feature index

    def group_of(self, ref: SentenceRef) -> FactGroup:
        """The group holding sentence ``ref``."""
        return self.groups[self.membership[ref]]

    @property
    def multi_source(self) -> tuple[FactGroup, ...]:
        """Groups stated by at least two distinct sources."""
        return tuple(g for g in self.groups if len(g.sources) >= 2)


def _linked(a: SentenceFeature, b: SentenceFeature, cosine: float) -> bool:
    """Whether two sentences of different articles state the same fact."""
    if a.article_id == b.article_id or cosine < ALIGN_MIN_COSINE:
        return False
    shared = len(shared_content(a, b))
    if shared >= ALIGN_MIN_SHARED:
        return True
    return (cosine >= ALIGN_SHORT_COSINE and shared >= ALIGN_SHORT_SHARED
            and bool(a.entities & b.entities))


def shared_content(a: SentenceFeature, b: SentenceFeature) -> frozenset[str]:
    """Stems both sentences use outside the names they both mention."""
    words = (a.stems & b.stems) - (a.name_stems & b.name_stems)
    return words | {f"n:{v}" for v in a.numbers & b.numbers}


def _candidate_links(
    features: Sequence[SentenceFeature], sim: np.ndarray
) -> list[tuple[float, int, int]]:
    """Linked pairs (cosine, i, j), strongest first, ties by position for determinism."""
    links: list[tuple[float, int, int]] = []
    rows, cols = np.nonzero(np.triu(sim, k=1) >= ALIGN_MIN_COSINE)
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        cosine = round(float(sim[i, j]), 9)
        if _linked(features[i], features[j], cosine):
            links.append((cosine, i, j))
    links.sort(key=lambda t: (-t[0], t[1], t[2]))
    return links


def _merge(features: Sequence[SentenceFeature], sim: np.ndarray,
           links: list[tuple[float, int, int]]) -> list[list[int]]:
    """Greedy union of links that keeps one sentence per article in each group and
    merges two groups only when their mean cross cosine reaches ``ALIGN_GROUP_COSINE``."""
    group_of = list(range(len(features)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(features))}
    for _, i, j in links:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        arts_i = {features[k].article_id for k in members[gi]}
        if any(features[k].article_id in arts_i for k in members[gj]):
            continue
        if float(sim[np.ix_(members[gi], members[gj])].mean()) < ALIGN_GROUP_COSINE:
            continue
        keep, drop = min(gi, gj), max(gi, gj)
        for k in members.pop(drop):
            group_of[k] = keep
            members[keep].append(k)
    return [sorted(m) for m in members.values()]


def _group(features: Sequence[SentenceFeature], sim: np.ndarray, idx: list[int]) -> FactGroup:
    """A FactGroup from feature indices."""
    sources: list[str] = []
    for k in idx:
        if features[k].source not in sources:
            sources.append(features[k].source)
    pairs = [float(sim[a, b]) for n, a in enumerate(idx) for b in idx[n + 1:]]
    cohesion = sum(pairs) / len(pairs) if pairs else 1.0
    return FactGroup(members=tuple(sorted(features[k].ref for k in idx)),
                     sources=tuple(sources), cohesion=cohesion)


def align(articles: Sequence[Article]) -> Alignment:
    """Group the sentences of a story's articles by the fact they state.

    Every sentence lands in exactly one group; a group with two or more members holds
    sentences of different articles whose idf-weighted term cosine reaches
    ``ALIGN_MIN_COSINE`` and that share ``ALIGN_MIN_SHARED`` terms (directly or through
    the group's other links). Articles are taken in id order, so the result does not
    depend on the order they are given in.
    """
    features = story_features(articles)
    if not features:
        return Alignment(features=(), similarity=np.zeros((0, 0)), groups=())
    sim = cosine_matrix(features)
    merged = _merge(features, sim, _candidate_links(features, sim))
    groups = sorted((_group(features, sim, idx) for idx in merged),
                    key=lambda g: g.members)
    membership = {ref: n for n, g in enumerate(groups) for ref in g.members}
    positions = {f.ref: i for i, f in enumerate(features)}
    return Alignment(features=features, similarity=sim, groups=tuple(groups),
                     membership=membership, positions=positions)
