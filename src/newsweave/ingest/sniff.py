"""What a file holds, judged from its first characters: text, HTML, JSON Lines, JSON.

Content beats the file name where the content is unambiguous: a ``.json`` export is
often JSON Lines, a ``.html`` can be plain text, a ``.txt`` saved from a browser is a
whole page. Markup is where the two meet: articles about the web quote tags ("the
attackers hid a <script> tag in a <div>"), so text that merely holds tags is text.
A ``.txt``, ``.md`` or unnamed file (and a JSON ``text`` field) is HTML only when
it is an HTML document (it opens with a doctype, ``<html>`` or ``<head>``) or when
markup dominates it (``MIN_MARKUP_SHARE``); under an HTML suffix one tag is enough.
"""

from __future__ import annotations

import json
import re
from typing import Literal

Format = Literal["text", "html", "jsonl", "json"]

# Suffixes (lower case, without ".gz") and the format they promise.
SUFFIX_FORMATS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}
FEED_SUFFIXES = frozenset({".rss", ".atom"})

# Markup dominates a text when at least this share of its words (non-space
# characters outside tags) lie inside elements that tags open and close
# (``<p>...</p>``): an HTML fragment wraps nearly all its text in elements, prose
# quoting tags next to none of it (a quoted ``<script>alert(1)</script>`` wraps
# eight characters). On the evaluation data (``python tests/ingest/test_markup.py``,
# heads as sniffed): the 9,758 texts of plaintext/aeb-text.jsonl, stories/,
# roundups/ and conflicts/dev.jsonl all score 0.0. Of the 1,171 pages of
# pages/aeb.jsonl and trafilatura-eval, read as if named .txt, 1,164 open as
# documents; the other 7 (half a: 0.025, 0.417, 0.922, 0.991; half b: 0.0, 0.329,
# 0.562) open with PHP warnings or a script or style block longer than the head.
# Half a: 0.2-0.4 make 3 of its 4 HTML, 0.5-0.8 2 (half b: 2 up to 0.3, 1 at
# 0.4-0.5, none from 0.6). Prose written for the tests scores 0.04 (a story quoting
# <script>, <div>, <p>) to 0.48 (one sentence quoting "<b>bold</b> and
# <i>italic</i>"), fragments 1.0: 0.5 gives up one page of half a, which its .html
# suffix reads as HTML anyway, to keep such prose text.
MIN_MARKUP_SHARE = 0.5

# How much of the head is scanned for tags: the start of any real page holds its
# <head> or first paragraphs well within this.
SNIFF_CHARS = 8192

_NAMES = (
    "html|head|body|title|meta|link|base|script|style|noscript|template|div|span|p|br"
    "|hr|wbr|a|h[1-6]|ul|ol|li|dl|dt|dd|article|section|header|footer|nav|main|aside"
    "|address|table|caption|thead|tbody|tfoot|tr|th|td|img|picture|source|video|audio"
    "|iframe|figure|figcaption|blockquote|pre|code|strong|em|b|i|u|s|small|sub|sup"
    "|mark|del|ins|cite|q|abbr|time|font|center|form|input|button|label|select"
    "|option|textarea|svg|details|summary"
)
_HTML_TAG = re.compile(rf"<(/?)({_NAMES})(\s[^<>]*)?(/?)>|<!--.*?-->", re.I | re.S)
# Elements that never hold text, so never need a closing tag.
_VOID = frozenset({"br", "hr", "wbr", "img", "meta", "link", "base", "source", "input"})
# What may precede the root of a page: a byte-order mark, space, an XML declaration
# and comments.
_PROLOG = re.compile(r"(?:\ufeff|\s+|<\?xml[^>]*>|<!--.*?-->)*", re.S)
_DOCUMENT_ROOT = re.compile(r"<(!doctype\s+html|html[\s>]|head[\s>])", re.I)
_FEED_ROOT = re.compile(r"<(rss|feed|rdf:RDF)[\s>]", re.I)
_PAGE_ROOT = re.compile(r"<(html|body)[\s>]", re.I)
_ARRAY_START = re.compile(r"\[\s*(\{|\[|\]|\"|-?\d|true|false|null)")


