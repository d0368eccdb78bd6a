"""Implausible publication dates: after the crawl, or far from the batch they came with.

A page read in a crawl was published before the crawl, and pages crawled together
were mostly published close together. A date read from a sidebar, a copyright line
or a misread "1/8/08" breaks one of the two, and placing the article by it would
split its story. Such a date stays on the article for display, with
``Article.date_flag`` saying why, and is never used to place the article in time.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import replace

from newsweave.model import Article, Rejection, day_ordinal

# A page may carry the next day's date when its time zone is ahead of the crawler's.
FUTURE_TOLERANCE_DAYS = 1
# Fewest dated articles in a batch for its median to say when the batch was published.
MIN_DATED_FOR_MEDIAN = 3
# A date is far when it is more than FAR_MIN_DAYS and FAR_SPREAD_MULTIPLE median
# absolute deviations away from the batch median. Measured on the page dates that
# newsweave.clean.metadata reads (whole half as one batch), pages flagged (floor/multiple):
#   aeb half a (87 dated, MAD 2 days):  365/any 24, 730/any 6, 1825/any 1, 3650/any 0
#   trafilatura-eval half a (390 dated, MAD 495 days): 3650/5 9, 3650/10 3, 3650/20 0,
#     365/10 3, 1825/10 3
# The sets are collections across years, not one crawl: their old dates read from
# JSON-LD, meta tags and URL paths are genuine, so the floor stays at ten years and the
# multiple at 10 (half b: aeb 0, trafilatura-eval 3 of 367). A crawl of one week has
# a MAD of days, so a page dated twenty years away is flagged there.
FAR_MIN_DAYS = 3650
FAR_SPREAD_MULTIPLE = 10.0


def _reason(day: int, today: int, median: float | None, limit: float) -> str | None:
    if day > today + FUTURE_TOLERANCE_DAYS:
        return f"{day - today} days after it was read"
    if median is not None and abs(day - median) > limit:
        return f"{round(abs(day - median))} days from the median date of its batch"
    return None


def flag_dates(
    items: Sequence[Article | Rejection], today: dt.date | None = None
) -> list[Article | Rejection]:
    """The items with every implausible ``published`` date flagged (see module doc).

    ``today`` is when the batch was read (default: today, UTC). A date already
    flagged, or given with the input, is judged the same way: an input's metadata is
    no more reliable than the page's.
    """
    now = (today or dt.datetime.now(dt.UTC).date()).toordinal()
    days = [day_ordinal(a.published) if isinstance(a, Article) else None for a in items]
    known = [d for d in days if d is not None]
    median = statistics.median(known) if len(known) >= MIN_DATED_FOR_MEDIAN else None
    spread = statistics.median(abs(d - median) for d in known) if median is not None else 0.0
    limit = max(FAR_MIN_DAYS, FAR_SPREAD_MULTIPLE * spread)
    out: list[Article | Rejection] = []
    for item, day in zip(items, days, strict=True):
        reason = None if day is None else _reason(day, now, median, limit)
        if isinstance(item, Article) and reason != item.date_flag:
            out.append(replace(item, date_flag=reason))
        else:
            out.append(item)
    return out
