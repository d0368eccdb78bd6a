"""What event a date belongs to, and on which side of publication the text puts it.

"died *on Friday*" -> die; "*Saturday's* shooting" -> shooting. Computed once at
extraction, with the article's parse at hand, and stored on the ``DateMention`` so
the brief can compare dates of one event without running the parser again.

The same parse says which way a date without its year or week lies from the
publication date: the tense of the verb it modifies ("*will step down* on January
1" looks forward, "*voted* on Monday" back), read from the verb group's auxiliaries
and morphology rather than from words in the sentence, so "said on Monday that he
will resign" dates the saying, in the past.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from newsweave.lexicon import BACKWARD_WORDS, FORWARD_WORDS
from newsweave.model import DateMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Direction = Literal["past", "future"]
_Tense = Literal["past", "present", "future"]

# Verbs too vague to say which event a date belongs to.
LIGHT_ANCHORS = frozenset({"be", "have", "say", "tell", "report", "add", "do", "make", "get"})
# Dependency hops from a date to its verb or event noun; calibrated on the dated
# disagreements of conflicts/dev.jsonl (none needs more than 4).
MAX_ANCHOR_HOPS = 4
# Event nouns a date can hang on ("Saturday's shooting", "the attack on Friday").
EVENT_NOUNS = frozenset({
    "shooting", "attack", "death", "killing", "crash", "fire", "quake", "earthquake",
    "arrest", "election", "vote", "meeting", "visit", "announcement", "sale", "raid",
})  # fmt: skip
# How far the tense of a verb group is looked for through infinitives and
# coordinations ("is expected to announce", "will meet ... and vote"): a structural
# bound, past which the clause no longer speaks of the date's verb.
MAX_TENSE_DEPTH = 3
# Parts of speech a date reaches its verb through: the preposition that introduces
# it ("on Monday") and adverbs around it ("as early as Monday", "earlier Friday").
_PASS_THROUGH = frozenset({"ADP", "ADV"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})  # "Thursday morning": one time phrase
_NOMINAL = frozenset({"NOUN", "PROPN"})  # a date on one of these dates that thing
# Modal lemmas by what they say of a date (English grammar, not data). The past
# forms of "can" and "may" are as often past ("could not be reached Wednesday", in
# ECB+ dev texts) as a hedged future, so they say nothing; the other modals look
# forward, and with "have" back ("may have died") except the future perfect.
PAST_FORM_MODALS = frozenset({"could", "might"})
FUTURE_MODALS = frozenset({"will", "shall"})  # "will have finished by Monday"


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
        if outside and head.pos_ in _NOMINAL and head.ent_type_ not in _TIME_ENTITIES:
            # "convicted of the June 20, 2005 attempted murder": the date dates the
            # noun it modifies, not the verb above that noun.
            return None
        tok = head
    return None


def anchor_dates(doc: Doc, dates: Iterable[DateMention]) -> tuple[DateMention, ...]:
    """Each date with its anchor filled in from the parse."""
    return tuple(replace(d, anchor=anchor_of(doc, d.start, d.end)) for d in dates)


def date_direction(doc: Doc, start: int, end: int) -> Direction | None:
    """Whether the date at ``[start, end)`` lies after or before publication, if said.

    In order: a direction word just before it ("this coming Monday", "since
    March"); a date introduced by "for" on a verb, the date of something arranged
    ("set the sentencing for June 28"); the tense of its verb group: "will",
    "would" and other modals forward (a modal with "have" back), an infinitive
    governed by a present or future verb forward ("is expected to announce
    Thursday"), a present progressive forward ("is meeting on Monday"), past and
    perfect forms back. The simple present (headline style or timetable), a date
    on a noun ("Wednesday's vote") and anything else say nothing: None.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if span.start > 0:
        before = doc[span.start - 1].lower_
        if before in FORWARD_WORDS:
            return "future"
        if before in BACKWARD_WORDS:
            return "past"
    verb, preposition = _date_verb(span)
    if verb is None:
        return None
    if preposition == "for":
        return "future"
    tense = _verb_tense(verb, 0)
    return None if tense == "present" else tense


def _date_verb(span: Span) -> tuple[Token | None, str | None]:
    """The verb the date modifies (None when it hangs on a noun) and its preposition."""
    tok: Token = span.root
    preposition: str | None = None
    while tok.head.i != tok.i:
        head = tok.head
        inside = span.start <= head.i < span.end
        if head.pos_ in ("VERB", "AUX") and not inside:
            return head, preposition
        if head.pos_ == "ADP" and preposition is None:
            preposition = head.lower_
        if not (inside or head.pos_ in _PASS_THROUGH or head.ent_type_ in _TIME_ENTITIES):
            return None, preposition
        tok = head
    return None, preposition


def _verb_tense(verb: Token, depth: int) -> _Tense | None:
    """Time of a verb group from its auxiliaries and morphology (None: no finite form)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    perfect = any(a.lemma_ == "have" for a in auxes)  # "may have died", "to have died"
    modals = {a.lemma_.lower() for a in auxes if a.tag_ == "MD"}
    if modals and perfect:
        return "future" if modals & FUTURE_MODALS else "past"
    if modals:
        return None if modals <= PAST_FORM_MODALS else "future"
    if perfect:
        return "past"
    if any(a.tag_ == "TO" for a in auxes):
        # An infinitive happens after what governs it when that is now or later;
        # after a past verb ("agreed to meet") it may have happened already.
        governor = _governor_tense(verb, depth)
        return "future" if governor in ("present", "future") else None
    finite = [t for t in (*auxes, verb) if "Fin" in t.morph.get("VerbForm", [])]
    if not finite:
        return _governor_tense(verb, depth) if verb.dep_ == "conj" else None
    if "Past" in finite[0].morph.get("Tense", []):
        return "past"
    return "future" if verb.tag_ == "VBG" and auxes else "present"


def _governor_tense(verb: Token, depth: int) -> _Tense | None:
    """The tense of the verb governing ``verb``, within the depth bound.

    A predicative adjective between them ("is due to", "is likely to") is passed
    over to the verb it completes.
    """
    head = verb.head
    while head.pos_ == "ADJ" and head.head.i != head.i:
        head = head.head
    if depth >= MAX_TENSE_DEPTH or head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    return _verb_tense(head, depth + 1)
