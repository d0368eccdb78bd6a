"""WARC archives and RSS/Atom feeds (the optional ``formats`` extra)."""

from __future__ import annotations

import builtins
import io
from pathlib import Path
from typing import Any

import pytest

from newsweave.ingest import read_paths
from newsweave.model import Document, Rejection

pytest.importorskip("warcio")
pytest.importorskip("feedparser")

PAGE = (
    "<html><head><meta charset='windows-1252'><title>Vote</title></head><body>"
    "<p>Parliament voted on Sunday to expel foreign troops, the speaker said.</p>"
    "</body></html>"
)
RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Daily Ledger</title><link>https://ledger.example</link>
<item><title>Vote in parliament</title><link>https://ledger.example/vote</link>
<pubDate>Sun, 05 Jan 2020 18:00:00 GMT</pubDate><author>desk@ledger.example (Jane Roe)</author>
<description>&lt;p&gt;Parliament voted on Sunday.&lt;/p&gt;</description></item>
<item><title>No body</title><link>https://ledger.example/empty</link></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Strike</title><link href="https://wire.example/strike"/>
<updated>2020-01-03T02:00:00Z</updated><author><name>John Doe</name></author>
<content type="html">&lt;p&gt;A drone strike killed a general.&lt;/p&gt;</content></entry>
</feed>"""


def write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped,import-not-found]
    from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped,import-not-found]

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for url, ctype, body in [
            ("https://www.ledger.example/vote", "text/html", PAGE.encode("cp1252")),
            ("https://www.ledger.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2020-01-05T18:00:00Z"},
            )
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path)
    items = list(read_paths([str(path)]))
    assert [type(i) for i in items] == [Document, Rejection]
    page = items[0]
    assert isinstance(page, Document)
    assert page.format == "html" and page.content == PAGE
    assert page.url == "https://www.ledger.example/vote"
    assert page.published == "2020-01-05"
    assert page.source == "ledger.example"
    assert page.origin.startswith(f"{path}:#")
    assert isinstance(items[1], Rejection) and "image/png" in items[1].reason


def test_rss(tmp_path: Path) -> None:
    path = tmp_path / "ledger.rss"
    path.write_text(RSS)
    items = list(read_paths([str(path)]))
    assert [type(i) for i in items] == [Document, Rejection]
    entry = items[0]
    assert isinstance(entry, Document)
    # a summary, not the page: plain text that the text cleaner keeps
    assert entry.format == "text" and entry.content == "Parliament voted on Sunday."
    assert (entry.title, entry.source, entry.published) == (
        "Vote in parliament",
        "Daily Ledger",
        "2020-01-05",
    )
    assert entry.url == "https://ledger.example/vote"
    assert entry.origin == f"{path}:#0"


SHORT_ITEMS = RSS.replace(
    "&lt;p&gt;Parliament voted on Sunday.&lt;/p&gt;",
    "&lt;p&gt;Parliament voted on Sunday to ask foreign troops to leave the country."
    "&lt;/p&gt;&lt;p&gt;The motion passed with 170 votes after a long debate.&lt;br&gt;"
    "The government said it would study the text before it acts.&lt;/p&gt;",
)


def test_a_feed_item_with_a_short_summary_becomes_an_article(tmp_path: Path) -> None:
    from newsweave.model import Article
    from newsweave.pipeline import prepare_documents

    path = tmp_path / "ledger.rss"
    path.write_text(SHORT_ITEMS)
    entry = next(i for i in read_paths([str(path)]) if isinstance(i, Document))
    (article,) = prepare_documents([entry])
    assert isinstance(article, Article), article
    assert "170 votes" in article.text and article.source == "Daily Ledger"


def test_atom_sniffed_from_xml(tmp_path: Path) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(ATOM)
    (entry,) = list(read_paths([str(path)]))
    assert isinstance(entry, Document)
    assert entry.source == "Wire" and entry.author == "John Doe"
    assert entry.published == "2020-01-03"


def test_missing_extra_becomes_a_rejection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_extras(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith(("warcio", "feedparser")):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_extras)
    (tmp_path / "a.rss").write_text(RSS)
    (tmp_path / "b.warc").write_bytes(b"WARC/1.0\r\n")
    items = list(read_paths([str(tmp_path)]))
    assert [i.reason for i in items if isinstance(i, Rejection)] == [
        "feedparser is not installed: pip install 'newsweave[formats]'",
        "warcio is not installed: pip install 'newsweave[formats]'",
    ]
