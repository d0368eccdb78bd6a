"""Attribution: quotations, speakers, reported speech and quote fragments."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.extract.annotate import annotate
from newsweave.extract.attribution import (
    find_quotes,
    is_mostly_quoted,
    is_quote_fragment,
    speaker_of,
)
from newsweave.extract.entities import find_entities
from newsweave.extract.nlp import load_nlp
from newsweave.extract.quote_marks import find_quotations
from newsweave.extract.sentences import split_sentences
from newsweave.model import Article, Quote, article_id


@cache
def _article(text: str) -> Article:
    return annotate(Article(id=article_id(text), text=text, origin="test.txt"))


def _quotes(text: str, kind: str) -> list[Quote]:
    return [q for q in _article(text).quotes if q.kind == kind]


def _index(article: Article, words: str) -> int:
    return next(i for i, s in enumerate(article.sentences) if words in s.text)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ("“We will not leave,” said Maria Lopez, a spokeswoman for the ministry.",
         "We will not leave,", "Maria Lopez"),
        ('"We will not leave," Maria Lopez told reporters on Tuesday.',
         "We will not leave,", "Maria Lopez"),
        ("The minister said: “The border will open on Monday.”",
         "The border will open on Monday.", "The minister"),
        ("A spokesman for the ministry, Carl Jensen, said: “Nobody was hurt.”",
         "Nobody was hurt.", "Carl Jensen"),
    ],
)
def test_direct_quote_speaker_before_or_after(text: str, words: str, speaker: str) -> None:
    article = _article(text)
    (quote,) = _quotes(text, "direct")
    assert quote.text == words
    assert quote.speaker == speaker
    assert text[quote.speaker_start : quote.speaker_end] == speaker
    assert speaker_of(article, 0) == speaker


def test_inner_sentences_of_a_long_quotation_are_fragments_with_the_speaker() -> None:
    text = ("Farmers met in Lyon on Monday. “The talks failed. Nobody came to the table. "
            "We will try again next week,” said Tom Berg, who leads the union.")
    article = _article(text)
    inner = [_index(article, w) for w in ("The talks failed", "Nobody came", "We will try")]
    assert [is_quote_fragment(article, i) for i in inner] == [True, True, False]
    assert [speaker_of(article, i) for i in inner] == ["Tom Berg"] * 3
    assert not is_quote_fragment(article, 0)
    assert speaker_of(article, 0) is None


def test_a_quotation_over_paragraphs_is_one_quote() -> None:
    text = ("Officials gave no figures.\n“The river rose fast.\n"
            "“By noon the road was gone,” the mayor, Ines Duarte, said.")
    article = _article(text)
    (quote,) = _quotes(text, "direct")
    assert quote.text.startswith("The river rose fast.") and quote.text.endswith("was gone,")
    first = _index(article, "The river rose")
    assert is_quote_fragment(article, first)
    assert speaker_of(article, first) == "Ines Duarte"


def test_the_speaker_carries_to_the_next_quotation_of_the_paragraph() -> None:
    text = "“We are ready,” Smith said. “The army is on its way.”"
    assert [q.speaker for q in _quotes(text, "direct")] == ["Smith", "Smith"]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("According to the health ministry, 40 people died in the floods.",
         "40 people died in the floods", "the health ministry"),
        ("Forty people died in the floods, according to local officials.",
         "Forty people died in the floods", "local officials"),
        ("The mayor said that the bridge would reopen in May.",
         "the bridge would reopen in May", "The mayor"),
        ("The bridge will reopen in May, the mayor told reporters.",
         "The bridge will reopen in May", "the mayor"),
        ("The bridge, the mayor said, will reopen in May.",
         "will reopen in May", "the mayor"),
    ],
)
def test_reported_speech(text: str, content: str, speaker: str) -> None:
    (quote,) = _quotes(text, "reported")
    assert (quote.text, quote.speaker) == (content, speaker)
    assert speaker_of(_article(text), 0) == speaker
    assert not is_mostly_quoted(_article(text), 0)


def test_a_pronoun_speaker_becomes_the_name_it_continues() -> None:
    text = "Anna Weber chairs the committee. “The vote is final,” she said."
    (quote,) = _quotes(text, "direct")
    assert quote.speaker == "Anna Weber"
    assert (quote.speaker_start, quote.speaker_end) == (0, len("Anna Weber"))


def test_a_pronoun_with_no_name_before_it_stays_a_pronoun() -> None:
    text = "The storm hit the coast at night. “It was terrifying,” she said."
    (quote,) = _quotes(text, "direct")
    assert quote.speaker == "she"


def test_the_outlets_own_sentence_has_no_speaker() -> None:
    text = "The bridge reopened in May after two years of repairs."
    article = _article(text)
    assert article.quotes == ()
    assert speaker_of(article, 0) is None
    assert not is_quote_fragment(article, 0) and not is_mostly_quoted(article, 0)


@pytest.mark.parametrize(
    "text",
    [
        "The company's chief said it won't cut jobs, and the workers' union agreed to talks.",
        "I 'm sure we 're right, he wrote of the '90s boom in the leaders' towns.",
        "Rock ’n’ roll didn’t die in the ’80s, the critics’ poll found.",
    ],
)
def test_apostrophes_are_not_quotation_marks(text: str) -> None:
    assert find_quotations(text) == ()
    assert not _quotes(text, "direct")


def test_a_scare_quoted_word_does_not_make_a_quote() -> None:
    text = "The so-called “deal” was signed in Geneva on Friday by both sides."
    article = _article(text)
    assert article.quotes == ()
    assert speaker_of(article, 0) is None
    assert not is_mostly_quoted(article, 0) and not is_quote_fragment(article, 0)


def test_a_title_in_marks_is_not_a_quote() -> None:
    text = "He wrote the book “The Secret Life of Rivers and Lakes” in Berlin last year."
    assert not _quotes(text, "direct")


def test_single_marks_quote_when_they_pair() -> None:
    text = "Police said the suspect was ‘calm and quiet when we found him’ on Friday."
    (quotation,) = find_quotations(text)
    assert text[quotation.start : quotation.end] == "calm and quiet when we found him"


def test_treebank_marks_pair() -> None:
    text = "\"We will win the next game, '' Smith said after the match."
    (quote,) = _quotes(text, "direct")
    assert quote.text == "We will win the next game,"
    assert quote.speaker == "Smith"


def test_mostly_quoted_measures_characters_inside_the_marks() -> None:
    text = ("“Nobody expected the water to rise so high in so little time,” he said. "
            "Officials called the response “too slow”, a word the mayor rejected.")
    article = _article(text)
    assert is_mostly_quoted(article, 0)
    assert not is_mostly_quoted(article, 1)


_PIECES = [
    "The council met on Monday.",
    "“We will vote again,” said Paul Meyer.",
    "'Nobody knows,' she said.",
    "According to the police, two men were held.",
    '"The road is closed. It may reopen soon," the mayor told reporters.',
    "The workers' union said that talks would resume.",
    "It's the so-called “deal”, he said.",
    "\"I 'm sure, '' Ann Lee said.",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=5),
       st.sampled_from([" ", "\n", "\n\n"]))
def test_every_span_is_anchored(pieces: list[str], glue: str) -> None:
    text = glue.join(pieces)
    doc = load_nlp()(text)
    sentences = split_sentences(text)
    for q in find_quotes(doc, sentences, find_entities(doc)):
        assert text[q.start : q.end] == q.text and q.text.strip() == q.text
        assert (q.speaker is None) == (q.speaker_start == -1 == q.speaker_end)
        if q.speaker is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker
        assert sentences[q.sentence].start <= q.start < sentences[q.sentence].end


def test_a_quoted_scrap_in_the_outlets_claim_keeps_its_speaker_but_not_the_sentence() -> None:
    text = ("The senator rebuked the board on Monday, saying its members had "
            "“failed the people of this town” for years.")
    article = _article(text)
    (quote,) = _quotes(text, "direct")
    assert quote.speaker == "The senator" and not quote.main_claim
    assert speaker_of(article, 0) is None


def test_the_writer_in_the_first_person_is_the_outlet() -> None:
    text = "I think that the new stadium will never be finished on time."
    article = _article(text)
    assert not _quotes(text, "reported")
    assert speaker_of(article, 0) is None
