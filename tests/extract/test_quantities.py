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
        ("The climbers fell 600m down the face.", "600", 600, "measure", "m"),
        ("The fund lent 22.4bn to the state.", "22.4bn", 22.4e9, "count", None),
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


AMOUNTS = {"count", "money", "percent", "measure"}


@pytest.mark.parametrize(
    "text",
    [
        "The vote is set for November 19 in the capital.",
        "The vote is set for 19 November in the capital.",
        "Call the hotline on 0845 125 2222 with any information.",
        "Details are at https://example.org/report/2019/55 today.",
        "Troops seized AK-47 rifles from the boat.",
        "The home side won 13-10 in overtime.",
        "The bill passed on a 5-4 vote.",
        "A neighbour called 911 to report the fire.",
        "The warning went out on Channel 16 at dawn.",
        "He drove north on Interstate 75 for an hour.",
        "The code was printed on page twenty of the report.",
        "Internet Explorer 5.01, 6 and 7 are affected.",
        "Milk was shipped in from the Lower 48.",
        "The robbers drove a four-by-four into the shop window.",
        "The motion won the support of two-thirds of the council.",
    ],
)
def test_look_alikes_are_skipped(text: str) -> None:
    found = [q.text for q in quantities(text) if q.kind in AMOUNTS]
    assert found == []


@pytest.mark.parametrize(
    ("text", "written", "kind", "value"),
    [
        ("The bridge opened in 1998 after a long delay.", "1998", "year", 1998),
        ("The bridge opened in 2019.", "2019", "year", 2019),
        ("The 2016 election split the town.", "2016", "year", 2016),
        ("She was convicted in October 2011 as he watched.", "2011", "year", 2011),
        ("The alarm sounded at 8.40pm on the second floor.", "8.40pm", "time", 20 + 40 / 60),
        ("The fire started at 6 : 40 a. m. near the depot.", "6 : 40 a. m", "time", 6 + 40 / 60),
        ("W. Mark Felt was the No. 2 official at the bureau.", "2", "rank", 2),
        ("He was the No. 3 official in the agency.", "3", "rank", 3),
        ("He was a top-five draft pick.", "five", "rank", 5),
        ("Troops from the 5th Fleet took part.", "5th", "ordinal", 5),
    ],
)
def test_numbers_that_name_a_point_keep_their_kind(
    text: str, written: str, kind: str, value: float
) -> None:
    q = one(text, written)
    assert (q.kind, q.value) == (kind, pytest.approx(value))


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("He was 95.", "95"),
        ("She died on Thursday at the age of 91.", "91"),
        ("Workers who are 58 and older keep their benefits.", "58"),
        ("A 45-year-old man was arrested at the scene.", "45"),
        ("A man aged 45 was arrested at the scene.", "45"),
        ("Smith, 45, was arrested at the scene.", "45"),
        ("She walked her daughter, 11, to school.", "11"),
        ("Two girls, ages 6 and 8, watched from the porch.", "8"),
    ],
)
def test_ages_are_ages(text: str, written: str) -> None:
    q = one(text, written)
    assert (q.kind, q.counted, q.unit) == ("age", "age", "year")


@pytest.mark.parametrize(
    ("text", "written", "low", "high", "counted"),
    [
        ("Between 20 and 30 people were hurt.", "Between 20 and 30", 20, 30, "people"),
        ("Police counted 35 to 40 protesters outside.", "35 to 40", 35, 40, "protester"),
        ("The suspect is a man in his early 20s.", "early 20s", 20, 23, "age"),
        ("The damage came to 2 to 3 million euros.", "2 to 3 million euros", 2e6, 3e6, None),
    ],
)
def test_ranges_keep_both_ends(
    text: str, written: str, low: float, high: float, counted: str | None
) -> None:
    q = one(text, written)
    assert (q.kind, q.low, q.high) == ("range", low, high)
    assert q.counted == counted


def test_decades_of_years_are_years() -> None:
    q = one("The dairy was built in the 1930s by settlers.", "1930s")
    assert (q.kind, q.low, q.high) == ("year", 1930, 1939)


@pytest.mark.parametrize(
    "text",
    [
        "It was one of the worst fires in the city.",
        "No one was hurt in the blaze.",
        "No-one was injured, police said.",
        "He bragged about shooting a guard one day.",
        "At one point the crowd surged forward.",
        "Three shots were fired and one hit the car.",
        "The decision was a difficult one for the jury.",
    ],
)
def test_one_as_a_pronoun_or_idiom_is_no_amount(text: str) -> None:
    assert [q.text for q in quantities(text) if q.text.lower() == "one"] == []


@pytest.mark.parametrize(
    ("text", "counted", "action"),
    [
        ("One soldier was killed in the attack.", "soldier", "kill"),
        ("The gunman killed one person and fled.", "person", "kill"),
        ("He added that one person had been attacked outside.", "person", "attack"),
    ],
)
def test_one_modifying_a_noun_is_a_count(text: str, counted: str, action: str) -> None:
    q = next(q for q in quantities(text) if q.text.lower() == "one")
    assert (q.kind, q.value, q.counted, q.action) == ("count", 1, counted, action)


def test_a_scale_named_before_the_value_is_its_unit() -> None:
    q = one("A magnitude-5.9 earthquake struck the island.", "5.9")
    assert (q.kind, q.unit, q.counted) == ("measure", "magnitude", "earthquake")


@pytest.mark.parametrize(
    "text",
    [
        "A quake measuring 6.1 on the Richter scale hit the port.",
        "The survey put the magnitude at 6.1 on Monday.",
    ],
)
def test_a_scale_reading_is_a_measure(text: str) -> None:
    q = one(text, "6.1")
    assert (q.kind, q.unit) == ("measure", "magnitude")


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("Two hundred people marched.", "Two hundred", 200),
        ("It ended five hundred and eighty-four days later.", "five hundred and eighty-four", 584),
        ("Some two hundred thousand people fled.", "two hundred thousand", 200_000),
    ],
)
def test_hundreds_written_in_words(text: str, written: str, value: float) -> None:
    assert one(text, written).value == value


def test_a_poll_split_keeps_both_shares() -> None:
    text = "The poll shows Lee leading Park, 49 percent to 44 percent, in the north."
    assert [(q.text, q.kind) for q in quantities(text)] == [
        ("49 percent", "percent"), ("44 percent", "percent"),
    ]


def test_a_dimension_with_a_unit_stays_a_measure() -> None:
    found = [(q.text, q.kind, q.unit) for q in quantities("The cells are 8-by-12 feet.")]
    assert found == [("12", "measure", "ft")]


def test_one_day_before_or_after_is_a_duration() -> None:
    q = one("The coach was fired one day after the loss.", "one")
    assert (q.kind, q.unit) == ("measure", "day")


def test_capitals_of_a_headline_do_not_make_labels() -> None:
    q = one("Earthquake Kills 10 In Southern Province\n\nThe quake struck at dawn.", "10")
    assert q.kind == "count"


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
