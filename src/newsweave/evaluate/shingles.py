"""The article-extraction-benchmark metric: token 4-gram shingle precision and recall.

Follows ``evaluate.py`` of the Zyte/Scrapinghub article-extraction-benchmark:

- tokens are runs of word characters (``\\w+``), case kept;
- a text gives the multiset of its token 4-grams; a text with 1-3 tokens gives one
  shingle made of all its tokens, an empty text gives none;
- per page, TP/FP/FN are the multiset overlaps, normalised to sum 1 (so long pages
  weigh no more than short ones);
- per page precision is 1.0 when both texts have no shingles (fp == fn == 0), 0.0
  when tp == fp == 0 (nothing predicted), else tp / (tp + fp); recall likewise;
- precision and recall are averaged over pages; F1 is the harmonic mean of the two
  averages (0.0 when both are 0).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

SHINGLE_N = 4  # the benchmark's n-gram size
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PageScore:
    """Normalised true positives, false positives and false negatives of one page."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fn == 0:
            return 0.0
        return self.tp / (self.tp + self.fn)


def shingles(text: str, n: int = SHINGLE_N) -> Counter[str]:
    """The multiset of token n-grams of ``text`` (one short shingle below n tokens)."""
    tokens = _TOKEN.findall(text or "")
    grams = (" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def score_page(gold: str, predicted: str) -> PageScore:
    """Shingle overlap of one page, normalised so tp + fp + fn == 1 (or all 0)."""
    g, p = shingles(gold), shingles(predicted)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


def aggregate(scores: Iterable[PageScore]) -> dict[str, float]:
    """Macro precision and recall over pages and the F1 of the two averages.

    Returns ``{"precision", "recall", "f1", "pages"}``; all zero for no pages.
    """
    pages = list(scores)
    if not pages:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "pages": 0.0}
    p = sum(s.precision for s in pages) / len(pages)
    r = sum(s.recall for s in pages) / len(pages)
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return {"precision": p, "recall": r, "f1": f1, "pages": float(len(pages))}
