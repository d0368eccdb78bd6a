"""The numbers a brief lists: every amount with what it counts and its sentence."""

from __future__ import annotations

from newsweave.brief.features import cite
from newsweave.model import Article, Citation, NumberItem

# Kinds listed under Numbers: amounts of something. Ordinals, ranks, ages, years,
# clock times and ranges name a position or a point ("second in command", "No. 2",
# "Smith, 45", "in 2019", "20 to 30"); they stay on the articles for other stages.
LISTED_NUMBER_KINDS = frozenset({"count", "money", "percent", "measure"})


def list_numbers(articles: list[Article]) -> tuple[NumberItem, ...]:
    """Every amount (a quantity of a listed kind) with what it counts (the counted
    noun lemma and the event verb it belongs to) and the sentence that states it."""
    out: list[NumberItem] = []
    for a in articles:
        for q in sorted(a.quantities, key=lambda q: (q.start, q.end)):
            if q.kind not in LISTED_NUMBER_KINDS:
                continue
            index = q.sentence if 0 <= q.sentence < len(a.sentences) else a.sentence_of(q.start)
            citation = (cite(a, index) if index >= 0 else
                        Citation.quote(a, q.start, q.end))
            out.append(NumberItem(text=q.text, value=q.value, kind=q.kind,
                                  counted=q.counted, citation=citation, unit=q.unit,
                                  action=q.action))
    return tuple(out)
