"""One conflict per fact, matched by the words around each value: texts written for it."""

from __future__ import annotations

from newsweave.brief.conflicts import find_conflicts
from newsweave.brief.conflicts.frames import figure_of
from newsweave.brief.conflicts.match import context_at, restatement
from newsweave.extract.annotate import annotate
from newsweave.model import Article, Brief, Conflict, ConflictKind, article_id
from newsweave.model.codec import from_json, to_json


def story(*texts: str) -> list[Article]:
    """One article per text, each from its own outlet."""
    return [
        annotate(Article(id=article_id(t), text=t, origin=f"outlet{i}.txt", source=f"outlet{i}"))
        for i, t in enumerate(texts)
    ]


def values(c: Conflict) -> list[str]:
    return [s.value for s in c.sides]


TOLL = ("The flood on Tuesday killed {n} people in the valley, officials said. "
        "Rescue teams worked through the night.")


def test_three_outlets_with_three_tolls_make_one_conflict_with_three_sides() -> None:
    found = find_conflicts(story(TOLL.format(n=12), TOLL.format(n=15), TOLL.format(n=19)))
    assert len(found) == 1
    (c,) = found
    assert c.kind is ConflictKind.COUNT
    assert values(c) == ["12", "15", "19"]
    assert [s.value_group for s in c.sides] == [0, 1, 2]
    assert "they give" in c.reason


def test_sources_that_agree_share_one_side_of_the_conflict() -> None:
    found = find_conflicts(story(TOLL.format(n=12), TOLL.format(n=12), TOLL.format(n=19)))
    assert len(found) == 1
    (c,) = found
    assert sorted(values(c)) == ["12", "12", "19"]
    groups = {s.citation.source: s.value_group for s in c.sides}
    assert groups["outlet0"] == groups["outlet1"] != groups["outlet2"]
    assert "(outlet0, outlet1)" in c.reason


def test_a_figure_is_compared_with_its_best_match_not_with_every_look_alike() -> None:
    # One outlet gives the home side's points, the other both sides': the frames
    # (points, first half, no owner) cannot tell them apart, the words around them can.
    a = ("The final was played in the old arena on Sunday night. The home side scored 20 "
         "points in the first half of the game.")
    b = ("The final was played in the old arena on Sunday night. The tired visitors "
         "scored 17 points in the first half of the game. The home side scored 24 points "
         "in the first half of the game.")
    found = find_conflicts(story(a, b))
    assert [sorted(values(c)) for c in found] == [["20", "24"]]


def test_a_bracketed_conversion_restates_the_value_before_it() -> None:
    a = ("Damage to the old church was estimated at US$1 million ($1.52 million), the fire "
         "chief said on Saturday.")
    b = "Damage to the old church was estimated at $1 million, the fire chief said on Saturday."
    articles = story(a, b)
    assert find_conflicts(articles) == ()
    figures = [f for q in articles[0].quantities if (f := figure_of(articles[0], q))]
    assert [f.q.text for f in figures if restatement(f, figures)] == ["$1.52 million"]


def test_the_value_context_masks_the_value_and_stays_in_its_sentence() -> None:
    (article,) = story("The bridge opened in spring. It carries 4,000 cars a day across the river.")
    (q,) = [q for q in article.quantities if q.text == "4,000"]
    assert context_at(article, q.sentence, q.start, q.end) == (
        "It carries [NUM] cars a day across the river."
    )


def test_dates_of_different_happenings_with_the_same_verb_are_not_a_conflict() -> None:
    a = ("The mayor came to the flooded street on Monday night to meet the families "
         "of the bridge district.")
    b = ("Two officers came across the missing boy near the bridge on Saturday evening, "
         "the police said.")
    assert [c for c in find_conflicts(story(a, b)) if c.kind is ConflictKind.DATE] == []


def test_the_kind_is_an_enum_that_survives_the_store_codec() -> None:
    found = find_conflicts(story(TOLL.format(n=12), TOLL.format(n=19)))
    brief = Brief(story_id="s1", headline="h", sources=("outlet0", "outlet1"),
                  article_ids=(), summary=(), agreed=(), single_source=(), conflicts=found,
                  entities=(), numbers=(), dates=(), timeline=())
    again = from_json(Brief, to_json(brief))
    assert again.conflicts == found
    assert again.conflicts[0].kind is ConflictKind.COUNT


def test_parts_that_add_up_to_the_other_sources_whole_are_not_a_conflict() -> None:
    a = ("Navy commandos arrested 23 pirates after the attack on the cargo ship on "
         "Tuesday, officials said.")
    b = ("Navy commandos arrested 11 Yemeni and 12 Somali pirates after the attack on "
         "the cargo ship on Tuesday, officials said.")
    c = ("Navy commandos arrested 19 pirates after the attack on the cargo ship on "
         "Tuesday, officials said.")
    assert find_conflicts(story(a, b)) == ()
    assert [sorted(values(x)) for x in find_conflicts(story(a, c))] == [["19", "23"]]


def test_another_before_a_value_names_a_further_quantity_not_the_same_one() -> None:
    a = "The court gave him another 10-year sentence on Friday for the escape."
    b = "The court gave him an 11-year sentence on Friday for the escape."
    assert find_conflicts(story(a, b)) == ()
    c = "The court gave him a 10-year sentence on Friday for the escape."
    assert [sorted(values(x)) for x in find_conflicts(story(b, c))] == [["10", "11"]]
