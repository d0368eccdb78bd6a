"""The assembled brief: sources, headline, determinism and exact citations."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.brief.storykit import QUAKE_STRUCK, make_article, quake_story

from newsweave.brief import build_brief, story_headline
from newsweave.brief.assemble import HEADLINE_MAX_CHARS
from newsweave.model import Article, Brief, Citation, Sighting, to_json


def _citations(brief: Brief) -> list[Citation]:
    """Every citation a brief makes, in every section."""
    out: list[Citation] = []
    for s in (*brief.summary, *brief.agreed, *brief.single_source):
        out.extend(s.citations)
    out.extend(side.citation for c in brief.conflicts for side in c.sides)
    out.extend(n.citation for n in brief.numbers)
    out.extend(d.citation for d in brief.dates)
    out.extend(c for t in brief.timeline for c in t.statement.citations)
    return out


def test_brief_sections_on_a_three_outlet_story() -> None:
    brief = build_brief("s1", quake_story())
    assert brief.story_id == "s1"
    assert set(brief.sources) == QUAKE_STRUCK
    assert len(brief.article_ids) == 3
    assert 1 <= len(brief.summary) <= 5
    assert any(set(s.sources) == QUAKE_STRUCK for s in brief.agreed)
    assert any("Elena Varga" in s.text for s in brief.single_source)
    assert {n.text for n in brief.numbers} >= {"42", "57", "200"}


def test_every_citation_quotes_its_article_exactly() -> None:
    articles = quake_story()
    by_id = {a.id: a for a in articles}
    brief = build_brief("s1", articles)
    citations = _citations(brief)
    assert citations
    for c in citations:
        article = by_id[c.article_id]
        assert article.text[c.start:c.end] == c.text
        assert c.source == article.label
    for s in (*brief.summary, *brief.agreed, *brief.single_source):
        assert s.text == s.citations[0].text


@settings(max_examples=12, deadline=None)
@given(st.permutations(range(3)))
def test_same_articles_in_any_order_give_the_same_brief(order: list[int]) -> None:
    articles = quake_story()
    shuffled = [articles[i] for i in order]
    assert to_json(build_brief("s1", shuffled)) == to_json(build_brief("s1", articles))


def test_sources_include_folded_copies() -> None:
    first, *rest = quake_story()
    folded = Sighting(origin="feeds/coast-daily.txt", source="Coast Daily")
    copy = replace(first, sightings=(folded,))
    brief = build_brief("s1", [copy, *rest])
    assert "Coast Daily" in brief.sources
    assert len(brief.sources) == 4


def test_headline_is_the_most_central_title() -> None:
    assert story_headline(quake_story()) in {
        "Deadly earthquake strikes Valdoria coast", "Valdoria declares emergency after quake"}


def test_headline_without_titles_is_a_first_sentence_cut_at_a_word() -> None:
    articles = [replace(a, title=None) for a in quake_story()]
    headline = story_headline(articles)
    firsts = [a.sentences[0].text for a in articles]
    assert len(headline) <= HEADLINE_MAX_CHARS
    stem = headline.removesuffix("…")
    assert any(f.startswith(stem) for f in firsts)
    assert headline.endswith("…") == all(len(f) > HEADLINE_MAX_CHARS for f in firsts
                                         if f.startswith(stem))


def test_one_article_story() -> None:
    article = make_article("Heavy rain flooded the lower town of Brisk on Sunday night. About "
                           "300 residents were moved to the sports hall.", "Brisk Post", ("Brisk",))
    brief = build_brief("s2", [article])
    assert brief.sources == ("Brisk Post",)
    assert brief.agreed == ()
    assert brief.summary


def test_empty_story_gives_an_empty_brief() -> None:
    brief = build_brief("s3", list[Article]())
    assert brief.summary == () and brief.sources == () and brief.headline == ""


POOL = (
    "A magnitude 6.8 earthquake struck the coast of Valdoria on Tuesday.",
    "Officials said at least 42 people were killed in the quake.",
    "The quake killed 57 people, according to the health ministry.",
    "Rescue teams from the Red Cross searched the rubble in Marensa overnight.",
    "The government of Valdoria declared a state of emergency in three provinces.",
    "Schools in Marensa will remain closed until Friday.",
    "Is the country ready for the next one?",
    "Neighbouring Ostria sent 200 soldiers and four field hospitals.",
)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.lists(st.sampled_from(POOL), min_size=1, max_size=5, unique=True),
                min_size=1, max_size=3))
def test_any_story_cites_exact_spans_and_caps_the_summary(texts: list[list[str]]) -> None:
    articles = [make_article(" ".join(sents), f"Outlet {n}", ("Valdoria", "Marensa", "Red Cross"))
                for n, sents in enumerate(texts)]
    by_id = {a.id: a for a in articles}
    brief = build_brief("p", articles)
    assert len(brief.summary) <= 5
    for c in _citations(brief):
        assert by_id[c.article_id].text[c.start:c.end] == c.text
    for s in brief.agreed:
        assert len(set(s.independent_sources)) >= 2
    for s in brief.single_source:
        assert len(set(s.independent_sources)) == 1
    assert to_json(build_brief("p", articles[::-1])) == to_json(brief)
