"""What event a date belongs to: the verb or event noun it modifies in the parse.

"died *on Friday*" -> die; "*Saturday's* shooting" -> shooting. Computed once at
extraction, with the article's parse at hand, and stored on the ``DateMention`` so
the brief can compare dates of one event without running the parser again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from newsweave.model import DateMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs too vague to say which event a date belongs to.
LIGHT_ANCHORS = frozenset({"be", "have", "say", "tell", "report", "add", "do", "make", "get"})
# Dependency hops from a date to its verb or event noun; calibrated on the dated
# disagreements of conflicts/dev.jsonl (none needs more than 4).
MAX_ANCHOR_HOPS = 4
# Event nouns a date can hang on ("Saturday's shooting", "the attack on Friday").
EVENT_NOUNS = frozenset({
    "shooting", "attack", "death", "killing", "crash", "fire", "quake", "earthquake",
    "arrest", "election", "vote", "meeting", "visit", "announcement", "sale", "raid",
})


def anchor_of(doc: Doc, start: int, end: int) -> str | None:
    """Lemma of the verb or event noun that the date at ``[start, end)`` modifies."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok: Token = span.root
    for _ in range(MAX_ANCHOR_HOPS):
        head = tok.head
        if head.i == tok.i:
            break
        outside = head.i < span.start or head.i >= span.end
        if outside and (head.pos_ == "VERB" or head.lemma_.lower() in EVENT_NOUNS):
            lemma = str(head.lemma_).lower()
            return None if lemma in LIGHT_ANCHORS else lemma
        tok = head
    return None


def anchor_dates(doc: Doc, dates: Iterable[DateMention]) -> tuple[DateMention, ...]:
    """Each date with its anchor filled in from the parse."""
    return tuple(replace(d, anchor=anchor_of(doc, d.start, d.end)) for d in dates)
