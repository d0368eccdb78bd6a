"""Sentences that two outlets share word for word: one wire text, not two confirmations.

Agencies' copy runs in many outlets with light edits. A sentence that another
source also prints (after folding case, punctuation and spacing, or within a few
characters of it, with the same figures and names) is linked to it as verbatim, and all but
the first of such copies are marked as copies: agreement counts independent outlets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from newsweave.brief.features import SentenceFeature

# rapidfuzz ratio (0-100) of the folded texts at and above which two sentences are
# one text, lightly edited ("said Tuesday" / "said on Tuesday"; a clause added).
# On the labelled pairs no "related" or "different" pair reaches 80; "same" pairs
# reaching 95 / 90 / 85: 21 / 34 / 41 of half a (b: 19 / 27 / 33). Read by hand,
# the pairs in 90-95 are one agency text with a word or clause changed.
VERBATIM_RATIO = 90.0
# Shorter sentences ("He declined to comment.") repeat by chance, not by copying.
VERBATIM_MIN_WORDS = 8
_FOLD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower case, letters and digits only, single spaces."""
    return _FOLD.sub(" ", text.lower()).strip()


def verbatim_pairs(features: Sequence[SentenceFeature]) -> set[tuple[int, int]]:
    """Pairs (i < j) of sentences of different sources that are one text."""
    eligible = [k for k, f in enumerate(features)
                if len(f.sentence.text.split()) >= VERBATIM_MIN_WORDS]
    if len(eligible) < 2:
        return set()
    texts = [fold(features[k].sentence.text) for k in eligible]
    scores = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=VERBATIM_RATIO,
                           dtype=np.uint8)
    rows, cols = np.nonzero(np.triu(scores, k=1))
    out: set[tuple[int, int]] = set()
    for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
        i, j = eligible[r], eligible[c]
        # a changed figure or name is a correction, a conflict or another fact, not a copy
        a, b = features[i], features[j]
        if a.source != b.source and a.numbers == b.numbers and a.entities == b.entities:
            out.add((min(i, j), max(i, j)))
    return out


def copies_in(features: Sequence[SentenceFeature], idx: Sequence[int],
              verbatim: set[tuple[int, int]]) -> tuple[tuple[tuple[str, int], str], ...]:
    """Members of a group that repeat an earlier member's words, with that member's
    source: the first of each verbatim set (in id order) is the original."""
    members = sorted(idx)
    out: list[tuple[tuple[str, int], str]] = []
    for n, k in enumerate(members):
        earlier = [m for m in members[:n] if (m, k) in verbatim]
        if earlier:
            out.append((features[k].ref, features[earlier[0]].source))
    return tuple(out)
