"""The sides of a conflict: one per source, quoted in whole sentences, grouped by value.

Every detector (numbers, dates, labels) finds edges between mentions of one fact in
two sources; ``fact_groups`` turns them into one group per fact with one mention per
source, and ``side_at`` quotes each. This is the only place a conflict side is cited.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from newsweave.brief.union_find import UnionFind
from newsweave.model import Article, Citation, ConflictSide

T = TypeVar("T")


def fact_groups(items: Sequence[T], edges: Sequence[tuple[int, int]],
                source_of: Callable[[T], str]) -> list[list[T]]:
    """One group per connected set of edges, one item per source: the item with the
    most edges, then the first. Three outlets with three tolls are one group."""
    sets = UnionFind(len(items))
    degree: dict[int, int] = defaultdict(int)
    for i, j in edges:
        sets.union(i, j)
        degree[i] += 1
        degree[j] += 1
    chosen: dict[tuple[int, str], int] = {}
    for i in sorted(degree, key=lambda k: (-degree[k], k)):
        chosen.setdefault((sets.find(i), source_of(items[i])), i)
    groups: dict[int, list[T]] = defaultdict(list)
    for (root, _), i in sorted(chosen.items(), key=lambda item: item[1]):
        groups[root].append(items[i])
    return list(groups.values())


def value_groups(values: Sequence[Hashable]) -> list[int]:
    """The index of each value among the distinct values, in first-seen order."""
    distinct = list(dict.fromkeys(values))
    return [distinct.index(v) for v in values]


def side_at(article: Article, sentence: int, start: int, end: int, *,
            hedge: str | None = None, value_group: int = 0) -> ConflictSide:
    """A conflict side: the value at ``start:end``, quoted in its whole sentence."""
    return ConflictSide(value=article.text[start:end], value_start=start, value_end=end,
                        citation=cite(article, sentence, start, end), hedge=hedge,
                        value_group=value_group)


def cite(article: Article, sentence: int, start: int, end: int) -> Citation:
    """The whole sentence holding ``start:end`` (the span itself when unsplit)."""
    if 0 <= sentence < len(article.sentences):
        s = article.sentences[sentence]
        start, end = min(start, s.start), max(end, s.end)
    return Citation.quote(article, start, end)
