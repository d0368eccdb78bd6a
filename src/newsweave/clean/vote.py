"""Second opinions on trafilatura's main text: a paragraph vote, line cleanup, a fallback.

trafilatura in its balanced setting keeps most of the article and some boilerplate;
in its precision setting it drops boilerplate and, on some pages, article text too.
jusText (Pomikálek 2011) classifies the page's paragraphs by length, link density and
stop-word density, a signal independent of trafilatura's tree heuristics. A line of
the balanced text is dropped when both other opinions are against it: the precision
setting left it out and jusText calls it boilerplate (``vote_lines``). Lines that
repeat an earlier long sentence (pages that render the article twice) and lines that
are nothing but a timestamp (structured data leaking into the text) go too.
When trafilatura finds no text at all, jusText's article paragraphs are the fallback.
A text that is almost all link text (a listing, a menu around an error message or an
empty script shell) is no article (``is_listing``).

Calibrated on half "a" of ``pages/aeb.jsonl`` (shingle F1) and of
``pages/trafilatura-eval`` (snippet F1) with ``newsweave eval pages ... --half a``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

# The vote runs only when the precision text holds at least this share of the balanced
# text's characters; below it the precision setting has lost the article, and its
# silence on a line says nothing. aeb half a F1 0.9609 at 0.3, 0.5 and 0.7 (half b
# 0.9630, 0.9630, 0.9626): no dev page sits near it, so the lowest, 0.3, is kept.
VOTE_MIN_PRECISE_SHARE = 0.3
# A line longer than this many words is kept whatever the vote. Half a F1 (aeb shingle /
# trafilatura-eval snippet; no vote: 0.9572 / 0.9255): 5: 0.9572 / 0.9261,
# 12: 0.9590 / 0.9282, 20: 0.9603 / 0.9285, unbounded: 0.9609 / 0.9281. 20 keeps every
# long paragraph, where a wrong drop costs most recall. (Measured with the precision
# pass in its full mode; its ``fast`` mode gives the same text on 39 of 40 pages.)
VOTE_MAX_WORDS = 20
# A sentence-final line of at least this many words seen earlier in the text is a
# second rendering of the article, not a new paragraph. aeb half a F1 (no vote):
# 0.9572 without, 0.9590 at 10, 0.9588 at 15, 0.9587 at 20, 0.9584 at 30. 10-20 are
# within 0.0003; 20 touches the fewest lines (lists and recipes repeat short lines).
REPEAT_MIN_WORDS = 20
# The fallback text must have at least this many words to stand in for the article;
# fewer is a stray caption or a cookie notice. Not reached on the dev sets (trafilatura
# finds text on every dev page), so set from that reasoning: three MIN_UNLINKED_WORDS.
FALLBACK_MIN_WORDS = 30
# A jusText paragraph whose words are at least this share link text is a link. 0.5 and
# 0.8 mark the same lines on both dev sets.
LINKED_MIN_DENSITY = 0.5
# A text with fewer words than this outside links is a listing, not an article. The
# fewest such words of a dev page's text are 66 (aeb) and 10 (trafilatura-eval, a page
# whose text is one repeated strap line); a menu around "Page not found" has 3.
MIN_UNLINKED_WORDS = 10

_WORD = re.compile(r"\w+")
_TERMINAL = (".", "!", "?", "…")
_CLOSERS = "\"'”’»)]"
# A line that is only a machine date-time (ISO 8601 with its time): meta or JSON-LD
# content the extractor read as text; no sentence has this shape. Bare URL lines are
# kept: shopping lists print their links as visible text (an aeb gold text does).
_BARE_TIMESTAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?")


@dataclass(frozen=True, slots=True)
class Paragraphs:
    """jusText's reading of a page: its article paragraphs and its boilerplate ones."""

    good: tuple[str, ...] = ()
    boilerplate: frozenset[str] = frozenset()
    linked: frozenset[str] = frozenset()


def _squash(text: str) -> str:
    return " ".join(text.split())


@cache
def _stoplist() -> frozenset[str]:
    """Stop words of every language jusText knows: the pages' language is not known
    beforehand, and a union keeps prose of any of them above the density threshold."""
    import justext  # type: ignore[import-untyped]

    return frozenset(w for lang in justext.get_stoplists() for w in justext.get_stoplist(lang))


def justext_paragraphs(html: str) -> Paragraphs:
    """jusText's classification of the page's paragraphs (empty when it cannot parse)."""
    import justext  # type: ignore[import-untyped]
    from lxml import etree

    try:
        found = justext.justext(html.encode("utf-8", "replace"), _stoplist(), encoding="utf-8")
    except (ValueError, TypeError, LookupError, RecursionError, etree.LxmlError):
        return Paragraphs()
    good = tuple(_squash(p.text) for p in found if p.class_type == "good")
    bad = frozenset(_squash(p.text) for p in found if p.class_type != "good")
    linked = frozenset(_squash(p.text) for p in found if p.links_density() >= LINKED_MIN_DENSITY)
    return Paragraphs(good=good, boilerplate=bad, linked=linked)


def _disputed(flat: str, paragraphs: Paragraphs) -> bool:
    """jusText calls the line boilerplate and it is short enough to be voted out."""
    return flat in paragraphs.boilerplate and len(_WORD.findall(flat)) <= VOTE_MAX_WORDS


def vote_lines(balanced: str, precise: Callable[[], str], paragraphs: Paragraphs) -> str:
    """``balanced`` without the lines ``precise()`` left out and jusText calls boilerplate.

    ``precise`` is called only when some line is disputed (on about 30% of the dev
    pages none is), as it is a second extraction of the page.
    """
    lines = balanced.split("\n")
    disputed = [_disputed(_squash(line), paragraphs) for line in lines]
    if not any(disputed):
        return balanced
    precise_text = precise()
    if not precise_text or len(precise_text) < VOTE_MIN_PRECISE_SHARE * len(balanced):
        return balanced
    kept_by_precise = {_squash(line) for line in precise_text.split("\n")}
    return "\n".join(line for line, against in zip(lines, disputed, strict=True)
                     if not against or _squash(line) in kept_by_precise)


def _is_sentence(flat: str) -> bool:
    return flat.rstrip(_CLOSERS).endswith(_TERMINAL)


def tidy_lines(text: str) -> str:
    """``text`` without bare timestamp lines and repeated long sentence lines."""
    seen: set[str] = set()
    out = []
    for line in text.split("\n"):
        flat = _squash(line)
        if flat and _BARE_TIMESTAMP.fullmatch(flat):
            continue
        if len(_WORD.findall(flat)) >= REPEAT_MIN_WORDS and _is_sentence(flat):
            if flat in seen:
                continue
            seen.add(flat)
        out.append(line)
    return "\n".join(out)


def fallback_text(paragraphs: Paragraphs) -> str:
    """jusText's article paragraphs as the text, or "" when too little to be an article."""
    text = "\n\n".join(paragraphs.good)
    return text if _words(paragraphs.good) >= FALLBACK_MIN_WORDS else ""


def is_listing(text: str, paragraphs: Paragraphs) -> bool:
    """True when ``text`` has fewer than ``MIN_UNLINKED_WORDS`` words outside links."""
    lines = (line for line in text.split("\n") if _squash(line) not in paragraphs.linked)
    return _words(lines) < MIN_UNLINKED_WORDS


def _words(texts: Iterable[str]) -> int:
    return sum(len(_WORD.findall(t)) for t in texts)
