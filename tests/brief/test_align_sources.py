"""Independent sources: a wire text run by two outlets is one confirmation, not two;
an article cannot state what happened after it was published."""

from __future__ import annotations

from dataclasses import replace

from tests.brief.storykit import make_article

from newsweave.brief.align import align
from newsweave.brief.facts import agreed_facts, single_source_facts
from newsweave.brief.summary import summarize
from newsweave.model import DateMention

WIRE = ("Rescue crews pulled eleven survivors from the collapsed hotel in Marensa on Tuesday, "
        "the regional fire service said.")
WIRE_EDITED = ("Rescue crews pulled eleven survivors from the collapsed hotel in Marensa on "
               "Tuesday, the regional fire service said on its website.")
OWN_WORDS = ("Firefighters rescued eleven people alive from the ruins of a hotel in Marensa "
             "on Tuesday.")
NAMES = ("Marensa",)


def test_wire_copy_counts_once_and_is_marked() -> None:
    a = make_article(WIRE, "Harbor Times", NAMES)
    b = make_article(WIRE_EDITED, "Global Wire", NAMES)
    alignment = align([a, b])
    (group,) = alignment.multi_source
    assert group.match == "verbatim"
    assert len(group.independent) == 1
    assert len(group.copies) == 1
    assert agreed_facts([a, b], alignment) == ()
    assert single_source_facts([a, b], alignment) == ()
    (summary,) = summarize([a, b], alignment)
    copies = [c for c in summary.citations if c.copy_of is not None]
    assert len(copies) == 1 and copies[0].copy_of != copies[0].source
    assert len(summary.independent_sources) == 1
    assert set(summary.sources) == {"Harbor Times", "Global Wire"}


def test_wire_copy_and_an_outlets_own_words_make_two_independent_sources() -> None:
    a = make_article(WIRE, "Harbor Times", NAMES)
    b = make_article(WIRE_EDITED, "Global Wire", NAMES)
    c = make_article(OWN_WORDS, "Northern Courier", NAMES)
    alignment = align([a, b, c])
    (group,) = alignment.multi_source
    assert len(group.sources) == 3
    assert len(group.independent) == 2
    (fact,) = agreed_facts([a, b, c], alignment)
    assert set(fact.independent_sources) == {"Northern Courier", *group.independent}


def _dated(article_text: str, source: str, published: str, day: str | None) -> object:
    article = replace(make_article(article_text, source, NAMES), published=published)
    if day is None:
        return article
    start = article_text.index("Tuesday")
    mention = DateMention(start, start + 7, "Tuesday", "weekday", value=day, weekday=1,
                          sentence=0)
    return replace(article, dates=(mention,))


def test_an_article_published_before_the_event_does_not_state_it() -> None:
    later = _dated(WIRE, "Harbor Times", "2021-03-10", "2021-03-09")
    earlier = _dated(OWN_WORDS, "Northern Courier", "2021-03-01", None)
    alignment = align([later, earlier])  # type: ignore[list-item]
    assert alignment.multi_source == ()
    same_week = _dated(OWN_WORDS, "Northern Courier", "2021-03-09", None)
    assert len(align([later, same_week]).multi_source) == 1  # type: ignore[list-item]


def test_a_changed_name_or_figure_is_not_a_wire_copy() -> None:
    names = ("Marensa", "Ostria")
    a = make_article(WIRE, "Harbor Times", names)
    other_town = make_article(WIRE.replace("Marensa", "Ostria"), "Global Wire", names)
    other_count = make_article(WIRE.replace("eleven", "12"), "Global Wire", names)
    for b in (other_town, other_count):
        assert all(g.match != "verbatim" for g in align([a, b]).multi_source)
