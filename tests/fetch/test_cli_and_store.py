"""The fetch and watch commands, the fetch tables' migration, and WARC dates."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.fetch.site import FLOOD, Site, page

from newsweave.cli.main import cli
from newsweave.fetch.polling import parse_interval
from newsweave.ingest import read_paths
from newsweave.model import Article, Document
from newsweave.pipeline import prepare_documents
from newsweave.store import Store
from newsweave.store.fetchstate import Capture, FetchState
from newsweave.store.migrations import MIGRATIONS, migrate, schema_version


def test_fetch_command_prints_the_summary(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(cli, ["fetch", site.url("/feed.rss"), site.url("/doc.pdf"),
                                      "--delay", "0", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"failed {site.url('/doc.pdf')}: content type application/pdf" in result.stderr
    assert "fetched 3, not modified 0, failed 2, from feed summaries 1" in result.stderr
    assert "new 3, duplicates 0" in result.stderr
    with Store(db, readonly=True) as store:
        assert len(store.stories()) >= 1


@pytest.mark.parametrize("every", ["10s", "soon", "5x"])
def test_watch_refuses_a_bad_interval(tmp_path: Path, every: str) -> None:
    result = CliRunner().invoke(cli, ["watch", "http://127.0.0.1:1/feed", "--every", every,
                                      "--db", str(tmp_path / "w.db")])
    assert result.exit_code == 1 and "--every" in result.stderr


def test_parse_interval() -> None:
    assert parse_interval("15m") == 900.0
    assert parse_interval("1h") == 3600.0
    assert parse_interval("90") == 90.0


def test_fetch_tables_are_migration_7_and_gaps_are_fine(tmp_path: Path) -> None:
    assert [v for v, _, _ in MIGRATIONS if v == 7] == [7]
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    applied = migrate(conn)
    assert 7 in applied and schema_version(conn) == max(v for v, _, _ in MIGRATIONS)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"fetch_urls", "fetch_responses"} <= tables
    assert migrate(conn) == []  # recorded: never run twice


def _warc(path: Path, body: str) -> None:
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped,import-not-found]

    with path.open("wb") as fh:
        writer = warcio.warcwriter.WARCWriter(fh, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                   protocol="HTTP/1.1")
        record = writer.create_warc_record(
            "https://courier.example/news/flood", "response",
            payload=io.BytesIO(body.encode("utf-8")), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2026-06-30T12:00:00Z"})
        writer.write_record(record)


def test_warc_page_date_wins_over_the_capture_day(tmp_path: Path) -> None:
    path = tmp_path / "dated.warc"
    _warc(path, FLOOD)
    (doc,) = read_paths([str(path)])
    assert isinstance(doc, Document) and doc.published is None  # the page dates itself


def test_warc_undated_page_keeps_the_capture_day(tmp_path: Path) -> None:
    path = tmp_path / "undated.warc"
    _warc(path, page("Footbridge opens", "A footbridge opened on Saturday in the town."))
    (doc,) = read_paths([str(path)])
    assert isinstance(doc, Document) and doc.published == "2026-06-30"
    assert doc.published_from == "capture"
    (article,) = prepare_documents([doc])
    assert isinstance(article, Article)
    assert (article.published, article.published_from) == ("2026-06-30", "capture")


def test_ctrl_c_keeps_what_was_fetched_and_a_rerun_resumes(
        site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "stop.db"
    keep = FetchState.put_response
    calls: list[str] = []

    def interrupted_at_third(self: FetchState, capture: Capture) -> int:
        calls.append(capture.url)
        if len(calls) == 3:  # the feed and one page stored, then Ctrl-C
            raise KeyboardInterrupt
        return keep(self, capture)

    monkeypatch.setattr(FetchState, "put_response", interrupted_at_third)
    stopped = CliRunner().invoke(cli, ["fetch", site.url("/feed.rss"), "--db", str(db)])
    assert stopped.exit_code == 130 and "interrupted" in stopped.stderr
    monkeypatch.setattr(FetchState, "put_response", keep)
    hits_before = dict(site.hits)
    resumed = CliRunner().invoke(cli, ["fetch", site.url("/feed.rss"), "--db", str(db)])
    assert resumed.exit_code == 0, resumed.output
    assert "new 3" in resumed.stderr
    pages = ("/news/flood", "/news/bridge")
    # the page whose response was stored is not asked again; the other one is
    assert sum(site.hits[p] - hits_before.get(p, 0) for p in pages) == 1
