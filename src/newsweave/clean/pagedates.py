"""The publication date of an HTML page, read in layers, with the layer recorded.

Layers, most trusted first: JSON-LD ``datePublished``; publication meta tags (and
``itemprop=datePublished``); a ``<time datetime>`` inside the article, never in a
sidebar, footer or navigation; the URL path (``/2019/05/03/``); the dateline (a date
near the top of the article text); any date in the article text. The first layer
that yields a valid day wins.

Numeric dates with slashes ("1/8/08") are read only when the reading is decided:
a part above 12 can only be the day; otherwise the page's language decides (US
English writes month first; other English and every other language day first), or a
date from another layer of the same page that matches one reading. Undecided, the
date is not used. Dotted dates ("05.03.2019") are day first in every language that
writes them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from lxml import html as lxml_html

# Meta tag names (property, name or itemprop) that carry the publication time, as
# written by the common news CMSes (Open Graph, Dublin Core, Parse.ly, Sailthru,
# schema.org microdata, Google Scholar); lower-cased.
PUBLISHED_META = frozenset({
    "article:published_time", "og:published_time", "og:article:published_time",
    "article.published", "published_time", "published-date", "publish-date",
    "publishdate", "publish_date", "pubdate", "date", "dc.date", "dc.date.issued",
    "dc.date.created", "dcterms.date", "dcterms.issued", "dcterms.created",
    "parsely-pub-date", "sailthru.date", "datepublished", "date_published",
    "publication_date", "citation_publication_date", "citation_date",
    "originalpublicationdate", "article_date_original", "cxenseparse:recs:publishtime",
    "og:pubdate", "article:published", "dc.date.published", "release_date",
})
# Elements whose dates belong to other stories or to the site, not to this article.
_OFF_ARTICLE_TAGS = frozenset({"aside", "nav"})
# Class or id words (at the start of a token: "sidebar", "related-posts",
# "comment-list") of blocks that hold other items' dates. Layout classes on <body>
# ("offcanvas-sidebar-mobile") say nothing about one element, so <body> is skipped.
_OFF_ARTICLE_HINTS = re.compile(
    r"(?:^|\s)(?:sidebar|related|teaser|widget|comment|promo|recommend|most-?read|popular)",
    re.I)
# A footer outside the article is the site's; one inside it holds the byline and date.
_FOOTER_HINT = re.compile(r"(?:^|\s)footer", re.I)
# The dateline is the date written near the headline: within this many characters
# of the start of the article text or of the headline (a byline, a date and a place
# fit in 300). Half "a" of evaluation/metadata: date accuracy 0.985 at 100, 200,
# 300, 500 and 1000; 300 leaves room for long bylines without reaching teasers.
DATELINE_CHARS = 300
# Wrappers climbed from the headline to find its dateline: a date sits beside the
# heading or beside the heading's wrapper; higher up is the page's furniture.
# Half "a": date accuracy 0.970 at 1, 0.985 at 2, 3, 4 and 6.
DATELINE_LEVELS = 3
# Years a news page can be dated: the web's news archives start in the 1990s.
MIN_YEAR = 1990
MAX_YEAR = 2100

_ISO = re.compile(r"\b((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")
# In running text only the hyphenated form: digit runs ("201001012") are not dates.
_ISO_TEXT = re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)")
_DOTTED = re.compile(r"\b(0?[1-9]|[12]\d|3[01])\.\s?(0?[1-9]|1[0-2])\.\s?((?:19|20)\d\d)\b")
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")
# Month names of the languages of the dev pages (English, German, French, Spanish):
# the first letters of each, enough to be unique.
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "mär": 3, "apr": 4, "may": 5, "mai": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12,
    "dez": 12, "janv": 1, "févr": 2, "avr": 4, "juil": 7, "déc": 12, "ene": 1,
    "abr": 4, "ago": 8, "dic": 12,
}
_MONTH = r"([a-zäé]{3,9})\.?"
_DAY_MONTH_YEAR = re.compile(
    rf"\b(0?[1-9]|[12]\d|3[01])\.?\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?((?:19|20)\d\d)\b", re.I)
_MONTH_DAY_YEAR = re.compile(
    rf"\b{_MONTH}\s+(0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I)


def make_date(year: int, month: int, day: int) -> str | None:
    """ISO YYYY-MM-DD, None when the day does not exist or the year is implausible."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def iso_date(value: object) -> str | None:
    """The day of an ISO-like timestamp ("2019-05-03T10:00Z", "20190503"), else None."""
    if not isinstance(value, str):
        return None
    match = _ISO.search(value)
    return make_date(*map(int, match.groups())) if match else None


def _month(word: str) -> int | None:
    word = word.casefold()
    for length in (4, 3):
        if word[:length] in _MONTHS:
            return _MONTHS[word[:length]]
    return None


