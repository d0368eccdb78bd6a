"""Sentence splitting: exact spans, hard line boundaries, news abbreviations."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.extract.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_abbreviations_decimals_and_quotes_do_not_split() -> None:
    text = (
        "The U.S. and the U.K. said on Sept. 13 that Gen. Qassem Soleimani had met "
        'Lt. Col. Ames. Oil rose 3.5 percent. "We will respond," Dr. Hakim said.'
    )
    assert texts(text) == [
        "The U.S. and the U.K. said on Sept. 13 that Gen. Qassem Soleimani had met Lt. Col. Ames.",
        "Oil rose 3.5 percent.",
        '"We will respond," Dr. Hakim said.',
    ]


def test_reporting_clause_after_quoted_exclamation_stays_attached() -> None:
    assert texts('"WOW!" he tweeted. Markets fell.') == ['"WOW!" he tweeted.', "Markets fell."]


def test_paragraph_and_heading_lines_are_hard_boundaries() -> None:
    text = (
        "Iraq votes to expel US troops after the killing of a top Iranian general\n"
        "BAGHDAD (AP) — Lawmakers voted on Sunday\n\n"
        "The motion is not binding"
    )
    assert texts(text) == [
        "Iraq votes to expel US troops after the killing of a top Iranian general",
        "BAGHDAD (AP) — Lawmakers voted on Sunday",
        "The motion is not binding",
    ]


def test_hard_wrapped_prose_joins_across_line_breaks() -> None:
    text = (
        "Iraqi lawmakers voted on Sunday to ask the government to end the presence\n"
        "of foreign troops in the country, a motion the prime minister backed in a\n"
        "speech to parliament. The vote is not binding on the government, which\n"
        "must still draft a law.\n"
    )
    out = split_sentences(text)
    assert len(out) == 2
    assert out[0].text.startswith("Iraqi lawmakers") and out[0].text.endswith("parliament.")
    assert out[1].text.endswith("draft a law.")


def test_line_starting_lowercase_continues_the_sentence() -> None:
    assert texts("The vote came\nafter a long debate.") == ["The vote came\nafter a long debate."]


def test_spans_are_trimmed_and_exact() -> None:
    text = "  First one.   Second one!\n\n\n  Third?  "
    out = split_sentences(text)
    assert [s.text for s in out] == ["First one.", "Second one!", "Third?"]
    assert all(text[s.start : s.end] == s.text for s in out)


def test_empty_and_blank_text_give_no_sentences() -> None:
    assert split_sentences("") == ()
    assert split_sentences(" \n\t\n ") == ()


WORDS = st.sampled_from(
    ["The", "U.S.", "Gen.", "Sept.", "13", "3.5", "said", "troops", "Iraq", "\"Yes,\"",
     "it.", "ends!", "why?", "Mr.", "—", "'quoted'", "U.K.", "(AP)", "a", "e.g."]
)  # fmt: skip
SEPARATORS = st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", "\t", " \n "])


@st.composite
def news_like(draw: st.DrawFn) -> str:
    words = draw(st.lists(WORDS, max_size=40))
    seps = draw(st.lists(SEPARATORS, min_size=len(words), max_size=len(words)))
    lead = draw(st.sampled_from(["", " ", "\n"]))
    return lead + "".join(w + s for w, s in zip(words, seps, strict=True))


def check_invariants(text: str) -> None:
    out = split_sentences(text)
    covered = [False] * len(text)
    previous_end = 0
    for s in out:
        assert previous_end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        for i in range(s.start, s.end):
            covered[i] = True
        previous_end = s.end
    assert all(covered[i] or ch.isspace() for i, ch in enumerate(text))


@settings(max_examples=300, deadline=None)
@given(news_like())
def test_property_spans_on_news_like_text(text: str) -> None:
    check_invariants(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab A.!?\"'\n \t3,”“—"), max_size=80))
def test_property_spans_on_arbitrary_text(text: str) -> None:
    check_invariants(text)
