"""Site furniture: short lines one outlet repeats across its pages go, articles stay."""

from __future__ import annotations

from newsweave.clean import clean_documents
from newsweave.clean.furniture import FURNITURE_MIN_PAGES, strip_site_furniture
from newsweave.model import Article, Document, Rejection, article_id

STRAP = "Harbour Gazette: news from the bay since 1921"
NEWSLETTER = "Sign up for our morning newsletter"
COPYRIGHT = "All rights reserved by Harbour Media Group"

BODIES = [
    ("Ferry fares rise", "The ferry company raised fares by ten percent on Monday, citing fuel "
     "costs. Commuters said the increase would hit families who cross the bay daily."),
    ("Lighthouse restored", "Volunteers finished restoring the old lighthouse after three years "
     "of work. The lamp will be lit again at a ceremony next month, organisers said."),
    ("Fishing quota cut", "Regulators cut the herring quota for the coming season by a fifth. "
     "Fishers warned that several small boats could be laid up until spring."),
]


def _text(body: str) -> str:
    return f"{STRAP}\n{body}\n{NEWSLETTER}\n{COPYRIGHT}"


def _page(n: int, title: str, body: str, site: str = "Harbour Gazette") -> str:
    """A page whose extracted text carries the site's strap, prompt and copyright."""
    return (f"<html><head><title>{title}</title>"
            f'<meta property="og:site_name" content="{site}"></head><body><article>'
            f"<h1>{title}</h1><p>{STRAP}</p><p>{body}</p><p>{NEWSLETTER}</p>"
            f"<p>{COPYRIGHT}</p></article></body></html>")


def _article(n: int, text: str, source: str | None = "Harbour Gazette") -> Article:
    return Article(id=article_id(text), text=text, origin=f"p{n}.html", source=source)


def test_furniture_across_three_pages_goes_and_each_article_stays() -> None:
    items: list[Article | Rejection] = [_article(i, _text(b)) for i, (_, b) in enumerate(BODIES)]
    out = strip_site_furniture(items)
    for result, (_, body) in zip(out, BODIES, strict=True):
        assert isinstance(result, Article)
        assert result.text == body
        assert result.id == article_id(body)


def test_html_pages_of_one_outlet_lose_their_furniture() -> None:
    docs = [Document(origin=f"p{i}.html", content=_page(i, t, b), format="html")
            for i, (t, b) in enumerate(BODIES)]
    results = clean_documents(docs)
    for result, (_, body) in zip(results, BODIES, strict=True):
        assert isinstance(result, Article)
        assert body in result.text
        for line in (STRAP, NEWSLETTER, COPYRIGHT):
            assert line not in result.text


def test_fewer_pages_than_the_minimum_keep_everything() -> None:
    few = BODIES[: FURNITURE_MIN_PAGES - 1]
    items: list[Article | Rejection] = [_article(i, _text(b)) for i, (_, b) in enumerate(few)]
    assert strip_site_furniture(items) == items


def test_other_outlets_do_not_count_together() -> None:
    items: list[Article | Rejection] = [_article(i, _text(b), source=f"Outlet {i}")
                                        for i, (_, b) in enumerate(BODIES)]
    assert strip_site_furniture(items) == items


def test_long_shared_sentences_are_never_furniture() -> None:
    shared = ("The harbour authority said on Tuesday that dredging of the main channel "
              "would begin in June and last for about eleven weeks.")
    items: list[Article | Rejection] = [_article(i, f"{shared}\n{b}")
                                        for i, (_, b) in enumerate(BODIES)]
    assert strip_site_furniture(items) == items


def test_copies_of_one_text_count_once_and_are_kept_whole() -> None:
    text = _text(BODIES[0][1])
    items: list[Article | Rejection] = [_article(i, text) for i in range(4)]
    assert strip_site_furniture(items) == items


def test_rejections_and_unsourced_articles_pass_through() -> None:
    rejected = Rejection("x.html", "too short")
    items: list[Article | Rejection] = [rejected, *(_article(i, _text(b), source=None)
                                                    for i, (_, b) in enumerate(BODIES))]
    assert strip_site_furniture(items) == items


def test_two_versions_of_one_story_keep_their_shared_short_sentences() -> None:
    lead = ("Fire crews spent the night fighting a blaze at the timber yard on the north quay, "
            "and smoke could be seen across the bay.")
    short = "No one was hurt."
    first = _article(1, f"{lead}\n{short}")
    update = _article(2, f"{lead}\n{short}\nThe cause is being investigated, police said.")
    other = _article(3, BODIES[0][1])
    items: list[Article | Rejection] = [first, update, other]
    assert strip_site_furniture(items) == items


def test_a_line_on_few_pages_of_a_big_outlet_stays() -> None:
    bodies = [f"Council item {i} was approved after a short debate in the chamber on Monday."
              for i in range(30)]
    texts = [f"{b}\nNo one objected." if i < 2 else b for i, b in enumerate(bodies)]
    items: list[Article | Rejection] = [_article(i, t) for i, t in enumerate(texts)]
    assert strip_site_furniture(items) == items