def _slashed(match: re.Match[str], month_first: bool | None, others: set[str]) -> str | None:
    """A 'n/n/yy' date when its reading is decided, else None (see module docstring)."""
    a, b, y = int(match.group(1)), int(match.group(2)), int(match.group(3))
    year = y if y > 99 else 2000 + y if y < 70 else 1900 + y
    readings = {make_date(year, a, b): True, make_date(year, b, a): False}
    valid = {iso: first for iso, first in readings.items() if iso}
    if len(valid) == 1:
        return next(iter(valid))
    agreeing = [iso for iso in valid if iso in others]
    if len(agreeing) == 1:
        return agreeing[0]
    if month_first is None:
        return None
    return next((iso for iso, first in valid.items() if first == month_first), None)


def dates_in_text(text: str, month_first: bool | None, others: set[str]) -> Iterator[str]:
    """Every decided date of ``text`` in reading order (named months, ISO, dotted, slashed)."""
    found: list[tuple[int, str]] = []
    for m in _DAY_MONTH_YEAR.finditer(text):
        month = _month(m.group(2))
        iso = make_date(int(m.group(3)), month, int(m.group(1))) if month else None
        found += [(m.start(), iso)] if iso else []
    for m in _MONTH_DAY_YEAR.finditer(text):
        month = _month(m.group(1))
        iso = make_date(int(m.group(3)), month, int(m.group(2))) if month else None
        found += [(m.start(), iso)] if iso else []
    for m in _ISO_TEXT.finditer(text):
        iso = make_date(*map(int, m.groups()))
        found += [(m.start(), iso)] if iso else []
    for m in _DOTTED.finditer(text):
        iso = make_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        found += [(m.start(), iso)] if iso else []
    for m in _SLASHED.finditer(text):
        iso = _slashed(m, month_first, others)
        found += [(m.start(), iso)] if iso else []
    return (iso for _, iso in sorted(found))


def month_first(language: str | None) -> bool | None:
    """Whether the page's language writes numeric dates month first (None: unknown)."""
    if not language:
        return None
    lang = language.casefold().replace("_", "-")
    if lang in ("en-us", "en-ph", "en-ca"):
        return True
    if lang == "en":
        return None  # English without a region writes both orders
    return False


def _off_article(element: lxml_html.HtmlElement) -> bool:
    """Whether an element sits in a sidebar, navigation, teaser or the site's footer."""
    in_footer = False
    for node in element.iterancestors():
        if not isinstance(node.tag, str) or node.tag in ("body", "html"):
            continue
        if node.tag == "article":
            in_footer = False  # the article's own footer (byline, date)
            continue
        hints = f"{node.get('class', '')} {node.get('id', '')}"
        if node.tag in _OFF_ARTICLE_TAGS or _OFF_ARTICLE_HINTS.search(hints):
            return True
        in_footer = in_footer or node.tag == "footer" or bool(_FOOTER_HINT.search(hints))
    return in_footer


def meta_date(tree: lxml_html.HtmlElement) -> str | None:
    """The first publication meta tag with a valid day, else ``itemprop=datePublished``.

    ``itemprop`` dates that disagree with each other belong to a list of items
    (reviews, comments, teasers), not to the page, and are not used.
    """
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or "").casefold()
        if key in PUBLISHED_META:
            iso = iso_date(el.get("content"))
            if iso:
                return iso
    found = {iso_date(el.get("datetime") or el.get("content") or el.text_content())
             for el in tree.xpath("//*[@itemprop='datePublished']") if not _off_article(el)}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def time_date(tree: lxml_html.HtmlElement) -> str | None:
    """The first ``<time>`` in the article with a day; inside ``<article>`` first.

    The ``datetime`` attribute is read, else a date written out in the element
    ("November 18, 2019"); numeric dates there stay undecided without a language.
    """
    times = [t for t in tree.iter("time") if not _off_article(t)]
    inside = [t for t in times if any(a.tag == "article" for a in t.iterancestors())]
    for el in inside + times:
        iso = iso_date(el.get("datetime")) or next(
            dates_in_text(" ".join(el.text_content().split()), None, set()), None)
        if iso:
            return iso
    return None


def heading_text(tree: lxml_html.HtmlElement, headline: str | None) -> str:
    """The visible text that follows the headline's ``<h1>`` (where datelines sit).

    Read from the heading's next siblings, then from those of its parents (a date
    often sits in a sibling of the heading's wrapper), up to ``DATELINE_CHARS``.
    """
    heading = next((h for h in tree.iter("h1")
                    if headline and " ".join(h.text_content().split()) == headline), None)
    if heading is None:
        heading = next(iter(tree.iter("h1")), None)
    parts: list[str] = []
    size = 0
    for _ in range(DATELINE_LEVELS):
        if heading is None or size >= DATELINE_CHARS:
            break
        for node in heading.itersiblings():
            if isinstance(node.tag, str) and node.tag not in ("script", "style"):
                text = " ".join(node.text_content().split())
                parts.append(text)
                size += len(text)
            if size >= DATELINE_CHARS:
                break
        heading = heading.getparent()
    return " ".join(parts)[:DATELINE_CHARS]


def url_date(urls: Iterable[str | None]) -> str | None:
    """A date written in a URL path (``/2019/05/03/``, ``/2019-05-03-title``)."""
    for url in urls:
        match = _URL_DATE.search(url or "")
        if match:
            iso = make_date(*map(int, match.groups()))
            if iso:
                return iso
    return None
