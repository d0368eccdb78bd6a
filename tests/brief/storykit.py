"""Hand-written stories for the brief tests: annotated by regex, no parser needed.

Sentences end at ``.!?`` followed by a space; every occurrence of a listed name is a
mention; every number written in digits is a count. Small and predictable, so the
tests pin the brief's logic rather than the extractors'.
"""

from __future__ import annotations

import re

from newsweave.model import Article, DateMention, Mention, Quantity, Sentence, article_id

SENTENCE_RE = re.compile(r"\S.*?[.!?](?=\s|$)")
NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def make_article(text: str, source: str, names: tuple[str, ...] = (),
                 title: str | None = None) -> Article:
    """An article with regex sentences, name mentions, digit counts and weekday dates."""
    sentences = tuple(Sentence(m.start(), m.end(), m.group()) for m in SENTENCE_RE.finditer(text))

    def index(offset: int) -> int:
        return next((i for i, s in enumerate(sentences) if s.start <= offset < s.end), -1)

    mentions = sorted(
        (Mention(m.start(), m.end(), m.group(), "PLACE", name.lower())
         for name in names for m in re.finditer(rf"\b{re.escape(name)}\b", text)),
        key=lambda m: m.start,
    )
    quantities = tuple(
        Quantity(m.start(), m.end(), m.group(), float(m.group().replace(",", "")), "count",
                 sentence=index(m.start()))
        for m in NUMBER_RE.finditer(text)
    )
    dates = tuple(
        DateMention(m.start(), m.end(), m.group(), "weekday", weekday=WEEKDAYS.index(m.group()),
                    sentence=index(m.start()))
        for m in re.finditer("|".join(WEEKDAYS), text)
    )
    return Article(id=article_id(text), text=text, origin=f"{source}.txt", source=source,
                   title=title, sentences=sentences, mentions=tuple(mentions),
                   quantities=quantities, dates=dates)


QUAKE_NAMES = ("Valdoria", "Valdorian", "Marensa", "Red Cross", "Elena Varga", "Ostria")

HARBOR = (
    "A magnitude 6.8 earthquake struck the coast of Valdoria early on Tuesday, collapsing "
    "dozens of buildings in the port city of Marensa. Officials said at least 42 people were "
    "killed in the quake. Rescue teams from the Red Cross searched through the rubble overnight "
    "for survivors. The Valdorian government declared a state of emergency in three coastal "
    "provinces. Schools in Marensa will remain closed until Friday."
)
COURIER = (
    "A powerful magnitude 6.8 earthquake hit the Valdoria coast on Tuesday morning and brought "
    "down dozens of buildings in Marensa. The quake killed 57 people, according to the health "
    "ministry. The government of Valdoria declared a state of emergency across three coastal "
    "provinces on Tuesday. Prime Minister Elena Varga flew to Marensa to meet families of the "
    "victims."
)
WIRE = (
    "Red Cross rescue teams searched the rubble in Marensa through the night looking for "
    "survivors after the earthquake. The earthquake, measured at magnitude 6.8, struck Valdoria "
    "on Tuesday. Neighbouring Ostria sent 200 soldiers and four field hospitals to help the "
    "relief effort. Is the country ready for the next one?"
)

# Facts each outlet states, by their first words: which sources must be cited.
QUAKE_STRUCK = {"Harbor Times", "Northern Courier", "Global Wire"}
RESCUE = {"Harbor Times", "Global Wire"}
EMERGENCY = {"Harbor Times", "Northern Courier"}


def quake_story() -> list[Article]:
    """Three outlets on one earthquake: shared facts, single-source facts, a death-toll
    conflict (42 vs 57) and a question."""
    return [
        make_article(HARBOR, "Harbor Times", QUAKE_NAMES,
                     title="Deadly earthquake strikes Valdoria coast"),
        make_article(COURIER, "Northern Courier", QUAKE_NAMES,
                     title="Valdoria declares emergency after quake"),
        make_article(WIRE, "Global Wire", QUAKE_NAMES),
    ]
