"""``newsweave fetch`` and ``newsweave watch``: articles from the web into the store."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from newsweave.cli.main import cli, db_option, one_line_errors
from newsweave.cli.text import printable
from newsweave.fetch.policy import CONCURRENCY, PER_HOST_DELAY_S, TIMEOUT_S, FetchPolicy

if TYPE_CHECKING:
    from newsweave.fetch import Fetcher, FetchReport

F = Callable[..., Any]


def politeness_options(fn: F) -> F:
    """``--delay``, ``--concurrency`` and ``--timeout``, shared by fetch and watch."""
    fn = click.option("--timeout", type=click.FloatRange(min=0.1), default=TIMEOUT_S,
                      show_default=True, help="Seconds to wait for a server before giving up.")(fn)
    fn = click.option("--concurrency", type=click.IntRange(1, 64), default=CONCURRENCY,
                      show_default=True, help="Hosts fetched at the same time.")(fn)
    return click.option("--delay", type=click.FloatRange(min=0.0), default=PER_HOST_DELAY_S,
                        show_default=True, help="Seconds between two requests to one host.")(fn)


def _policy(delay: float, concurrency: int, timeout: float) -> FetchPolicy:
    return FetchPolicy(per_host_delay_s=delay, concurrency=concurrency, timeout_s=timeout)


@cli.command()
@click.argument("urls", nargs=-1, required=True)
@politeness_options
@db_option
@one_line_errors
def fetch(urls: tuple[str, ...], delay: float, concurrency: int, timeout: float,
          db: Path) -> None:
    """Fetch articles, feeds (RSS, Atom, JSON Feed), sitemaps or front pages and ingest them.

    Every response is kept in the store: a page is never downloaded twice, and a
    stopped fetch resumes where it was. robots.txt is obeyed.

    Example: newsweave fetch https://example.com/feed.xml https://example.com/news/a-story
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from newsweave.fetch import Fetcher, FetchJob
    from newsweave.store import Store

    console = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with (Store(db) as store, _closing(Fetcher(_policy(delay, concurrency, timeout))) as fetcher,
          Progress(*columns, console=console, transient=True) as bar):
        fetching = bar.add_task("fetch: urls", total=None)
        ingesting = bar.add_task("ingest: pages", total=None, visible=False)
        job = FetchJob(store, fetcher, progress=lambda done, total: bar.update(
            fetching, completed=done, total=total))
        report = job.run(list(urls), ingest_progress=lambda n: bar.update(
            ingesting, advance=n, visible=True))
    _print_report(report, db)


@cli.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option("--every", default="15m", show_default=True,
              help="Time between two polls: 90s, 15m, 1h (at least a minute).")
@politeness_options
@db_option
@one_line_errors
def watch(feeds: tuple[str, ...], every: str, delay: float, concurrency: int, timeout: float,
          db: Path) -> None:
    """Poll feeds and ingest their new entries until Ctrl-C.

    Unchanged feeds cost a conditional request; entries already fetched are skipped;
    a restarted watch picks up where it stopped.

    Example: newsweave watch https://example.com/rss.xml --every 15m
    """
    from newsweave.cli.jobs import format_summary
    from newsweave.fetch import Fetcher, parse_interval
    from newsweave.fetch import watch as watch_feeds
    from newsweave.store import Store

    every_s = parse_interval(every)

    def on_round(n: int, report: FetchReport) -> None:
        at = datetime.now(UTC).strftime("%H:%M:%S")
        click.echo(f"round {n} ({at} UTC): {_fetch_line(report)}; "
                   f"{format_summary(report.ingest.summary, db) if report.ingest else ''}",
                   err=True)

    with Store(db) as store, _closing(Fetcher(_policy(delay, concurrency, timeout))) as fetcher:
        watch_feeds(store, fetcher, list(feeds), every_s, on_round=on_round)


@contextmanager
def _closing(fetcher: Fetcher) -> Iterator[Fetcher]:
    try:
        yield fetcher
    finally:
        fetcher.close()


def _fetch_line(report: FetchReport) -> str:
    summaries = len(report.ingest.summaries) if report.ingest else 0
    return (f"fetched {report.fetched}, not modified {report.not_modified}, "
            f"failed {len(report.failed)}, from feed summaries {summaries}")


def _print_report(report: FetchReport, db: Path) -> None:
    """Failures with their reasons, then the fetch line and the ingest summary."""
    from newsweave.cli.jobs import REASONS_SHOWN, format_summary

    for url, reason in report.failed:
        click.echo(printable(f"failed {url}: {reason}"), err=True)
    if report.ingest is not None:
        for origin, reason in report.ingest.summary.rejected:
            click.echo(printable(f"rejected {origin}: {reason}"), err=True)
    click.echo(_fetch_line(report), err=True)
    for reason, n in Counter(r for _, r in report.failed).most_common(REASONS_SHOWN):
        click.echo(printable(f"  {n} x {reason}"), err=True)
    if report.ingest is not None:
        click.echo(format_summary(report.ingest.summary, db), err=True)
