"""``newsweave watch``: fetch the same feeds again and again, ingesting new entries.

Each round is one ``FetchJob`` over the feeds: unchanged feeds answer 304, entries
already fetched are not fetched again, so a round ingests only what is new, and a
restarted watch resumes from the store. Ctrl-C (KeyboardInterrupt) ends it between
two items or during the wait.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from newsweave.errors import NewsweaveError
from newsweave.fetch.client import Fetcher
from newsweave.fetch.job import FetchJob, FetchReport
from newsweave.store import Store

# Shortest interval accepted: polling a feed more often than once a minute gains
# nothing (news feeds are cached for minutes) and burdens the outlet.
MIN_INTERVAL_S = 60.0
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)")


def parse_interval(text: str) -> float:
    """Seconds of an interval like ``15m``, ``1h``, ``90s`` or ``300`` (seconds)."""
    match = _INTERVAL.fullmatch(text.strip().lower())
    if match is None:
        raise NewsweaveError(
            f"--every {text!r}: not an interval; write a number and a unit, like 15m or 1h")
    seconds = float(match.group(1)) * _UNITS[match.group(2) or "s"]
    if seconds < MIN_INTERVAL_S:
        raise NewsweaveError(
            f"--every {text!r}: under {MIN_INTERVAL_S:g} s; poll feeds at most once a minute")
    return seconds


def watch(store: Store, fetcher: Fetcher, feeds: Sequence[str], every_s: float, *,
          on_round: Callable[[int, FetchReport], None] | None = None,
          rounds: int | None = None) -> int:
    """Poll ``feeds`` every ``every_s`` seconds (``rounds`` times, or until Ctrl-C).

    Waits on ``fetcher.clock``; returns the number of rounds run.
    """
    done = 0
    while rounds is None or done < rounds:
        if done:
            fetcher.clock.sleep(every_s)
        report = FetchJob(store, fetcher).run(feeds)
        done += 1
        if on_round is not None:
            on_round(done, report)
    return done
