"""What an HTML page says about itself: title, outlet, date, author, language, URL.

Every field records where it came from (``title_from``, ``outlet_from``,
``published_from``), so a reader can judge it.

- Title: candidates from JSON-LD ``headline``, ``og:title``, the first ``<h1>``,
  ``<title>`` and trafilatura's title; each loses a site suffix or prefix (see
  ``strip_site``); file names, separator rows, bare section words and the outlet's
  own name are never titles; the candidate most others agree with wins.
- Outlet: JSON-LD publisher name, ``og:site_name``, else the domain of the canonical
  URL (``<link rel=canonical>``, ``og:url``) or of the given URL.
- Date: see ``newsweave.clean.pagedates``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from lxml import html as lxml_html

from newsweave.clean import pagedates

# Separators between a headline and the site or section name around it.
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|»|·)\s+")
_EDGE_SEPARATORS = " |-–—:»·"
_FILE_NAME = re.compile(r"^\S+\.(?:css|js|html?|php|aspx?|jsp|jpe?g|png|gif|svg|pdf|xml)$", re.I)
# A title part of at most this many words, left at an end after the site name is
# removed ("Story - Politics - Site"), is a section name: headlines are longer.
# Half "a" of evaluation/metadata (67 pages): title accuracy 1.000 at 1, 2, 3 and 4
# (no page there has such a section part); 2 keeps two-word kickers out of reach.
SECTION_MAX_WORDS = 2
# Single words are section names or site names ("News", "Sport"), not headlines,
# whenever the page offers a longer candidate. Half "a": title 0.985 at 1, 1.000 at
# 2 and 3; 2 is the least that drops bare section words.
MIN_TITLE_WORDS = 2
# A ``<title>`` part beside the headline of at most this many words names the outlet
# ("Headline - Stadt Stuttgart"); longer ones are taglines or second headlines.
# Half "a": outlet accuracy 0.940 at 3, 4, 6, 8 and 12; 6 fits the longest names
# seen on the dev pages ("Fraktion DIE LINKE. im Bundestag").
OUTLET_MAX_WORDS = 6
# Candidate order on equal agreement: the article's own markup first.
TITLE_SOURCES = ("json-ld", "og:title", "h1", "title", "trafilatura")
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|NewsArticle|Posting", re.I)


@dataclass(frozen=True, slots=True)
class Metadata:
    """A page's metadata, each main field with the place it was read from."""

    title: str | None = None
    title_from: str | None = None
    outlet: str | None = None
    outlet_from: str | None = None
    published: str | None = None  # ISO YYYY-MM-DD
    published_from: str | None = None
    author: str | None = None
    language: str | None = None
    url: str | None = None  # canonical URL, else the given one


def squash(value: object) -> str | None:
    """Whitespace collapsed, None when empty or not a string."""
    if not isinstance(value, str):
        return None
    # Soft hyphens are invisible break hints inside long words, not text.
    return " ".join(value.replace("\u00ad", "").split()) or None


def compact(text: str) -> str:
    """Letters and digits only, case-folded: how names are compared."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def host(url: str | None) -> str | None:
    """The host name of a URL without a leading ``www.``."""
    if not url:
        return None
    try:
        name = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return name.removeprefix("www.") or None


def _domain_core(url: str | None) -> str | None:
    """The registered name of a host without its suffix: ``nytimes`` of nytimes.com."""
    name = host(url)
    if not name:
        return None
    labels = [p for p in name.split(".") if p not in ("co", "com", "org", "net", "ac", "gov")]
    return compact(labels[-2] if len(labels) >= 2 else labels[0])


def _json_ld(tree: lxml_html.HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page, ``@graph`` lists flattened; article types first."""
    found: list[dict[str, Any]] = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            data = _broken_json_ld(script.text or "")
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                found.append(item)
                stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity"))
    return sorted(found, key=lambda o: not _ARTICLE_TYPES.search(str(o.get("@type", ""))))


_LD_STRING = re.compile(r'"(@type|headline|datePublished)"\s*:\s*"([^"]*)"')
_LD_PUBLISHER = re.compile(r'"publisher"\s*:\s*\{[^{}]*?"name"\s*:\s*"([^"]+)"')


