"""HTML extraction with second opinions: the line vote, line tidying, the jusText
fallback, and which pages are rejected (not articles) or kept (short real articles)."""

from __future__ import annotations

import pytest

from newsweave.clean import html as html_module
from newsweave.clean import to_article
from newsweave.clean.html import extract_page, main_text, page_problem
from newsweave.clean.vote import (
    FALLBACK_MIN_WORDS,
    REPEAT_MIN_WORDS,
    VOTE_MAX_WORDS,
    Paragraphs,
    fallback_text,
    justext_paragraphs,
    tidy_lines,
    vote_lines,
)
from newsweave.model import Article, Document, Rejection

PARAGRAPHS = (
    "The harbour authority of Port Aldan reopened the northern quay on Tuesday after "
    "three weeks of repairs to the sea wall, which a winter storm had breached in two "
    "places, and said that the first ferry from the islands would dock there on Friday.",
    "Fishing crews had been unloading at the smaller southern pier since the storm, and "
    "several skippers said the detour had cost them a day of work each week, as boats "
    "waited for hours in the outer harbour for a free berth.",
    "The repairs cost about 1.2 million euros, the authority said, most of it paid from "
    "a regional fund for coastal damage that was set up after the floods of the last "
    "decade and is shared by the towns of the coast.",
    "Engineers will inspect the wall again in the autumn, before the storm season, and "
    "have asked the town council for money to raise its height by half a metre.",
    "Local businesses welcomed the reopening, and the quayside market will return on "
    "Saturday for the first time since January, its organisers said on Wednesday.",
)
NAV = "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(12))


def _page(body: str, title: str = "Port Aldan quay reopens") -> str:
    return (f"<!doctype html><html><head><title>{title}</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav>{body}"
            "<footer><p>Copyright 2025 Aldan Courier. All rights reserved.</p></footer>"
            "</body></html>")


ARTICLE_PAGE = _page("<article><h1>Port Aldan quay reopens</h1>"
                     + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>")


def _html_doc(content: str) -> Document:
    return Document(origin="in/page.html", content=content, format="html")


def test_vote_drops_a_line_only_when_both_opinions_are_against_it() -> None:
    balanced = "Article line one.\nShare this story\nArticle line two."
    precise = "Article line one.\nArticle line two."
    paragraphs = Paragraphs(boilerplate=frozenset({"Share this story"}))
    assert vote_lines(balanced, lambda: precise, paragraphs) == precise
    # The precision pass kept it: the line stays.
    assert vote_lines(balanced, lambda: balanced, paragraphs) == balanced


def test_no_second_extraction_when_no_line_is_disputed() -> None:
    balanced = "Article line one.\nShare this story\nArticle line two."

    def precise() -> str:
        raise AssertionError("the precision pass must not run")

    # jusText does not call the line boilerplate: nothing to vote on.
    assert vote_lines(balanced, precise, Paragraphs()) == balanced
    # A long line jusText calls boilerplate is kept without a vote.
    long_line = " ".join(["word"] * (VOTE_MAX_WORDS + 1))
    text = f"{balanced}\n{long_line}"
    assert vote_lines(text, precise, Paragraphs(boilerplate=frozenset({long_line}))) == text


def test_vote_is_skipped_when_the_precision_pass_lost_the_article() -> None:
    lines = [f"Short line {i} of the story." for i in range(10)]
    balanced = "\n".join(lines)
    paragraphs = Paragraphs(boilerplate=frozenset(lines))
    assert vote_lines(balanced, lambda: lines[0], paragraphs) == balanced
    assert vote_lines(balanced, lambda: "", paragraphs) == balanced
    # With most of the text kept by the precision pass, the vote does run.
    assert vote_lines(balanced, lambda: "\n".join(lines[1:]), paragraphs) == "\n".join(lines[1:])


def test_tidy_drops_bare_timestamps_and_repeated_long_sentences() -> None:
    sentence = " ".join(["word"] * REPEAT_MIN_WORDS) + "."
    short, link = "Meal 1", "https://example.org/deal"
    text = "\n".join([sentence, link, "2019-11-19T08:57:40+01:00", short, sentence, short,
                      "2019-11-19 was a Tuesday."])
    assert tidy_lines(text).split("\n") == [
        sentence, link, short, short, "2019-11-19 was a Tuesday."]


def test_justext_reads_article_paragraphs_and_boilerplate() -> None:
    found = justext_paragraphs(ARTICLE_PAGE)
    assert PARAGRAPHS[0] in found.good
    assert "Section 3" in found.boilerplate
    assert justext_paragraphs("") == Paragraphs()


def test_fallback_needs_enough_words() -> None:
    assert fallback_text(Paragraphs(good=PARAGRAPHS)) == "\n\n".join(PARAGRAPHS)
    few = " ".join(["word"] * (FALLBACK_MIN_WORDS - 1))
    assert fallback_text(Paragraphs(good=(few,))) == ""


def test_empty_balanced_text_falls_back_to_justext() -> None:
    text = main_text(ARTICLE_PAGE, None, "")
    assert PARAGRAPHS[2] in text and "Section 3" not in text
    assert main_text(ARTICLE_PAGE, None, "", second_opinion=False) == ""


def test_extract_page_uses_the_fallback_when_trafilatura_finds_nothing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module, "_bare", lambda *_args: None)
    page = extract_page(ARTICLE_PAGE)
    assert page is not None and PARAGRAPHS[4] in page.text
    assert extract_page(ARTICLE_PAGE, second_opinion=False) is None


def test_short_real_article_is_kept_without_its_furniture() -> None:
    art = to_article(_html_doc(ARTICLE_PAGE))
    assert isinstance(art, Article)
    assert all(p in art.text for p in PARAGRAPHS)
    assert "Section 3" not in art.text and "All rights reserved" not in art.text


@pytest.mark.parametrize("body", [
    # an index page: headlines that link away, no prose
    "<main>" + "".join(f'<h2><a href="/story/{i}">Quay story number {i}</a></h2>'
                       for i in range(20)) + "</main>",
    # an error page
    "<main><h1>Page not found</h1><p>Error 404.</p></main>",
    # an empty JavaScript shell: the article would be drawn by a script
    '<div id="root"></div><script>window.__APP__ = {"route": "/story"};</script>',
    # a paywall stub
    "<main><p>Subscribe to keep reading.</p><p>Already a member? Sign in.</p></main>",
])
def test_pages_that_are_not_articles_are_rejected(body: str) -> None:
    rejected = to_article(_html_doc(_page(body, title="Aldan Courier")))
    assert isinstance(rejected, Rejection)
    assert rejected.reason.startswith(("no article text found", "too short"))


def test_oversized_page_is_refused_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module, "MAX_PAGE_CHARS", len(ARTICLE_PAGE) - 1)
    assert page_problem(ARTICLE_PAGE) is not None
    rejected = to_article(_html_doc(ARTICLE_PAGE))
    assert isinstance(rejected, Rejection) and rejected.reason.startswith("page too large")
    assert extract_page(ARTICLE_PAGE) is None


def test_huge_scripts_are_cut_and_small_ones_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module, "MAX_SCRIPT_CHARS", 1_000)
    small = '<script type="application/ld+json">{"headline": "Quay reopens"}</script>'
    huge = "<script>var state = '" + "x" * 2_000 + "';</script>"
    page = ARTICLE_PAGE.replace("<body>", f"<body>{small}{huge}")
    lean = html_module._without_big_scripts(page)
    assert small in lean and "x" * 2_000 not in lean
    article = to_article(_html_doc(page))
    assert isinstance(article, Article) and all(p in article.text for p in PARAGRAPHS)
