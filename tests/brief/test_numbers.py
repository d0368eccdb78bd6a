"""The Numbers section lists amounts with what they count, not ranks, ages or years."""

from __future__ import annotations

import pytest

from newsweave.brief.numbers import list_numbers
from newsweave.extract.nlp import load_nlp
from newsweave.extract.quantities import find_quantities
from newsweave.extract.sentences import split_sentences
from newsweave.model import Article, NumberItem, article_id


def listed(text: str) -> list[NumberItem]:
    sentences = split_sentences(text)
    article = Article(
        id=article_id(text), text=text, origin="wire.txt", source="Wire",
        sentences=sentences, quantities=find_quantities(load_nlp()(text), sentences),
    )
    return list(list_numbers([article]))


@pytest.mark.parametrize(
    ("text", "written", "kind", "counted", "unit"),
    [
        ("The army keeps 5,200 soldiers in the region.", "5,200", "count", "soldier", None),
        ("The ministry paid a $80m ransom.", "$80m", "money", "ransom", "USD"),
        ("Turnout reached 17 percent on Sunday.", "17 percent", "percent", None, "%"),
        ("The truck fell 150 metres into the gorge.", "150", "measure", None, "m"),
    ],
)
def test_amounts_are_listed_with_what_they_count(
    text: str, written: str, kind: str, counted: str | None, unit: str | None
) -> None:
    items = listed(text)
    assert [(n.text, n.kind, n.counted, n.unit) for n in items] == [
        (written, kind, counted, unit)
    ]
    assert items[0].citation.text == text


def test_a_count_carries_the_action_it_belongs_to() -> None:
    items = listed("One soldier was killed and 14 villagers were injured.")
    assert [(n.text, n.value, n.counted, n.action) for n in items] == [
        ("One", 1.0, "soldier", "kill"),
        ("14", 14.0, "villager", "injure"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "W. Mark Felt was the No. 2 official at the bureau.",
        "The suspect is a man in his early 20s.",
        "It was one of the worst fires in the city.",
        "A 45-year-old man was arrested.",
        "Police arrested Smith, 45, at his home.",
        "The bridge opened in 2019 after long delays.",
        "The 2016 election divided the town.",
        "Between 20 and 30 people gathered outside.",
        "The alarm sounded at 8.40pm on the second floor.",
    ],
)
def test_positions_and_points_are_not_listed(text: str) -> None:
    assert [n.text for n in listed(text)] == []


def test_only_the_amount_of_a_mixed_sentence_is_listed() -> None:
    text = "In 2019 a 45-year-old man paid $80m for 12 paintings, one of the largest sales."
    assert [(n.text, n.counted) for n in listed(text)] == [("$80m", None), ("12", "painting")]