def _broken_json_ld(text: str) -> dict[str, Any]:
    """The plain string fields of JSON-LD that does not parse (a stray quote, a
    trailing comma), read by pattern: CMSes emit such blocks and the fields that
    matter here are simple strings."""
    found: dict[str, Any] = {}
    for key, value in _LD_STRING.findall(text):
        found.setdefault(key, value)
    publisher = _LD_PUBLISHER.search(text)
    if publisher:
        found["publisher"] = {"name": publisher.group(1)}
    return found


def _ld_name(value: Any) -> str | None:
    """A name from a JSON-LD value: a string, an object's ``name``, or a list's first."""
    if isinstance(value, list):
        return next((n for n in map(_ld_name, value) if n), None)
    if isinstance(value, dict):
        return squash(value.get("name"))
    return squash(value)


def _meta(tree: lxml_html.HtmlElement, *keys: str) -> str | None:
    """The first non-empty meta content whose property or name is one of ``keys``."""
    wanted = {k.casefold() for k in keys}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("http-equiv") or "").casefold()
        if key in wanted and squash(el.get("content")):
            return squash(el.get("content"))
    return None


def _is_site_name(part: str, names: set[str]) -> bool:
    """Whether a title part names the site (its name, or its domain)."""
    key = compact(part)
    return bool(key) and any(key == n or (len(n) >= 4 and n in key and len(key) <= 2 * len(n))
                             for n in names)


def strip_site(title: str, names: set[str], repeated: set[str]) -> str:
    """``title`` without the site and section parts at its ends.

    The title is split on `` | ``, `` - ``, `` – ``, `` — ``, `` :: `` (and ``»``,
    ``·``); an end part goes when it names the site (``names``: compacted site names
    and domain) or repeats across the page's title candidates (``repeated``). After
    a site part, a short part beside it is a section name and goes too.
    """
    parts = _SEPARATOR.split(title)
    removed = False
    while len(parts) > 1:
        if _is_site_name(parts[-1], names) or compact(parts[-1]) in repeated:
            parts.pop()
        elif _is_site_name(parts[0], names) or compact(parts[0]) in repeated:
            parts.pop(0)
        elif removed and len(parts[-1].split()) <= SECTION_MAX_WORDS < len(parts[0].split()):
            parts.pop()
        else:
            break
        removed = True
    return " - ".join(parts) if len(parts) > 1 else parts[0]


def is_title(text: str, names: set[str]) -> bool:
    """Whether ``text`` can be a headline: not a file name, a separator row or a site name."""
    if not any(ch.isalpha() for ch in text) or _FILE_NAME.match(text):
        return False
    return not _is_site_name(text, names) or len(text.split()) > 2 * SECTION_MAX_WORDS


def _repeated_parts(raw: list[str]) -> set[str]:
    """Compacted end parts that the page's other title candidates show to be extra.

    An end part of a candidate is extra when another candidate is the rest of the
    title without it ("Story | Site" beside "Story").
    """
    keys = [compact(t) for t in raw]
    extra: set[str] = set()
    for title in raw:
        parts = _SEPARATOR.split(title)
        for part, rest in ((parts[-1], parts[:-1]), (parts[0], parts[1:])):
            if len(parts) < 2:
                break
            part_key, rest_key = compact(part), compact(" ".join(rest))
            if part_key and rest_key in keys:
                extra.add(part_key)
    return extra


def _truncated(title: str) -> bool:
    return title.endswith(("...", "…"))


