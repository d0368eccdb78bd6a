"""Align sentences across articles that state the same fact: the stage every section
of the brief reads.

1. Every sentence of every article gets word, name and number features
   (``features``); word vectors give a cheap cosine for every pair.
2. Pairs from different articles that pass a cheap prefilter (close words, or a
   shared number) are embedded and scored (``align_score``); sentences that
   repeat another outlet's words exactly (a wire text) are linked as verbatim.
3. Links are merged greedily, strongest first, into facts that never hold two
   sentences of one article and whose members are linked on average.
4. Each sentence's *support* is its best score against any sentence or title of
   another source: the single-source section shows only sentences no other source
   comes close to stating.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from newsweave.brief.align_score import (
    LINK_PROBABILITY,
    link_probability,
    pair_features,
    passes_prefilter,
)
from newsweave.brief.align_verbatim import copies_in, verbatim_pairs
from newsweave.brief.features import (
    SentenceFeature,
    content_stems,
    cosine_matrix,
    story_features,
)
from newsweave.extract.embeddings import CachedEmbedder, Embedder
from newsweave.model import Article, MatchKind

# Mean link probability over all cross pairs that two groups need to merge, so one
# strong link does not pull a loosely related third sentence in (a pair not scored
# counts 0). Labelled pairs in one fact, precision / recall on half a (b):
# 0.2 0.966/0.727 (0.932/0.689); 0.35 0.965/0.701 (0.931/0.681); 0.5 0.964/0.692
# (0.943/0.689). Recall below the pairs' (0.80) is the one-sentence-per-article rule:
# a source that states a fact twice joins it once.
GROUP_LINK_PROBABILITY = 0.2
# A title of another source this close (embedding cosine) to a sentence states it
# too: titles are short, so they are compared by embedding alone.
TITLE_SUPPORT_COSINE = 0.6
TITLE_MIN_SHARED = 2  # content words a sentence must share with a title to be compared
VERBATIM_PROBABILITY = 1.0  # the score of a link between identical sentences
# Days a sentence's own date may lie after another article's publication date before
# that article is taken not to report it (time zones and late editions: one day).
PUBLICATION_SLACK_DAYS = 1
DAY_CHARS = len("YYYY-MM-DD")

SentenceRef = tuple[str, int]  # (article id, sentence index)


@dataclass(frozen=True, slots=True)
class FactGroup:
    """Sentences of different articles that state one fact, and who states it."""

    members: tuple[SentenceRef, ...]  # sorted
    sources: tuple[str, ...]  # distinct outlets, in member order
    independent: tuple[str, ...]  # outlets in their own words (a wire copy counts once)
    copies: tuple[tuple[SentenceRef, str], ...]  # member -> outlet whose words it repeats
    cohesion: float  # mean link probability inside the group (1.0 for a lone sentence)
    match: MatchKind

    def copy_of(self, ref: SentenceRef) -> str | None:
        """The outlet whose sentence ``ref`` repeats word for word, if any."""
        return dict(self.copies).get(ref)


@dataclass(frozen=True, slots=True)
class Alignment:
    """Every sentence of a story placed in exactly one group (lone sentences alone)."""

    features: tuple[SentenceFeature, ...]
    similarity: np.ndarray  # word cosine between features[i] and features[j]
    links: np.ndarray  # link probability of each pair (0 where not scored)
    support: np.ndarray  # best link probability of each sentence to another source
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


def _event_dates(articles: Sequence[Article]) -> tuple[dict[SentenceRef, date], dict[str, date]]:
    """The latest day each sentence dates (resolved day mentions) and each article's
    publication day."""
    dated: dict[SentenceRef, date] = {}
    published: dict[str, date] = {}
    for a in articles:
        if a.published and len(a.published) >= DAY_CHARS:
            published[a.id] = date.fromisoformat(a.published[:DAY_CHARS])
        for d in a.dates:
            index = d.sentence if d.sentence >= 0 else a.sentence_of(d.start)
            if d.value and len(d.value) == DAY_CHARS and index >= 0:
                day = date.fromisoformat(d.value)
                ref = (a.id, index)
                dated[ref] = max(day, dated.get(ref, day))
    return dated, published


def _written_before(a: SentenceFeature, b: SentenceFeature, dated: dict[SentenceRef, date],
                    published: dict[str, date]) -> bool:
    """Whether one sentence dates its fact after the other's article was published:
    an article cannot report what had not happened yet."""
    for x, y in ((a, b), (b, a)):
        when, pub = dated.get(x.ref), published.get(y.article_id)
        if when is not None and pub is not None and (when - pub).days > PUBLICATION_SLACK_DAYS:
            return True
    return False


def _candidates(articles: Sequence[Article], features: Sequence[SentenceFeature],
                sim: np.ndarray) -> list[tuple[int, int]]:
    """Pairs of sentences of different sources that pass the prefilter, i < j."""
    sources = np.array([f.source for f in features], dtype=object)
    cross = sources[:, None] != sources[None, :]
    rows, cols = np.nonzero(np.triu(cross, k=1))
    dated, published = _event_dates(articles)
    return [(i, j) for i, j in zip(rows.tolist(), cols.tolist(), strict=True)
            if passes_prefilter(features[i], features[j], float(sim[i, j]))
            and not _written_before(features[i], features[j], dated, published)]


def _embedding_cosines(features: Sequence[SentenceFeature], pairs: list[tuple[int, int]],
                       embedder: Embedder) -> dict[tuple[int, int], float]:
    """Embedding cosine of each pair; only sentences in some pair are embedded."""
    needed = sorted({k for pair in pairs for k in pair})
    if not needed:
        return {}
    row = {k: n for n, k in enumerate(needed)}
    vectors = embedder.embed([features[k].sentence.text for k in needed])
    return {(i, j): float(vectors[row[i]] @ vectors[row[j]]) for i, j in pairs}


def _paraphrase_links(articles: Sequence[Article], features: Sequence[SentenceFeature],
                      sim: np.ndarray, embedder: Embedder | None,
                      verbatim: set[tuple[int, int]]) -> np.ndarray:
    """Link probability of every cross-source pair in other words (symmetric; 0 where
    not scored, and for verbatim pairs, which are linked apart)."""
    n = len(features)
    links = np.zeros((n, n))
    if embedder is not None:
        pairs = [p for p in _candidates(articles, features, sim) if p not in verbatim]
        for (i, j), cosine in _embedding_cosines(features, pairs, embedder).items():
            p = link_probability(pair_features(features[i], features[j], cosine,
                                               float(sim[i, j])))
            links[i, j] = links[j, i] = p
    return links


def _merge(features: Sequence[SentenceFeature], links: np.ndarray) -> list[list[int]]:
    """Greedy union of links (strongest first) that keeps one sentence per article in
    each group and merges groups only when their mean cross link reaches
    ``GROUP_LINK_PROBABILITY``; ties break by position, so runs agree."""
    rows, cols = np.nonzero(np.triu(links, k=1) >= LINK_PROBABILITY)
    order = sorted(zip(rows.tolist(), cols.tolist(), strict=True),
                   key=lambda p: (-round(float(links[p]), 9), p))
    group_of = list(range(len(features)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(features))}
    for i, j in order:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        arts = {features[k].article_id for k in members[gi]}
        if any(features[k].article_id in arts for k in members[gj]):
            continue
        if float(links[np.ix_(members[gi], members[gj])].mean()) < GROUP_LINK_PROBABILITY:
            continue
        keep, drop = min(gi, gj), max(gi, gj)
        for k in members.pop(drop):
            group_of[k] = keep
            members[keep].append(k)
    return [sorted(m) for m in members.values()]


def _group(features: Sequence[SentenceFeature], links: np.ndarray, idx: list[int],
           verbatim: set[tuple[int, int]]) -> FactGroup:
    """A FactGroup from feature indices."""
    return _group_with(features, links, idx, copies_in(features, idx, verbatim))


def subgroup(alignment: Alignment, group: FactGroup, keep: Sequence[SentenceRef]) -> FactGroup:
    """``group`` narrowed to the members ``keep``, their copy marks kept."""
    idx = sorted(alignment.positions[r] for r in keep)
    copies = tuple((r, source) for r, source in group.copies if r in keep)
    return _group_with(alignment.features, alignment.links, idx, copies)


def _group_with(features: Sequence[SentenceFeature], links: np.ndarray, idx: list[int],
                copies: tuple[tuple[SentenceRef, str], ...]) -> FactGroup:
    """A FactGroup from feature indices (sorted) and which of them are copies."""
    sources = tuple(dict.fromkeys(features[k].source for k in idx))
    copied = {ref for ref, _ in copies}
    independent = tuple(dict.fromkeys(features[k].source for k in idx
                                      if features[k].ref not in copied))
    pairs = [float(links[a, b]) for n, a in enumerate(idx) for b in idx[n + 1:]]
    match: MatchKind = ("single" if len(sources) < 2
                        else "verbatim" if len(independent) < 2 else "paraphrase")
    return FactGroup(members=tuple(sorted(features[k].ref for k in idx)), sources=sources,
                     independent=independent, copies=copies,
                     cohesion=sum(pairs) / len(pairs) if pairs else 1.0, match=match)


def _title_support(articles: Sequence[Article], features: Sequence[SentenceFeature],
                   embedder: Embedder) -> np.ndarray:
    """Whether a title of another source states each sentence (embedding cosine
    ``TITLE_SUPPORT_COSINE``); only sentences sharing ``TITLE_MIN_SHARED`` content
    words with such a title are embedded."""
    stated = np.zeros(len(features), dtype=bool)
    titled = [(a.label, a.title, content_stems(a.title)) for a in articles
              if a.title and a.title.strip()]
    pairs = [(k, t) for k, f in enumerate(features) for t, (source, _, stems) in
             enumerate(titled) if source != f.source and len(f.stems & stems) >= TITLE_MIN_SHARED]
    if not pairs:
        return stated
    rows = sorted({k for k, _ in pairs})
    vectors = embedder.embed([features[k].sentence.text for k in rows])
    titles = embedder.embed([title for _, title, _ in titled])
    at = {k: n for n, k in enumerate(rows)}
    for k, t in pairs:
        if float(vectors[at[k]] @ titles[t]) >= TITLE_SUPPORT_COSINE:
            stated[k] = True
    return stated


def _support(articles: Sequence[Article], features: Sequence[SentenceFeature],
             links: np.ndarray, embedder: Embedder | None) -> np.ndarray:
    """Each sentence's best link to another source; a title of another source that
    states it counts as a full link."""
    support = links.max(axis=1)
    if embedder is None:
        return np.asarray(support)
    return np.asarray(np.where(_title_support(articles, features, embedder), 1.0, support))


def align(articles: Sequence[Article], embedder: Embedder | None = None) -> Alignment:
    """Group the sentences of a story's articles by the fact they state.

    Every sentence lands in exactly one group; a group with two or more members holds
    sentences of different articles linked with probability ``LINK_PROBABILITY`` or
    more (``align_score``). ``embedder`` defaults to the packaged model with an
    in-memory cache. Articles are taken in id order, so the result does not depend on
    the order they are given in.
    """
    embedder = embedder or CachedEmbedder()
    ordered = sorted(articles, key=lambda a: a.id)
    features = story_features(ordered)
    if not features:
        return Alignment(features=(), similarity=np.zeros((0, 0)), links=np.zeros((0, 0)),
                         support=np.zeros(0), groups=())
    sim = cosine_matrix(features)
    several = len({f.source for f in features}) > 1
    verbatim = verbatim_pairs(features) if several else set()
    own_words = _paraphrase_links(ordered, features, sim, embedder if several else None,
                                  verbatim)
    # a wire copy is not another source stating it: support counts own words only
    support = _support(ordered, features, own_words, embedder if several else None)
    links = own_words.copy()
    for i, j in verbatim:
        links[i, j] = links[j, i] = VERBATIM_PROBABILITY
    merged = _merge(features, links)
    groups = sorted((_group(features, links, idx, verbatim) for idx in merged),
                    key=lambda g: g.members)
    return Alignment(features=features, similarity=sim, links=links, support=support,
                     groups=tuple(groups),
                     membership={ref: n for n, g in enumerate(groups) for ref in g.members},
                     positions={f.ref: i for i, f in enumerate(features)})
