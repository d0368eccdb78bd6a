"""Entity groups across a story's articles: variants merged, different people apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.brief.entities import canonical_form, group_entities
from newsweave.evaluate.base import read_jsonl
from newsweave.extract.annotate import annotate, annotate_all
from newsweave.extract.entities import entity_key
from newsweave.model import Article, EntityGroup, Mention
from newsweave.model.article import EntityLabel


def article(source: str, text: str, names: list[tuple[str, EntityLabel]]) -> Article:
    """An article whose mentions are the given names, found in order in ``text``."""
    mentions: list[Mention] = []
    pos = 0
    for name, label in names:
        start = text.index(name, pos)
        mentions.append(Mention(start, start + len(name), name, label, entity_key(name)))
        pos = start + len(name)
    return Article(id=f"a-{source}", text=text, origin=f"{source}.txt", source=source,
                   mentions=tuple(mentions))  # fmt: skip


def group_of(groups: tuple[EntityGroup, ...], variant: str) -> EntityGroup:
    matches = [g for g in groups if variant in g.variants]
    assert len(matches) == 1, f"{variant!r} is in {len(matches)} groups"
    return matches[0]


def test_spelling_variants_and_short_forms_merge() -> None:
    a = article(
        "Wire",
        "Qassem Soleimani died. Gen Solemani led the Quds Force. Soleimani was 62.",
        [("Qassem Soleimani", "PERSON"), ("Gen Solemani", "PERSON"), ("Soleimani", "PERSON")],
    )
    b = article("Daily", "Qassem Solemani was buried in Kerman.", [("Qassem Solemani", "PERSON")])
    groups = group_entities([a, b])
    assert len(groups) == 1
    g = groups[0]
    assert g.label == "PERSON"
    assert g.name in {"Qassem Soleimani", "Qassem Solemani"}
    assert set(g.variants) == {"Qassem Soleimani", "Solemani", "Soleimani", "Qassem Solemani"}
    assert g.sources == ("Wire", "Daily")
    for ref in g.mentions:
        text = a.text if ref.article_id == a.id else b.text
        assert text[ref.start : ref.end] == ref.text


def test_given_name_short_forms_merge() -> None:
    a = article("Wire", "Bill Hakim spoke.", [("Bill Hakim", "PERSON")])
    b = article("Daily", "William Hakim spoke.", [("William Hakim", "PERSON")])
    groups = group_entities([a, b])
    assert len(groups) == 1 and groups[0].sources == ("Wire", "Daily")


def test_country_aliases_merge_and_take_the_full_name() -> None:
    a = article(
        "Wire",
        "The U.S. and the UK agreed. The United States and Britain signed.",
        [("U.S.", "PLACE"), ("UK", "PLACE"), ("United States", "PLACE"), ("Britain", "PLACE")],
    )
    b = article(
        "Daily",
        "America and the United Kingdom and the US. and U.K.",
        [("America", "PLACE"), ("United Kingdom", "PLACE"), ("US", "PLACE"), ("U.K.", "PLACE")],
    )
    groups = group_entities([a, b])
    assert len(groups) == 2
    assert group_of(groups, "America").name == "United States"
    assert set(group_of(groups, "America").variants) == {"U.S.", "United States", "America", "US"}
    assert group_of(groups, "Britain").name == "United Kingdom"


def test_demonym_and_country_forms_of_an_institution_merge() -> None:
    a = article("Wire", "the Iraqi Parliament voted.", [("the Iraqi Parliament", "ORG")])
    b = article("Daily", "Iraq Parliament voted. Iraq is angry.",
                [("Iraq Parliament", "ORG"), ("Iraq", "PLACE")])  # fmt: skip
    groups = group_entities([a, b])
    parliament = group_of(groups, "Iraq Parliament")
    assert "Iraqi Parliament" in parliament.variants and parliament.label == "ORG"
    assert group_of(groups, "Iraq") is not parliament  # the country is not its parliament


def test_different_people_sharing_a_surname_stay_apart() -> None:
    a = article(
        "Wire",
        "John Smith, the mayor, met Mary Smith, the judge. Later John Smith left.",
        [("John Smith", "PERSON"), ("Mary Smith", "PERSON"), ("John Smith", "PERSON")],
    )
    groups = group_entities([a])
    assert len(groups) == 2
    assert {g.name for g in groups} == {"John Smith", "Mary Smith"}
    assert groups[0].name == "John Smith"  # more mentions sort first


def test_ambiguous_short_form_joins_no_one() -> None:
    a = article(
        "Wire",
        "John Smith met Mary Smith. Smith said no.",
        [("John Smith", "PERSON"), ("Mary Smith", "PERSON"), ("Smith", "PERSON")],
    )
    groups = group_entities([a])
    assert len(group_of(groups, "John Smith").mentions) == 1
    assert len(group_of(groups, "Mary Smith").mentions) == 1


def test_same_given_name_only_does_not_merge() -> None:
    a = article("Wire", "Mark Esper and Mark Milley spoke.",
                [("Mark Esper", "PERSON"), ("Mark Milley", "PERSON")])  # fmt: skip
    assert len(group_entities([a])) == 2


def test_majority_label_wins_over_tagging_noise() -> None:
    a = article(
        "Wire",
        "Donald Trump said. Trump added. Trump left. Trump again.",
        [("Donald Trump", "PERSON"), ("Trump", "ORG"), ("Trump", "PERSON"),
         ("Trump", "PERSON")],
    )  # fmt: skip
    groups = group_entities([a])
    assert len(groups) == 1 and groups[0].label == "PERSON" and groups[0].name == "Donald Trump"


def test_groups_sort_by_sources_then_mentions() -> None:
    a = article(
        "Wire",
        "Iraq, Iraq, Iran and Tehran.",
        [("Iraq", "PLACE"), ("Iraq", "PLACE"), ("Iran", "PLACE"), ("Tehran", "PLACE")],
    )
    b = article("Daily", "Iran said.", [("Iran", "PLACE")])  # fmt: skip
    names = [g.name for g in group_entities([a, b])]
    assert names == ["Iran", "Iraq", "Tehran"]


def test_canonical_form() -> None:
    assert canonical_form("us") == ("united", "states")
    assert canonical_form("iraqi parliament") == ("iraq", "parliament")
    assert canonical_form("bill hakim") == ("william", "hakim")
    assert canonical_form("bill") == ("bill",)  # a lone word is no given name


def test_grouping_on_annotated_articles() -> None:
    a = annotate(Article(
        id="a1", origin="wire.txt", source="Wire",
        text="Qassem Soleimani was killed by a U.S. drone in Baghdad, officials said.",
    ))  # fmt: skip
    b = annotate(Article(
        id="a2", origin="daily.txt", source="Daily",
        text="The United States killed Qassem Solemani near Baghdad airport on Friday.",
    ))  # fmt: skip
    groups = group_entities([a, b])
    person = group_of(groups, "Qassem Solemani")
    assert "Qassem Soleimani" in person.variants and person.sources == ("Wire", "Daily")
    assert group_of(groups, "U.S.") is group_of(groups, "United States")
    for g in groups:
        for ref in g.mentions:
            text = a.text if ref.article_id == "a1" else b.text
            assert text[ref.start : ref.end] == ref.text


@pytest.mark.bench
def test_seed_articles_merge_name_spellings(bench_dir: Path) -> None:
    record = next(
        r for r in read_jsonl(bench_dir / "conflicts" / "dev.jsonl") if r["id"] == "seeds"
    )
    articles = list(annotate_all(
        Article(id=d["id"], text=d["text"], origin=d["id"], source=d["id"])
        for d in record["documents"]
    ))  # fmt: skip
    groups = group_entities(articles)
    people = [g for g in groups if {"Qassem Soleimani", "Solemani"} & set(g.variants)]
    assert len(people) == 1
    assert people[0].label == "PERSON" and len(people[0].sources) == 2
    assert {"Soleimani", "Solemani"} <= {w for v in people[0].variants for w in v.split()}
    us = [g for g in groups if {"U.S.", "US", "United States"} & set(g.variants)]
    assert len(us) == 1 and us[0].name == "United States"


def test_title_before_a_name_is_not_a_short_form_of_it() -> None:
    a = article(
        "Wire",
        "Fire Marshal John Bond said. The Fire Marshal left. Bond stayed.",
        [("Fire Marshal John Bond", "PERSON"), ("Fire Marshal", "PERSON"), ("Bond", "PERSON")],
    )
    groups = group_entities([a])
    assert group_of(groups, "Bond") is group_of(groups, "Fire Marshal John Bond")
    assert group_of(groups, "Fire Marshal") is not group_of(groups, "Bond")


def test_close_spellings_of_different_kinds_stay_apart() -> None:
    a = article("Wire", "The Angels won in Los Angeles. Angeles is sunny.",
                [("Angels", "ORG"), ("Angeles", "PLACE")])  # fmt: skip
    assert len(group_entities([a])) == 2
