"""The numbers a brief lists: every quantity of a listed kind with its sentence."""

from __future__ import annotations

from newsweave.brief.features import cite
from newsweave.model import Article, Citation, NumberItem

# Kinds listed under Numbers. Ordinals ("second in command", "a third term") rank
# rather than measure; they stay on the articles for conflict checks.
LISTED_NUMBER_KINDS = frozenset({"count", "money", "percent", "measure"})


def list_numbers(articles: list[Article]) -> tuple[NumberItem, ...]:
    """Every quantity (of a listed kind) with the sentence that states it."""
    out: list[NumberItem] = []
    for a in articles:
        for q in sorted(a.quantities, key=lambda q: (q.start, q.end)):
            if q.kind not in LISTED_NUMBER_KINDS:
                continue
            index = q.sentence if 0 <= q.sentence < len(a.sentences) else a.sentence_of(q.start)
            citation = (cite(a, index) if index >= 0 else
                        Citation.quote(a, q.start, q.end))
            out.append(NumberItem(text=q.text, value=q.value, kind=q.kind,
                                  counted=q.counted, citation=citation, unit=q.unit))
    return tuple(out)
