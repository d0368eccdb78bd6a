"""Latency and throughput of the web UI: the story list and a brief page under load.

    python benchmarks/web_load.py [--stories 10000] [--requests 2000] [--concurrency 8]
                                  [--scan]

Writes a store of generated stories (two articles each, a brief with a cited summary
and one conflict; seeded text, none taken from any article), starts
``newsweave serve`` on a free 127.0.0.1 port in its own process, warms it, then sends
each page ``--requests`` GETs from ``--concurrency`` keep-alive clients and prints
p50 / p95 / p99 latency in milliseconds and requests per second. The target is
p95 < 50 ms for the list, a brief and a search with 10,000 stories. ``--scan`` drops
the full-text index after writing, so search scans the text as it does in a store no
ingest has written since the index came: the figures to compare the index against.
"""

from __future__ import annotations

import argparse
import http.client
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import closing
from pathlib import Path

from newsweave.model import (
    Article,
    Brief,
    Citation,
    Conflict,
    ConflictKind,
    ConflictSide,
    Sentence,
    Statement,
    Story,
)
from newsweave.store import Store

PLACES = ("Alder Bay", "Kestrel Point", "Morrow Falls", "Tern Harbour", "Birch Vale")
EVENTS = ("storm", "fire", "flood", "strike", "election", "landslide")


def _article(aid: str, source: str, place: str, event: str, n: int, day: str) -> Article:
    first = f"The {event} in {place} left {n} people injured, officials said."
    second = f"Crews from {source} reported roads closed near {place}."
    text = f"{first} {second}"
    return Article(id=aid, text=text, origin=f"{aid}.txt", title=f"{event} in {place}",
                   source=source, published=day, url=f"https://{aid}.example/news",
                   sentences=(Sentence(0, len(first), first),
                              Sentence(len(first) + 1, len(text), second)))


def _cite(a: Article, i: int) -> Citation:
    s = a.sentences[i]
    return Citation(a.id, a.label, s.start, s.end, s.text)


def _side(a: Article, value: str) -> ConflictSide:
    at = a.text.index(value)
    return ConflictSide(value, at, at + len(value), _cite(a, 0))


def write_store(path: Path, stories: int, seed: int = 7) -> str:
    """A store of ``stories`` generated stories; returns the id of one of them."""
    rng = random.Random(seed)
    with Store(path) as store, store.transaction():
        for i in range(stories):
            place, event = rng.choice(PLACES), rng.choice(EVENTS)
            day = f"20{10 + i % 16}-{1 + i % 12:02d}-{1 + i % 28:02d}"
            n = rng.randint(5, 90)
            a = _article(f"a{i:05d}x", f"Outlet {i % 40}", place, event, n, day)
            b = _article(f"a{i:05d}y", f"Outlet {(i + 1) % 40}", place, event, n + 3, day)
            story = Story(f"s{i:05d}", (a.id, b.id), f"{event} in {place} ({i})",
                          (a.label, b.label), day, day)
            summary = (Statement(a.sentences[0].text, (_cite(a, 0),)),
                       Statement(b.sentences[1].text, (_cite(b, 1),)))
            conflict = Conflict(ConflictKind.COUNT, "people injured", f"{n} against {n + 3}",
                                (_side(a, str(n)), _side(b, str(n + 3))))
            brief = Brief(story.id, story.headline, story.sources, story.article_ids,
                          summary, (), summary[1:], (conflict,), (), (), (), ())
            for art in (a, b):
                store.put_article(art)
                store.assign(art.id, story.id)
            store.put_story(story, brief)
    return f"s{stories // 2:05d}"


def drop_search_index(path: Path) -> None:
    """Make the store look as if written before the index (migration 6) existed."""
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        triggers = [str(n) for (n,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'")]
        for name in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE search_index")
        conn.execute("DROP TABLE search_keys")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(conn: http.client.HTTPConnection, path: str) -> float:
    start = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        raise SystemExit(f"GET {path} answered {response.status}")
    return time.perf_counter() - start


def load(port: int, path: str, requests: int, concurrency: int) -> tuple[list[float], float]:
    """Latencies of ``requests`` GETs spread over ``concurrency`` clients; wall seconds."""
    latencies: list[float] = []
    lock = threading.Lock()

    def client(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = [_get(conn, path) for _ in range(n)]
        conn.close()
        with lock:
            latencies.extend(mine)

    share = [requests // concurrency + (i < requests % concurrency) for i in range(concurrency)]
    threads = [threading.Thread(target=client, args=(n,)) for n in share]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, time.perf_counter() - start


def _wait_ready(port: int, server: subprocess.Popen[bytes]) -> None:
    """Poll until the server answers (it needs a moment to import and bind)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server exited before answering")
        try:
            _get(http.client.HTTPConnection("127.0.0.1", port, timeout=5), "/-/health")
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not answer within 60 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--scan", action="store_true",
                        help="drop the full-text index: search scans the text")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.db"
        t0 = time.perf_counter()
        story = write_store(db, args.stories)
        if args.scan:
            drop_search_index(db)
        print(f"store: {args.stories} stories written in {time.perf_counter() - t0:.1f} s",
              file=sys.stderr)
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-c", "from newsweave.cli.main import main; main()", "serve",
             "--db", str(db), "--port", str(port)], stderr=subprocess.DEVNULL)
        try:
            _wait_ready(port, server)
            # kestrel: a fifth of the stories; flood kestrel: both words, a thirtieth;
            # kest: every word that begins so; the page past the first of results.
            pages = {"list /": "/", "list page 50": "/?page=50",
                     "search ?q=kestrel": "/?q=kestrel",
                     "search ?q=flood+kestrel": "/?q=flood+kestrel",
                     "search ?q=kest": "/?q=kest",
                     "search ?q=kestrel&page=50": "/?q=kestrel&page=50",
                     f"brief /stories/{story}": f"/stories/{story}"}
            print(f"{'page':<28} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>8}")
            for name, path in pages.items():
                load(port, path, args.concurrency * 5, args.concurrency)  # warm-up
                lat, wall = load(port, path, args.requests, args.concurrency)
                q = statistics.quantiles([x * 1000 for x in lat], n=100)
                print(f"{name:<28} {q[49]:8.1f} {q[94]:8.1f} {q[98]:8.1f} "
                      f"{len(lat) / wall:8.0f}")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
