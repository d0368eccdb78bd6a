"""robots.txt, read once per site and kept ``ROBOTS_TTL_S`` (RFC 9309).

A missing robots.txt (any 4xx) allows everything; one that cannot be read (5xx, a
network error) disallows the whole site for now, as RFC 9309 asks, and is tried
again after the time to live.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from newsweave.fetch.policy import ROBOTS_AGENT, ROBOTS_TTL_S, Clock

# An unreadable robots.txt is asked again after this, not after the full time to live
# (the job retries a URL failed for it no sooner than this, either).
UNREADABLE_TTL_S = 600.0
# RFC 9309 asks crawlers to read at least the first 500 KiB of a robots.txt.
MAX_ROBOTS_BYTES = 500 * 1024

# (status, body) of a GET, or None when the server could not be reached.
RobotsGetter = Callable[[str], tuple[int, bytes] | None]


class RobotsCache:
    """Whether robots.txt lets newsweave fetch a URL, per site (scheme and host)."""

    def __init__(self, get: RobotsGetter, clock: Clock, ttl_s: float = ROBOTS_TTL_S) -> None:
        self._get = get
        self._clock = clock
        self._ttl_s = ttl_s
        self._sites: dict[str, tuple[float, RobotFileParser | None]] = {}
        self._lock = threading.Lock()

    def allowed(self, url: str) -> bool | None:
        """True or False as robots.txt says; None when it could not be read."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            cached = self._sites.get(site)
        if cached is None or self._clock.now() - cached[0] > self._ttl(cached[1]):
            cached = (self._clock.now(), self._load(site))
            with self._lock:
                self._sites[site] = cached
        parser = cached[1]
        return None if parser is None else parser.can_fetch(ROBOTS_AGENT, url)

    def _ttl(self, parser: RobotFileParser | None) -> float:
        return self._ttl_s if parser is not None else UNREADABLE_TTL_S

    def _load(self, site: str) -> RobotFileParser | None:
        got = self._get(f"{site}/robots.txt")
        if got is None or got[0] >= 500:
            return None
        parser = RobotFileParser(f"{site}/robots.txt")
        if got[0] >= 400:
            parser.parse([])  # no rules: everything allowed
        else:
            text = got[1][:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
            parser.parse(text.splitlines())
        return parser
