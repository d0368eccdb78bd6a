"""Disjoint sets over item indices: which items a set of links joins together."""

from __future__ import annotations


class UnionFind:
    """Items ``0 .. n-1``, joined by ``union``; ``groups`` lists the joined sets."""

    def __init__(self, n: int) -> None:
        self._parent = list(range(n))

    def find(self, i: int) -> int:
        """The representative of ``i``'s set (paths halved on the way)."""
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        """Join the sets of ``i`` and ``j``; the smaller representative stays."""
        a, b = self.find(i), self.find(j)
        if a != b:
            self._parent[max(a, b)] = min(a, b)

    def connected(self, i: int, j: int) -> bool:
        return self.find(i) == self.find(j)

    def groups(self) -> list[list[int]]:
        """Every set, members ascending, sets in order of their first member."""
        out: dict[int, list[int]] = {}
        for i in range(len(self._parent)):
            out.setdefault(self.find(i), []).append(i)
        return list(out.values())
