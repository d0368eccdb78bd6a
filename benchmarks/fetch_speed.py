"""Fetching speed against a local site, and what fetching adds over reading from disk.

    python benchmarks/fetch_speed.py [--pages 60] [--hosts 4] [--concurrency 8]

Serves ``--pages`` generated article pages (seeded, written for this benchmark) from
``--hosts`` local servers (127.0.0.1, 127.0.0.2, ...: separate hosts to the client),
each with a news sitemap, and prints:

- download: the sitemaps and pages fetched into a fresh store with politeness off
  (no per-host delay; robots.txt is still read, once per host), pages per second;
- fetch + ingest: ``newsweave fetch`` of the sitemaps end to end (download, then the
  ingest job: clean, annotate, fold, stories, briefs);
- disk ingest: ``newsweave ingest`` of the same pages saved as files;
- overhead: fetch + ingest over disk ingest (1.0 = fetching costs nothing extra).

Models are loaded and warmed on one page outside the timings. Best of ``--repeat``.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from newsweave.execution.ingest import ingest_paths
from newsweave.fetch import Fetcher, FetchJob, FetchPolicy, FetchReport
from newsweave.store import Store

SEED = 7
PLACES = ["Marlow", "Eastfield", "Portmere", "Alder", "Kestrel Bay", "Norwick", "Tamsin"]
SUBJECTS = ["the council", "the mayor", "the harbour board", "the school trust",
            "the rail operator", "the water company", "the hospital", "the union"]
VERBS = ["approved", "rejected", "delayed", "announced", "funded", "cut", "reviewed"]
OBJECTS = ["a new bus line", "the budget", "a flood barrier", "a housing plan",
           "repairs to the bridge", "a pay rise", "a school extension", "night trains"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(rng: random.Random, n: int, outlet: str) -> tuple[str, str]:
    """A short generated article page: (title, html)."""
    place = rng.choice(PLACES)
    title = f"{place}: {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} ({n})"
    sentences = [
        f"In {place}, {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} on "
        f"{rng.choice(DAYS)}, costing {rng.randint(2, 900)} thousand euros, "
        f"{rng.choice(SUBJECTS)} said in a statement numbered {n}-{i}."
        for i in range(8)
    ]
    body = "".join(f"<p>{s}</p>" for s in sentences)
    # Dated in the page, so fetched and disk copies get the same date (and stories).
    date = f"2026-03-{1 + n % 28:02d}"
    # Named outlet, so the copy on disk has the same source as the fetched one.
    html = (f'<html><head><title>{title}</title><meta property="article:published_time" '
            f'content="{date}"><meta property="og:site_name" content="{outlet}"></head>'
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")
    return title, html


class Handler(BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, bytes]] = {}  # "host/path" -> body, filled by publish()

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        key = f"{self.server.server_address[0]!s}{self.path}"
        body = self.pages.get(key)
        if self.path == "/robots.txt":
            body = b"User-agent: *\nAllow: /\n"
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        kind = "application/xml" if self.path.endswith(".xml") else "text/html; charset=utf-8"
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(hosts: int) -> Iterator[list[str]]:
    """``hosts`` servers on 127.0.0.1..N; yields their base URLs."""
    servers = [ThreadingHTTPServer((f"127.0.0.{i + 1}", 0), Handler) for i in range(hosts)]
    for server in servers:
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True).start()
    try:
        yield [f"http://127.0.0.{i + 1}:{s.server_address[1]}" for i, s in enumerate(servers)]
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def publish(bases: list[str], pages: int, folder: Path) -> list[str]:
    """Spread the pages over the hosts, save each as a file too; return the sitemaps."""
    rng = random.Random(SEED)
    locs: dict[str, list[str]] = {b: [] for b in bases}
    for n in range(pages):
        base = bases[n % len(bases)]
        _, html = article(rng, n, f"Outlet {n % len(bases)}")
        path = f"/news/{n}.html"
        Handler.pages[f"{base.split('//')[1].split(':')[0]}{path}"] = html.encode("utf-8")
        (folder / f"{n:05d}.html").write_text(html, encoding="utf-8")
        locs[base].append(f"{base}{path}")
    sitemaps = []
    for base, urls in locs.items():
        entries = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
        xml = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
               f'sitemap/0.9">{entries}</urlset>')
        Handler.pages[f"{base.split('//')[1].split(':')[0]}/sitemap.xml"] = xml.encode()
        sitemaps.append(f"{base}/sitemap.xml")
    return sitemaps


def timed_download(sitemaps: list[str], policy: FetchPolicy, db: Path) -> tuple[float, int]:
    with Store(db) as store:
        fetcher = Fetcher(policy)
        start = time.perf_counter()
        report = FetchReport()
        job = FetchJob(store, fetcher)
        job.seed(sitemaps)
        job.crawl(report)
        elapsed = time.perf_counter() - start
        fetcher.close()
    return elapsed, report.fetched - len(sitemaps)


def timed_fetch_ingest(sitemaps: list[str], policy: FetchPolicy, db: Path) -> float:
    with Store(db) as store:
        fetcher = Fetcher(policy)
        start = time.perf_counter()
        FetchJob(store, fetcher).run(sitemaps)
        elapsed = time.perf_counter() - start
        fetcher.close()
    return elapsed


def timed_disk_ingest(folder: Path, db: Path) -> float:
    with Store(db) as store:
        start = time.perf_counter()
        ingest_paths(store, [str(folder)])
        return time.perf_counter() - start


def warm_up(work: Path) -> None:
    """Load and warm the models on one page, outside every timing."""
    page = work / "warm" / "warm.html"
    page.parent.mkdir()
    page.write_text(article(random.Random(0), 0, "Warm-up")[1], encoding="utf-8")
    timed_disk_ingest(page.parent, work / "warm.db")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--hosts", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    policy = FetchPolicy(per_host_delay_s=0.0, concurrency=args.concurrency)
    with tempfile.TemporaryDirectory() as tmp, serve(args.hosts) as bases:
        work = Path(tmp)
        folder = work / "pages"
        folder.mkdir()
        sitemaps = publish(bases, args.pages, folder)
        warm_up(work)
        runs = range(args.repeat)
        download = min(timed_download(sitemaps, policy, work / f"d{i}.db") for i in runs)
        fetched = min(timed_fetch_ingest(sitemaps, policy, work / f"f{i}.db") for i in runs)
        disk = min(timed_disk_ingest(folder, work / f"i{i}.db") for i in runs)
    seconds, pages = download
    print(f"pages {pages} on {args.hosts} hosts, concurrency {args.concurrency}, "
          "politeness off (delay 0)")
    print("| measure | seconds | pages/s |")
    print("|---|---|---|")
    print(f"| download only | {seconds:.2f} | {pages / seconds:.0f} |")
    print(f"| fetch + ingest | {fetched:.2f} | {pages / fetched:.1f} |")
    print(f"| disk ingest | {disk:.2f} | {pages / disk:.1f} |")
    print(f"overhead of fetching over reading from disk: {fetched / disk:.2f}x")


if __name__ == "__main__":
    main()
