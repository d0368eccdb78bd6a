"""Which value of another source answers the same question: local-context matching.

A story about one game or one market day is full of figures of one kind (yards,
points, percentages per country), and two of them can share their counted noun,
their verb and half their sentence words while being about different players,
drives or countries. What tells them apart is the few words right around each value:
"Charles' [N]-yard touchdown run on the first play" against "the Colts went [N]
yards in 13 plays". Each figure's local context (``CONTEXT_WORDS`` words either side
in its sentence, the value itself masked so that different values do not look
different) is embedded, and a pair of figures of two sources is kept only when each
is the other's best match among all figures of the same dimension in the other
article: a one-to-one reading of "the same fact" that a dozen look-alike figures
cannot satisfy at once.

A figure in brackets right after another of the same dimension restates it in
another unit or currency ("$US1 million ($1.52 million)", "1,150 kilometres (700
miles)"): it is one value written two ways, never compared (``restatement``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

import numpy as np

from newsweave.brief.conflicts.frames import Figure, same_fact
from newsweave.extract.embeddings import Embedder
from newsweave.model import Article

# Words either side of a value in its local context. On the dev conflicts (pairs
# already passing the frame checks; real or borderline share among judged pairs of
# half a / b): mutual best match over whole sentences 0.46 / 0.39, over +-8 words
# 0.59 / 0.36, no matching 0.38 / 0.22.
CONTEXT_WORDS = 8
VALUE_MASK = "[NUM]"
# Least cosine between the contexts of two conflicting values: below it the words
# around them describe different things even when each is the other's best match.
# On conflicts/dev.jsonl, half a (half b), recall / precision with dates at 0.6:
# figures 0.0 0.606 / 0.614 (0.556 / 0.529); 0.5 0.606 / 0.667 (0.370 / 0.545);
# 0.6 0.485 / 0.677 (0.333 / 0.571); 0.7 0.364 / 0.789 (0.259 / 0.750). Half a gains
# little below 0.7 and half b loses a third of its recall at 0.5: no floor for figures,
# whose frames already match the counted thing. Dates have only an anchor verb: with
# figures at 0.0, dates 0.0 0.606 / 0.500 (0.630 / 0.449); 0.6 0.606 / 0.614
# (0.556 / 0.529); 0.7 0.576 / 0.605; 0.8 0.576 / 0.605 (0.518 / 0.500).
FIGURE_CONTEXT_COSINE = 0.0
DATE_CONTEXT_COSINE = 0.6
# Characters between a value and a bracketed restatement: "1 million ($1.52 million)".
RESTATEMENT_GAP = 3
# Money and units are the figures written twice; when the first writing is one the
# quantity reader did not take ("$ US1 million"), the digits just before the bracket
# (with a scale word) still mark the bracketed one as a restatement.
RESTATED_KINDS = frozenset({"money", "measure", "percent"})
_NUMBER_BEFORE = re.compile(
    r"\d(?:[\d,.]*\d)?(?:\s*(?:million|billion|trillion|thousand|bn|m|k)\b)?\s*$",
    re.IGNORECASE,
)
_LOOK_BEHIND = 40  # characters before the bracket searched for such digits
_WORD = re.compile(r"\S+")
T = TypeVar("T")


def context_at(article: Article, sentence: int, start: int, end: int) -> str:
    """The words around ``start:end`` in its sentence, the value masked."""
    if 0 <= sentence < len(article.sentences):
        s = article.sentences[sentence]
        lo, hi = s.start, s.end
    else:
        lo, hi = 0, len(article.text)
    left = _WORD.findall(article.text[lo:start])[-CONTEXT_WORDS:]
    right = _WORD.findall(article.text[end:hi])[:CONTEXT_WORDS]
    return " ".join([*left, VALUE_MASK, *right])


def restatement(f: Figure, others: Sequence[Figure]) -> bool:
    """Whether ``f`` is a bracketed restatement of a figure just before it."""
    text = f.article.text
    opening = text[max(0, f.q.start - RESTATEMENT_GAP) : f.q.start]
    if "(" not in opening:
        return False
    bracket = f.q.start - RESTATEMENT_GAP + opening.rindex("(")
    if f.q.kind in RESTATED_KINDS and _NUMBER_BEFORE.search(
        text[max(0, bracket - _LOOK_BEHIND) : bracket]
    ):
        return True
    return any(
        o.article is f.article and o is not f and o.q.kind == f.q.kind
        and 0 <= bracket - o.q.end <= RESTATEMENT_GAP
        for o in others
    )


def figure_edges(figures: Sequence[Figure], edges: Sequence[tuple[int, int]],
                 embedder: Embedder) -> list[tuple[int, int]]:
    """The figure edges whose two figures are each other's best match among the
    same-fact figures of the other article (a value repeated in several sentences
    counts once)."""
    return mutual_best(
        figures, edges, embedder, context=lambda f: context_at(f.article, f.q.sentence,
                                                               f.q.start, f.q.end),
        group=lambda f: (f.article.id, f.article.label, f.dimension),
        comparable=same_fact, value=lambda f: round(f.base, 6),
        min_cosine=FIGURE_CONTEXT_COSINE,
    )


def mutual_best(items: Sequence[T], edges: Sequence[tuple[int, int]], embedder: Embedder, *,
                context: Callable[[T], str], group: Callable[[T], Hashable],
                comparable: Callable[[T, T], bool], value: Callable[[T], Hashable],
                min_cosine: float) -> list[tuple[int, int]]:
    """The edges (i, j) where, of the items in j's ``group`` that are ``comparable``
    with i, the one whose ``context`` is closest to i's states j's ``value``, the
    same holds the other way round, and the two contexts are at least ``min_cosine``
    alike."""
    if not edges:
        return []
    by_group: dict[Hashable, list[int]] = defaultdict(list)
    for k, item in enumerate(items):
        by_group[group(item)].append(k)
    groups = {group(items[k]) for edge in edges for k in edge}
    needed = sorted(m for g in groups for m in by_group[g])
    row = {k: n for n, k in enumerate(needed)}
    vectors = embedder.embed([context(items[k]) for k in needed])

    def best(i: int, other: int) -> Hashable:
        candidates = [m for m in by_group[group(items[other])]
                      if m == other or comparable(items[i], items[m])]
        scores = vectors[[row[m] for m in candidates]] @ vectors[row[i]]
        return value(items[candidates[int(np.argmax(scores))]])

    return [(i, j) for i, j in edges
            if float(vectors[row[i]] @ vectors[row[j]]) >= min_cosine
            and best(i, j) == value(items[j]) and best(j, i) == value(items[i])]
