"""A local web site for the fetch tests (no network), and a fake clock.

The site (threaded ``http.server`` on 127.0.0.1, port 0) serves article pages, an RSS,
an Atom and a JSON feed, news sitemaps, a front page announcing its feed, a
robots.txt that disallows ``/private/``, and misbehaving endpoints: one that stalls,
one that fails once with 500, one that answers 429 with Retry-After, a redirect
loop, a huge body, a PDF and a latin-1 page declared in its headers. Texts are short
and written for these tests.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

ROBOTS = "User-agent: *\nDisallow: /private/\n"
HUGE_BYTES = 64 * 1024


def page(title: str, body: str, date: str | None = None, charset: str = "utf-8") -> str:
    """An article page; ``date`` goes into JSON-LD when given."""
    ld = (f'<script type="application/ld+json">{{"@type": "NewsArticle", '
          f'"headline": "{title}", "datePublished": "{date}"}}</script>') if date else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return (f'<html><head><meta charset="{charset}"><title>{title}</title>{ld}</head>'
            f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>")


FLOOD = page(
    "River floods the old town of Marlow",
    "The river Tamsin burst its banks on Monday and flooded the old town of Marlow, "
    "the mayor Ada Krol said.\nAbout 300 residents left their homes and spent the night "
    "in the school gym, where volunteers served soup and tea.\nThe water is expected to "
    "fall by Thursday, according to the regional weather office.",
    date="2026-03-02",
)
BRIDGE = page(
    "New footbridge opens over the Tamsin",
    "A new footbridge over the river Tamsin opened to walkers and cyclists on Saturday "
    "after two years of building work.\nThe bridge cost 4 million euros and links the "
    "station with the market square, the council said.\nLocal shops hope the extra "
    "visitors will bring more trade to the square.",
)
ORCHARD = page(
    "Orchard growers expect a record apple harvest",
    "Fruit growers in the Tamsin valley expect a record apple harvest this autumn after "
    "a warm and wet spring.\nThe growers' association said its 120 members would need "
    "about 900 seasonal pickers, twice as many as last year.\nPrices for apples are "
    "likely to fall in the shops as a result.",
)
LATIN = page(
    "Café owners protest new terrace fees",
    "Café owners in Marlow protested on Tuesday against the new fees for terraces on "
    "the market square.\nThe council wants to charge 40 euros per table each month, "
    "which the owners called unfair and too high.\nA vote on the fees is due next week.",
    charset="iso-8859-1",
)
SUMMARY = ("<p>The Marlow choir won the national contest on Sunday.</p><p>It sang three "
           "songs in front of a jury of five judges.</p><p>The choir will now travel to "
           "the European final in June.</p>")


def rss(base: str) -> str:
    items = [
        ("River floods the old town", f"{base}/news/flood", "Mon, 02 Mar 2026 08:00:00 GMT",
         "Flood summary."),
        ("Footbridge opens", f"{base}/news/bridge", "Sat, 28 Feb 2026 10:00:00 GMT",
         "Bridge summary."),
        ("Choir wins contest", f"{base}/news/gone", "Sun, 01 Mar 2026 18:00:00 GMT", SUMMARY),
    ]
    body = "".join(
        f"<item><title>{t}</title><link>{u}</link><pubDate>{d}</pubDate>"
        f"<description><![CDATA[{s}]]></description></item>" for t, u, d, s in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Marlow Courier</title><link>{base}/</link>{body}</channel></rss>")


def atom(base: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f'<title>Valley Post</title><entry><title>Apple harvest</title>'
            f'<link href="{base}/news/orchard"/><updated>2026-02-20T09:00:00Z</updated>'
            "<summary>Growers expect a record harvest.</summary></entry></feed>")


def json_feed(base: str) -> str:
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Valley Post",
                       "items": [{"url": f"{base}/news/orchard", "title": "Apple harvest",
                                  "date_published": "2026-02-20T09:00:00Z"}]})


def sitemap(base: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"<url><loc>{base}/news/bridge</loc><news:news><news:publication_date>"
            "2026-02-27</news:publication_date><news:title>Footbridge opens</news:title>"
            f"</news:news></url><url><loc>{base}/private/secret</loc></url></urlset>")


def sitemap_index(base: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{base}/sitemap.xml</loc></sitemap></sitemapindex>")


FRONT = ('<html><head><title>Marlow Courier</title><link rel="alternate" '
         'type="application/rss+xml" href="/feed.rss"></head><body><a href="/news/flood">'
         "Flood</a></body></html>")


@dataclass
class Site:
    """The running site: its base URL, the requests it saw, and switches for tests."""

    base: str
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]


class Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass

    def send(self, status: int, body: bytes | str, ctype: str = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        site = self.site
        with site.lock:
            site.requests.append((self.path, dict(self.headers.items())))
            site.hits[self.path] = site.hits.get(self.path, 0) + 1
            hits = site.hits[self.path]
        route = ROUTES.get(self.path)
        if route is None:
            self.send(404, "not found", "text/plain")
        else:
            route(self, hits)


def _feed_with_etag(h: Handler, hits: int) -> None:
    if h.headers.get("If-None-Match") == '"v1"':
        h.send_response(304)
        h.end_headers()
        return
    h.send(200, rss(h.site.base), "application/rss+xml", {"ETag": '"v1"'})


def _slow(h: Handler, hits: int) -> None:
    h.site.release.wait(timeout=30)  # held until the test ends: the client must time out
    h.send(200, BRIDGE)


ROUTES: dict[str, Callable[[Handler, int], None]] = {
    "/robots.txt": lambda h, n: h.send(200, ROBOTS, "text/plain"),
    "/": lambda h, n: h.send(200, FRONT),
    "/news/flood": lambda h, n: h.send(200, FLOOD),
    "/news/bridge": lambda h, n: h.send(200, BRIDGE),
    "/news/orchard": lambda h, n: h.send(200, ORCHARD),
    "/private/secret": lambda h, n: h.send(200, ORCHARD),
    "/feed.rss": lambda h, n: h.send(200, rss(h.site.base), "application/rss+xml"),
    "/etag.rss": _feed_with_etag,
    "/feed.atom": lambda h, n: h.send(200, atom(h.site.base), "application/atom+xml"),
    "/feed.json": lambda h, n: h.send(200, json_feed(h.site.base), "application/feed+json"),
    "/sitemap.xml": lambda h, n: h.send(200, sitemap(h.site.base), "application/xml"),
    "/sitemap-index.xml": lambda h, n: h.send(200, sitemap_index(h.site.base),
                                              "application/xml"),
    "/slow": _slow,
    "/flaky": lambda h, n: h.send(500, "oops") if n == 1 else h.send(200, ORCHARD),
    "/busy": lambda h, n: (h.send(429, "slow down", "text/plain", {"Retry-After": "7"})
                           if n == 1 else h.send(200, BRIDGE)),
    "/down": lambda h, n: h.send(503, "down", "text/plain"),
    "/loop/a": lambda h, n: h.send(302, "", headers={"Location": "/loop/b"}),
    "/loop/b": lambda h, n: h.send(302, "", headers={"Location": "/loop/a"}),
    "/moved": lambda h, n: h.send(301, "", headers={"Location": "/news/flood"}),
    "/to-ftp": lambda h, n: h.send(302, "", headers={"Location": "ftp://example.org/x"}),
    "/huge": lambda h, n: h.send(200, b"<p>" + b"x" * HUGE_BYTES),
    "/doc.pdf": lambda h, n: h.send(200, b"%PDF-1.4 not really", "application/pdf"),
    "/latin": lambda h, n: h.send(200, LATIN.encode("latin-1"), "text/html; charset=iso-8859-1"),
}


class FakeClock:
    """Time that moves only when someone sleeps; every sleep is recorded."""

    def __init__(self) -> None:
        self.time = 1000.0
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self.time

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.time += max(0.0, seconds)
