"""Incremental scoring: the stream index scores exactly as the batch formula does."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from newsweave.cluster import StoryIndex, canonical_order, cluster_batch, extract_features
from newsweave.cluster.batch import similarity_matrix
from newsweave.model import Article, content_id


def copies(corpus: dict[str, Article], rounds: int) -> list[Article]:
    """The corpus repeated under fresh ids (same texts, distinct articles)."""
    base = canonical_order(list(corpus.values()))
    return [replace(a, id=f"{a.id}-{r}") for r in range(rounds) for a in base]


def test_scores_match_batch_similarity_under_running_idf(corpus: dict[str, Article]) -> None:
    articles = canonical_order(list(corpus.values()))
    index = StoryIndex()
    for k, article in enumerate(articles):
        index.add("s-any", article)
        if k == 0:
            continue
        expected = similarity_matrix(articles[: k + 1])[-1, :-1]
        assert index.last_similarities() == pytest.approx(expected, abs=1e-12)


def test_scores_stay_exact_after_the_arrays_grow(corpus: dict[str, Article]) -> None:
    articles = copies(corpus, 6)  # several thousand term entries: past the first capacity
    index = StoryIndex()
    for article in articles:
        index.add("s-any", article)
    expected = similarity_matrix(articles)[-1, :-1]
    assert index.last_similarities() == pytest.approx(expected, abs=1e-12)


def test_an_article_with_no_terms_joins_nothing(corpus: dict[str, Article]) -> None:
    index = StoryIndex()
    for article in corpus.values():
        index.assign(article)
    blank = replace(corpus["ecb-1"], id="blank", title=None, text="", mentions=())
    assert index.assign(blank) == content_id("s", "blank")
    assert not np.any(index.last_similarities())


def test_assigned_ids_never_change_as_the_index_grows(corpus: dict[str, Article]) -> None:
    articles = copies(corpus, 3)
    index = StoryIndex()
    first = {a.id: index.assign(a) for a in articles}
    assert {a.id: index.assign(a) for a in reversed(articles)} == first
    assert {a.id: index.story_of(a.id) for a in articles} == first


def test_reloaded_index_decides_like_the_one_that_assigned(corpus: dict[str, Article]) -> None:
    articles = canonical_order(list(corpus.values()))
    live = StoryIndex()
    stories = {a.id: live.assign(a) for a in articles[:-1]}
    reloaded = StoryIndex()
    for article in articles[:-1]:
        reloaded.add(stories[article.id], article)
    assert reloaded.assign(articles[-1]) == live.assign(articles[-1])
    assert live.story_of(articles[-1].id) == cluster_batch(articles)[articles[-1].id]


def centroid_cosine(members: list[Article], others: list[Article], article: Article) -> float:
    """Independent reference: blended cosine of ``article`` with the members' summed counts."""
    from newsweave.cluster.features import (
        document_frequencies,
        extract_features,
        idf_vector,
        tf_matrix,
    )
    from newsweave.cluster.similarity import ENTITY_WEIGHT

    everything = [*members, *others, article]
    cosines = []
    for bags in (
        [extract_features(a).words for a in everything],
        [extract_features(a).entities for a in everything],
    ):
        tf = tf_matrix(bags, {})
        idf = idf_vector(document_frequencies(tf), len(everything))
        centroid = np.asarray(tf[: len(members)].sum(axis=0)).ravel() * idf
        query = tf[-1].toarray().ravel() * idf
        cosines.append(float(centroid @ query / np.linalg.norm(centroid) / np.linalg.norm(query)))
    return (1.0 - ENTITY_WEIGHT) * cosines[0] + ENTITY_WEIGHT * cosines[1]


def test_centroid_score_is_the_cosine_with_summed_member_counts(
    corpus: dict[str, Article],
) -> None:
    members = [corpus["peru-1"], corpus["peru-syndicated"], corpus["java-1"]]
    index = StoryIndex()
    for article in members:
        index.add("s-mixed", article)
    index.add("s-ecb", corpus["ecb-1"])
    newcomer = corpus["peru-2"]
    index._push(extract_features(newcomer))
    _, _, stories, centroids = index._last_scores()
    expected = centroid_cosine(members, [corpus["ecb-1"]], newcomer)
    assert stories[0] == 0  # the first story opened: "s-mixed"
    assert centroids[0] == pytest.approx(expected, abs=1e-12)


def test_centroid_cut_alone_can_place_an_article(corpus: dict[str, Article]) -> None:
    by_centroid = StoryIndex(cut=1.01, centroid_cut=0.1)
    neither = StoryIndex(cut=1.01, centroid_cut=1.01)
    for index in (by_centroid, neither):
        index.add("s-peru", corpus["peru-1"])
        index.add("s-peru", corpus["peru-syndicated"])
        index.add("s-ecb", corpus["ecb-1"])
    assert by_centroid.assign(corpus["peru-2"]) == "s-peru"
    assert neither.assign(corpus["peru-2"]) == content_id("s", corpus["peru-2"].id)


def test_centroid_respects_the_time_window(corpus: dict[str, Article]) -> None:
    index = StoryIndex(cut=1.01, centroid_cut=0.05)
    index.add("s-peru", corpus["peru-1"])
    month_later = replace(corpus["peru-2"], published="2025-04-15")
    assert index.assign(month_later) == content_id("s", month_later.id)
