"""Conflicts on hand-written stories: what must be flagged and what must not."""

from __future__ import annotations

from newsweave.brief.conflicts import find_conflicts
from newsweave.brief.conflicts.frames import figure_of
from newsweave.brief.conflicts.match import restatement
from newsweave.extract.annotate import annotate
from newsweave.model import Article, Conflict, article_id


def story(*texts: str) -> list[Article]:
    """One article per text, each from its own outlet."""
    return [
        annotate(Article(id=article_id(t), text=t, origin=f"outlet{i}.txt", source=f"outlet{i}"))
        for i, t in enumerate(texts)
    ]


def values(c: Conflict) -> set[str]:
    return {s.value for s in c.sides}


TROOPS_A = (
    "Tensions rose on Monday after the strike near the airport. "
    "The Americans currently have 3,500 soldiers deployed at bases across the country, "
    "while the U.K. has just 250 troops there in training roles. "
    "Officials offered a $5m reward for information about the attack."
)
TROOPS_B = (
    "Parliament voted on Monday to ask foreign forces to leave. "
    "The presence of 4,200 military personnel from the US who train the local army "
    "is now in doubt. "
    "The Americans have kept forces in the country for a 12-year mission."
)


def test_troop_counts_conflict_once_and_uk_troops_do_not() -> None:
    found = find_conflicts(story(TROOPS_A, TROOPS_B))
    assert [values(c) for c in found] == [{"3,500", "4,200"}]
    c = found[0]
    assert c.kind == "count"
    assert c.severity == "clear"
    assert "3,500" in c.reason and "4,200" in c.reason
    assert "US" in c.subject


def test_sides_quote_whole_sentences_with_exact_offsets() -> None:
    articles = story(TROOPS_A, TROOPS_B)
    by_id = {a.id: a for a in articles}
    (c,) = find_conflicts(articles)
    for side in c.sides:
        article = by_id[side.citation.article_id]
        cit = side.citation
        assert article.text[cit.start : cit.end] == cit.text
        assert article.text[side.value_start : side.value_end] == side.value
        assert cit.start <= side.value_start < side.value_end <= cit.end
        assert cit.source == article.label
        assert cit.text.endswith(".")


def test_same_number_about_different_things_is_not_a_conflict() -> None:
    a = "The quake killed 12 people in the northern villages on Sunday."
    b = "The quake injured 30 people in the northern villages on Sunday."
    assert find_conflicts(story(a, b)) == ()


def test_different_owners_are_not_a_conflict() -> None:
    a = "France has 900 troops stationed in the region."
    b = "Germany has 1,200 troops stationed in the region."
    assert find_conflicts(story(a, b)) == ()


def test_hedged_figures_that_overlap_are_compatible() -> None:
    a = "The riots left at least 70 people injured across the country."
    b = "About 100 people were injured across the country."
    assert find_conflicts(story(a, b)) == ()


def test_hedged_figures_that_cannot_both_hold_are_a_soft_conflict() -> None:
    a = "The climber fell about 600 metres down an ice gully, police said."
    b = "The climber fell some 700 metres down an ice gully, police said."
    (c,) = find_conflicts(story(a, b))
    assert c.kind == "measure" and c.severity == "soft"


def test_equal_figures_in_other_units_are_not_a_conflict() -> None:
    a = "The island lies 1,500 kilometres south of the capital."
    b = "The island lies about 940 miles south of the capital."
    assert find_conflicts(story(a, b)) == ()


def test_complementary_percentages_are_not_a_conflict() -> None:
    a = "After 2036 the fund will only be able to pay 77 percent of promised benefits."
    b = "After 2036 retirees would face a 23 percent cut in promised benefits."
    assert find_conflicts(story(a, b)) == ()


def test_money_in_other_currencies_is_not_compared() -> None:
    a = "The government wants to save 30bn euros from its deficit."
    b = "The government wants to save $40bn from its deficit."
    assert find_conflicts(story(a, b)) == ()


def test_exact_figures_that_differ_conflict() -> None:
    a = "The officer fired 11 shots at the car, the report said."
    b = "The officer fired nine shots at the car, the report said."
    (c,) = find_conflicts(story(a, b))
    assert values(c) == {"11", "nine"}