def sniff_format(head: str, suffix: str) -> Format:
    """Decide a file's format from its first characters, the suffix breaking ties.

    Args:
        head: the first few thousand characters of the decoded file.
        suffix: the file's suffix, lower or upper case, with its dot (".txt"); a
            trailing ".gz" is already removed. "" when there is none.

    Returns:
        "jsonl" when the first line is a whole JSON object (one object per line),
        "json" for a JSON array or a pretty-printed object, "html" for an HTML
        document or text that markup dominates (any tag under an HTML suffix),
        else "text".
    """
    stripped = head.lstrip("\ufeff \t\r\n")
    promised = SUFFIX_FORMATS.get(suffix.lower())
    if stripped.startswith("{"):
        return _sniff_object(stripped, promised)
    if _ARRAY_START.match(stripped):
        return "json"
    if looks_like_html(stripped, promised == "html"):
        return "html"
    if not stripped and promised is not None:
        return promised
    return "text"


def looks_like_html(head: str, promised: bool = False) -> bool:
    """True when ``head`` is HTML: a document, markup that dominates, or any tag if promised.

    Args:
        head: the start of a file or a JSON field (only ``SNIFF_CHARS`` are read).
        promised: the file's suffix says HTML, so one tag is enough.
    """
    head = head[:SNIFF_CHARS]
    if "<" not in head:
        return False
    if is_html_document(head):
        return True
    if promised:
        return _HTML_TAG.search(head) is not None
    return markup_share(head) >= MIN_MARKUP_SHARE


def is_html_document(head: str) -> bool:
    """True when ``head`` opens, after any XML declaration and comments, as a page."""
    start = _PROLOG.match(head)
    return _DOCUMENT_ROOT.match(head, start.end() if start else 0) is not None


def markup_share(text: str) -> float:
    """Share of ``text``'s words (non-space characters outside tags) inside closed elements.

    Tags themselves are not counted: a short sentence quoting ``<script>`` and
    ``</script>`` would otherwise be half markup. A text of tags alone scores 1.0.
    """
    tags: list[tuple[int, int]] = []
    enclosed: list[tuple[int, int]] = []
    open_tags: list[tuple[str, int]] = []
    for tag in _HTML_TAG.finditer(text):
        tags.append(tag.span())
        closing, name, _, self_closing = tag.groups()
        if name is None or self_closing or name.lower() in _VOID:
            continue  # a comment, <br>, <img ... />
        name = name.lower()
        if not closing:
            open_tags.append((name, tag.end()))
            continue
        for depth in range(len(open_tags) - 1, -1, -1):
            if open_tags[depth][0] == name:  # unclosed elements above it end here too
                enclosed.append((open_tags[depth][1], tag.start()))
                del open_tags[depth:]
                break
    in_tags = _covered(text, tags)
    words = _non_space(text) - in_tags
    if not words:
        return 1.0 if tags else 0.0
    # Tags lie inside enclosed spans too: take them out of both counts.
    inside = _covered(text, tags + enclosed) - in_tags
    return inside / words


def _covered(text: str, spans: list[tuple[int, int]]) -> int:
    """Non-space characters of ``text`` under the union of ``spans``."""
    return sum(_non_space(text[a:b]) for a, b in _merged(spans))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted and merged where they overlap."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _non_space(text: str) -> int:
    """How many characters of ``text`` are not white space."""
    return len("".join(text.split()))


def is_feed(head: str) -> bool:
    """True when ``head`` is an RSS or Atom document (an XML root named rss/feed/RDF)."""
    stripped = head.lstrip("\ufeff \t\r\n")[:SNIFF_CHARS]
    if not stripped.startswith("<"):
        return False
    match = _FEED_ROOT.search(stripped)
    # The root must come before any HTML body: an article page may quote "<feed".
    return match is not None and not _PAGE_ROOT.search(stripped[: match.start()])


def _sniff_object(head: str, promised: Format | None) -> Format:
    """A head starting with "{": JSON Lines when its first line is a whole object."""
    first_line, newline, _ = head.partition("\n")
    if not newline and promised in ("json", "jsonl"):
        return promised  # one line, possibly cut short by the head: trust the suffix
    try:
        value = json.loads(first_line)
    except (ValueError, RecursionError):  # deep nesting overflows the C parser
        return "json"
    return "jsonl" if isinstance(value, dict) else "json"
