"""What ``newsweave fetch`` downloaded and where each URL stands (schema version 7).

Every response is kept whole (bytes, headers, time), so a better extractor re-reads
pages without downloading them again. Each URL has one state: ``queued`` (to fetch),
``fetched`` (its latest response stored) or ``failed`` (with the reason, and the time
of the next try when the failure may pass). Each write commits on its own, so a
killed fetch loses at most the response in flight and resumes where it stopped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

from newsweave.store.migrations import now
from newsweave.store.sqlite import Store

UrlKind = Literal["seed", "listing", "page"]


@dataclass(frozen=True, slots=True)
class Capture:
    """One HTTP response as received: its bytes, headers and the time it arrived.

    ``body`` is the payload with any Content-Encoding (gzip, br) undone: the bytes of
    the page in its own charset, as the size limit counted them.
    """

    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    fetched_at: str  # ISO time, UTC

    def header(self, name: str) -> str | None:
        """The first value of header ``name`` (case-insensitive), None when absent."""
        wanted = name.casefold()
        return next((v for k, v in self.headers if k.casefold() == wanted), None)


@dataclass(frozen=True, slots=True)
class UrlState:
    """Where one URL stands; ``entry`` is the feed's metadata on it (JSON), if any."""

    url: str
    kind: UrlKind
    state: str
    reason: str | None
    attempts: int
    next_try: str | None
    response_id: int | None
    etag: str | None
    last_modified: str | None
    entry: str | None
    ingested: bool
    summary_only: bool


_STATE_COLUMNS = ("url, kind, state, reason, attempts, next_try, response_id, etag, "
                  "last_modified, entry, ingested, summary_only")


def _url_state(row: tuple[object, ...]) -> UrlState:
    url, kind, state, reason, attempts, next_try, rid, etag, modified, entry, ing, summ = row
    return UrlState(
        url=str(url), kind=kind, state=str(state),  # type: ignore[arg-type]
        reason=None if reason is None else str(reason), attempts=int(str(attempts)),
        next_try=None if next_try is None else str(next_try),
        response_id=None if rid is None else int(str(rid)),
        etag=None if etag is None else str(etag),
        last_modified=None if modified is None else str(modified),
        entry=None if entry is None else str(entry), ingested=bool(ing), summary_only=bool(summ),
    )


class FetchState:
    """The fetch tables of one store (its single writer)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn

    def get(self, url: str) -> UrlState | None:
        row = self.conn.execute(
            f"SELECT {_STATE_COLUMNS} FROM fetch_urls WHERE url = ?", (url,)).fetchone()
        return None if row is None else _url_state(row)

    def queue(self, url: str, kind: UrlKind, entry: dict[str, str] | None = None) -> bool:
        """Queue ``url`` unless it is known already; True when it was new."""
        with self.store.transaction():
            cursor = self.conn.execute(
                "INSERT OR IGNORE INTO fetch_urls(url, kind, state, entry, updated_at)"
                " VALUES (?, ?, 'queued', ?, ?)",
                (url, kind, None if entry is None else json.dumps(entry, sort_keys=True), now()),
            )
        return cursor.rowcount > 0

    def requeue(self, url: str) -> None:
        """Ask for ``url`` again (a listing, polled for new entries)."""
        with self.store.transaction():
            self.conn.execute(
                "UPDATE fetch_urls SET state = 'queued', next_try = NULL, updated_at = ?"
                " WHERE url = ?", (now(), url))

    def set_kind(self, url: str, kind: UrlKind) -> None:
        with self.store.transaction():
            self.conn.execute("UPDATE fetch_urls SET kind = ? WHERE url = ?", (kind, url))

    def due(self, at: str) -> list[UrlState]:
        """URLs to fetch now: queued, or failed with a next try at or before ``at``."""
        rows = self.conn.execute(
            f"SELECT {_STATE_COLUMNS} FROM fetch_urls WHERE state = 'queued'"
            " OR (state = 'failed' AND next_try IS NOT NULL AND next_try <= ?)"
            " ORDER BY rowid", (at,))
        return [_url_state(r) for r in rows]

    def put_response(self, capture: Capture) -> int:
        """Keep ``capture`` and mark its URL fetched (validators kept for the next ask)."""
        with self.store.transaction():
            cursor = self.conn.execute(
                "INSERT INTO fetch_responses(url, final_url, status, headers, body, fetched_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (capture.url, capture.final_url, capture.status,
                 json.dumps([list(h) for h in capture.headers]), capture.body,
                 capture.fetched_at))
            response_id = int(cursor.lastrowid or 0)
            self.conn.execute(
                "UPDATE fetch_urls SET state = 'fetched', reason = NULL, next_try = NULL,"
                " attempts = attempts + 1, response_id = ?, etag = ?, last_modified = ?,"
                " ingested = 0, updated_at = ? WHERE url = ?",
                (response_id, capture.header("etag"), capture.header("last-modified"), now(),
                 capture.url))
        return response_id

    def not_modified(self, url: str) -> None:
        """The server says the stored response still holds (HTTP 304)."""
        with self.store.transaction():
            self.conn.execute(
                "UPDATE fetch_urls SET state = 'fetched', reason = NULL, next_try = NULL,"
                " attempts = attempts + 1, updated_at = ? WHERE url = ?", (now(), url))

    def fail(self, url: str, reason: str, next_try: str | None) -> None:
        """Record why ``url`` failed; ``next_try`` None means not to try again."""
        with self.store.transaction():
            self.conn.execute(
                "UPDATE fetch_urls SET state = 'failed', reason = ?, next_try = ?,"
                " attempts = attempts + 1, updated_at = ? WHERE url = ?",
                (reason, next_try, now(), url))

    def response(self, response_id: int) -> Capture | None:
        row = self.conn.execute(
            "SELECT url, final_url, status, headers, body, fetched_at FROM fetch_responses"
            " WHERE id = ?", (response_id,)).fetchone()
        if row is None:
            return None
        url, final_url, status, headers, body, at = row
        pairs = tuple((str(k), str(v)) for k, v in json.loads(headers))
        return Capture(str(url), str(final_url), int(status), pairs, bytes(body), str(at))

    def pages_to_ingest(self) -> list[UrlState]:
        """Pages fetched or failed for good whose article is not in the store yet."""
        rows = self.conn.execute(
            f"SELECT {_STATE_COLUMNS} FROM fetch_urls WHERE kind = 'page' AND ingested = 0"
            " AND (state = 'fetched' OR (state = 'failed' AND next_try IS NULL))"
            " ORDER BY rowid")
        return [_url_state(r) for r in rows]

    def mark_ingested(self, url: str, *, summary_only: bool) -> None:
        with self.store.transaction():
            self.conn.execute(
                "UPDATE fetch_urls SET ingested = 1, summary_only = ? WHERE url = ?",
                (int(summary_only), url))

    def counts(self) -> dict[str, int]:
        """URLs by state (for the summary and tests)."""
        rows = self.conn.execute("SELECT state, COUNT(*) FROM fetch_urls GROUP BY state")
        return {str(s): int(n) for s, n in rows}
