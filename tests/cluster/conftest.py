"""A tiny hand-written corpus: three stories, two of them earthquakes, plus copies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from newsweave.model import Article, Mention, article_id
from newsweave.model.article import EntityLabel

# (name, published, title, text, entities as (surface, label))
RAW: list[tuple[str, str, str, str, list[tuple[str, EntityLabel]]]] = [
    (
        "peru-1",
        "2025-03-02",
        "Strong earthquake shakes southern Peru",
        "A magnitude 7.1 earthquake struck southern Peru on Sunday, killing at least 12 "
        "people in the Arequipa region and damaging hundreds of adobe homes, officials said. "
        "The quake was centred near the town of Chala at a depth of 28 kilometres, the "
        "United States Geological Survey reported. President Dina Boluarte flew to Arequipa "
        "and declared a state of emergency in four provinces. Landslides blocked the "
        "Pan-American Highway south of Chala.",
        [
            ("Peru", "PLACE"),
            ("Arequipa", "PLACE"),
            ("Chala", "PLACE"),
            ("United States Geological Survey", "ORG"),
            ("Dina Boluarte", "PERSON"),
        ],
    ),
    (
        "peru-2",
        "2025-03-03",
        "Peru counts dead after 7.1 quake near Chala",
        "Rescue teams in Arequipa searched collapsed adobe houses on Monday after the "
        "magnitude 7.1 earthquake near Chala killed 12 people and injured more than 60. "
        "Dina Boluarte said the government would send tents and water to the four provinces "
        "under a state of emergency. The Pan-American Highway remained closed by landslides, "
        "and aftershocks of up to magnitude 5 rattled southern Peru overnight.",
        [("Arequipa", "PLACE"), ("Chala", "PLACE"), ("Dina Boluarte", "PERSON"), ("Peru", "PLACE")],
    ),
    (
        "java-1",
        "2025-03-20",
        "Earthquake in West Java kills dozens",
        "A magnitude 5.6 earthquake hit the Cianjur district of West Java, Indonesia, on "
        "Thursday, killing at least 46 people as houses and a boarding school collapsed. "
        "Indonesia's disaster agency BNPB said more than 700 people were injured. The "
        "shallow quake was felt strongly in Jakarta, where office towers were evacuated. "
        "President Joko Widodo ordered the military to help evacuate residents.",
        [
            ("Cianjur", "PLACE"),
            ("West Java", "PLACE"),
            ("Indonesia", "PLACE"),
            ("BNPB", "ORG"),
            ("Jakarta", "PLACE"),
            ("Joko Widodo", "PERSON"),
        ],
    ),
    (
        "java-2",
        "2025-03-21",
        "Cianjur death toll rises as rescuers dig through rubble",
        "The death toll from the earthquake in Cianjur, West Java, rose to 62 on Friday, "
        "BNPB said, with hundreds of injured people treated in tents outside hospitals. "
        "Joko Widodo visited the district and promised to rebuild the collapsed boarding "
        "school and homes. The magnitude 5.6 quake struck at a shallow depth, which made "
        "the shaking in Cianjur and Jakarta severe.",
        [
            ("Cianjur", "PLACE"),
            ("West Java", "PLACE"),
            ("BNPB", "ORG"),
            ("Joko Widodo", "PERSON"),
            ("Jakarta", "PLACE"),
        ],
    ),
    (
        "ecb-1",
        "2025-03-06",
        "ECB cuts interest rates by a quarter point",
        "The European Central Bank cut its deposit rate by 0.25 percentage points to 2.5% "
        "on Thursday, its sixth cut in a year, as inflation in the euro zone eased towards "
        "its target. Christine Lagarde told reporters in Frankfurt that trade tensions "
        "clouded the outlook and that the bank was not pre-committing to further cuts.",
        [("European Central Bank", "ORG"), ("Christine Lagarde", "PERSON"), ("Frankfurt", "PLACE")],
    ),
    (
        "ecb-2",
        "2025-03-06",
        "Lagarde: ECB rate cut is not a promise of more",
        "Christine Lagarde said the European Central Bank's decision to lower the deposit "
        "rate to 2.5% did not commit the bank to more easing. Speaking in Frankfurt, she "
        "said inflation in the euro zone was close to target but trade tensions made the "
        "outlook uncertain. Markets trimmed bets on another cut in April.",
        [("Christine Lagarde", "PERSON"), ("European Central Bank", "ORG"), ("Frankfurt", "PLACE")],
    ),
]

GOLD = {
    "peru-1": "peru",
    "peru-2": "peru",
    "peru-copy": "peru",
    "peru-syndicated": "peru",
    "java-1": "java",
    "java-2": "java",
    "ecb-1": "ecb",
    "ecb-2": "ecb",
}


def mentions_for(text: str, entities: list[tuple[str, EntityLabel]]) -> tuple[Mention, ...]:
    """Every occurrence of each surface as an anchored mention."""
    out = []
    for surface, label in entities:
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            out.append(Mention(start, end, surface, label, surface.casefold()))
            start = text.find(surface, end)
    return tuple(sorted(out, key=lambda m: m.start))


def make(
    name: str, published: str | None, title: str, text: str, entities: list[tuple[str, EntityLabel]]
) -> Article:
    """An annotated article as the pipeline would hand it over."""
    return Article(
        id=article_id(text),
        text=text,
        origin=f"{name}.txt",
        title=title,
        published=published,
        mentions=mentions_for(text, entities),
    )


def build_corpus() -> dict[str, Article]:
    """The six originals plus an exact copy and a syndicated copy of peru-1."""
    corpus = {row[0]: make(*row) for row in RAW}
    peru = corpus["peru-1"]
    corpus["peru-copy"] = replace(peru, origin="peru-copy.txt", source="Wire copy")
    synd_text = "LIMA (Reuters) - " + peru.text + " Copyright 2025 Reuters. All rights reserved."
    corpus["peru-syndicated"] = make(
        "peru-syndicated", "2025-03-02", peru.title or "", synd_text, RAW[0][4]
    )
    return corpus


@pytest.fixture(scope="session")
def corpus() -> dict[str, Article]:
    return build_corpus()


@pytest.fixture(scope="session")
def gold() -> dict[str, str]:
    return dict(GOLD)


MakeArticle = Callable[..., Article]


@pytest.fixture(scope="session")
def make_article() -> MakeArticle:
    return make
