"""What a single number is when it is not an amount: an age, a rank, a label, a phone
number or the pronoun "one".

A count stands before the noun it counts ("5,200 soldiers"); a number after its noun
names one thing of a series ("Channel 16", "Interstate 75", "page twenty"). Ages and
ranks are read from the words just before the number ("aged 45", "No. 2", "top
five") or from the frame ("a 45-year-old man", "Smith, 45,"). "one" counts only when
it modifies a noun ("one soldier was killed"); alone it is a pronoun ("one of the",
"no one"), and "one day" or "at one point" are idioms, not durations.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from newsweave.extract.nlp import doc_memo, doc_text, line_bounds
from newsweave.extract.quantities_frame import MAX_AGE, Frame
from newsweave.extract.spans import search_before

if TYPE_CHECKING:
    from spacy.tokens import Token

# amount: a count, money, percent or measure; the rest are kept or dropped by the
# caller (age and rank are kept with their kind; label, pronoun and phone dropped).
Role = Literal["amount", "age", "rank", "label", "pronoun", "phone"]

# "aged 45", "ages 6 and 8", "at the age of 91", "died at 95", "dead at 95".
_AGE_BEFORE = re.compile(
    r"\b(?:aged?|ages|age\s+of|(?:died|dies|dead)\s+at)\s*$", re.IGNORECASE
)
# Subjects of "X was 95" that are people: personal and relative pronouns.
PERSON_PRONOUNS = frozenset({"he", "she", "who"})
# "No. 2", "Nos. 3", "number two", "number-10", "#1", "top five", "top-10", "ranked 5"; "No 2"
# without the dot only before digits ("No one" is a pronoun).
_RANK_BEFORE = re.compile(
    r"(?:\b[Nn]os?\s?\.|\b[Nn]umber\s?-?|#|\b[Tt]op\s?-?|\b[Rr]anked)\s*$"
)
_RANK_BEFORE_DIGITS = re.compile(r"\bNo\s*$")
# Words before a number that name the scale it is read on ("magnitude 5.9",
# "magnitude-6.0 quake", "Category 4 hurricane"): the standard hazard scales of news
# reports (moment magnitude, Saffir-Simpson category).
PREFIX_UNITS: dict[str, str] = {"magnitude": "magnitude", "category": "category"}
_PREFIX_UNIT = re.compile(
    r"\b(" + "|".join(PREFIX_UNITS) + r")(?:\s+(?:of|at|was|is))?"
    r"(?:\s+(?:at least|about|around|nearly|almost|more than|some))?\s*-?\s*$",
    re.IGNORECASE,
)
# "a quake measuring 6.1 on the Richter scale": the scale named after the value.
_SCALE_AFTER = re.compile(r"\s*on\s+the\s+(?:open-ended\s+)?richter\s+scale", re.IGNORECASE)
# Nouns naming the members of a numbered series: a number after one is a label
# ("page twenty", "room 101", "week 3"); an address noun counted by a number is an
# address ("325 Main Ave"). General English words for addresses, routes, documents, venues
# and schedules.
ADDRESS_NOUNS = frozenset({
    "street", "st.", "st", "ave", "ave.", "avenue", "blvd", "blvd.", "road", "rd",
    "highway", "route", "interstate", "suite", "room", "flight", "no.", "number",
    "channel", "page", "chapter", "section", "article", "platform", "gate",
})
SERIES_NOUNS = ADDRESS_NOUNS | {
    "week", "game", "round", "exit", "terminal", "lane", "pier", "ward", "district",
    "precinct", "episode", "volume", "act", "scene", "verse", "apartment", "unit",
}
# A line whose long words are this title-cased is a headline, where capitals say
# nothing about names ("Earthquake Kills 10 In Iran"). Share of titles / of body
# sentences at or above it on conflicts/dev.jsonl half "a": 0.5 -> 0.38 / 0.066,
# 0.6 -> 0.30 / 0.026, 0.7 -> 0.28 / 0.0085, 0.8 -> 0.27 / 0.004; about 0.27 of
# those titles are title-cased at all (the rest are ECB+ first sentences).
HEADLINE_TITLE_SHARE = 0.7
HEADLINE_MIN_WORDS = 3
_LONG_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")
# Dependencies that tie a number to a noun before it as its name ("Channel 16"), or
# to such a label as the next item of a list ("Explorer 5.01, 6 and 7").
LABEL_DEPS = frozenset({"nummod", "appos", "conj", "compound", "npadvmod", "amod", "nmod"})
NAME_DEPS = frozenset({"compound", "amod", "nmod"})
LIST_DEPS = frozenset({"conj", "appos"})
# Verbs whose object number is a telephone number ("called 911", "dialled 999").
CALL_VERBS = frozenset({"call", "dial", "phone", "ring", "text"})
# Determiners before "one" that make it a pronoun or "only" ("no one", "the one
# person", "any one of them"): English closed-class words.
_ONE_DETERMINER = re.compile(
    r"\b(?:the|this|that|no|any|every|each|which|what|another)\s*-?\s*$", re.IGNORECASE
)
# Nouns that make "one N" an idiom for "some N" when used as an adverb ("one day he
# left", "at one point", "on one occasion"): English time-reference nouns.
ONE_IDIOM_NOUNS = frozenset({
    "day", "night", "morning", "evening", "afternoon", "time", "point", "moment",
    "occasion",
})
IDIOM_PREPS = frozenset({"at", "on"})
# Words after "one day" that make it a distance in time ("one day after the vote").
RELATIVE_WORDS = frozenset({"after", "before", "later", "earlier", "ago", "apart", "since"})
VERB_POS = frozenset({"VERB", "AUX"})
# "that" before "one" is a determiner only when tagged so ("that one man"), not as
# a conjunction ("added that one person was hurt").
DETERMINER_POS = frozenset({"DET", "PRON"})


def scale_unit(text: str, start: int, end: int) -> str | None:
    """The scale a number is read on, named right before it ("magnitude 5.9",
    "a magnitude of at least 5.9") or after it ("6.1 on the Richter scale")."""
    m = search_before(_PREFIX_UNIT, text, start)
    if m:
        return PREFIX_UNITS[m.group(1).lower()]
    return "magnitude" if _SCALE_AFTER.match(text, end) else None


def number_role(first: Token, last: Token, frame: Frame, start: int) -> Role:
    """The role of the number spanning tokens ``first``..``last`` (its text starts at
    character ``start``), given its frame."""
    text = doc_text(first.doc)
    if frame.counted == "age" or _age_before(text, start, last) or _age_predicate(last, frame):
        return "age"
    if search_before(_RANK_BEFORE, text, start) or (
        text[start : start + 1].isdigit() and search_before(_RANK_BEFORE_DIGITS, text, start)
    ):
        return "rank"
    if _is_label(first):
        return "label"
    if first.lower_ == "one" and _pronoun_one(text, start, first, frame):
        return "pronoun"
    if frame.counted is None and last.dep_ == "dobj" and last.head.lemma_ in CALL_VERBS:
        return "phone"
    return "amount"


def _age_before(text: str, start: int, last: Token) -> bool:
    """"aged 45", "at age 91", and the later items of "ages 6 and 8"."""
    if search_before(_AGE_BEFORE, text, start):
        return True
    head = last.head
    if last.dep_ != "conj":
        return False
    return head.lemma_.lower() == "age" or (
        head.like_num and bool(search_before(_AGE_BEFORE, text, head.idx))
    )


def _age_predicate(tok: Token, frame: Frame) -> bool:
    """"He was 95.", "workers who are 58 and older": a bare whole number said of a
    person with "be"."""
    if frame.counted is not None or frame.unit is not None or not tok.text.isdigit():
        return False
    head = tok.head
    if tok.dep_ not in ("attr", "acomp") or head.lemma_ != "be" or int(tok.text) >= MAX_AGE:
        return False
    return any(
        c.dep_ == "nsubj" and (c.lower_ in PERSON_PRONOUNS or c.ent_type_ == "PERSON")
        for c in head.children
    )


def _is_label(tok: Token) -> bool:
    """A number naming one of a series: right after its noun ("Channel 16", "Ch. 4",
    "the Lower 48"), or a later item of a list of such labels."""
    if any(c.i == tok.i - 1 and c.dep_ in NAME_DEPS and _name_word(c) for c in tok.lefts):
        return True  # "the Lower 48": the number is the head of a name
    head = tok.head
    if head.i >= tok.i or tok.dep_ not in LABEL_DEPS:
        return False
    if tok.dep_ in LIST_DEPS and head.like_num:
        return _is_label(head)  # "5.01, 6 and 7": as the item before
    if head.lemma_.lower() not in SERIES_NOUNS and not _name_word(head):
        return False
    gap = doc_text(tok.doc)[head.idx + len(head.text) : tok.idx]
    if gap.strip(" .") == "":
        return True
    return any(c.i < tok.i and c.like_num and _is_label(c) for c in head.children)


def _pronoun_one(text: str, start: int, tok: Token, frame: Frame) -> bool:
    """Whether "one" stands for a noun or an idiom rather than counting one thing."""
    if _idiom(tok):
        return True
    if frame.unit is not None:
        return False  # "a one-day swing", "one year later"
    if frame.counted is None or frame.held:
        return True  # "one of the victims", "killing one", "one by one"
    det = search_before(_ONE_DETERMINER, text, start)
    return det is not None and any(
        t.pos_ in DETERMINER_POS for t in tok.doc[max(0, tok.i - 2) : tok.i]
        if t.idx >= det.start()
    )


def _idiom(tok: Token) -> bool:
    """"one day" / "one night" as an adverb of a verb, "at one point"; not "one day
    after the vote", a duration."""
    noun = tok.head
    if tok.dep_ != "nummod" or noun.lemma_.lower() not in ONE_IDIOM_NOUNS:
        return False
    if noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].lower_ in RELATIVE_WORDS:
        return False
    if noun.dep_ in ("npadvmod", "advmod"):
        return noun.head.pos_ in VERB_POS
    return noun.dep_ == "pobj" and noun.head.lower_ in IDIOM_PREPS


def _name_word(tok: Token) -> bool:
    """A capitalised noun or adjective outside a headline ("Interstate", "Lower")."""
    if not tok.text[:1].isupper() or tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    return not _in_headline(tok)


def _in_headline(tok: Token) -> bool:
    """Whether the token's line reads as a headline (decided once per line)."""
    start, end = line_bounds(tok.doc, tok.idx)
    known = doc_memo(tok.doc, "headline_lines")
    if start not in known:
        known[start] = _headline(doc_text(tok.doc)[start:end])
    return bool(known[start])


def _headline(line: str) -> bool:
    words: list[str] = _LONG_WORD.findall(line)
    if len(words) < HEADLINE_MIN_WORDS:
        return False
    return sum(w[0].isupper() for w in words) >= HEADLINE_TITLE_SHARE * len(words)
