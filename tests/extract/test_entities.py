"""Entity mentions: project labels, normalised keys, exact spans."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from newsweave.extract.entities import entity_key, find_entities
from newsweave.extract.nlp import load_nlp

NEWS = (
    "Gen. Qassem Soleimani's convoy was hit near Baghdad International Airport, the "
    "Pentagon said. President Donald Trump told the Iraqi Parliament that the U.S. "
    "would stay. Mr. Hakim, of the United Nations, met Sen. Lindsey Graham in London "
    'on Friday. "The Americans are leaving," said Dr. Mary Smith of Reuters. '
    "About 5,200 troops remain, a 3% cut since January 2019."
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def test_labels_are_mapped_and_numbers_dropped(nlp: Language) -> None:
    mentions = find_entities(nlp(NEWS))
    by_text = {m.text: m for m in mentions}
    assert by_text["Qassem Soleimani"].label == "PERSON"
    assert by_text["Pentagon"].label == "ORG"
    assert by_text["London"].label == "PLACE"
    assert by_text["U.S."].label == "PLACE"
    assert by_text["Americans"].label == "NORP"
    assert not any(m.text in {"5,200", "3%", "January 2019", "Friday"} for m in mentions)


def test_keys_drop_titles_articles_possessives(nlp: Language) -> None:
    keys = {m.text: m.key for m in find_entities(nlp(NEWS))}
    assert keys["Qassem Soleimani"] == "qassem soleimani"
    assert keys["the Iraqi Parliament"] == "iraqi parliament"
    assert keys["U.S."] == "us"
    assert keys["Mary Smith"] == "mary smith"


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("Gen. Solemani", "solemani"),
        ("Gen Solemani", "solemani"),
        ("General Qassem Soleimani", "qassem soleimani"),
        ("President Trump's", "trump"),
        ("the Iraqi Parliament’s", "iraqi parliament"),
        ('"U.S."', "us"),
        ("The U.K.", "uk"),
        ("Mrs. May", "may"),
        ("Sen.", "sen"),  # a title alone stays: there is nothing else to key on
        ("St. Louis", "st louis"),
    ],
)
def test_entity_key(surface: str, key: str) -> None:
    assert entity_key(surface) == key


def test_key_is_idempotent_on_its_output() -> None:
    for surface in ["Gen. Qassem Soleimani", "the U.S.", "Iraq’s", "Dr. Mary Smith"]:
        key = entity_key(surface)
        assert entity_key(key) == key


def test_possessive_is_cut_from_the_span(nlp: Language) -> None:
    text = "Soleimani's death shook Iran's leaders."
    for m in find_entities(nlp(text)):
        assert not m.text.endswith(("'s", "’s"))
        assert text[m.start : m.end] == m.text


SENTENCES = st.sampled_from(
    [
        "Qassem Soleimani was killed in Baghdad on Friday.",
        "The Iraqi parliament voted to expel U.S. troops.",
        '"We will respond," said Gen. Esmail Ghaani of the Quds Force.',
        "Mark Esper, the U.S. defence secretary, denied the letter's claims.",
        "Britain's Foreign Office urged restraint (Reuters).",
        "Iran's Ayatollah Ali Khamenei vowed revenge — again.",
        "About 5,200 American soldiers are stationed in Iraq.",
        "NATO suspended its training mission, a spokesman for the alliance said.",
        "Bill Hakim, of the 'United Nations', spoke to CNN’s reporters.",
    ]
)
SEPARATORS = st.sampled_from([" ", "\n", "\n\n", "  "])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(SENTENCES, SEPARATORS), min_size=1, max_size=6))
def test_property_mention_spans_are_exact(pairs: list[tuple[str, str]]) -> None:
    text = "".join(s + sep for s, sep in pairs)
    for m in find_entities(load_nlp()(text)):
        assert text[m.start : m.end] == m.text
        assert m.text == m.text.strip() and m.key
        assert m.label in {"PERSON", "ORG", "PLACE", "NORP", "EVENT"}


def test_full_titles_are_kept_in_names_of_organisations() -> None:
    assert entity_key("General Motors", "ORG") == "general motors"
    assert entity_key("the Justice Department", "ORG") == "justice department"
    assert entity_key("Gen Solemani", "ORG") == "solemani"  # a titled name tagged ORG
    assert entity_key("President Trump", "PERSON") == "trump"
