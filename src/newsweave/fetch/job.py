"""One fetch: seeds to listings to pages, every response stored, then one ingest.

URLs go through the store's fetch state (``newsweave.store.fetchstate``): a run
fetches every URL that is queued or due for another try, reads listings (feeds,
sitemaps, front pages) for more URLs, and repeats until none is left; then it ingests
every fetched page not ingested yet. Listings given again are asked again (with
ETag / Last-Modified, so an unchanged feed costs a 304); a page fetched once is never
downloaded again. Hosts are fetched in parallel, each host's URLs one after the
other at its pace; the store is written from this thread only.
"""

from __future__ import annotations

import queue
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from newsweave.fetch.client import Fetcher, FetchFailed, Validators
from newsweave.fetch.documents import FetchedItem, fetched_item
from newsweave.fetch.ingesting import FetchIngest, ingest_fetched
from newsweave.fetch.listing import Listing, read_listing
from newsweave.store import Store
from newsweave.store.fetchstate import Capture, FetchState, UrlState

# A URL whose failure may pass (429, 5xx, timeout) is tried again by a later run, no
# sooner than this, at most MAX_ATTEMPTS times in all: then it is failed for good.
RETRY_LATER_S = 600.0
MAX_ATTEMPTS = 5
NOT_A_LISTING = "not a feed, a sitemap or a front page with feed links"

Outcome = Capture | None | FetchFailed  # None: not modified (304)
FetchProgress = Callable[[int, int], None]  # URLs done, URLs known so far


@dataclass
class FetchReport:
    """What one fetch did: URLs fetched and failed, and the ingest of the pages."""

    fetched: int = 0
    not_modified: int = 0
    listings: int = 0
    queued: int = 0  # new URLs found in listings
    failed: list[tuple[str, str]] = field(default_factory=list)
    ingest: FetchIngest | None = None


