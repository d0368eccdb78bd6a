"""Quantities: values, kinds, frames and skipped look-alikes, with exact spans."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.extract.nlp import load_nlp
from newsweave.extract.quantities import find_quantities
from newsweave.extract.sentences import split_sentences
from newsweave.model import Quantity


def quantities(text: str) -> tuple[Quantity, ...]:
    return find_quantities(load_nlp()(text), split_sentences(text))


def one(text: str, written: str) -> Quantity:
    found = [q for q in quantities(text) if q.text == written]
    assert found, f"{written!r} not found in {[q.text for q in quantities(text)]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "written", "value", "kind", "unit"),
    [
        ("The army keeps 5,200 soldiers in the region.", "5,200", 5200, "count", None),
        ("Rebels offered a $80m reward for the pilot.", "$80m", 80e6, "money", "USD"),
        ("The plan would save 30bn euros by 2030.", "30bn euros", 30e9, "money", "EUR"),
        ("About 1.5 million people live in the valley.", "1.5 million", 1.5e6, "count", None),
        ("Police arrested five men at the scene.", "five", 5, "count", None),
        ("Crews rescued a dozen climbers overnight.", "a dozen", 12, "count", None),
        ("Turnout reached 77 percent on Sunday.", "77 percent", 77, "percent", "%"),
        ("Turnout reached 77% on Sunday.", "77%", 77, "percent", "%"),
        ("A 6.1-magnitude quake struck the coast.", "6.1", 6.1, "measure", "magnitude"),
        ("He broke away for an 84-yard run.", "84", 84, "measure", "yard"),
        ("The town is home to 20, 000 people.", "20, 000", 20000, "count", None),
        ("She served four and a half months.", "four and a half", 4.5, "measure", "month"),
        ("The truck fell about 150 metres into the gorge.", "150", 150, "measure", "m"),
    ],
)
def test_values_kinds_and_units(
    text: str, written: str, value: float, kind: str, unit: str | None
) -> None:
    q = one(text, written)
    assert q.value == pytest.approx(value)
    assert q.kind == kind
    assert q.unit == unit


def test_counted_noun_qualifiers_and_owner_from_the_subject() -> None:
    q = one("The Canadians currently have 1,300 soldiers stationed near the border.", "1,300")
    assert q.counted == "soldier"
    assert q.owner == "Canada" or q.owner == "Canadians"


def test_owner_from_an_of_or_from_attachment() -> None:
    q = one("The arrival of 2,500 military personnel from the US was confirmed.", "2,500")
    assert q.counted == "personnel"
    assert q.owner == "US"
    assert "military" in q.qualifiers


def test_owner_of_a_country_subject_with_dots() -> None:
    q = one("By contrast, the U.K. has just 250 troops deployed there.", "250")
    assert (q.counted, q.owner, q.hedge) == ("troop", "UK", None)


def test_governing_verb_is_a_qualifier() -> None:
    q = one("The storm killed 14 villagers and injured 30 others.", "14")
    assert "kill" in q.qualifiers
    assert one("The storm killed 14 villagers and injured 30 others.", "30").counted == "other"


@pytest.mark.parametrize(
    ("text", "written", "hedge"),
    [
        ("At least 70 people were hurt in the clashes.", "70", "at least"),
        ("About 100 people were hurt in the clashes.", "100", "about"),
        ("More than 200 protesters were detained.", "200", "more than"),
        ("Up to 60 per cent of lines were cut.", "60 per cent", "up to"),
        ("Nearly 50 homes were damaged.", "50", "nearly"),
    ],
)
def test_hedges(text: str, written: str, hedge: str) -> None:
    assert one(text, written).hedge == hedge


def test_age_of_a_named_person() -> None:
    q = one("Maria Lopez, 41, was taken to hospital.", "41")
    assert (q.counted, q.unit, q.owner) == ("age", "year", "Maria Lopez")


@pytest.mark.parametrize(
    ("text", "written", "owner"),
    [
        ("Karl Voss, 20 was found guilty of the murder.", "20", "Karl Voss"),
        ("Horton, 34, was walking with one of her children.", "34", "Horton"),
    ],
)
def test_small_number_after_a_name_and_comma_is_an_age(
    text: str, written: str, owner: str
) -> None:
    q = one(text, written)
    assert (q.counted, q.unit, q.owner) == ("age", "year", owner)


def test_number_after_a_place_and_comma_stays_a_count() -> None:
    assert one("In Paris, 20 were killed.", "20").counted != "age"


@pytest.mark.parametrize(
    "text",
    [
        "The bridge opened in 1998 after a long delay.",
        "The alarm sounded at 8.40pm on the second floor.",
        "The fire started at 6 : 40 a. m. near the depot.",
        "The vote is set for November 19 in the capital.",
        "The vote is set for 19 November in the capital.",
        "Call the hotline on 0845 125 2222 with any information.",
        "Details are at https://example.org/report/2019/55 today.",
        "Troops seized AK-47 rifles from the boat.",
        "The home side won 13-10 in overtime.",
    ],
)
def test_look_alikes_are_skipped(text: str) -> None:
    counts = [q for q in quantities(text) if q.kind != "ordinal"]
    assert counts == [], [q.text for q in counts]


FRAGMENTS = [
    "5,200 soldiers", "$80m", "30bn euros", "77%", "a dozen", "20, 000 people",
    "in 1998", "at 8.40pm", "on November 19", "0845 125 2222", "https://x.org/55",
    "the 17-year presence", "about 940 miles", "The U.K. has 400 troops.", "three",
    "\n\n", ". ", "", "£910, 000", "84 - yard", "4.5 per cent",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8))
def test_spans_are_exact(parts: list[str]) -> None:
    text = " ".join(parts)
    sentences = split_sentences(text)
    for q in find_quantities(load_nlp()(text), sentences):
        assert text[q.start : q.end] == q.text
        if q.sentence >= 0:
            s = sentences[q.sentence]
            assert s.start <= q.start < s.end


def test_parts_and_joined_nouns_are_marked() -> None:
    text = "Three of the seven bullets hit him, and 420 passengers and crew fled."
    assert "part of" in one(text, "Three").qualifiers
    assert "part of" not in one(text, "seven").qualifiers
    assert "and crew" in one(text, "420").qualifiers


def test_model_names_are_the_counted_thing() -> None:
    assert one("Marines seized 12 AK 47 guns on the boat.", "12").counted == "AK-47"
    assert one("Marines seized seven AK-47s on the boat.", "seven").counted == "AK-47"