def choose_title(candidates: list[tuple[str, str]], names: set[str]) -> tuple[str, str] | None:
    """The (title, source) most candidates agree with, site parts removed.

    Candidates equal to it count first; then those that contain it (it is their
    headline without a kicker or an unrecognised site part). A cut-off candidate
    ("Headline of the...") wins only when nothing else is left.
    """
    repeated = _repeated_parts([t for _, t in candidates])
    cleaned = [(strip_site(t.strip(_EDGE_SEPARATORS), names, repeated), src)
               for src, t in candidates]
    cleaned = [(t, src) for t, src in cleaned if t and is_title(t, names)]
    if any(len(t.split()) >= MIN_TITLE_WORDS for t, _ in cleaned):
        cleaned = [(t, src) for t, src in cleaned if len(t.split()) >= MIN_TITLE_WORDS]
    if not cleaned:
        return None
    keys = [compact(t) for t, _ in cleaned]

    def rank(i: int) -> tuple[bool, int, int, int]:
        key = keys[i]
        equal = keys.count(key)
        inside = sum(key in k and k != key and len(key) * 2 > len(k) for k in keys)
        return not _truncated(cleaned[i][0]), equal, inside, -TITLE_SOURCES.index(cleaned[i][1])

    return cleaned[max(range(len(cleaned)), key=rank)]


def _title_candidates(tree: lxml_html.HtmlElement, ld: list[dict[str, Any]],
                      fallback: str | None) -> Iterator[tuple[str, str]]:
    headline = next((squash(o.get("headline")) for o in ld if squash(o.get("headline"))), None)
    h1 = next((squash(h.text_content()) for h in tree.iter("h1") if squash(h.text_content())), None)
    title_el = next(iter(tree.iter("title")), None)
    values = (headline, _meta(tree, "og:title", "twitter:title"), h1,
              squash(title_el.text_content()) if title_el is not None else None, squash(fallback))
    for source, value in zip(TITLE_SOURCES, values, strict=True):
        if value:
            yield source, value


def _site_name(tree: lxml_html.HtmlElement) -> str | None:
    """``og:site_name`` without a tagline ("LinkNaija | Nigeria's news platform")."""
    site = _meta(tree, "og:site_name")
    return _SEPARATOR.split(site)[0] if site else None


def _title_suffix(tree: lxml_html.HtmlElement, headline: str | None) -> str | None:
    """The part of ``<title>`` beside the chosen headline ("Headline | Outlet")."""
    title_el = next(iter(tree.iter("title")), None)
    title = squash(title_el.text_content()) if title_el is not None else None
    if not title or not headline:
        return None
    parts = _SEPARATOR.split(title)
    if len(parts) < 2 or compact(headline) not in compact(title):
        return None
    rest = parts[-1] if compact(parts[-1]) not in compact(headline) else parts[0]
    fits = compact(rest) not in compact(headline) and len(rest.split()) <= OUTLET_MAX_WORDS
    return rest if fits else None


def _outlet(tree: lxml_html.HtmlElement, ld: list[dict[str, Any]], url: str | None,
            headline: str | None) -> tuple[str | None, str | None]:
    """The outlet's name and where it came from (see module docstring).

    JSON-LD publisher and ``og:site_name`` can disagree (a wire agency as publisher,
    a section as site name): then the one the domain or ``<title>`` confirms wins.
    """
    publisher = next((n for n in (_ld_name(o.get("publisher")) for o in ld) if n), None)
    publisher = _SEPARATOR.split(publisher)[0] if publisher else None
    site = _site_name(tree)
    named = [(n, src) for n, src in ((publisher, "json-ld"), (site, "og:site_name")) if n]
    if len(named) == 2 and compact(named[0][0]) != compact(named[1][0]):
        title_el = next(iter(tree.iter("title")), None)
        title = title_el.text_content() if title_el is not None else ""
        evidence = compact(f"{host(url) or ''} {title}")
        core = _domain_core(url) or ""
        confirmed = [(n, src) for n, src in named
                     if compact(n) in evidence or (core and core in compact(n))]
        named = confirmed + [x for x in named if x not in confirmed]
    if named:
        return named[0]
    suffix = _title_suffix(tree, headline)
    if suffix:
        return suffix, "title"
    name = host(url)
    return (name, "domain") if name else (None, None)


def _canonical(tree: lxml_html.HtmlElement, url: str | None) -> str | None:
    links = tree.xpath("//link[@rel='canonical']/@href")
    for candidate in [*map(str, links), _meta(tree, "og:url")]:
        if candidate and candidate.startswith(("http://", "https://")):
            return squash(candidate)
    return url


