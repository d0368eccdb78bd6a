"""Span lookups that keep annotation linear in the length of the text.

Extractors ask, for each of the thousands of numbers, dates or quotation marks of a
long article, whether it overlaps some set of spans, or what words come just before
it. Asked by scanning every span, or by searching the text from its start, each
question costs time in proportion to the text, and the article its length squared
(a 400 KB text took minutes). These answer the same questions exactly, in
logarithmic or constant time.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate

# Patterns given to ``search_before`` end in ``$`` and match at most this many
# characters besides whitespace (the longest match, of ``quantities_role._PREFIX_UNIT``,
# has 21: "magnitude was more than -"); their only unbounded parts are ``\s*``/``\s+``.
TAIL_MAX_NONSPACE = 40


class SpanIndex:
    """Half-open spans, in any order and possibly overlapping, asked for overlaps."""

    __slots__ = ("_reach", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        # The furthest end among the spans up to each one: a span starting before
        # ``end`` overlaps ``[start, end)`` exactly when one of them reaches past start.
        self._reach = list(accumulate((b for _, b in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span ``(a, b)`` has ``a < end and start < b``."""
        i = bisect_left(self._starts, end)
        return i > 0 and self._reach[i - 1] > start


def search_before(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """``pattern.search(text, 0, end)`` for a pattern anchored at the end (``$``).

    Searching from the start of the text costs its whole length at every call; a
    match can only begin within ``TAIL_MAX_NONSPACE`` non-blank characters of
    ``end``, so the search starts just before those. Lookbehinds and ``\\b`` still
    see the characters before the search start, so the match is the same.
    """
    width = 2 * (TAIL_MAX_NONSPACE + 1)
    while True:
        start = max(0, end - width)
        if start == 0 or _non_blank(text, start, end) > TAIL_MAX_NONSPACE:
            return pattern.search(text, start, end)
        width *= 2


def _non_blank(text: str, start: int, end: int) -> int:
    """How many characters of ``text[start:end]`` are not whitespace."""
    return sum(map(len, text[start:end].split()))
