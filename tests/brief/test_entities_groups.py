"""Entity groups across a story's articles: variants merged, different people apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.brief.entities import canonical_form, group_entities
from newsweave.evaluate.base import read_jsonl
from newsweave.extract.annotate import annotate, annotate_all
from newsweave.extract.entities import entity_key
from newsweave.model import Article, Document, EntityGroup, Mention
from newsweave.model.article import EntityLabel
from newsweave.pipeline import prepare_documents


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


# --- Through the pipeline: texts cleaned and annotated as `ingest` does. ---


def story(*texts: str) -> list[Article]:
    """One article per text, each from its own outlet, prepared as `ingest` prepares them."""
    docs = [Document(origin=f"o{i}.txt", content=t, format="text", source=f"Outlet {i}")
            for i, t in enumerate(texts)]  # fmt: skip
    articles = [a for a in prepare_documents(docs) if isinstance(a, Article)]
    assert len(articles) == len(texts)
    return articles


def spans_hold(groups: tuple[EntityGroup, ...], articles: list[Article]) -> bool:
    texts = {a.id: a.text for a in articles}
    return all(texts[r.article_id][r.start : r.end] == r.text for g in groups for r in g.mentions)


def test_pipeline_merges_state_abbreviations_and_acronyms() -> None:
    articles = story(
        "Storm hits coast\n\nThe storm reached Eureka, Calif., late on Sunday. Crews from "
        "across California were sent north. The Federal Bureau of Investigation and the "
        "United Nations offered help.",
        "Coast cleans up\n\nThe FBI sent agents to Eureka on Monday, and the U.N. sent a "
        "team. Officials in California counted the damage.",
    )
    groups = group_entities(articles)
    state = group_of(groups, "Calif.")
    assert state is group_of(groups, "California") and state.name == "California"
    fbi = group_of(groups, "FBI")
    assert fbi.name == "Federal Bureau of Investigation" and len(fbi.sources) == 2
    assert group_of(groups, "U.N.") is group_of(groups, "United Nations")
    assert spans_hold(groups, articles)


def test_pipeline_titles_find_the_person_of_their_sex() -> None:
    articles = story(
        "Alliance meets\n\nLeaders of the North Atlantic Treaty Organization met in Brussels "
        "on Monday. Rep. Duncan Hunter attended the summit with his wife, Margaret Hunter.",
        "Summit ends\n\nNATO leaders agreed on a new plan. Mr. Hunter said the plan was "
        "strong. Mrs. Hunter did not comment.",
    )
    groups = group_entities(articles)
    assert group_of(groups, "NATO").name == "North Atlantic Treaty Organization"
    duncan = next(g for g in groups if g.name == "Duncan Hunter")
    margaret = next(g for g in groups if g.name == "Margaret Hunter")
    assert duncan.sources == margaret.sources == ("Outlet 0", "Outlet 1")
    second = articles[1]
    titles = {second.text[r.start - 4 : r.start] for r in duncan.mentions
              if r.article_id == second.id}  # fmt: skip
    assert titles == {"Mr. "}
    assert spans_hold(groups, articles)


def test_pipeline_votes_one_label_across_sources() -> None:
    articles = story(
        "Hearing\n\nDr. Anthony Fauci testified on Thursday. The committee thanked Fauci "
        "for his time.",
        "Budget hearing\n\nFauci told the committee that the Centers for Disease Control "
        "and Prevention needed money, and the agency agreed.",
    )
    labels = {m.label for a in articles for m in a.mentions if "Fauci" in m.text}
    assert labels == {"PERSON", "ORG"}  # the parser types him both ways
    groups = group_entities(articles)
    fauci = group_of(groups, "Anthony Fauci")
    assert fauci.label == "PERSON" and len(fauci.sources) == 2


# --- Hand-placed mentions: each rule on its own. ---


def test_titles_and_honorifics_merge_with_the_full_name() -> None:
    a = article("Wire", "President Donald Trump spoke. Sen. Maria Cantwell and Dr. Fauci listened.",
                [("President Donald Trump", "PERSON"), ("Sen. Maria Cantwell", "PERSON"),
                 ("Dr. Fauci", "PERSON")])  # fmt: skip
    b = article("Daily", "Donald Trump, Maria Cantwell and Anthony Fauci met.",
                [("Donald Trump", "PERSON"), ("Maria Cantwell", "PERSON"),
                 ("Anthony Fauci", "PERSON")])  # fmt: skip
    groups = group_entities([a, b])
    assert len(groups) == 3 and all(len(g.sources) == 2 for g in groups)
    assert {g.name for g in groups} == {"Donald Trump", "Maria Cantwell", "Anthony Fauci"}


def test_initials_middle_names_and_short_given_names_merge() -> None:
    a = article(
        "Wire",
        "Donald J. Trump met J. Hale and Ray Kelly.",
        [("Donald J. Trump", "PERSON"), ("J. Hale", "PERSON"), ("Ray Kelly", "PERSON")],
    )
    b = article("Daily", "Donald John Trump met John Hale and Raymond W. Kelly. Donald Trump left.",
                [("Donald John Trump", "PERSON"), ("John Hale", "PERSON"),
                 ("Raymond W. Kelly", "PERSON"), ("Donald Trump", "PERSON")])  # fmt: skip
    groups = group_entities([a, b])
    assert len(groups) == 3 and all(len(g.sources) == 2 for g in groups)


def test_an_initial_that_fits_two_people_joins_no_one() -> None:
    a = article(
        "Wire",
        "John Hale met Jane Hale. J. Hale spoke.",
        [("John Hale", "PERSON"), ("Jane Hale", "PERSON"), ("J. Hale", "PERSON")],
    )
    groups = group_entities([a])
    assert len(groups) == 3


@pytest.mark.parametrize(("first", "second"), [
    ("John Smith", "Mary Smith"), ("Daniel Ortega", "Danielle Ortega"),
    ("Christian Laurent", "Christina Laurent"), ("Dan Moreno", "Dana Moreno"),
    ("Mark Esper", "Mark Milley"),
])  # fmt: skip
def test_different_given_names_never_merge(first: str, second: str) -> None:
    a = article("Wire", f"{first} met {second}.", [(first, "PERSON"), (second, "PERSON")])
    b = article("Daily", f"{second} and {first}.", [(second, "PERSON"), (first, "PERSON")])
    assert len(group_entities([a, b])) == 2


def test_generational_suffixes_keep_father_and_son_apart() -> None:
    a = article("Wire", "W. Mark Felt Sr. and Mark Felt Jr. and Mark Felt.",
                [("W. Mark Felt Sr.", "PERSON"), ("Mark Felt Jr.", "PERSON"),
                 ("Mark Felt", "PERSON")])  # fmt: skip
    groups = group_entities([a])
    assert len(groups) == 3  # the bare "Mark Felt" may be either
    b = article(
        "Daily",
        "Robert S. Mueller III and Robert Mueller.",
        [("Robert S. Mueller III", "PERSON"), ("Robert Mueller", "PERSON")],
    )
    assert len(group_entities([b])) == 1


def test_a_lady_is_not_the_man_of_her_surname() -> None:
    a = article(
        "Wire",
        "John Hale sold the house. Lady Hale stayed. Hale left.",
        [("John Hale", "PERSON"), ("Hale", "PERSON"), ("Hale", "PERSON")],
    )
    groups = group_entities([a])
    lady = next(g for g in groups for r in g.mentions if a.text[r.start - 5 : r.start] == "Lady ")
    assert "John Hale" not in lady.variants


def test_mr_and_mrs_of_one_surname_with_one_full_name_of_unknown_sex() -> None:
    a = article("Wire", "Duncan Hunter spoke. Mr. Hunter left. Mrs. Hunter stayed. Hunter said.",
                [("Duncan Hunter", "PERSON"), ("Hunter", "PERSON"), ("Hunter", "PERSON"),
                 ("Hunter", "PERSON")])  # fmt: skip
    groups = group_entities([a])
    assert len(groups) == 4  # nobody can tell which of the two is Duncan
    assert {g.name for g in groups} == {"Duncan Hunter", "Mr. Hunter", "Mrs. Hunter", "Hunter"}


def test_a_surname_of_two_people_stays_alone_as_a_person() -> None:
    a = article("Wire", "John Smith met Mary Smith. Smith said no. Smith left.",
                [("John Smith", "PERSON"), ("Mary Smith", "PERSON"), ("Smith", "ORG"),
                 ("Smith", "ORG")])  # fmt: skip
    alone = next(g for g in group_entities([a]) if g.name == "Smith")
    assert alone.label == "PERSON" and len(alone.mentions) == 2


def test_full_names_outvote_lone_surnames_on_the_label() -> None:
    a = article(
        "Wire",
        "Phil Ford coached. Ford won. Ford smiled. Ford left.",
        [("Phil Ford", "PERSON"), ("Ford", "ORG"), ("Ford", "ORG"), ("Ford", "ORG")],
    )
    groups = group_entities([a])
    assert len(groups) == 1 and groups[0].label == "PERSON"


def test_acronyms_spell_word_initials_but_not_a_persons_initials() -> None:
    a = article("Wire", "The Commonwealth of Independent States met the House of Representatives.",
                [("Commonwealth of Independent States", "ORG"),
                 ("House of Representatives", "ORG")])  # fmt: skip
    b = article(
        "Daily",
        "The CIS met. H.R. Haldeman spoke. H.R. laughed.",
        [("CIS", "ORG"), ("H.R. Haldeman", "PERSON"), ("H.R.", "PERSON")],
    )
    groups = group_entities([a, b])
    assert group_of(groups, "CIS") is group_of(groups, "Commonwealth of Independent States")
    assert group_of(groups, "H.R.") is not group_of(groups, "House of Representatives")


def test_fragments_are_dropped_and_names_trimmed() -> None:
    text = (
        "Pelosi's agenda stalled. The Sheriff's Office and the FBI said 288 doesn matter. "
        "Sgt said Singh ’ s house burned and \\n Mueller spoke. Hunter's dog ran."
    )
    names: list[tuple[str, EntityLabel]] = [
        ("s agenda", "PERSON"),
        ("'s Office", "ORG"),
        ("the FBI", "ORG"),
        ("288", "PLACE"),
        ("doesn", "PERSON"),
        ("Sgt", "PERSON"),
        ("Singh ’ s house", "ORG"),
        ("\\n Mueller", "PERSON"),
        ("Hunter's", "PERSON"),
    ]
    a = article("Wire", text, names)
    groups = group_entities([a])
    assert {g.name for g in groups} == {"FBI", "Singh", "Mueller", "Hunter"}
    assert all(a.text[r.start : r.end] == r.text for g in groups for r in g.mentions)


def test_an_alias_and_the_name_it_stands_for_merge() -> None:
    a = article("Wire", "The EU and the U.S. met.", [("EU", "ORG"), ("U.S.", "PLACE")])
    b = article("Daily", "The European Union and the United States met.",
                [("European Union", "ORG"), ("United States", "PLACE")])  # fmt: skip
    groups = group_entities([a, b])
    assert len(groups) == 2 and all(len(g.sources) == 2 for g in groups)