def _language(tree: lxml_html.HtmlElement) -> str | None:
    root_lang = squash(tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang"))
    return root_lang or _meta(tree, "og:locale", "content-language", "dc.language", "language")


def _author(tree: lxml_html.HtmlElement, ld: list[dict[str, Any]],
            fallback: str | None) -> str | None:
    ld_author = next((n for n in (_ld_name(o.get("author")) for o in ld) if n), None)
    meta_author = _meta(tree, "author", "article:author", "parsely-author", "sailthru.author")
    if meta_author and meta_author.startswith("http"):
        meta_author = None
    return ld_author or meta_author or squash(fallback)


def _published(tree: lxml_html.HtmlElement, ld: list[dict[str, Any]], urls: list[str | None],
               text: str, language: str | None,
               headline: str | None) -> tuple[str | None, str | None]:
    """The publication day and its layer (see ``newsweave.clean.pagedates``)."""
    layers: list[tuple[str, str | None]] = [
        ("json-ld", next((d for d in (pagedates.iso_date(o.get("datePublished")) for o in ld) if d),
                         None)),
        ("meta", pagedates.meta_date(tree)),
        ("time", pagedates.time_date(tree)),
        ("url", pagedates.url_date(urls)),
    ]
    for layer, value in layers:
        if value:
            return value, layer
    first = pagedates.month_first(language)
    near = f"{pagedates.heading_text(tree, headline)} {text[:pagedates.DATELINE_CHARS]}"
    dateline = next(pagedates.dates_in_text(near, first, set()), None)
    if dateline:
        return dateline, "dateline"
    in_text = next(pagedates.dates_in_text(text, first, set()), None)
    return (in_text, "text") if in_text else (None, None)


def parse_tree(html: str) -> lxml_html.HtmlElement | None:
    """The lxml tree of a page, None when lxml cannot parse it."""
    try:
        return lxml_html.document_fromstring(html)
    except ValueError:  # a str with an XML encoding declaration
        try:
            return lxml_html.document_fromstring(html.encode("utf-8"))
        except (ValueError, TypeError):
            return None
    except (TypeError, RecursionError):
        return None


def _site_names(tree: lxml_html.HtmlElement, outlet: str | None,
                urls: list[str | None]) -> set[str]:
    """Compacted names the site goes by: outlet, ``og:site_name``, app name, domain."""
    names = {outlet, _meta(tree, "og:site_name"), _meta(tree, "application-name")}
    names |= {_domain_core(u) for u in urls} | {host(u) for u in urls}
    return {compact(n) for n in names if n and compact(n)}


def read_metadata(html: str, url: str | None = None, text: str = "",
                  fallback_title: str | None = None,
                  fallback_author: str | None = None) -> Metadata:
    """The metadata of one page; ``text`` is its extracted article text (for the dateline).

    ``fallback_title`` and ``fallback_author`` (trafilatura's) join the candidates.
    """
    tree = parse_tree(html) if html and html.strip() else None
    if tree is None:
        return Metadata(title=squash(fallback_title), title_from="trafilatura" if fallback_title
                        else None, outlet=host(url), outlet_from="domain" if host(url) else None,
                        url=url)
    ld = _json_ld(tree)
    canonical = _canonical(tree, url)
    urls = [canonical, url]
    publisher_or_site = _outlet(tree, ld, canonical, None)[0]
    chosen = choose_title(list(_title_candidates(tree, ld, fallback_title)),
                          _site_names(tree, publisher_or_site, urls))
    outlet, outlet_from = _outlet(tree, ld, canonical, chosen[0] if chosen else None)
    language = _language(tree)
    published, published_from = _published(tree, ld, urls, text, language,
                                            chosen[0] if chosen else None)
    return Metadata(
        title=chosen[0] if chosen else None,
        title_from=chosen[1] if chosen else None,
        outlet=outlet, outlet_from=outlet_from,
        published=published, published_from=published_from,
        author=_author(tree, ld, fallback_author),
        language=language, url=canonical,
    )
