"""Near-duplicate folding: syndicated copies fold, same-topic articles do not."""

from __future__ import annotations

from newsweave.dedup import NEAR_DUPLICATE_JACCARD, Deduplicator, exact_jaccard, shingles
from newsweave.model import Article, article_id

WIRE = (
    "Firefighters contained a wildfire that burned 1,200 hectares of pine forest near "
    "the village of Arona on Tenerife on Tuesday, the Canary Islands government said. "
    "About 3,000 residents were evacuated overnight as strong winds pushed the flames "
    "towards houses on the edge of the village. Two firefighters were treated for smoke "
    "inhalation. Regional president Fernando Clavijo said the cause of the fire was "
    "under investigation and that residents could return home on Wednesday morning. "
    "Water-dropping helicopters from Gran Canaria and the mainland joined the effort."
)
OTHER_FIRE = (
    "A second wildfire broke out on La Palma on Thursday, forcing the evacuation of "
    "400 people from hamlets near El Paso, the Canary Islands government said. The "
    "flames spread through scrub and pine on steep slopes, and aircraft were grounded "
    "by high winds for most of the afternoon. Fernando Clavijo said firefighters from "
    "Tenerife were being sent to help and that no homes had burned so far."
)


def article(text: str, origin: str = "a.txt") -> Article:
    return Article(id=article_id(text), text=text, origin=origin)


def variants() -> dict[str, str]:
    """Syndicated copies of WIRE as outlets print them."""
    return {
        "intro": "TENERIFE, Spain (AP) - " + WIRE,
        "byline": "By Maria Lopez, Associated Press\n\n" + WIRE,
        "tail": WIRE + "\n\nCopyright 2025 The Associated Press. All rights reserved. "
        "This material may not be published, broadcast, rewritten or redistributed.",
        "correction": WIRE.replace("1,200 hectares", "1,300 hectares"),
        "spacing": WIRE.upper().replace(". ", ".\n\n"),
        "all-at-once": "By Maria Lopez, Associated Press\n\n"
        + WIRE.replace("1,200 hectares", "1,300 hectares")
        + " Copyright 2025 The Associated Press. All rights reserved. This material may "
        "not be published, broadcast, rewritten or redistributed.",
    }


def test_syndicated_copies_fold() -> None:
    index = Deduplicator.from_articles([article(WIRE)])
    for name, text in variants().items():
        assert index.find(article(text, f"{name}.txt")) == article_id(WIRE), name


def test_variants_are_calibrated_above_the_threshold() -> None:
    for name, text in variants().items():
        assert exact_jaccard(WIRE, text) >= NEAR_DUPLICATE_JACCARD, name


def test_same_topic_different_article_does_not_fold() -> None:
    index = Deduplicator.from_articles([article(WIRE)])
    assert index.find(article(OTHER_FIRE)) is None
    assert exact_jaccard(WIRE, OTHER_FIRE) < 0.1


def test_exact_copy_folds_by_id() -> None:
    index = Deduplicator()
    index.add(article(WIRE, "one.txt"))
    assert index.find(article(WIRE, "two.txt")) == article_id(WIRE)
    assert len(index) == 1
    index.add(article(WIRE, "two.txt"))
    assert len(index) == 1


def test_best_match_wins_and_is_deterministic() -> None:
    copy = variants()["tail"]
    index = Deduplicator.from_articles([article(OTHER_FIRE), article(copy), article(WIRE)])
    again = Deduplicator.from_articles([article(OTHER_FIRE), article(copy), article(WIRE)])
    probe = article(variants()["intro"])
    assert index.find(probe) == again.find(probe) == article_id(WIRE)


def test_empty_text_is_not_a_near_duplicate() -> None:
    index = Deduplicator.from_articles([article("")])
    assert index.find(article("Short.")) is None
    assert shingles("") == set()


def test_threshold_is_checked() -> None:
    import pytest

    with pytest.raises(ValueError):
        Deduplicator(threshold=0.0)
