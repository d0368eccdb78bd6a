"""The cited summary: length cap and option, full attribution, the titles' fact first,
no questions or pieces of quotations, bounded embedding."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest
from tests.brief.storykit import EMERGENCY, QUAKE_STRUCK, RESCUE, make_article, quake_story

from newsweave.brief.align import align
from newsweave.brief.assemble import build_brief
from newsweave.brief.summary import (
    SUMMARY_SENTENCES,
    is_statement_like,
    lexrank,
    summarize,
    word_budget,
)
from newsweave.brief.summary_rank import CANDIDATE_SENTENCES
from newsweave.extract.embeddings import CachedEmbedder
from newsweave.model import Article, Quote


def _summary() -> tuple[list[str], dict[str, set[str]]]:
    articles = sorted(quake_story(), key=lambda a: a.id)
    statements = summarize(articles, align(articles))
    return [s.text for s in statements], {s.text: set(s.sources) for s in statements}


def test_summary_is_capped_and_never_a_question() -> None:
    texts, _ = _summary()
    assert 1 <= len(texts) <= SUMMARY_SENTENCES
    assert not any(t.rstrip().endswith("?") for t in texts)


def test_each_summary_sentence_cites_every_source_that_states_it() -> None:
    texts, sources = _summary()
    struck = next(t for t in texts if "struck" in t or "hit the Valdoria" in t)
    assert sources[struck] == QUAKE_STRUCK
    for t in texts:
        if "Red Cross" in t:
            assert sources[t] == RESCUE
        if "state of emergency" in t:
            assert sources[t] == EMERGENCY


def test_summary_leads_with_the_fact_every_outlet_states() -> None:
    texts, sources = _summary()
    assert sources[texts[0]] == QUAKE_STRUCK


def test_summary_citations_quote_the_article_text() -> None:
    articles = quake_story()
    by_id = {a.id: a for a in articles}
    for s in summarize(sorted(articles, key=lambda a: a.id), align(articles)):
        assert s.citations[0].text == s.text
        for c in s.citations:
            assert by_id[c.article_id].text[c.start:c.end] == c.text


def test_headings_bylines_and_questions_are_not_statements() -> None:
    assert not is_statement_like("US airstrike on Iraqi soil")
    assert not is_statement_like("Edited by KARL")
    assert not is_statement_like("So the question for now is will they or won't they?")
    assert is_statement_like("The quake killed 57 people, according to the health ministry.")
    assert is_statement_like('"We will rebuild every home," the mayor of the city said.')


def test_a_lone_article_still_gets_a_summary() -> None:
    article = make_article(
        "Heavy rain flooded the lower town of Brisk on Sunday night. About 300 residents were "
        "moved to the sports hall by the fire brigade. The river is expected to fall by Tuesday.",
        "Brisk Post", ("Brisk",))
    statements = summarize([article], align([article]))
    assert statements
    assert all(s.sources == ("Brisk Post",) for s in statements)


def test_lexrank_prefers_the_hub_sentence() -> None:
    sim = np.array([[1.0, 0.5, 0.5, 0.5],
                    [0.5, 1.0, 0.0, 0.0],
                    [0.5, 0.0, 1.0, 0.0],
                    [0.5, 0.0, 0.0, 1.0]])
    scores = lexrank(sim)
    assert int(np.argmax(scores)) == 0
    assert abs(float(scores.sum()) - 1.0) < 1e-6


def test_empty_story_has_empty_summary() -> None:
    assert summarize([], align([])) == ()


class RecordingEmbedder:
    """The packaged model, remembering every text it was asked to embed."""

    def __init__(self) -> None:
        self.inner = CachedEmbedder()
        self.seen: list[str] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        return self.inner.embed(texts)


FLOOD_FACTS = (
    "Heavy rain flooded the lower town of Brisk on Sunday night.",
    "About 300 residents were moved to the sports hall by the fire brigade.",
    "The river Lenna rose four metres above its usual level within six hours.",
    "Two bridges on the northern road were closed to all traffic.",
    "The regional railway suspended trains between Brisk and Holm until Wednesday.",
    "Farmers upstream reported hundreds of sheep missing from flooded fields.",
    "The town council opened an emergency fund for families who lost their homes.",
    "Power was cut to 2,000 homes after a substation was submerged.",
    "Army engineers began building a temporary dam of sandbags near the school.",
    "Forecasters expect the water to fall slowly by the end of the week.",
)


def _flood_story() -> list[Article]:
    """Two outlets, ten distinct facts each: room for a summary longer than five."""
    first = " ".join(FLOOD_FACTS)
    second = " ".join(f"Officials confirmed that {s[0].lower()}{s[1:]}" for s in FLOOD_FACTS[::-1])
    return sorted([make_article(first, "Brisk Post", ("Brisk", "Holm")),
                   make_article(second, "Valley News", ("Brisk", "Holm"))], key=lambda a: a.id)


def test_the_length_option_caps_the_summary() -> None:
    articles = _flood_story()
    alignment = align(articles)
    lengths = [len(summarize(articles, alignment, max_sentences=k)) for k in (1, 2, 3, 8)]
    assert lengths[:3] == [1, 2, 3]
    assert lengths[3] <= 8
    assert lengths[3] > SUMMARY_SENTENCES  # a longer cap is not held back by the default


def test_a_length_below_one_is_refused() -> None:
    articles = _flood_story()
    with pytest.raises(ValueError, match="at least 1"):
        summarize(articles, align(articles), max_sentences=0)


def test_build_brief_takes_the_summary_length() -> None:
    articles = quake_story()
    assert len(build_brief("s1", articles, summary_sentences=1).summary) == 1
    assert len(build_brief("s1", articles).summary) > 1


def test_the_word_budget_follows_the_story_and_the_length() -> None:
    short = [make_article("Heavy rain flooded the lower town of Brisk on Sunday night. About 300 "
                          "residents were moved to the sports hall by the fire brigade.",
                          "Brisk Post", ("Brisk",))]
    long_story = _flood_story()
    assert word_budget(align(short), 5) < word_budget(align(long_story), 5)
    assert word_budget(align(long_story), 2) < word_budget(align(long_story), 5)


def test_the_sentence_that_states_the_titles_fact_is_picked_first() -> None:
    anecdote = "Maria Lenz had just opened her bakery when the lights went out across the street."
    fact = "A fire at the Holm power station cut electricity to the whole city on Monday."
    tail = "Engineers said repairs would take at least three days."
    articles = sorted([
        make_article(f"{anecdote} {fact} {tail}", "Holm Herald", ("Holm",),
                     title="Fire at power station blacks out Holm"),
        make_article("Traders in the old market counted their losses as freezers thawed. "
                     "The city council asked residents to check on elderly neighbours.",
                     "City Voice", ("Holm",), title="Holm without power after station fire"),
    ], key=lambda a: a.id)
    (statement,) = summarize(articles, align(articles), max_sentences=1)
    assert statement.text == fact


def test_only_the_first_sentences_of_each_article_are_embedded() -> None:
    article = make_article(" ".join(FLOOD_FACTS), "Brisk Post", ("Brisk", "Holm"))
    embedder = RecordingEmbedder()
    statements = summarize([article], align([article]), embedder)
    late = set(FLOOD_FACTS[CANDIDATE_SENTENCES:])
    assert late and not late & set(embedder.seen)
    assert not {s.text for s in statements} & late


def test_a_piece_of_a_longer_quotation_is_never_picked() -> None:
    text = ('The mayor of Brisk spoke to reporters at the flooded market on Monday morning. '
            '"Every shop on this street lost its whole stock in one night. We will need months '
            'to rebuild," she said.')
    article = make_article(text, "Brisk Post", ("Brisk",))
    opening = text.index('"')
    closing = text.index('"', opening + 1)
    quote = Quote(opening + 1, closing, text[opening + 1:closing], "direct", "she",
                  closing + 2, closing + 5)
    article = replace(article, quotes=(quote,))
    piece = '"Every shop on this street lost its whole stock in one night.'
    assert piece in {s.text for s in article.sentences}
    texts = {s.text for s in summarize([article], align([article]), max_sentences=3)}
    assert texts and piece not in texts


@pytest.mark.parametrize("text", [
    "), Bill Pascrell (N.J.), Katherine Clark (Mass.",  # cut inside brackets
    "Adam Schiff (Calif.), Gwen Moore (Wis.",
    "and the council voted to close the road on Monday.",  # the tail of a sentence
])
def test_pieces_of_a_cut_sentence_are_not_statements(text: str) -> None:
    assert not is_statement_like(text)


def test_a_sentence_with_a_closed_bracket_is_a_statement() -> None:
    assert is_statement_like("Rep. Ann Lee (D-Calif.) said the vote would pass on Monday.")
