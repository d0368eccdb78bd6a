"""The polite client against the local site: manners, limits and failures."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from tests.fetch.site import HUGE_BYTES, FakeClock, Site

from newsweave import __version__
from newsweave.fetch.client import Fetcher, FetchFailed, Validators, retry_after
from newsweave.fetch.listing import capture_text
from newsweave.fetch.policy import FetchPolicy, HostPacer

LIMIT = 1024 * 1024


@pytest.fixture
def fetcher(clock: FakeClock) -> Iterator[Fetcher]:
    client = Fetcher(FetchPolicy(timeout_s=0.5), clock=clock)
    yield client
    client.close()


def test_user_agent_names_newsweave_and_its_version(site: Site, fetcher: Fetcher) -> None:
    fetcher.get(site.url("/news/flood"), limit=LIMIT)
    agents = {headers.get("User-Agent") for _, headers in site.requests}
    assert agents and all(f"newsweave/{__version__}" in (a or "") for a in agents)


def test_robots_disallowed_path_is_not_requested(site: Site, fetcher: Fetcher) -> None:
    with pytest.raises(FetchFailed, match=r"robots\.txt") as failed:
        fetcher.get(site.url("/private/secret"), limit=LIMIT)
    assert failed.value.retry_in_s is None
    assert "/private/secret" not in site.paths()


def test_robots_read_once_per_host(site: Site, fetcher: Fetcher) -> None:
    for path in ("/news/flood", "/news/bridge", "/news/orchard"):
        fetcher.get(site.url(path), limit=LIMIT)
    assert site.paths().count("/robots.txt") == 1


def test_one_request_per_host_per_delay_on_the_clock(site: Site, clock: FakeClock) -> None:
    fetcher = Fetcher(FetchPolicy(per_host_delay_s=1.0), clock=clock)
    for path in ("/news/flood", "/news/bridge", "/news/orchard"):
        fetcher.get(site.url(path), limit=LIMIT)
    fetcher.close()
    # robots.txt then three pages: four requests, three waits of the delay between them
    assert clock.sleeps.count(1.0) == 3
    assert clock.time == pytest.approx(1003.0)


def test_pacer_does_not_hold_other_hosts(clock: FakeClock) -> None:
    pacer = HostPacer(2.0, clock)
    pacer.wait("a.example")
    pacer.wait("b.example")
    assert clock.time == 1000.0
    pacer.wait("a.example")
    assert clock.time == pytest.approx(1002.0)


def test_500_then_200_is_retried_with_backoff(site: Site, fetcher: Fetcher,
                                              clock: FakeClock) -> None:
    capture = fetcher.get(site.url("/flaky"), limit=LIMIT)
    assert capture is not None and capture.status == 200
    assert site.paths().count("/flaky") == 2
    assert fetcher.policy.backoff_s in clock.sleeps


def test_429_honours_retry_after(site: Site, fetcher: Fetcher, clock: FakeClock) -> None:
    capture = fetcher.get(site.url("/busy"), limit=LIMIT)
    assert capture is not None and capture.status == 200
    assert 7.0 in clock.sleeps


def test_lasting_5xx_fails_with_a_retry_time(site: Site, fetcher: Fetcher) -> None:
    with pytest.raises(FetchFailed, match="HTTP 503") as failed:
        fetcher.get(site.url("/down"), limit=LIMIT)
    assert failed.value.retry_in_s is not None
    assert site.paths().count("/down") == fetcher.policy.retries + 1


def test_slow_server_times_out(site: Site, clock: FakeClock) -> None:
    fetcher = Fetcher(FetchPolicy(timeout_s=0.2, retries=0), clock=clock)
    with pytest.raises(FetchFailed, match="timed out") as failed:
        fetcher.get(site.url("/slow"), limit=LIMIT)
    fetcher.close()
    assert failed.value.retry_in_s is not None


def test_redirect_loop_is_cut(site: Site, fetcher: Fetcher) -> None:
    with pytest.raises(FetchFailed, match="redirect loop"):
        fetcher.get(site.url("/loop/a"), limit=LIMIT)
    assert site.paths().count("/loop/a") == 1


def test_redirect_followed_and_final_url_kept(site: Site, fetcher: Fetcher) -> None:
    capture = fetcher.get(site.url("/moved"), limit=LIMIT)
    assert capture is not None
    assert capture.url == site.url("/moved") and capture.final_url == site.url("/news/flood")


def test_redirects_are_bounded(site: Site, clock: FakeClock) -> None:
    fetcher = Fetcher(FetchPolicy(max_redirects=0), clock=clock)
    with pytest.raises(FetchFailed, match="more than 0 redirects"):
        fetcher.get(site.url("/moved"), limit=LIMIT)
    fetcher.close()


@pytest.mark.parametrize("url", ["ftp://example.org/x", "file:///etc/passwd"])
def test_only_http_and_https(fetcher: Fetcher, url: str) -> None:
    with pytest.raises(FetchFailed, match="only http and https"):
        fetcher.get(url, limit=LIMIT)


def test_redirect_to_another_scheme_is_refused(site: Site, fetcher: Fetcher) -> None:
    with pytest.raises(FetchFailed, match="only http and https"):
        fetcher.get(site.url("/to-ftp"), limit=LIMIT)


def test_huge_response_is_refused(site: Site, fetcher: Fetcher) -> None:
    with pytest.raises(FetchFailed, match="byte limit") as failed:
        fetcher.get(site.url("/huge"), limit=HUGE_BYTES // 2)
    assert failed.value.retry_in_s is None


def test_body_over_the_limit_without_a_length_is_cut(clock: FakeClock) -> None:
    def chunks() -> Iterator[bytes]:
        yield from (b"y" * 1000 for _ in range(100))

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=chunks())

    fetcher = Fetcher(clock=clock, transport=httpx.MockTransport(handler))
    with pytest.raises(FetchFailed, match="larger than the 5,000 byte limit"):
        fetcher.get("https://news.example/endless", limit=5000)


def test_pdf_is_refused_by_content_type(site: Site, fetcher: Fetcher) -> None:
    with pytest.raises(FetchFailed, match="application/pdf"):
        fetcher.get(site.url("/doc.pdf"), limit=LIMIT)


def test_latin1_page_decoded_by_its_header(site: Site, fetcher: Fetcher) -> None:
    capture = fetcher.get(site.url("/latin"), limit=LIMIT)
    assert capture is not None
    text = capture_text(capture)
    assert "Café owners in Marlow" in text and "\ufffd" not in text


def test_conditional_request_gives_not_modified(site: Site, fetcher: Fetcher) -> None:
    first = fetcher.get(site.url("/etag.rss"), limit=LIMIT)
    assert first is not None and first.header("etag") == '"v1"'
    again = fetcher.get(site.url("/etag.rss"), limit=LIMIT,
                        validators=Validators(etag=first.header("etag")))
    assert again is None
    assert site.requests[-1][1].get("If-None-Match") == '"v1"'


def test_retry_after_forms() -> None:
    assert retry_after((("Retry-After", "30"),)) == 30.0
    assert retry_after((("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"),)) == 0.0
    assert retry_after((("Retry-After", "soon"),)) is None
    assert retry_after(()) is None


def test_unreadable_robots_txt_fails_for_now(clock: FakeClock) -> None:
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.path)
        if request.url.path == "/robots.txt":
            return httpx.Response(503)
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=b"<p>x</p>")

    fetcher = Fetcher(clock=clock, transport=httpx.MockTransport(handler))
    with pytest.raises(FetchFailed, match="cannot be read") as failed:
        fetcher.get("https://news.example/a", limit=LIMIT)
    assert failed.value.retry_in_s is not None and asked == ["/robots.txt"]
