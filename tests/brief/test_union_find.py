"""Disjoint sets: links join items into groups, listed in a fixed order."""

from __future__ import annotations

from newsweave.brief.union_find import UnionFind


def test_links_join_sets_and_groups_come_in_order_of_first_member() -> None:
    sets = UnionFind(6)
    for i, j in ((4, 1), (5, 3), (1, 2)):
        sets.union(i, j)
    assert sets.groups() == [[0], [1, 2, 4], [3, 5]]
    assert sets.connected(2, 4) and not sets.connected(0, 1)
    assert sets.find(4) == 1
