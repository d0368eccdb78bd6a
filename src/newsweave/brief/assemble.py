"""Assemble the cross-source brief of one story from its annotated articles.

Pure over ``Article``: no parser runs here, so a brief can be rebuilt from the store.
Articles are put in id order first, so any order of the same articles gives the
same brief.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from newsweave.brief.align import Alignment, align
from newsweave.brief.conflicts import find_conflicts
from newsweave.brief.entities import group_entities
from newsweave.brief.facts import agreed_facts, representative, single_source_facts
from newsweave.brief.features import (
    SentenceFeature,
    content_stems,
    cosine_matrix,
    story_features,
)
from newsweave.brief.numbers import list_numbers
from newsweave.brief.summary import SUMMARY_SENTENCES, lexrank, summarize
from newsweave.brief.timeline import build_timeline, collect_dates
from newsweave.extract.embeddings import CachedEmbedder, Embedder
from newsweave.model import Article, ArticleSource, Brief, Fact, FactMember, content_id

# Longest headline shown, in characters: fits one line of a listing at 100 columns;
# neus-val titles have a median of 71 characters and 9% of them are cut.
HEADLINE_MAX_CHARS = 100
ELLIPSIS = "…"


def _ordered(articles: Sequence[Article]) -> list[Article]:
    """Articles in id order, one per id (the same text twice is one article: the
    first by origin is kept; other copies still count as sources via ``_sources``)."""
    out: dict[str, Article] = {}
    for a in sorted(articles, key=lambda a: (a.id, a.origin)):
        out.setdefault(a.id, a)
    return list(out.values())


def _shorten(text: str, limit: int = HEADLINE_MAX_CHARS) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - len(ELLIPSIS) + 1].rsplit(" ", 1)[0].rstrip(",;:-–—")
    return cut + ELLIPSIS


def _title_centrality(titles: list[str], features: Sequence[SentenceFeature]) -> list[float]:
    """Summed binary cosine of each title's stems with every sentence and other title.

    sum_j |t & b_j| / sqrt(|t| |b_j|) = sum_{w in t} weight[w] / sqrt(|t|) with
    weight[w] = sum over bags holding w of 1 / sqrt(|b_j|): linear in the story size.
    """
    title_bags = [content_stems(t) for t in titles]
    bags = title_bags + [f.stems for f in features]
    weight: dict[str, float] = {}
    for bag in bags:
        for w in bag:
            weight[w] = weight.get(w, 0.0) + 1.0 / math.sqrt(len(bag))
    out: list[float] = []
    for bag in title_bags:
        if not bag:
            out.append(0.0)
            continue
        total = sum(weight[w] for w in bag) / math.sqrt(len(bag))
        out.append(total - 1.0)  # the title's cosine with itself
    return out


def _headline(articles: list[Article], features: Sequence[SentenceFeature],
              similarity: np.ndarray) -> str:
    """The most central title, else the most central first sentence."""
    titles = sorted({" ".join(a.title.split()) for a in articles if a.title and a.title.strip()})
    if titles:
        scores = _title_centrality(titles, features)
        return _shorten(titles[int(np.argmax(scores))])
    if not features:
        return _shorten(articles[0].text) if articles else ""
    centrality = lexrank(similarity)
    firsts = [i for i, f in enumerate(features) if f.index == 0]
    best = max(firsts, key=lambda i: (float(centrality[i]), -i))
    return _shorten(features[best].sentence.text)


def story_headline(articles: Sequence[Article]) -> str:
    """A one-line headline for a story.

    The title closest to the story (mean word overlap with every sentence and the
    other titles) when any article has one, else the most central (LexRank) first
    sentence; cut at a word boundary to ``HEADLINE_MAX_CHARS``.
    """
    ordered = _ordered(articles)
    features = story_features(ordered)
    return _headline(ordered, features, cosine_matrix(features))


def _sources(articles: list[Article]) -> tuple[str, ...]:
    """Distinct source labels over the articles and every copy folded into them."""
    out: list[str] = []
    for a in articles:
        for name in a.sources:
            if name not in out:
                out.append(name)
    return tuple(out)


def _provenance(articles: list[Article]) -> tuple[ArticleSource, ...]:
    """Each article's outlet, title and date with the layer each was read from."""
    return tuple(ArticleSource(a.id, a.label, a.source_from, a.title, a.title_from,
                               a.published, a.published_from, a.date_flag)
                 for a in articles)


def _facts(articles: list[Article], alignment: Alignment) -> tuple[Fact, ...]:
    """The stored record of the alignment: every fact two or more outlets state."""
    by_id = {a.id: a for a in articles}
    out: list[Fact] = []
    for g in alignment.multi_source:
        seed = representative(alignment, g)
        members: list[FactMember] = []
        for aid, idx in g.members:
            s = by_id[aid].sentences[idx]
            score = (1.0 if (aid, idx) == seed else
                     float(alignment.links[alignment.positions[(aid, idx)],
                                           alignment.positions[seed]]))
            members.append(FactMember(aid, by_id[aid].label, idx, s.start, s.end,
                                      round(score, 4), g.copy_of((aid, idx))))
        out.append(Fact(id=content_id("f", *(f"{a}:{i}" for a, i in g.members)),
                        members=tuple(members), sources=g.independent, match=g.match,
                        cohesion=round(g.cohesion, 4)))
    return tuple(out)


def build_brief(story_id: str, articles: Sequence[Article],
                embedder: Embedder | None = None, *,
                summary_sentences: int = SUMMARY_SENTENCES) -> Brief:
    """The cross-source brief of one story.

    ``articles`` are annotated (sentences, mentions, quantities, dates). The brief
    holds a headline, the distinct sources (with syndicated copies), a cited summary
    (every sentence citing every article that states it), agreed facts (two or more
    sources; conflict sides excluded), single-source facts, conflicts, entity groups,
    numbers, dates and a timeline. The same articles in any order give the same
    brief. ``embedder`` embeds sentences for the alignment and the summary (default:
    the packaged model with an in-memory cache; the ingest job passes one backed by
    the store). ``summary_sentences`` caps the summary's length.
    """
    ordered = _ordered(articles)
    embedder = embedder or CachedEmbedder()
    alignment = align(ordered, embedder)
    every = sorted(articles, key=lambda a: (a.id, a.origin))
    conflicts = find_conflicts(ordered, embedder)
    return Brief(
        story_id=story_id,
        headline=_headline(ordered, alignment.features, alignment.similarity),
        sources=_sources(every),
        article_ids=tuple(dict.fromkeys(a.id for a in ordered)),
        summary=summarize(ordered, alignment, embedder,
                          max_sentences=summary_sentences),
        agreed=agreed_facts(ordered, alignment, conflicts),
        single_source=single_source_facts(ordered, alignment, conflicts),
        conflicts=conflicts,
        entities=group_entities(ordered),
        numbers=list_numbers(ordered),
        dates=collect_dates(ordered),
        timeline=build_timeline(ordered),
        facts=_facts(ordered, alignment),
        articles=_provenance(every),
    )
