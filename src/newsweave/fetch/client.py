"""A polite HTTP client: robots.txt, one request per host per delay, bounded everything.

Errors, drawn as the caller sees them::

    FetchFailed          the URL could not be fetched; ``reason`` is one line
                         ``retry_in_s`` None: do not ask again (4xx, robots, type, size)
                         ``retry_in_s`` set: it may pass (429, 5xx, timeout, network)

``Fetcher.get`` returns the ``Capture`` of a 2xx response, or None for 304 (the
caller's stored copy still holds).
"""

from __future__ import annotations

import email.utils
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

from newsweave.fetch.policy import Clock, FetchPolicy, HostPacer, RealClock
from newsweave.fetch.robots import MAX_ROBOTS_BYTES, RobotsCache
from newsweave.store.fetchstate import Capture

SCHEMES = ("http", "https")
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Media types that can hold an article, a feed or a sitemap; anything else (PDF,
# images, video) is refused before its body is read. A response without a type is
# read and sniffed.
READABLE_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "text/plain", "text/xml", "application/xml",
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/feed+json", "application/json", "text/json",
})


class FetchFailed(Exception):
    """A URL could not be fetched: ``reason`` says why, ``retry_in_s`` when to try again."""

    def __init__(self, reason: str, retry_in_s: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_in_s = retry_in_s


@dataclass(frozen=True, slots=True)
class Validators:
    """What the last response said about itself, for a conditional request."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        found = {"If-None-Match": self.etag, "If-Modified-Since": self.last_modified}
        return {k: v for k, v in found.items() if v}


@dataclass(frozen=True, slots=True)
class _Raw:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


class Fetcher:
    """GET with the manners of ``FetchPolicy``; safe to share between threads."""

    def __init__(self, policy: FetchPolicy | None = None, clock: Clock | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self.clock = clock or RealClock()
        self.pacer = HostPacer(self.policy.per_host_delay_s, self.clock)
        self.robots = RobotsCache(self._get_robots, self.clock)
        self.cancelled = threading.Event()
        self._client = httpx.Client(
            transport=transport, follow_redirects=False, timeout=self.policy.timeout_s,
            headers={"User-Agent": self.policy.user_agent})

    def close(self) -> None:
        self._client.close()

    def cancel(self) -> None:
        """Stop waiting: a worker pacing a host or backing off returns at once."""
        self.cancelled.set()
        if isinstance(self.clock, RealClock):
            self.clock.wake()

    def get(self, url: str, *, limit: int, validators: Validators | None = None) -> Capture | None:
        """The response to GET ``url`` after redirects; None when it is not modified."""
        seen = {url}
        hop = url
        for _ in range(self.policy.max_redirects + 1):
            self._check_allowed(hop)
            extra = validators.headers() if validators and hop == url else {}
            raw = self._with_retries(hop, extra, limit)
            location = dict((k.casefold(), v) for k, v in raw.headers).get("location")
            if raw.status not in REDIRECTS or not location:
                return self._final(url, hop, raw)
            hop = urljoin(hop, location)
            if hop in seen:
                raise FetchFailed(f"redirect loop back to {hop}")
            seen.add(hop)
        raise FetchFailed(f"more than {self.policy.max_redirects} redirects")

    def _check_allowed(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in SCHEMES or not parts.hostname:
            raise FetchFailed(f"only http and https URLs are fetched, not {url[:80]}")
        if not self.policy.obey_robots:
            return
        allowed = self.robots.allowed(url)
        if allowed is None:  # RFC 9309: an unreachable robots.txt disallows, for now
            raise FetchFailed(f"robots.txt of {parts.hostname} cannot be read",
                              self.policy.backoff_s)
        if not allowed:
            raise FetchFailed(f"robots.txt of {parts.hostname} disallows it")

    def _final(self, url: str, final_url: str, raw: _Raw) -> Capture | None:
        if raw.status == 304:
            return None
        if not 200 <= raw.status < 300:
            raise FetchFailed(f"HTTP {raw.status}")
        at = datetime.now(UTC).isoformat(timespec="seconds")
        return Capture(url, final_url, raw.status, raw.headers, raw.body, at)

    def _with_retries(self, url: str, headers: dict[str, str], limit: int) -> _Raw:
        """One request, tried again on 429, 5xx and network errors (with backoff)."""
        host = urlsplit(url).hostname or ""
        failure = FetchFailed("not tried")
        for attempt in range(self.policy.retries + 1):
            self.pacer.wait(host)
            if self.cancelled.is_set():
                raise FetchFailed("stopped before it was asked", 0.0)
            try:
                raw = self._once(url, headers, limit)
            except httpx.TimeoutException:
                failure = FetchFailed(f"timed out after {self.policy.timeout_s:g} s", 0.0)
                raw = None
            except httpx.TransportError as error:
                failure = FetchFailed(f"connection failed ({type(error).__name__})", 0.0)
                raw = None
            if raw is not None and raw.status != 429 and raw.status < 500:
                return raw
            wait = self.policy.backoff_s * 2 ** attempt
            if raw is not None:
                wait = retry_after(raw.headers) or wait
                failure = FetchFailed(f"HTTP {raw.status}", wait)
                if wait > self.policy.max_retry_after_s:
                    raise FetchFailed(f"HTTP {raw.status}, retry after {wait:.0f} s", wait)
            failure.retry_in_s = wait
            if attempt < self.policy.retries:
                self.pacer.hold(host, wait)
        raise failure

    def _once(self, url: str, headers: dict[str, str], limit: int) -> _Raw:
        with self._client.stream("GET", url, headers=headers) as response:
            pairs = tuple((k, v) for k, v in response.headers.multi_items())
            if not 200 <= response.status_code < 300:
                return _Raw(response.status_code, pairs, b"")
            _check_type(response.headers.get("content-type"))
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FetchFailed(_too_big(int(declared), limit))
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > limit:
                    raise FetchFailed(_too_big(None, limit))
            return _Raw(response.status_code, pairs, bytes(body))

    def _get_robots(self, url: str) -> tuple[int, bytes] | None:
        """robots.txt of a site (redirects followed), paced like any request."""
        self.pacer.wait(urlsplit(url).hostname or "")
        try:
            response = self._client.get(url, follow_redirects=True)
        except httpx.HTTPError:
            return None
        return response.status_code, response.content[:MAX_ROBOTS_BYTES]


def media_type(content_type: str | None) -> str:
    """``text/html`` of ``text/HTML; charset=utf-8``; empty when absent."""
    return (content_type or "").split(";")[0].strip().casefold()


def _check_type(content_type: str | None) -> None:
    media = media_type(content_type)
    if media and media not in READABLE_TYPES and not media.endswith(("+xml", "+json")):
        raise FetchFailed(f"content type {media[:60]} is not a page or a feed: skipped")


def _too_big(size: int | None, limit: int) -> str:
    """``size`` None: the body ran past the limit without saying its length."""
    told = "larger than" if size is None else f"{size:,} bytes, over"
    return f"response is {told} the {limit:,} byte limit: skipped"


def retry_after(headers: tuple[tuple[str, str], ...]) -> float | None:
    """Seconds a Retry-After header asks for (delta seconds or an HTTP date)."""
    value = next((v for k, v in headers if k.casefold() == "retry-after"), "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
