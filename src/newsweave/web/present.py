"""What the web pages show: the shared ``BriefView`` plus links the web adds.

The brief's layout and cleaning come from ``render.view`` so the terminal, the files
and the web show one brief the same way; this module only adds what a page can do
and a file cannot: citation chips that open the cited sentence in its article, and
the article text split into highlighted spans.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from newsweave.model import Article, Brief, Citation, Statement
from newsweave.model.article import origin_name
from newsweave.render.view import (
    BriefView,
    ConflictView,
    SideView,
    StatementView,
    build_view,
    clean,
)

SAFE_SCHEMES = frozenset({"http", "https"})  # any other URL is shown, never linked


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL with a host; None for anything else."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc:
        return None
    if any(c in url for c in "\x00\r\n\t<>\"' "):
        return None
    return url


@dataclass(frozen=True, slots=True)
class Links:
    """Where a page's links lead: the server's paths, or files beside it on disk.

    The same templates render both; only these addresses differ, so a page written
    to a folder opens from disk with every link resolving to another written file.
    """

    root: str = "/"  # the site's top as the page sees it: "/" served, "" or "../" on disk
    suffix: str = ""  # what a page's file name ends with on disk
    index: str = ""  # the story list's name under the root
    live: bool = True  # served: the list can be searched, filtered and paged

    def home(self) -> str:
        return self.root + self.index

    def story(self, story_id: str) -> str:
        return f"{self.root}stories/{quote(story_id, safe='')}{self.suffix}"

    def story_json(self, story_id: str) -> str:
        return f"{self.root}stories/{quote(story_id, safe='')}.json"

    def article(self, article_id: str) -> str:
        return f"{self.root}articles/{quote(article_id, safe='')}{self.suffix}"

    def static(self, name: str) -> str:
        return f"{self.root}static/{quote(name)}"


SERVED = Links()
PAGE_SUFFIX = ".html"  # pages written to disk
INDEX_PAGE = "index.html"


def on_disk(depth: int) -> Links:
    """Links of a page written ``depth`` folders below the site's top."""
    return Links("../" * depth, PAGE_SUFFIX, INDEX_PAGE, live=False)


def cite_anchor(start: int) -> str:
    return f"c-{start}"


@dataclass(frozen=True, slots=True)
class Chip:
    """A citation: the source's name, linking to the sentence in its article."""

    source: str
    href: str


def chip(c: Citation, links: Links) -> Chip:
    return Chip(clean(c.source) or c.article_id,
                f"{links.article(c.article_id)}#{cite_anchor(c.start)}")


@dataclass(frozen=True, slots=True)
class CitedStatement:
    view: StatementView
    chips: tuple[Chip, ...]


@dataclass(frozen=True, slots=True)
class CitedSide:
    view: SideView
    chip: Chip


@dataclass(frozen=True, slots=True)
class CitedConflict:
    view: ConflictView
    sides: tuple[CitedSide, ...]


@dataclass(frozen=True, slots=True)
class Copy:
    """A folded duplicate: another outlet that ran the same article."""

    source: str
    url: str | None


@dataclass(frozen=True, slots=True)
class ArticleLink:
    id: str
    href: str
    title: str
    source: str
    published: str | None
    url: str | None  # only an http(s) URL; shown as text otherwise
    raw_url: str | None
    copies: tuple[Copy, ...]


@dataclass(frozen=True, slots=True)
class BriefPage:
    view: BriefView
    summary: tuple[CitedStatement, ...]
    agreed: tuple[CitedStatement, ...]
    single: tuple[CitedStatement, ...]
    conflicts: tuple[CitedConflict, ...]
    articles: tuple[ArticleLink, ...]


def _cited(views: Iterable[StatementView], statements: Iterable[Statement], links: Links
           ) -> tuple[CitedStatement, ...]:
    # build_view keeps the brief's order, so views and statements pair up one to one.
    return tuple(CitedStatement(v, tuple(chip(c, links) for c in s.citations))
                 for v, s in zip(views, statements, strict=True))


def article_link(a: Article, links: Links) -> ArticleLink:
    copies = tuple(Copy(clean(s.source or origin_name(s.origin) or s.origin), safe_url(s.url))
                   for s in a.sightings)
    return ArticleLink(a.id, links.article(a.id), clean(a.title or "") or "(untitled)",
                       clean(a.label), a.published, safe_url(a.url),
                       clean(a.url) if a.url else None, copies)


def brief_page(brief: Brief, articles: Iterable[Article], links: Links) -> BriefPage:
    """The brief's shared view with citation chips and its articles."""
    view = build_view(brief)
    conflicts = tuple(
        CitedConflict(cv, tuple(CitedSide(sv, chip(s.citation, links))
                                for sv, s in zip(cv.sides, c.sides, strict=True)))
        for cv, c in zip(view.conflicts, brief.conflicts, strict=True))
    return BriefPage(view, _cited(view.summary, brief.summary, links),
                     _cited(view.agreed, brief.agreed, links),
                     _cited(view.single, brief.single_source, links), conflicts,
                     tuple(article_link(a, links) for a in articles))


def citations(brief: Brief) -> list[Citation]:
    """Every citation a brief makes, in any section."""
    out = [c for group in (brief.summary, brief.agreed, brief.single_source)
           for s in group for c in s.citations]
    out += [side.citation for c in brief.conflicts for side in c.sides]
    out += [n.citation for n in brief.numbers] + [d.citation for d in brief.dates]
    out += [c for t in brief.timeline for c in t.statement.citations]
    return out
