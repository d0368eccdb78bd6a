"""Page metadata: title, outlet and date traps on pages written for these tests."""

from __future__ import annotations

import json

from newsweave.clean.html import extract_page
from newsweave.clean.metadata import read_metadata, strip_site
from newsweave.clean.pagedates import dates_in_text

BODY = ("<p>The harbour master said the storm would keep every ferry in port until "
        "Thursday, and the council opened two shelters near the old quay.</p>" * 3)


def page(head: str, body: str = BODY, lang: str = "en") -> str:
    return f'<html lang="{lang}"><head>{head}</head><body>{body}</body></html>'


def ld(**fields: object) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", **fields}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_site_suffix_is_removed_from_the_title() -> None:
    html = page('<title>Storm closes harbour for two days | The Daily Planet</title>'
                '<meta property="og:site_name" content="The Daily Planet">')
    meta = read_metadata(html, "https://planet.example/news/storm")
    assert meta.title == "Storm closes harbour for two days"
    assert meta.title_from == "title"


def test_suffix_repeated_across_candidates_goes_without_a_site_name() -> None:
    html = page('<title>Storm closes harbour - Coastal Herald</title>'
                '<meta property="og:title" content="Storm closes harbour - Coastal Herald">',
                "<h1>Storm closes harbour</h1>" + BODY)
    assert read_metadata(html, None).title == "Storm closes harbour"


def test_separator_row_and_stylesheet_name_are_never_titles() -> None:
    html = page('<title>| | | |</title><meta property="og:title" content="main.css">',
                "<h1>Council approves new bridge budget</h1>" + BODY)
    meta = read_metadata(html, "https://example.org/p050.html")
    assert meta.title == "Council approves new bridge budget"
    assert meta.title_from == "h1"


def test_outlet_name_alone_is_not_a_title() -> None:
    html = page('<title>The Daily Planet</title>'
                '<meta property="og:site_name" content="The Daily Planet">',
                "<h1>The Daily Planet</h1><h1>Ferries stay in port</h1>" + BODY)
    assert read_metadata(html, None).title != "The Daily Planet"


def test_hyphen_inside_a_headline_is_kept() -> None:
    headline = "Jedi review - shoots for the moon, lands among the stars"
    html = page(f"<title>{headline} - Game Site</title>"
                f'<meta property="og:title" content="{headline} - Game Site">'
                + ld(headline=headline), f"<h1>{headline}</h1>" + BODY)
    assert read_metadata(html, "https://gamesite.example/r").title == headline


def test_outlet_named_only_in_og_site_name() -> None:
    html = page('<title>Ferries stay in port</title>'
                '<meta property="og:site_name" content="Harbour Weekly">')
    meta = read_metadata(html, "https://hw-news.example/a/1")
    assert (meta.outlet, meta.outlet_from) == ("Harbour Weekly", "og:site_name")


def test_outlet_from_json_ld_publisher_before_og_site_name() -> None:
    html = page('<meta property="og:site_name" content="Weekend Edition">'
                + ld(headline="Ferries stay in port",
                     publisher={"@type": "Organization", "name": "Northern Gazette"}))
    meta = read_metadata(html, "https://www.northerngazette.example/2019/ferries")
    assert (meta.outlet, meta.outlet_from) == ("Northern Gazette", "json-ld")


def test_outlet_falls_back_to_the_canonical_domain() -> None:
    html = page('<link rel="canonical" href="https://www.harbour.example/story/1">'
                "<title>Ferries stay in port</title>")
    meta = read_metadata(html, "file:///tmp/p050.html")
    assert (meta.outlet, meta.outlet_from) == ("harbour.example", "domain")
    assert meta.url == "https://www.harbour.example/story/1"


