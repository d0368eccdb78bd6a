"""Records survive the JSON round trip the store and the JSON output rely on."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsweave.model import (
    Article,
    Brief,
    Citation,
    Conflict,
    ConflictSide,
    Mention,
    Quantity,
    Sentence,
    Sighting,
    Statement,
    article_id,
    from_json,
    normalize_for_id,
    to_json,
)

texts = st.text(min_size=1, max_size=80)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = draw(texts)
    cut = draw(st.integers(0, len(text)))
    return Article(
        id=article_id(text),
        text=text,
        origin=draw(st.sampled_from(["a.txt", "dump.jsonl:3", "x/y.html"])),
        title=draw(st.none() | texts),
        published=draw(st.none() | st.just("2020-01-06")),
        sentences=(Sentence(0, cut, text[:cut]),),
        mentions=(Mention(0, cut, text[:cut], "PERSON", text[:cut].casefold()),),
        quantities=(Quantity(0, cut, text[:cut], draw(st.floats(0, 1e9)), "count",
                             qualifiers=("US",), hedge=draw(st.none() | st.just("about"))),),
        sightings=(Sighting("b.txt", "Outlet", None, None),),
    )


@given(articles())
def test_article_round_trip(article: Article) -> None:
    assert from_json(Article, to_json(article)) == article


def test_brief_round_trip() -> None:
    cite = Citation("a1", "Outlet A", 0, 12, "5,200 troops")
    side = ConflictSide("5,200", 0, 5, cite, hedge=None)
    brief = Brief(
        story_id="s1", headline="h", sources=("Outlet A", "Outlet B"), article_ids=("a1", "a2"),
        summary=(Statement("5,200 troops", (cite,)),), agreed=(), single_source=(),
        conflicts=(Conflict("count", "US troops", "differ", (side, side)),),
        entities=(), numbers=(), dates=(), timeline=(),
    )
    again = from_json(Brief, to_json(brief))
    assert again == brief
    assert again.summary[0].sources == ("Outlet A",)


@given(st.text())
def test_id_normalisation_is_idempotent(text: str) -> None:
    once = normalize_for_id(text)
    assert normalize_for_id(once) == once


def test_same_content_same_id_other_content_other_id() -> None:
    assert article_id("Troops  arrive\n") == article_id("troops arrive")
    assert article_id("troops arrive") != article_id("troops leave")


def test_label_falls_back_to_file_name() -> None:
    a = Article(id="a", text="t", origin="examples/000_74ca.txt")
    assert a.label == "000_74ca"
    assert Article(id="a", text="t", origin="d.jsonl:4", source="Reuters").label == "Reuters"
    b = Article(id="a", text="t", origin="x.txt", source="AP",
                sightings=(Sighting("y.txt", "AFP"), Sighting("z.txt", "AP")))
    assert b.sources == ("AP", "AFP")
