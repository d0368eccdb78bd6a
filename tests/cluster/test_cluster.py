"""Story clustering on the hand-written corpus: partition, ids, order, stream = batch."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.cluster import STORY_WINDOW_DAYS, StoryIndex, canonical_order, cluster_batch
from newsweave.model import Article, content_id


def partition(names_to_story: dict[str, str]) -> set[frozenset[str]]:
    """The clustering as a set of name groups (ids dropped)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for name, story in names_to_story.items():
        groups[story].add(name)
    return {frozenset(g) for g in groups.values()}


def by_name(corpus: dict[str, Article], stories: dict[str, str]) -> dict[str, str]:
    return {name: stories[a.id] for name, a in corpus.items()}


def test_batch_finds_the_three_stories(corpus: dict[str, Article], gold: dict[str, str]) -> None:
    stories = cluster_batch(list(corpus.values()))
    assert partition(by_name(corpus, stories)) == partition(gold)


def test_two_earthquakes_are_two_stories(corpus: dict[str, Article]) -> None:
    stories = cluster_batch([corpus[n] for n in ("peru-1", "peru-2", "java-1", "java-2")])
    assert stories[corpus["peru-1"].id] == stories[corpus["peru-2"].id]
    assert stories[corpus["java-1"].id] == stories[corpus["java-2"].id]
    assert stories[corpus["peru-1"].id] != stories[corpus["java-1"].id]


def test_story_id_is_that_of_the_earliest_article(corpus: dict[str, Article]) -> None:
    stories = cluster_batch(list(corpus.values()))
    ecb = stories[corpus["ecb-1"].id]
    same_day = sorted([corpus["ecb-1"].id, corpus["ecb-2"].id])  # same date: the smaller id
    assert ecb == content_id("s", same_day[0])
    assert stories[corpus["java-2"].id] == content_id("s", corpus["java-1"].id)


def test_same_input_gives_same_ids(corpus: dict[str, Article]) -> None:
    articles = list(corpus.values())
    assert cluster_batch(articles) == cluster_batch(list(articles))


NAMES = ["ecb-1", "ecb-2", "java-1", "java-2", "peru-1", "peru-2", "peru-copy", "peru-syndicated"]


@settings(max_examples=25, deadline=None)
@given(order=st.permutations(NAMES))
def test_batch_ignores_input_order(corpus: dict[str, Article], order: list[str]) -> None:
    assert sorted(corpus) == sorted(NAMES)
    expected = cluster_batch([corpus[n] for n in NAMES])
    assert cluster_batch([corpus[n] for n in order]) == expected


def test_copies_of_one_text_do_not_make_ids_order_dependent(corpus: dict[str, Article]) -> None:
    later_copy = replace(corpus["ecb-2"], origin="zz.txt", published="2025-03-01")
    one = cluster_batch([corpus["ecb-1"], corpus["ecb-2"], later_copy])
    other = cluster_batch([later_copy, corpus["ecb-2"], corpus["ecb-1"]])
    assert one == other
    assert one[corpus["ecb-1"].id] == content_id("s", corpus["ecb-2"].id)


def test_stream_in_canonical_order_reproduces_batch(corpus: dict[str, Article]) -> None:
    articles = list(corpus.values())
    index = StoryIndex()
    streamed = {a.id: index.assign(a) for a in canonical_order(articles)}
    assert streamed == cluster_batch(articles)


def test_stream_in_any_order_finds_the_same_partition(
    corpus: dict[str, Article], gold: dict[str, str]
) -> None:
    index = StoryIndex()
    names = sorted(corpus, reverse=True)
    streamed = {name: index.assign(corpus[name]) for name in names}
    assert partition(streamed) == partition(gold)


def test_reloaded_index_assigns_to_stored_story(corpus: dict[str, Article]) -> None:
    index = StoryIndex()
    index.add("s-stored-peru", corpus["peru-1"])
    index.add("s-stored-java", corpus["java-1"])
    assert index.assign(corpus["peru-2"]) == "s-stored-peru"
    assert index.assign(corpus["java-2"]) == "s-stored-java"
    assert index.assign(corpus["peru-1"]) == "s-stored-peru"  # known article keeps its story
    new = index.assign(corpus["ecb-1"])
    assert new == content_id("s", corpus["ecb-1"].id)
    assert len(index) == 3


def test_time_window_splits_only_dated_pairs(corpus: dict[str, Article]) -> None:
    first = corpus["peru-1"]
    start = date.fromisoformat(first.published or "")

    def moved(days: int | None) -> Article:
        when = None if days is None else (start + timedelta(days=days)).isoformat()
        return replace(corpus["peru-2"], published=when)

    inside, outside, undated = moved(STORY_WINDOW_DAYS), moved(STORY_WINDOW_DAYS + 1), moved(None)
    for other, together in ((inside, True), (outside, False), (undated, True)):
        stories = cluster_batch([first, other])
        assert (stories[first.id] == stories[other.id]) is together


def test_resolved_date_mentions_anchor_undated_articles(corpus: dict[str, Article]) -> None:
    from newsweave.model import DateMention

    later = corpus["peru-2"]
    text = later.text
    anchor = DateMention(0, 6, text[:6], "day", value="2025-06-30")
    moved = replace(later, published=None, dates=(anchor,))
    stories = cluster_batch([corpus["peru-1"], moved])
    assert stories[corpus["peru-1"].id] != stories[moved.id]


def test_empty_and_single() -> None:
    assert cluster_batch([]) == {}
