"""fetch stage: URLs, feeds (RSS, Atom, JSON Feed), sitemaps and front pages -> store.

A polite client (``client``: robots.txt, per-host pacing, retries, limits) downloads;
every response is kept in the store with each URL's state (``store.fetchstate``);
``listing`` reads feeds and sitemaps for article URLs; ``documents`` turns stored
responses into ``Document``s with a dated layer; ``ingesting`` feeds them to the same
ingest job as files; ``job`` ties these together and ``polling`` watches feeds.

Names are imported on first use: the ingest job behind ``FetchJob`` loads the whole
pipeline, which commands that only read their options (``--help``) must not pay for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsweave.fetch.client import Fetcher, FetchFailed
    from newsweave.fetch.job import FetchJob, FetchReport
    from newsweave.fetch.policy import Clock, FetchPolicy, RealClock
    from newsweave.fetch.polling import parse_interval, watch

_HOMES = {
    "Clock": "policy", "FetchPolicy": "policy", "RealClock": "policy",
    "Fetcher": "client", "FetchFailed": "client",
    "FetchJob": "job", "FetchReport": "job",
    "parse_interval": "polling", "watch": "polling",
}

__all__ = [
    "Clock",
    "FetchFailed",
    "FetchJob",
    "FetchPolicy",
    "FetchReport",
    "Fetcher",
    "RealClock",
    "parse_interval",
    "watch",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'newsweave.fetch' has no attribute {name!r}")
    return getattr(importlib.import_module(f"newsweave.fetch.{home}"), name)
