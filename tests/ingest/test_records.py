"""Field mapping of common news dumps to Document."""

from __future__ import annotations

from typing import Any

import pytest

from newsweave.ingest.records import parse_date, record_to_document, record_to_items
from newsweave.model import Document, Rejection


def doc(record: dict[str, Any]) -> Document:
    item = record_to_document(record, "dump.jsonl:3")
    assert isinstance(item, Document), item
    return item


def test_news_please_record() -> None:
    item = doc(
        {
            "title": "Parliament votes to expel troops",
            "maintext": "Iraq's parliament voted on Sunday.",
            "date_publish": "2020-01-05 14:03:00",
            "source_domain": "www.example-news.com",
            "url": "https://www.example-news.com/a",
            "authors": ["Jane Roe", "John Doe"],
            "language": "en",
        }
    )
    assert item.origin == "dump.jsonl:3"
    assert item.content == "Iraq's parliament voted on Sunday."
    assert item.format == "text"
    assert item.title == "Parliament votes to expel troops"
    assert item.published == "2020-01-05"
    assert item.source == "www.example-news.com"
    assert item.author == "Jane Roe, John Doe"
    assert item.url == "https://www.example-news.com/a"


def test_newsapi_style_record() -> None:
    item = doc(
        {
            "source": {"id": None, "name": "Daily Ledger"},
            "author": "A. Writer",
            "title": "Storm hits coast",
            "content": "The storm hit the coast on Friday.",
            "publishedAt": "2021-03-05T09:30:00Z",
        }
    )
    assert item.source == "Daily Ledger"
    assert item.author == "A. Writer"
    assert item.published == "2021-03-05"


@pytest.mark.parametrize("key", ["text", "maintext", "content", "body", "article"])
def test_body_keys(key: str) -> None:
    assert doc({key: "Body text."}).content == "Body text."


@pytest.mark.parametrize("key", ["html", "raw_html"])
def test_html_body_keys(key: str) -> None:
    item = doc({key: "<html><body><p>Body.</p></body></html>"})
    assert item.format == "html"


def test_text_body_wins_over_html_and_markup_in_text_is_html() -> None:
    assert doc({"text": "Plain.", "html": "<p>Plain.</p>"}).format == "text"
    assert doc({"content": "<div><p>One.</p><p>Two <a href='/x'>link</a></p></div>"}).format == (
        "html"
    )


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("source", "Outlet"),
        ("source_domain", "Outlet"),
        ("outlet", "Outlet"),
        ("site_name", "Outlet"),
        ("publisher", {"name": "Outlet"}),
    ],
)
def test_source_keys(key: str, value: Any) -> None:
    assert doc({"text": "x", key: value}).source == "Outlet"


def test_source_falls_back_to_url_host() -> None:
    assert doc({"text": "x", "url": "https://www.bbc.co.uk/news/1"}).source == "bbc.co.uk"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("date_publish", "2020-01-06 10:00:00"),
        ("published", "2020-01-06T10:00:00+03:00"),
        ("date", "2020-01-06"),
        ("pubDate", "Mon, 06 Jan 2020 10:00:00 GMT"),
        ("datePublished", "2020-01-06T23:59:59.000Z"),
        ("published", 1578304800),
        ("published", "1578304800"),
        ("date", 1578304800000),
    ],
)
def test_date_keys_and_formats(key: str, value: Any) -> None:
    assert doc({"text": "x", key: value}).published == "2020-01-06"


@pytest.mark.parametrize("value", ["yesterday", "2020-13-45", "0001-01-01", "", True, [1]])
def test_unparseable_dates_are_none(value: Any) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize("missing", ["None", "null", "", "  ", None])
def test_missing_markers(missing: Any) -> None:
    item = doc({"text": "x", "title": missing, "author": missing, "maintext": "y"})
    assert item.title is None
    assert item.author is None
    rejected = record_to_document({"text": missing, "title": "T"}, "d.jsonl:1")
    assert isinstance(rejected, Rejection)


def test_record_without_body_is_rejected_naming_its_fields() -> None:
    item = record_to_document({"title": "T", "url": "https://x.org/a", "text": "null"}, "d:2")
    assert isinstance(item, Rejection)
    assert item.origin == "d:2"
    assert "no article body" in item.reason
    assert "title, url" in item.reason
    assert '"text"' in item.reason


def test_nested_articles_yield_one_item_each() -> None:
    record = {
        "id": "r1",
        "documents": [{"title": "A", "text": "One."}, {"title": "B"}, "junk"],
        "reference": "Summary.",
    }
    items = list(record_to_items(record, "roundups.jsonl:4"))
    assert [i.origin for i in items] == [
        "roundups.jsonl:4/0",
        "roundups.jsonl:4/1",
        "roundups.jsonl:4/2",
    ]
    assert isinstance(items[0], Document)
    assert isinstance(items[1], Rejection)
    assert isinstance(items[2], Rejection)
