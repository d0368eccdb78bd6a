"""Agreed facts (two or more sources) and single-source facts."""

from __future__ import annotations

from tests.brief.storykit import EMERGENCY, QUAKE_STRUCK, RESCUE, make_article, quake_story

from newsweave.brief.align import align
from newsweave.brief.facts import SINGLE_SOURCE_PER_SOURCE, agreed_facts, single_source_facts
from newsweave.brief.features import cite
from newsweave.model import Article, Conflict, ConflictSide


def _facts(conflicts: tuple[Conflict, ...] = ()) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    articles = quake_story()
    alignment = align(articles)
    agreed = agreed_facts(articles, alignment, conflicts)
    single = single_source_facts(articles, alignment)
    return ({s.text: set(s.sources) for s in agreed}, {s.text: set(s.sources) for s in single})


def test_agreed_facts_cite_every_source() -> None:
    agreed, _ = _facts()
    assert sorted(map(frozenset, agreed.values()), key=sorted) == sorted(
        map(frozenset, (QUAKE_STRUCK, RESCUE, EMERGENCY)), key=sorted)


def test_agreed_facts_lead_with_the_widest_agreement() -> None:
    articles = quake_story()
    agreed = agreed_facts(articles, align(articles))
    assert set(agreed[0].sources) == QUAKE_STRUCK


def test_single_source_facts_are_informative_and_not_agreed() -> None:
    agreed, single = _facts()
    assert any("Elena Varga" in t for t in single)
    assert any("Ostria sent 200 soldiers" in t for t in single)
    assert any("Schools in Marensa" in t for t in single)
    assert all(len(s) == 1 for s in single.values())
    assert not set(single) & set(agreed)
    assert not any(t.endswith("?") for t in single)


def _toll_conflict(articles: list[Article]) -> Conflict:
    sides = []
    for a in articles:
        for q in a.quantities:
            if q.text in ("42", "57"):
                sides.append(ConflictSide(q.text, q.start, q.end, cite(a, q.sentence)))
    return Conflict("count", "people killed", "42 vs 57 killed", tuple(sides))


def test_one_fact_told_with_different_figures_is_not_agreed() -> None:
    left = make_article("Officials said 42 people were killed when the Marensa dam collapsed "
                        "on Tuesday morning.", "Harbor Times", ("Marensa",))
    right = make_article("The Marensa dam collapsed on Tuesday morning and 57 people were "
                         "killed, officials said.", "Northern Courier", ("Marensa",))
    alignment = align([left, right])
    assert len(alignment.multi_source) == 1  # one fact ...
    assert agreed_facts([left, right], alignment) == ()  # ... that the sources do not agree on
    conflict = _toll_conflict([left, right])
    assert agreed_facts([left, right], alignment, (conflict,)) == ()
    same = make_article("The Marensa dam collapsed on Tuesday morning and 42 people were "
                        "killed, officials said.", "Northern Courier", ("Marensa",))
    assert len(agreed_facts([left, same], align([left, same]))) == 1


def test_single_source_facts_are_capped_per_source() -> None:
    text = " ".join(f"The Brisk council approved {n} new street lamps for district {n}."
                    for n in range(10, 10 + 3 * SINGLE_SOURCE_PER_SOURCE))
    article = make_article(text, "Brisk Post", ("Brisk",))
    single = single_source_facts([article], align([article]))
    assert len(single) == SINGLE_SOURCE_PER_SOURCE


def test_boilerplate_lines_are_not_facts() -> None:
    article = make_article(
        "The Brisk council approved 40 new street lamps on Monday. Create an account or sign "
        "in to comment on Brisk news. Sign up for the Brisk newsletter to read 5 more stories.",
        "Brisk Post", ("Brisk",))
    single = single_source_facts([article], align([article]))
    assert [s.text for s in single] == ["The Brisk council approved 40 new street lamps on Monday."]