def test_wrong_date_trap_json_ld_wins_over_sidebar_and_text() -> None:
    body = ('<aside class="sidebar"><time datetime="2017-01-01">Old story</time></aside>'
            "<p>The pier, rebuilt on 1/8/08, held. </p>" + BODY)
    html = page(ld(headline="Ferries stay in port", datePublished="2019-05-03T10:00:00Z"), body)
    meta = read_metadata(html, None, text="The pier, rebuilt on 1/8/08, held.")
    assert (meta.published, meta.published_from) == ("2019-05-03", "json-ld")


def test_sidebar_time_is_not_the_page_date() -> None:
    body = ('<aside><time datetime="2017-01-01">Old story</time></aside>'
            '<article><time datetime="2019-05-03T08:00">3 May</time>' + BODY + "</article>")
    meta = read_metadata(page("", body), None)
    assert (meta.published, meta.published_from) == ("2019-05-03", "time")


def test_ambiguous_numeric_date_is_not_used_without_a_decider() -> None:
    text = "The pier, rebuilt on 1/8/08, held."
    assert read_metadata(page("", BODY, lang="en"), None, text=text).published is None
    assert read_metadata(page("", BODY, lang="en-GB"), None, text=text).published == "2008-08-01"
    assert read_metadata(page("", BODY, lang="en-US"), None, text=text).published == "2008-01-08"


def test_another_date_on_the_page_decides_a_numeric_date() -> None:
    assert list(dates_in_text("on 1/8/08", None, {"2008-08-01"})) == ["2008-08-01"]
    assert list(dates_in_text("on 25/8/08", None, set())) == ["2008-08-25"]


def test_date_from_the_url_path() -> None:
    meta = read_metadata(page("<title>Ferries stay in port</title>"),
                         "https://news.example/2019/05/03/ferries-stay/")
    assert (meta.published, meta.published_from) == ("2019-05-03", "url")


def test_strip_site_drops_a_section_beside_the_site_name() -> None:
    assert strip_site("Ferries stay in port for two days - Local - Harbour Weekly",
                      {"harbourweekly"}, set()) == "Ferries stay in port for two days"


def test_extract_page_records_where_each_field_came_from() -> None:
    html = page('<title>Storm closes harbour for two days | The Daily Planet</title>'
                '<meta property="og:site_name" content="The Daily Planet">'
                '<meta property="article:published_time" content="2019-05-03T09:00:00Z">')
    result = extract_page(html, "https://planet.example/storm")
    assert result is not None
    assert result.title == "Storm closes harbour for two days"
    assert (result.source, result.source_from) == ("The Daily Planet", "og:site_name")
    assert (result.published, result.published_from) == ("2019-05-03", "meta")
    assert result.language == "en"


def test_article_carries_provenance_through_the_store_codec() -> None:
    from newsweave.clean import to_article
    from newsweave.model import Article, Document
    from newsweave.model.codec import from_json, to_json

    html = page('<title>Storm closes harbour for two days | The Daily Planet</title>'
                '<meta property="og:site_name" content="The Daily Planet">')
    article = to_article(Document(origin="p050.html", content=html, format="html",
                                  published="2019-05-04"))
    assert isinstance(article, Article)
    assert (article.source, article.source_from) == ("The Daily Planet", "og:site_name")
    assert (article.published, article.published_from) == ("2019-05-04", "document")
    assert from_json(Article, to_json(article)) == article
    old_record = json.loads(to_json(article))
    for key in ("title_from", "source_from", "published_from"):
        del old_record[key]
    assert from_json(Article, json.dumps(old_record)).source_from is None


def test_broken_json_ld_still_names_the_publisher() -> None:
    broken = ('<script type="application/ld+json">{"@type": "NewsArticle", '
              '"publisher": {"@type": "Organization", "name": "Northern Gazette"}, '
              "\"description\": 'single quotes are not JSON'}</script>"
              '<meta property="og:site_name" content="Weekend Edition">')
    meta = read_metadata(page(broken), "https://northerngazette.example/a")
    assert (meta.outlet, meta.outlet_from) == ("Northern Gazette", "json-ld")