def test_no_conflict_within_one_source() -> None:
    text = (
        "The officer fired 11 shots at the car, the report said. "
        "Later the report said the officer fired nine shots at the car."
    )
    one = Article(id=article_id(text), text=text, origin="x.txt", source="same")
    two = Article(id=article_id(text + " "), text=text + " ", origin="y.txt", source="same")
    assert find_conflicts([annotate(one), annotate(two)]) == ()


def test_date_conflict_on_the_same_event() -> None:
    a = "Mark Fenwick, the former spy chief, died on Friday at his home in Oxford."
    b = "Mark Fenwick, the former spy chief, died Thursday at his home in Oxford."
    found = find_conflicts(story(a, b))
    dates = [c for c in found if c.kind == "date"]
    assert len(dates) == 1
    assert values(dates[0]) == {"Friday", "Thursday"}


def test_numbers_come_before_dates() -> None:
    a = "Mark Fenwick died on Friday. The officer fired 11 shots at the car."
    b = "Mark Fenwick died Thursday. The officer fired nine shots at the car."
    kinds = [c.kind for c in find_conflicts(story(a, b))]
    assert kinds == ["count", "date"]


def test_a_joined_count_is_another_fact() -> None:
    a = "The liner said it would fly its 246 passengers to safety."
    b = "The ship had to evacuate some 420 passengers and crew to safety."
    assert find_conflicts(story(a, b)) == ()


def test_distances_from_one_place_are_compared_across_units() -> None:
    a = "The island lies about 940 miles south of Tehran, the capital."
    b = "The island, 1,150 kilometres southeast of Tehran, is a free-trade zone."
    (c,) = find_conflicts(story(a, b))
    assert c.kind == "measure" and values(c) == {"940", "1,150"}
    d = "The island lies about 930 miles south of Tehran, the capital."
    e = "The island lies 1,500 kilometres south of Tehran, the capital."
    assert find_conflicts(story(d, e)) == ()
    f = "The office is about 15 miles north of Detroit."
    g = "The car was spotted 50 miles north of Flint."
    assert find_conflicts(story(f, g)) == ()


SILENT = ("Parliament met on Monday to debate the foreign forces in the country. "
          "Members spoke for hours and no vote was held.")


def test_two_of_three_sources_far_apart_are_two_quantities_not_one_fact() -> None:
    # Only two of three outlets give the figure and their values are far apart: one
    # is more likely about another group than a disagreement about this one.
    far = TROOPS_B.replace("4,200", "6,100")
    assert find_conflicts(story(TROOPS_A, far, SILENT)) == ()
    near = TROOPS_B.replace("4,200", "3,900")
    assert [values(c) for c in find_conflicts(story(TROOPS_A, near, SILENT))] == [
        {"3,500", "3,900"}]
    # in a story of two outlets neither is silent: the gap alone does not decide
    assert [values(c) for c in find_conflicts(story(TROOPS_A, far))] == [{"3,500", "6,100"}]


def test_a_third_source_makes_a_wide_gap_a_conflict() -> None:
    far = TROOPS_B.replace("4,200", "6,100")
    third = far.replace("Parliament", "The assembly")
    found = find_conflicts(story(TROOPS_A, far, third))
    assert [values(c) for c in found] == [{"3,500", "6,100"}]
    assert len(found[0].sides) == 3


def test_a_converted_value_in_brackets_restates_the_one_before_it() -> None:
    # The first writing is one the quantity reader does not take as a figure.
    (article,) = story("Damage to the hall was estimated at $ US1 million "
                       "($ 1.52 million), police said.")
    every = [f for q in article.quantities if (f := figure_of(article, q)) is not None]
    bracketed = [f for f in every if f.q.text.endswith("1.52 million")]
    assert bracketed and all(restatement(f, every) for f in bracketed)
    (plain,) = story("Damage to the hall was estimated at $1.52 million, police said.")
    figures = [f for q in plain.quantities if (f := figure_of(plain, q)) is not None]
    assert figures and not any(restatement(f, figures) for f in figures)
