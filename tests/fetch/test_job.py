"""Fetch and ingest from the local site: feeds, sitemaps, front pages, dates, resume."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from tests.fetch.site import BRIDGE, FLOOD, FakeClock, Site

from newsweave.fetch import FetchJob, FetchPolicy, watch
from newsweave.fetch.client import Fetcher
from newsweave.fetch.job import FetchReport
from newsweave.model import Article
from newsweave.store import Store
from newsweave.store.fetchstate import FetchState


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "fetch.db") as opened:
        yield opened


@pytest.fixture
def fetcher(clock: FakeClock) -> Iterator[Fetcher]:
    client = Fetcher(FetchPolicy(timeout_s=2.0), clock=clock)
    yield client
    client.close()


def by_url(store: Store) -> dict[str, Article]:
    articles = [store.article(a) for s in store.stories() for a in s.article_ids]
    return {a.origin: a for a in articles if a is not None}


def run(store: Store, fetcher: Fetcher, *urls: str) -> FetchReport:
    return FetchJob(store, fetcher).run(list(urls))


def test_rss_entries_fetched_dated_and_summary_fallback(site: Site, store: Store,
                                                        fetcher: Fetcher) -> None:
    report = run(store, fetcher, site.url("/feed.rss"))
    assert report.listings == 1 and report.fetched == 3  # the feed and two pages
    assert report.failed == [(site.url("/news/gone"), "HTTP 404")]
    assert report.ingest is not None and report.ingest.summary.new == 3
    articles = by_url(store)
    flood = articles[site.url("/news/flood")]
    assert (flood.published, flood.published_from) == ("2026-03-02", "json-ld")
    bridge = articles[site.url("/news/bridge")]
    assert (bridge.published, bridge.published_from) == ("2026-02-28", "feed")
    assert "4 million euros" in bridge.text  # the page, not the feed's summary
    choir = articles[site.url("/news/gone")]
    assert "European final in June" in choir.text and choir.published_from == "feed"
    assert report.ingest.summaries == {site.url("/news/gone")}
    gone = FetchState(store).get(site.url("/news/gone"))
    assert gone is not None and gone.summary_only and gone.reason == "HTTP 404"


def test_second_run_downloads_no_page_again(site: Site, store: Store,
                                            fetcher: Fetcher) -> None:
    run(store, fetcher, site.url("/feed.rss"))
    again = run(store, fetcher, site.url("/feed.rss"))
    assert site.hits["/news/flood"] == 1 and site.hits["/news/bridge"] == 1
    assert site.hits["/feed.rss"] == 2  # listings are asked again for new entries
    assert again.ingest is not None and again.ingest.summary.new == 0


def test_killed_fetch_resumes_from_stored_responses(site: Site, store: Store,
                                                    fetcher: Fetcher) -> None:
    stopped = FetchJob(store, fetcher)
    stopped.seed([site.url("/feed.rss")])
    stopped.crawl(FetchReport())  # fetched, then killed before the ingest
    report = run(store, fetcher, site.url("/feed.rss"))
    assert report.ingest is not None and report.ingest.summary.new == 3
    assert site.hits["/news/flood"] == 1 and site.hits["/news/bridge"] == 1


def test_responses_kept_whole(site: Site, store: Store, fetcher: Fetcher) -> None:
    run(store, fetcher, site.url("/news/flood"))
    state = FetchState(store)
    known = state.get(site.url("/news/flood"))
    assert known is not None and known.response_id is not None and known.kind == "page"
    capture = state.response(known.response_id)
    assert capture is not None and capture.body == FLOOD.encode("utf-8")
    assert capture.header("content-type") == "text/html; charset=utf-8"
    assert capture.fetched_at.startswith(datetime.now(UTC).strftime("%Y-%m-%d"))


def test_undated_page_gets_the_capture_day(site: Site, store: Store, fetcher: Fetcher) -> None:
    run(store, fetcher, site.url("/news/bridge"))
    bridge = by_url(store)[site.url("/news/bridge")]
    assert bridge.published == datetime.now(UTC).strftime("%Y-%m-%d")
    assert bridge.published_from == "capture"


@pytest.mark.parametrize("path", ["/feed.atom", "/feed.json"])
def test_atom_and_json_feeds(site: Site, store: Store, fetcher: Fetcher, path: str) -> None:
    report = run(store, fetcher, site.url(path))
    orchard = by_url(store)[site.url("/news/orchard")]
    assert report.listings == 1
    assert (orchard.published, orchard.published_from) == ("2026-02-20", "feed")


def test_sitemap_index_to_pages_robots_obeyed(site: Site, store: Store,
                                              fetcher: Fetcher) -> None:
    report = run(store, fetcher, site.url("/sitemap-index.xml"))
    assert report.listings == 2
    bridge = by_url(store)[site.url("/news/bridge")]
    assert (bridge.published, bridge.published_from) == ("2026-02-27", "feed")
    assert (site.url("/private/secret"), "robots.txt of 127.0.0.1 disallows it") in report.failed
    assert "/private/secret" not in site.paths()


def test_front_page_feed_links_followed(site: Site, store: Store, fetcher: Fetcher) -> None:
    run(store, fetcher, site.url("/"))
    assert site.url("/news/flood") in by_url(store)
    assert "/feed.rss" in site.paths()


def test_transient_failure_kept_for_a_later_try(site: Site, store: Store,
                                                fetcher: Fetcher) -> None:
    report = run(store, fetcher, site.url("/down"))
    assert report.failed and report.failed[0][1] == "HTTP 503"
    state = FetchState(store).get(site.url("/down"))
    assert state is not None and state.state == "failed" and state.next_try is not None
    assert state.next_try > datetime.now(UTC).isoformat()


def test_watch_ingests_only_new_entries(site: Site, store: Store, fetcher: Fetcher,
                                        clock: FakeClock) -> None:
    reports: list[FetchReport] = []
    rounds = watch(store, fetcher, [site.url("/etag.rss")], 900.0,
                   on_round=lambda _, r: reports.append(r), rounds=2)
    assert rounds == 2 and 900.0 in clock.sleeps
    first, second = reports
    assert first.ingest is not None and first.ingest.summary.new == 3
    assert second.not_modified == 1 and second.fetched == 0
    assert second.ingest is not None and second.ingest.summary.new == 0
    assert site.hits["/news/flood"] == 1


def test_stop_ends_between_items(site: Site, store: Store, fetcher: Fetcher) -> None:
    job = FetchJob(store, fetcher)
    job.stop.set()
    report = job.run([site.url("/feed.rss")])
    assert report.fetched == 0
    assert FetchState(store).counts() == {"queued": 1}


def test_hosts_are_fetched_at_the_same_time(store: Store, clock: FakeClock) -> None:
    together = threading.Barrier(2, timeout=10)
    pages = {"a.example": FLOOD, "b.example": BRIDGE}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        together.wait()  # returns only while the other host's request is in flight too
        return httpx.Response(200, headers={"Content-Type": "text/html; charset=utf-8"},
                              content=pages[request.url.host].encode("utf-8"))

    fetcher = Fetcher(FetchPolicy(concurrency=2), clock=clock,
                      transport=httpx.MockTransport(handler))
    report = FetchJob(store, fetcher).run(["https://a.example/flood", "https://b.example/bridge"])
    assert report.failed == [] and report.fetched == 2
    assert report.ingest is not None and report.ingest.summary.new == 2


def test_fetched_pages_ingest_alike_on_worker_processes(tmp_path: Path) -> None:
    from newsweave.execution.executor import LocalExecutor, ProcessExecutor
    from newsweave.fetch.documents import FEED_LAYER, FetchedItem
    from newsweave.fetch.ingesting import ingest_fetched
    from newsweave.model import Document

    url = "https://outlet.example/news/"
    summary = Document(origin=f"{url}ferry", format="text", source="outlet.example",
                       published="2026-03-01", url=f"{url}ferry",
                       content="Ferry service to Holm resumes\n\nThe ferry to Holm sailed "
                               "again on Sunday after a week of storms, the operator said.")
    items = [
        FetchedItem(Document(origin=f"{url}ferry", content="<html><body></body></html>",
                             format="html", url=f"{url}ferry"), None, summary),
        FetchedItem(Document(origin=f"{url}flood", content=FLOOD, format="html",
                             url=f"{url}flood"), None, summary=None),
    ]
    outcomes = []
    for name, executor in (("local", LocalExecutor()), ("processes", ProcessExecutor(2))):
        try:
            with Store(tmp_path / f"{name}.db") as store:
                done = ingest_fetched(store, items, executor=executor)
                articles = {a.origin: a for a in store.articles()}
        finally:
            executor.close()
        ferry = articles[f"{url}ferry"]
        assert "sailed again on Sunday" in ferry.text and ferry.published_from == FEED_LAYER
        outcomes.append((done.summaries, done.summary.new, sorted(articles)))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0] == {f"{url}ferry"} and outcomes[0][1] == 2