class FetchJob:
    """Fetch and ingest into ``store`` with ``fetcher``; ``stop`` ends it between items."""

    def __init__(self, store: Store, fetcher: Fetcher, *,
                 progress: FetchProgress | None = None,
                 stop: threading.Event | None = None) -> None:
        self.store = store
        self.state = FetchState(store)
        self.fetcher = fetcher
        self.progress = progress
        self.stop = stop or threading.Event()

    def run(self, urls: Sequence[str],
            ingest_progress: Callable[[int], None] | None = None) -> FetchReport:
        """Fetch ``urls`` and all they list, then ingest the new pages."""
        report = FetchReport()
        self.seed(urls)
        self.crawl(report)
        items = self.pending_items()
        report.ingest = ingest_fetched(self.store, items, progress=ingest_progress)
        for item in items:
            self.state.mark_ingested(item.item.origin,
                                     summary_only=item.item.origin in report.ingest.summaries)
        return report

    def seed(self, urls: Sequence[str]) -> None:
        """Queue the URLs given; listings and failed pages among them are asked again."""
        for url in urls:
            known = self.state.get(url)
            if known is None:
                self.state.queue(url, "seed")
            elif known.kind != "page" or known.state == "failed":
                self.state.requeue(url)

    def crawl(self, report: FetchReport) -> None:
        """Fetch until nothing is due; each response is stored as it arrives."""
        tried: set[str] = set()
        done = 0
        while not self.stop.is_set():
            due = [s for s in self.state.due(_iso(datetime.now(UTC))) if s.url not in tried]
            if not due:
                return
            tried.update(s.url for s in due)
            for state, outcome in self._fetch_all(due):
                self._record(state, outcome, report, tried)
                done += 1
                if self.progress is not None:
                    self.progress(done, done + self.state.counts().get("queued", 0))

    def pending_items(self) -> list[FetchedItem]:
        """Fetched pages not ingested yet, and failed ones the feed summarised."""
        items = []
        for state in self.state.pages_to_ingest():
            capture = None
            if state.state == "fetched" and state.response_id is not None:
                capture = self.state.response(state.response_id)
            item = fetched_item(state, capture)
            if capture is None and item.summary is None and not item.summary_only:
                self.state.mark_ingested(state.url, summary_only=False)  # reported as failed
                continue
            items.append(item)
        return items

    def _fetch_all(self, due: list[UrlState]) -> Iterator[tuple[UrlState, Outcome]]:
        """Outcomes as they arrive: hosts in parallel, each host's URLs in order."""
        by_host: dict[str, list[UrlState]] = defaultdict(list)
        for state in due:
            by_host[urlsplit(state.url).hostname or ""].append(state)
        results: queue.Queue[tuple[UrlState, Outcome] | None] = queue.Queue()
        pool = ThreadPoolExecutor(max_workers=max(1, self.fetcher.policy.concurrency))
        finished = 0
        try:
            for group in by_host.values():
                pool.submit(self._fetch_group, group, results)
            while finished < len(by_host):
                got = results.get()
                if got is None:
                    finished += 1
                else:
                    yield got
        finally:
            if finished < len(by_host):  # interrupted: workers stop before their next URL
                self.stop.set()
                self.fetcher.cancel()
            pool.shutdown(wait=False, cancel_futures=True)

    def _fetch_group(self, group: list[UrlState],
                     results: queue.Queue[tuple[UrlState, Outcome] | None]) -> None:
        try:
            for state in group:
                if self.stop.is_set():
                    return
                results.put((state, self._fetch_one(state)))
        finally:
            results.put(None)

    def _fetch_one(self, state: UrlState) -> Outcome:
        policy = self.fetcher.policy
        limit = policy.max_page_bytes if state.kind == "page" else policy.max_listing_bytes
        validators = None
        if state.kind != "page" and state.response_id is not None:
            validators = Validators(state.etag, state.last_modified)
        try:
            return self.fetcher.get(state.url, limit=limit, validators=validators)
        except FetchFailed as failure:
            return failure
        except Exception as error:  # one odd response must not stop the run
            return FetchFailed(f"unexpected error ({type(error).__name__}: {error})"[:200])

    def _record(self, state: UrlState, outcome: Outcome, report: FetchReport,
                tried: set[str]) -> None:
        if isinstance(outcome, FetchFailed):
            self._fail(state, outcome, report)
        elif outcome is None:
            report.not_modified += 1
            self.state.not_modified(state.url)
        else:
            report.fetched += 1
            self.state.put_response(outcome)
            if state.kind != "page":
                self._read_listing(state, outcome, report, tried)

    def _fail(self, state: UrlState, failure: FetchFailed, report: FetchReport) -> None:
        next_try = None
        reason = failure.reason
        if failure.retry_in_s is not None:
            if state.attempts + 1 < MAX_ATTEMPTS:
                wait = max(failure.retry_in_s, RETRY_LATER_S)
                next_try = _iso(datetime.now(UTC) + timedelta(seconds=wait))
            else:
                reason = f"{reason} (gave up after {MAX_ATTEMPTS} tries)"
        report.failed.append((state.url, reason))
        self.state.fail(state.url, reason, next_try)

    def _read_listing(self, state: UrlState, capture: Capture, report: FetchReport,
                      tried: set[str]) -> None:
        listing = read_listing(capture)
        if listing is None:
            if state.kind == "seed":
                self.state.set_kind(state.url, "page")
            else:
                report.failed.append((state.url, NOT_A_LISTING))
                self.state.fail(state.url, NOT_A_LISTING, None)
            return
        report.listings += 1
        self.state.set_kind(state.url, "listing")
        self._queue_listed(listing, report, tried)

    def _queue_listed(self, listing: Listing, report: FetchReport, tried: set[str]) -> None:
        for entry in listing.entries:
            report.queued += self.state.queue(entry.url, "page", entry.as_record())
        for url in listing.listings:
            if not self.state.queue(url, "listing") and url not in tried:
                self.state.requeue(url)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")

