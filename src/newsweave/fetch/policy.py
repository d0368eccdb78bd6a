"""How politely and how far ``newsweave fetch`` goes: limits, delays and the clock.

Every limit is one field of ``FetchPolicy`` with its default here; the CLI exposes the
ones a user tunes. Waiting goes through a ``Clock`` so tests run the politeness rules
on a fake clock and never sleep.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Protocol

from newsweave import __version__

# Name robots.txt rules address us by, and the user agent every request carries.
ROBOTS_AGENT = "newsweave"
USER_AGENT = f"newsweave/{__version__} (news reader; +https://pypi.org/project/newsweave/)"

# One request per host per second: a site never has more than one of our requests
# at a time, and a feed of 100 entries is still read in under two minutes.
PER_HOST_DELAY_S = 1.0
# Hosts fetched at once: each has its own delay, so this is parallelism across sites.
CONCURRENCY = 8
# Connect/read timeout per request: a news page arrives well within it; a server that
# sends nothing for this long is down or stalling.
TIMEOUT_S = 20.0
# Same limit as a file read from disk (newsweave.ingest.readers.MAX_DOCUMENT_BYTES):
# the largest page of the evaluation sets is 1.6 MB; feeds and sitemaps get more.
MAX_PAGE_BYTES = 10 * 1024 * 1024
MAX_LISTING_BYTES = 50 * 1024 * 1024
# Redirect hops followed: news sites chain http -> https -> www -> canonical (3).
MAX_REDIRECTS = 5
# Tries per request on 429, 5xx and network errors, waiting BACKOFF_S, then twice
# that, ... unless the server says how long (Retry-After).
RETRIES = 3
BACKOFF_S = 2.0
# A Retry-After longer than this is not waited for in the run: the URL is failed
# with its next try set that far ahead, and a later run picks it up.
MAX_RETRY_AFTER_S = 120.0
# robots.txt is read once per host and kept this long: RFC 9309 asks that a cached
# copy be used for no more than 24 hours.
ROBOTS_TTL_S = 24 * 3600.0


class Clock(Protocol):
    """Time and waiting, injectable (tests pass a fake that records the waits)."""

    def now(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class RealClock:
    """The machine's monotonic clock and real sleeps, which ``wake`` cuts short."""

    def __init__(self) -> None:
        self._woken = threading.Event()

    def now(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self._woken.wait(seconds)

    def wake(self) -> None:
        """End every sleep now and to come (the run is stopping: Ctrl-C)."""
        self._woken.set()


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """The politeness and safety limits of one fetch (see the module constants)."""

    per_host_delay_s: float = PER_HOST_DELAY_S
    concurrency: int = CONCURRENCY
    timeout_s: float = TIMEOUT_S
    max_page_bytes: int = MAX_PAGE_BYTES
    max_listing_bytes: int = MAX_LISTING_BYTES
    max_redirects: int = MAX_REDIRECTS
    retries: int = RETRIES
    backoff_s: float = BACKOFF_S
    max_retry_after_s: float = MAX_RETRY_AFTER_S
    obey_robots: bool = True
    user_agent: str = USER_AGENT


class HostPacer:
    """At most one request per host every ``delay_s`` seconds, across threads.

    Each call reserves the host's next slot under a lock, then waits outside it, so
    requests to other hosts never wait for this one.
    """

    def __init__(self, delay_s: float, clock: Clock) -> None:
        self.delay_s = delay_s
        self.clock = clock
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self._lock:
            now = self.clock.now()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self.delay_s
        self.clock.sleep(slot - now)

    def hold(self, host: str, seconds: float) -> None:
        """Keep ``host`` idle for ``seconds`` (it asked us to, with Retry-After)."""
        with self._lock:
            until = self.clock.now() + seconds
            self._next[host] = max(self._next.get(host, until), until)
