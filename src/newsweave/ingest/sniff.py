"""What a file holds, judged from its first characters: text, HTML, JSON Lines, JSON.

Content beats the file name: a ``.txt`` saved from a browser is HTML, a ``.json``
export is often JSON Lines, a ``.html`` can be plain text. The suffix only breaks
ties where the content says little (no markup, an empty head).
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

# Distinct tag strings ("<p>", "</p>", '<a href="/x">' count once each) a head must
# hold to be HTML whatever the suffix says. News text quoting one tag ("the <b>
# tag") gives 1; the smallest real fragment, one paragraph "<p>...</p>", gives 2 and
# is HTML only under an HTML suffix; a paragraph with a link or a <br> gives 3+.
# All 181 texts of plaintext/aeb-text.jsonl and the 9,577 texts of stories/,
# roundups/ and conflicts/dev.jsonl stay "text"; all 181 pages of pages/aeb.jsonl
# are "html".
HTML_MIN_TAGS = 3

# How much of the head is scanned for tags: the start of any real page holds its
# <head> or first paragraphs well within this.
SNIFF_CHARS = 8192

_HTML_START = re.compile(r"<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|!--)", re.I)
_HTML_TAG = re.compile(
    r"</?(html|head|body|title|meta|link|script|style|div|span|p|br|a|h[1-6]|ul|ol|li"
    r"|article|section|header|footer|nav|main|table|tr|td|img|strong|em|b|i|figure)"
    r"(\s[^<>]*)?/?>",
    re.I,
)
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
        "json" for a JSON array or a pretty-printed object, "html" when markup is
        found, else "text".
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
    """True when ``head`` opens like a page or holds enough distinct HTML tags."""
    head = head[:SNIFF_CHARS]
    if _HTML_START.match(head.lstrip()):
        return True
    tags = {m.group(0).lower() for m in _HTML_TAG.finditer(head)}
    return len(tags) >= (1 if promised else HTML_MIN_TAGS)


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
