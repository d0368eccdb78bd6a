"""to_article / clean_documents: titles, metadata precedence, rejections, HTML robustness."""

from __future__ import annotations

from newsweave.clean import MIN_ARTICLE_WORDS, clean_documents, to_article
from newsweave.clean.html import extract_page
from newsweave.model import Article, Document, Rejection, article_id

BODY = (
    "Rescue teams reached the village of Ortiga on Sunday, two days after a landslide cut "
    "the only road into the valley, the regional civil protection agency said.\n\n"
    "At least 42 homes were damaged and about 300 residents spent the night in the school "
    "gymnasium, according to the mayor, who asked for more tents and drinking water.\n\n"
    "Engineers expect to reopen one lane of the road by Wednesday if the rain holds off."
)


def _text_doc(content: str, **meta: str) -> Document:
    return Document(origin="in/ortiga.txt", content=content, format="text", **meta)


def test_markdown_heading_becomes_title() -> None:
    art = to_article(_text_doc("# Landslide cuts off Ortiga\n\n" + BODY))
    assert isinstance(art, Article)
    assert art.title == "Landslide cuts off Ortiga"
    assert art.text == BODY and art.id == article_id(BODY)


def test_short_unpunctuated_first_paragraph_becomes_title() -> None:
    art = to_article(_text_doc("Landslide cuts off Ortiga\n\n" + BODY))
    assert isinstance(art, Article)
    assert art.title == "Landslide cuts off Ortiga" and art.text == BODY


def test_first_sentence_is_not_a_title() -> None:
    art = to_article(_text_doc(BODY))
    assert isinstance(art, Article)
    assert art.title is None and art.text == BODY


def test_document_metadata_wins() -> None:
    art = to_article(_text_doc("# Heading\n\n" + BODY, title="Given", source="Valley News"))
    assert isinstance(art, Article)
    assert (art.title, art.source) == ("Given", "Valley News")


def test_rejects_too_short_and_empty() -> None:
    short = to_article(_text_doc("Road closed."))
    assert isinstance(short, Rejection)
    assert short.reason == f"too short: 2 words, need at least {MIN_ARTICLE_WORDS}"
    empty = to_article(_text_doc("Home\nNews\nSign in\nSubscribe"))
    assert isinstance(empty, Rejection)
    assert empty.reason.startswith("no article text found after removing boilerplate")


def test_clean_documents_keeps_order_and_uses_batch_stats() -> None:
    furniture = "Valley Courier morning edition"
    docs = [_text_doc(f"{BODY}\n{furniture}\n{BODY}") for _ in range(3)]
    out = clean_documents([*docs, _text_doc("too short")])
    assert [type(o) for o in out] == [Article, Article, Article, Rejection]
    assert all(furniture not in o.text for o in out if isinstance(o, Article))


PAGE = f"""<!doctype html><html><head><title>Landslide cuts off Ortiga - Valley News</title>
<meta property="og:site_name" content="Valley News">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2024-03-10T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Landslide cuts off Ortiga</h1>
{"".join(f"<p>{p}</p>" for p in BODY.split(chr(10) * 2))}
</article><footer>Copyright 2024 Valley News. All rights reserved.</footer></body></html>"""


def test_html_page_text_and_metadata() -> None:
    page = extract_page(PAGE, "https://www.valleynews.example/ortiga")
    assert page is not None
    assert "At least 42 homes were damaged" in page.text
    assert "All rights reserved" not in page.text
    assert page.source == "Valley News" and page.published == "2024-03-10"
    assert page.author == "Ana Ruiz"


def test_html_document_metadata_wins_and_gaps_are_filled() -> None:
    doc = Document(origin="p.html", content=PAGE, format="html", source="VN")
    art = to_article(doc)
    assert isinstance(art, Article)
    assert art.source == "VN" and art.published == "2024-03-10"


def test_truncated_or_garbage_html_does_not_raise() -> None:
    assert extract_page("") is None
    cut = PAGE[: PAGE.index("Engineers expect")]  # truncated inside the last paragraph
    truncated = extract_page(cut)
    assert truncated is not None and "Rescue teams reached" in truncated.text
    junk = [
        PAGE[: len(PAGE) // 2],
        "<<<>>>&&&",
        "\x00\x01<p>",
        "<html>" * 500,
        "<div>" * 5000 + "<p>deep</p>",
        '<?xml version="1.0" encoding="ISO-8859-1"?>' + PAGE,
        "<html><body><p>\ud800 lone surrogate</p></body></html>",
    ]
    for page in junk:
        result = extract_page(page)
        assert result is None or result.text
    rejected = to_article(Document(origin="x.html", content="<html></html>", format="html"))
    assert isinstance(rejected, Rejection)
