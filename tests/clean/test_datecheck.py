"""Implausible publication dates are flagged with a reason; plausible ones are not."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from newsweave.clean.datecheck import FAR_MIN_DAYS, FUTURE_TOLERANCE_DAYS, flag_dates
from newsweave.model import Article, Rejection, article_id

CRAWL = dt.date(2024, 5, 10)


def _article(n: int, published: str | None) -> Article:
    text = f"Report number {n} on the harbour strike, written for this test."
    return Article(id=article_id(text), text=text, origin=f"p{n}.html", published=published)


def _flags(items: list[Article | Rejection]) -> list[str | None]:
    return [x.date_flag if isinstance(x, Article) else None
            for x in flag_dates(items, today=CRAWL)]


def _crawl_batch() -> list[Article | Rejection]:
    return [_article(i, f"2024-05-0{i}") for i in range(1, 8)]


def test_a_page_twenty_years_from_its_batch_is_flagged() -> None:
    batch = [*_crawl_batch(), _article(9, "2004-05-03")]
    flags = _flags(batch)
    assert flags[:-1] == [None] * 7
    assert flags[-1] is not None and "median" in flags[-1]


def test_a_date_after_the_crawl_is_flagged() -> None:
    later = (CRAWL + dt.timedelta(days=FUTURE_TOLERANCE_DAYS + 1)).isoformat()
    flags = _flags([_article(1, later)])
    assert flags[0] is not None and "after it was read" in flags[0]


def test_next_day_is_tolerated() -> None:
    tomorrow = (CRAWL + dt.timedelta(days=FUTURE_TOLERANCE_DAYS)).isoformat()
    assert _flags([_article(1, tomorrow)]) == [None]


def test_a_batch_spread_over_years_keeps_its_old_dates() -> None:
    years = [_article(i, f"{2000 + 2 * i}-01-15") for i in range(10)]
    assert _flags(list(years)) == [None] * 10


def test_just_inside_the_floor_is_kept() -> None:
    near = (dt.date(2024, 5, 4) - dt.timedelta(days=FAR_MIN_DAYS - 10)).isoformat()
    assert _flags([*_crawl_batch(), _article(9, near)])[-1] is None


def test_too_few_dates_have_no_median() -> None:
    assert _flags([_article(1, "2024-05-01"), _article(2, "1990-01-01")]) == [None, None]


def test_rejections_undated_and_partial_dates_pass_through() -> None:
    rejected = Rejection("x.html", "too short")
    items: list[Article | Rejection] = [rejected, _article(1, None), _article(2, "2024-05")]
    out = flag_dates([*_crawl_batch(), *items], today=CRAWL)
    assert out[-3] is rejected
    assert [x.date_flag for x in out[-2:] if isinstance(x, Article)] == [None, None]


def test_a_flag_is_cleared_when_the_date_is_plausible() -> None:
    stale = replace(_article(1, "2024-05-01"), date_flag="old reason")
    assert _flags([stale]) == [None]
