"""A hand-built brief of an invented story: three outlets, one conflict, a timeline."""

from __future__ import annotations

import pytest

from newsweave.model import (
    Brief,
    Citation,
    Conflict,
    ConflictSide,
    DateItem,
    EntityGroup,
    EntityRef,
    NumberItem,
    Statement,
    Story,
    TimelineEntry,
)

REUTERS = (
    "Floods in the port city of Valmora have forced about 5,200 people from their homes, "
    "officials said on Tuesday. Mayor Ana Ruiz said the river rose two metres overnight. "
    "The regional government has released $12 million in emergency aid."
)
AP = (
    "Flooding in Valmora displaced 4,100 people, according to the Red Cross. "
    "Mayor Ana Ruiz said the river rose two metres overnight. "
    "Schools will stay closed until March 14."
)
BBC = (
    "Mayor Ruiz said the river rose two metres overnight. "
    "Residents of Valmora were evacuated on March 3 as water entered the old town."
)
ARTICLES = {"a-reuters": ("Reuters", REUTERS), "a-ap": ("AP", AP), "a-bbc": ("BBC", BBC)}


def cite(article_id: str, sentence: str) -> Citation:
    """A citation of ``sentence`` in the article, with exact offsets."""
    source, text = ARTICLES[article_id]
    start = text.index(sentence)
    return Citation(article_id, source, start, start + len(sentence), sentence)


def side(article_id: str, sentence: str, value: str, hedge: str | None = None) -> ConflictSide:
    """A conflict side whose value offsets point into the article text."""
    c = cite(article_id, sentence)
    start = c.start + sentence.index(value)
    return ConflictSide(value, start, start + len(value), c, hedge)


def ref(article_id: str, text: str) -> EntityRef:
    start = ARTICLES[article_id][1].index(text)
    return EntityRef(article_id, start, start + len(text), text)


DISPLACED_R = ("Floods in the port city of Valmora have forced about 5,200 people from their "
               "homes, officials said on Tuesday.")
DISPLACED_A = "Flooding in Valmora displaced 4,100 people, according to the Red Cross."
MAYOR = "Mayor Ana Ruiz said the river rose two metres overnight."
MAYOR_BBC = "Mayor Ruiz said the river rose two metres overnight."
AID = "The regional government has released $12 million in emergency aid."
SCHOOLS = "Schools will stay closed until March 14."
EVACUATED = "Residents of Valmora were evacuated on March 3 as water entered the old town."

MAYOR_STATEMENT = Statement(
    MAYOR, (cite("a-reuters", MAYOR), cite("a-ap", MAYOR), cite("a-bbc", MAYOR_BBC))
)


def make_brief() -> Brief:
    """The flood brief: every section filled."""
    conflict = Conflict(
        kind="count",
        subject="people displaced in Valmora",
        reason="5,200 vs 4,100 people displaced by the same flood",
        sides=(side("a-reuters", DISPLACED_R, "5,200", hedge="about"),
               side("a-ap", DISPLACED_A, "4,100")),
        severity="soft",
    )
    entities = (
        EntityGroup("Ana Ruiz", "PERSON", ("Ana Ruiz", "Ruiz"),
                    (ref("a-reuters", "Ana Ruiz"), ref("a-ap", "Ana Ruiz"), ref("a-bbc", "Ruiz")),
                    ("Reuters", "AP", "BBC")),
        EntityGroup("Valmora", "PLACE", ("Valmora",), (ref("a-ap", "Valmora"),),
                    ("Reuters", "AP", "BBC")),
        EntityGroup("Red Cross", "ORG", ("Red Cross",), (ref("a-ap", "Red Cross"),), ("AP",)),
    )
    numbers = (
        NumberItem("$12 million", 12_000_000.0, "money", None, cite("a-reuters", AID), "USD"),
        NumberItem("4,100", 4100.0, "count", "people", cite("a-ap", DISPLACED_A)),
    )
    dates = (
        DateItem("March 3", "2026-03-03", cite("a-bbc", EVACUATED)),
        DateItem("Tuesday", None, cite("a-reuters", DISPLACED_R)),
    )
    timeline = (
        TimelineEntry("2026-03-03", True, Statement(EVACUATED, (cite("a-bbc", EVACUATED),))),
        TimelineEntry("2026-03-14", True, Statement(SCHOOLS, (cite("a-ap", SCHOOLS),))),
        TimelineEntry("Tuesday", False, Statement(DISPLACED_R, (cite("a-reuters", DISPLACED_R),))),
    )
    return Brief(
        story_id="s-valmora-floods",
        headline="Floods force thousands from homes in Valmora",
        sources=("Reuters", "AP", "BBC"),
        article_ids=("a-reuters", "a-ap", "a-bbc"),
        summary=(Statement(DISPLACED_R, (cite("a-reuters", DISPLACED_R),)), MAYOR_STATEMENT,
                 Statement(AID, (cite("a-reuters", AID),))),
        agreed=(MAYOR_STATEMENT,),
        single_source=(Statement(AID, (cite("a-reuters", AID),)),
                       Statement(SCHOOLS, (cite("a-ap", SCHOOLS),))),
        conflicts=(conflict,),
        entities=entities,
        numbers=numbers,
        dates=dates,
        timeline=timeline,
    )


def empty_brief() -> Brief:
    """A brief with nothing in any section."""
    return Brief("s-empty", "Quiet day in Valmora", ("AP",), ("a-ap",),
                 (), (), (), (), (), (), (), ())


@pytest.fixture
def brief() -> Brief:
    return make_brief()


@pytest.fixture
def bare_brief() -> Brief:
    return empty_brief()


@pytest.fixture
def stories() -> list[Story]:
    return [
        Story("s-valmora-floods", ("a-reuters", "a-ap", "a-bbc"),
              "Floods force thousands from homes in Valmora", ("Reuters", "AP", "BBC"),
              "2026-03-03", "2026-03-05"),
        Story("s-rates", ("a-x",), "Central bank holds rates " + "steady " * 12, ("FT",)),
    ]
