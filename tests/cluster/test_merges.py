"""Stream re-check: stories merge where batch average-link joins them, ids stay stable."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.cluster import StoryIndex, cluster_batch, extract_features
from newsweave.cluster.incremental import StoryMerge
from newsweave.model import Article, content_id

NAMES = ["ecb-1", "ecb-2", "java-1", "java-2", "peru-1", "peru-2", "peru-copy", "peru-syndicated"]


def partition(stories: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for name, story in stories.items():
        groups[story].add(name)
    return {frozenset(g) for g in groups.values()}


def strict_then_merged(corpus: dict[str, Article], names: list[str]) -> StoryIndex:
    """Every article its own story on arrival (an unreachable join cut), then re-checked."""
    index = StoryIndex(join_cut=1.01, centroid_cut=1.01)
    for name in names:
        index.assign(corpus[name])
    return index


def test_the_recheck_merges_what_batch_joins_under_the_older_id(
    corpus: dict[str, Article],
) -> None:
    order = ["peru-2", "java-1", "peru-1", "java-2"]
    index = strict_then_merged(corpus, order)
    assert len({index.story_of(corpus[n].id) for n in order}) == 4
    index.settle()
    peru, java = content_id("s", corpus["peru-2"].id), content_id("s", corpus["java-1"].id)
    assert {n: index.story_of(corpus[n].id) for n in order} == {
        "peru-2": peru, "java-1": java, "peru-1": peru, "java-2": java}
    merges = index.take_merges()
    assert {(m.old_id, m.survivor_id) for m in merges} == {
        (content_id("s", corpus["peru-1"].id), peru),
        (content_id("s", corpus["java-2"].id), java),
    }
    assert all(m.reason.startswith("average link ") for m in merges)
    assert index.take_merges() == []  # each merge is handed over once
    assert index.resolve(content_id("s", corpus["peru-1"].id)) == peru


def test_a_merged_id_still_places_articles_in_the_survivor(corpus: dict[str, Article]) -> None:
    index = strict_then_merged(corpus, ["peru-1", "peru-2"])
    index.settle()
    (merge,) = index.take_merges()
    assert merge == StoryMerge(content_id("s", corpus["peru-2"].id),
                               content_id("s", corpus["peru-1"].id), merge.reason)
    copy = replace(extract_features(corpus["peru-syndicated"]), article_id="copy")
    index.add_features(merge.old_id, copy)  # a stored assignment under the old id
    assert index.story_of("copy") == merge.survivor_id


def test_no_recheck_joins_stories_batch_keeps_apart(corpus: dict[str, Article]) -> None:
    index = strict_then_merged(corpus, NAMES)
    index.settle()
    batch = cluster_batch([corpus[n] for n in NAMES])
    got = {n: index.story_of(corpus[n].id) or "" for n in NAMES}
    assert partition(got) == partition({n: batch[corpus[n].id] for n in NAMES})


@settings(max_examples=25, deadline=None)
@given(order=st.permutations(NAMES))
def test_stream_in_any_order_ends_with_the_batch_partition(
    corpus: dict[str, Article], order: list[str]
) -> None:
    index = StoryIndex()
    first = {n: index.assign(corpus[n]) for n in order}
    index.settle()
    batch = cluster_batch([corpus[n] for n in NAMES])
    got = {n: index.story_of(corpus[n].id) or "" for n in order}
    assert partition(got) == partition({n: batch[corpus[n].id] for n in NAMES})
    assert all(index.resolve(first[n]) == got[n] for n in order)  # old ids resolve
    survivors = set(got.values())
    assert survivors <= set(first.values())  # no story is renamed
