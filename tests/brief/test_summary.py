"""The cited summary: length cap, full attribution, no questions or fragments."""

from __future__ import annotations

import numpy as np
from tests.brief.storykit import EMERGENCY, QUAKE_STRUCK, RESCUE, make_article, quake_story

from newsweave.brief.align import align
from newsweave.brief.summary import SUMMARY_SENTENCES, is_statement_like, lexrank, summarize


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
