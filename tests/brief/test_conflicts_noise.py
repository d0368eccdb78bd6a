"""Conflicts a reader should not see (noise) and label conflicts (phones, colours,
records) on hand-written stories."""

from __future__ import annotations

from newsweave.brief.conflicts import find_conflicts
from newsweave.extract.annotate import annotate
from newsweave.model import Article, Conflict, article_id


def story(*texts: str) -> list[Article]:
    """One article per text, each from its own outlet."""
    return [
        annotate(Article(id=article_id(t), text=t, origin=f"desk{i}.txt", source=f"desk{i}"))
        for i, t in enumerate(texts)
    ]


def values(c: Conflict) -> set[str]:
    return {s.value for s in c.sides}


def test_player_statistics_of_a_crowded_game_report_are_not_conflicts() -> None:
    a = (
        "Marcus Dell rushed for 212 yards in the Hawks win on Sunday. "
        "Dell also caught passes for 64 yards. "
        "The Hawks gained 388 yards in all, and their defence allowed 301 yards."
    )
    b = "Leo Brandt rushed for 145 yards in the Hawks win on Sunday."
    assert find_conflicts(story(a, b)) == ()


def test_a_source_stating_both_values_separates_them() -> None:
    a = "Rescuers said 40 homes were destroyed in the valley."
    b = "Officials said 120 homes were destroyed in the province."
    c = "In all, 120 homes were destroyed, 40 of them in the valley."
    found = find_conflicts(story(a, b, c))
    assert not [x for x in found if values(x) & {"40", "120"}]


def test_age_after_a_name_is_an_age_not_a_count() -> None:
    a = "Mother of 12 Dana Reyes was shot outside the school."
    b = "Karl Voss, 20 was found guilty of the murder of Dana Reyes."
    assert find_conflicts(story(a, b)) == ()


def test_a_misprinted_hotline_number_is_a_conflict() -> None:
    a = "Anyone with information is asked to call police on 0845 125 2222."
    b = "Police are appealing for witnesses to contact them on 0845 125 222."
    c = "Witnesses should call police on 0845 125 2222 or Crimestoppers on 0800 555 111."
    found = [x for x in find_conflicts(story(a, b, c)) if x.kind == "contact"]
    assert len(found) == 1
    assert values(found[0]) == {"0845 125 2222", "0845 125 222"}


def test_the_same_number_spaced_differently_is_not_a_conflict() -> None:
    a = "Call Crimestoppers anonymously on 0800 555 111."
    b = "Witnesses can call Crimestoppers on 0800 555111."
    assert find_conflicts(story(a, b)) == ()


def test_colour_of_one_car_model_conflicts_and_grey_is_gray() -> None:
    a = "She was hit by a silver Toyota Camry that drove off north."
    b = "Police said she was struck by a gray 2013 Toyota Camry."
    c = "Witnesses saw a grey Toyota Camry speed away."
    found = [x for x in find_conflicts(story(a, b, c)) if x.kind == "colour"]
    assert len(found) == 1
    assert any("silver" in v for v in values(found[0]))
    assert find_conflicts(story(b, c)) == ()


def test_records_over_one_span_conflict_but_a_season_is_not_a_career() -> None:
    a = "Cheeks compiled a 162-139 record in three seasons with the club."
    b = "In three seasons in charge, Cheeks compiled a mark of 122-147."
    c = "Cheeks has an overall record of 284-286 as a head coach."
    found = [x for x in find_conflicts(story(a, b, c)) if x.kind == "record"]
    assert [values(x) for x in found] == [{"162-139", "122-147"}]
