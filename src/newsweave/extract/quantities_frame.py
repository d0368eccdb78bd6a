"""The frame of a number from the dependency parse: counted noun, unit, qualifiers, owner."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsweave.extract.nlp import doc_memo, doc_text, per_doc
from newsweave.lexicon import COUNTRY_ALIASES, DEMONYMS, country_display

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Unit words (lemma -> canonical unit). Durations, lengths, areas, weights, speeds and
# words that make a number a measure of its noun ("35-word oath", "48-page").
UNITS: dict[str, str] = {
    "second": "second", "minute": "minute", "hour": "hour", "day": "day",
    "week": "week", "month": "month", "year": "year", "decade": "decade",
    "km": "km", "kilometre": "km", "kilometer": "km", "mile": "mile", "metre": "m",
    "meter": "m", "m": "m", "foot": "ft", "feet": "ft", "ft": "ft", "yard": "yard",
    "yd": "yard", "inch": "inch", "cm": "cm", "centimetre": "cm", "centimeter": "cm",
    "acre": "acre", "hectare": "hectare", "kg": "kg", "kilogram": "kg",
    "pound": "lb", "lb": "lb", "tonne": "tonne", "ton": "ton", "mph": "mph",
    "kph": "km/h", "mm": "mm", "millimetre": "mm", "millimeter": "mm",
    "percent": "percent", "magnitude": "magnitude",
    "degree": "degree", "caliber": "caliber", "calibre": "caliber", "page": "page",
    "word": "word", "point": "point", "storey": "storey", "story": "storey",
    "floor": "storey", "gallon": "gallon", "litre": "litre", "liter": "litre",
    "barrel": "barrel",
}
SQUARE_UNITS = {"km": "km2", "mile": "sq mile", "m": "m2", "ft": "sq ft"}
ATTACH_DEPS = {"nummod", "compound", "amod", "nmod", "quantmod", "npadvmod", "appos", "nsubj"}
CLIMB_DEPS = {
    "dobj", "nsubj", "nsubjpass", "pobj", "prep", "attr", "appos", "npadvmod", "oprd",
    "conj", "advmod", "acomp", "agent", "dative", "compound", "nmod", "amod", "pcomp",
    "quantmod", "nummod", "xcomp",
}
# Verbs that carry no meaning of their own for a figure ("have 5,200 soldiers").
LIGHT_VERBS = {
    "be", "have", "say", "include", "get", "make", "take", "become", "give", "put",
    "tell", "add", "show", "see", "accord", "report", "do", "come", "go", "leave",
    "state", "quote", "cite", "believe", "think", "know", "appear", "seem",
}
# The subject of these verbs owns the figure ("the U.K. has just 400 troops").
POSSESSION_VERBS = {"have", "deploy", "station", "keep", "maintain", "field", "own"}
OWNER_ENTS = {"GPE", "NORP", "ORG", "PERSON"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
TIME_ENTS = {"DATE", "TIME"}
DESIGNATION_RE = re.compile(r"\b([A-Z]{1,4})\s?-?\s?(\d{1,4})s?\b")
# "420 passengers and crew": a noun joined right after the counted one is counted
# with it; further away it is the next item of a list ("rifles, a launcher and").
JOINED_GAP = 2
MAX_CLIMB = 6  # dependency hops from a number to its verb; deeper is another clause
NOT_PERSON = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL"})
NUMBER_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
MAX_AGE = 120  # "Robert Buckley, 32": an appositive number below this is an age

# Owner spellings -> one display form ("the U.S.", "Americans" -> "US"): the shared
# country tables, plus plurals of demonyms and capitals that stand for governments.
OWNER_NAMES: dict[str, str] = {
    **{alias: country_display(c) for alias, c in COUNTRY_ALIASES.items()},
    **{c: country_display(c) for c in {*COUNTRY_ALIASES.values(), *DEMONYMS.values()}},
    **{d: country_display(c) for d, c in DEMONYMS.items()},
    **{d + "s": country_display(c) for d, c in DEMONYMS.items() if not d.endswith("sh")},
    "u.s.": "US", "u.s": "US", "u.k.": "UK", "washington": "US",
    "briton": "UK", "britons": "UK", "english": "UK", "englishman": "UK",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Frame:
    """What a number counts (a lemma), its unit, the words narrowing it, its owner,
    the event verb it belongs to, and whether it stands alone for a noun elsewhere
    ("15 of the victims", "a mother of 12") instead of modifying it."""

    counted: str | None
    unit: str | None
    qualifiers: tuple[str, ...]
    owner: str | None
    action: str | None = None
    held: bool = False


def normalize_owner(name: str) -> str:
    """One spelling per owner: "the U.S." / "Americans" -> "US"."""
    t = name.strip()
    low = t.lower()
    for art in ("the ", "a "):
        if low.startswith(art):
            t, low = t[len(art) :], low[len(art) :]
    t = t.removesuffix("'s").removesuffix("’s")
    return OWNER_NAMES.get(low.removesuffix("'s"), t)


def frame_of(doc: Doc, tok: Token, start: int, end: int) -> Frame:
    """Frame of the number whose last numeric token is ``tok`` (span ``start:end``)."""
    noun, unit_tok, top = _climb(tok, start, end)
    unit = _unit(unit_tok)
    counted: str | None = noun.lemma_.lower() if noun is not None else None
    owner: str | None = None
    if unit == "year" and noun is not None and noun.lemma_.lower() == "old":
        counted, owner = "age", _person_of(noun.head)
        noun = None
    elif noun is None and top.dep_ == "appos" and _is_age(tok, top):
        counted, unit, owner = "age", "year", _ent_text(top.head)
    elif noun is None and (person := _comma_person(doc, start, end, tok)) is not None:
        counted, unit, owner = "age", "year", _ent_text(person)
    held = noun is None and counted is None
    part = False
    text = doc_text(doc)
    if held:
        noun = _holder(top)
        # "10 of the 16 games" is a part; "tens of thousands of files" is not.
        vague = text[start:end].lower().endswith("s")
        part = noun is not None and noun.head.head.i == top.i and not vague
        counted = noun.lemma_.lower() if noun is not None else None
    if noun is not None:
        counted = _designation(doc, start, noun) or counted
    base = noun if noun is not None else top
    if base.dep_ == "pobj" and base.head.lower_ == "to" and base.head.head.lower_ == "home":
        counted = "resident"  # "home to 120,000 people"
    # "a mother of 12 was killed": the verb is about the holder, not the number.
    verbs = [] if held and noun is not None and not part else _verbs(top if part else base)
    quals = _noun_qualifiers(noun, unit_tok, start, end) + verbs + (["part of"] if part else [])
    quals += [a for a in _anchors(base) if a.split(" ", 1)[-1] not in text[start:end + 8]]
    if owner is None:
        owner = _owner(noun, base)
    action = verbs[0] if verbs else None
    return Frame(counted, unit, tuple(dict.fromkeys(quals)), owner, action, held)


def _holder(top: Token) -> Token | None:
    """The noun a bare number belongs to: "mother of 13", "15 of the victims"."""
    if top.dep_ == "pobj" and top.head.lower_ == "of":
        holder = top.head.head
        if holder.pos_ in ("NOUN", "PROPN") and holder.ent_type_ == "":
            return holder
    return _of_child(top)


def _designation(doc: Doc, start: int, noun: Token) -> str | None:
    """A model name between the number and its noun ("12 AK 47 guns" -> "AK-47")."""
    m = DESIGNATION_RE.search(doc_text(doc)[start : noun.idx + len(noun.text)])
    return f"{m.group(1).upper()}-{m.group(2)}" if m else None


def _climb(tok: Token, start: int, end: int) -> tuple[Token | None, Token | None, Token]:
    """From the number up to the noun it quantifies; unit words met on the way."""
    cur, unit_tok = tok, None
    for _ in range(MAX_CLIMB):
        head = cur.head
        if head.i == cur.i:
            break
        inside = start <= head.idx < end
        if inside or head.like_num or head.pos_ == "SYM" or head.lower_ in ("million", "billion"):
            cur = head
            continue
        if cur.dep_ not in ATTACH_DEPS or head.pos_ not in ("NOUN", "PROPN", "ADJ"):
            break
        lemma = head.lemma_.lower()
        if lemma in UNITS and unit_tok is None:
            unit_tok, cur = head, head
            continue
        if head.pos_ == "ADJ" and lemma != "old":
            break
        if cur.dep_ in ("appos", "nsubj") and unit_tok is None:
            break
        if head.pos_ == "PROPN" and _ent(head) in OWNER_ENTS:
            break  # "Mother of 13 Zurana Horton": a name is not what is counted
        return head, unit_tok, cur
    return None, unit_tok, cur


def _unit(tok: Token | None) -> str | None:
    if tok is None:
        return None
    unit = UNITS[tok.lemma_.lower()]
    square = any(c.lower_ in ("square", "sq") for c in tok.children) or (
        tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("square", "sq", "-")
        and tok.i > 1 and tok.doc[tok.i - 2].lower_ in ("square", "sq")
    )
    return SQUARE_UNITS.get(unit, unit) if square else unit


def _is_age(tok: Token, top: Token) -> bool:
    """"Robert Buckley, 32", "her daughter, 11,": a small whole number in apposition
    to a person's name or to a common noun. The small model often tags a surname as
    a place, so a name that is no number entity counts too when commas set the
    number off on both sides ("Steinberg, 48, of Macomb")."""
    head = top.head
    bare = top.i == tok.i  # no unit word between ("a turnout, 50 percent" is no age)
    common = head.pos_ == "NOUN" and not head.ent_type_ and head.lemma_.lower() not in UNITS
    name = head.pos_ == "PROPN" and _ent(head) not in NUMBER_ENTS and _set_off(tok)
    person = bare and (_ent(head) == "PERSON" or common or name)
    if any(c.like_num and c.i < tok.i for c in head.children):
        return False  # "Explorer 5.01, 6 and 7": a list of numbers, not an age
    value = _as_float(tok.text)
    return person and tok.like_num and value < MAX_AGE and value == int(value)


def _set_off(tok: Token) -> bool:
    doc = tok.doc
    return tok.i + 1 < len(doc) and doc[tok.i + 1].text == "," and doc[tok.i - 1].text == ","


def _comma_person(doc: Doc, start: int, end: int, tok: Token) -> Token | None:
    """The person of "Andrew Lopez, 20 was found" (a parse that misses the
    apposition): a small bare number right after a person's name and a comma."""
    if not doc_text(doc)[start:end].isdigit():
        return None  # "$49", "49 percent": a sum or a share, not an age
    first = _token_at(doc, start)
    if first is None or first.i < 2 or not tok.like_num or _as_float(tok.text) >= MAX_AGE:
        return None
    comma, name = doc[first.i - 1], doc[first.i - 2]
    # The small parser often tags a surname ORG or NORP; places are excluded so
    # "In Paris, 20 were killed" stays a count.
    person = _ent(name) == "PERSON" or (name.pos_ == "PROPN" and _ent(name) not in NOT_PERSON)
    return name if comma.text == "," and person else None


def _token_at(doc: Doc, start: int) -> Token | None:
    """The token starting at character ``start``, if one does."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) and span[0].idx == start else None


def _as_float(text: str) -> float:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return float("inf")


def _ent(tok: Token) -> str:
    return str(tok.ent_type_)


def _ent_text(tok: Token) -> str:
    """The whole entity a token belongs to ("Robert Buckley"), else the token."""
    ent = entity_of(tok)
    return normalize_owner(ent.text if ent is not None else tok.text)


def entity_of(tok: Token) -> Span | None:
    """The entity span holding a token (``doc.ents`` is rebuilt in full at every
    access, so the spans are indexed by token once per doc)."""
    return per_doc(tok.doc, "entity_of_token", _entities_by_token).get(tok.i)


def _entities_by_token(doc: Doc) -> dict[int, Span]:
    return {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}


def _person_of(tok: Token) -> str | None:
    return _ent_text(tok) if _ent(tok) == "PERSON" else None


def _of_child(tok: Token) -> Token | None:
    """"15 of them", "two of the victims": the noun after "of" (looked for once per
    token, which in a long list of figures heads thousands of them)."""
    known = doc_memo(tok.doc, "of_child")
    if tok.i not in known:
        known[tok.i] = next(
            (g.i for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"),
            None,
        )
    i = known[tok.i]
    return None if i is None else tok.doc[i]


def _noun_qualifiers(
    noun: Token | None, unit_tok: Token | None, start: int, end: int
) -> list[str]:
    """Words narrowing the counted noun: "US", "military", "other", "assault"."""
    if noun is None:
        return []
    out: list[str] = []
    for c in noun.children:
        if start <= c.idx < end:
            continue
        if c.dep_ in ("compound", "amod", "nmod", "poss") and c != unit_tok:
            if c.like_num or c.pos_ in ("NUM", "DET", "PUNCT", "SYM"):
                continue
            out.append(normalize_owner(c.text) if c.ent_type_ else c.lemma_.lower())
        elif c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
            out.append(c.lemma_.lower())
        elif c.dep_ == "conj" and c.pos_ == "NOUN" and c.i - noun.i <= JOINED_GAP and not any(
            g.dep_ == "nummod" for g in c.children
        ):
            out.append(f"and {c.lemma_.lower()}")  # "420 passengers and crew"
    return out


def _governing_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(MAX_CLIMB):
        if cur.pos_ == "VERB" and cur.i != tok.i:
            return cur
        if cur.dep_ not in CLIMB_DEPS or cur.head.i == cur.i:
            return cur if cur.pos_ == "VERB" else None
        cur = cur.head
    return None


def _verbs(base: Token) -> list[str]:
    verb = _governing_verb(base)
    out: list[str] = []
    while verb is not None and verb.lemma_.lower() in LIGHT_VERBS:
        nxt = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
        verb = nxt[0] if nxt else None
    if verb is not None:
        out.append(verb.lemma_.lower())
    return out


def _anchors(base: Token) -> list[str]:
    """Place and time words attached to the figure or its verb: "in Iraq", "Sunday"."""
    verb = _governing_verb(base)
    return _head_anchors(base) + (_head_anchors(verb) if verb is not None else [])


def _head_anchors(head: Token) -> list[str]:
    """The anchors among one token's dependents, read once per token: in a long list
    of figures the parser hangs thousands of them on one verb."""
    known = doc_memo(head.doc, "head_anchors")
    if head.i not in known:
        out: list[str] = []
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "across", "on"):
                for g in c.children:
                    if g.dep_ == "pobj" and _ent(g) in PLACE_ENTS | TIME_ENTS:
                        out.append(f"{c.lower_} {_ent_span_text(g)}")
            elif c.dep_ == "npadvmod" and _ent(c) in TIME_ENTS:
                out.append(_ent_span_text(c))
        known[head.i] = tuple(out)
    return list(known[head.i])


def _ent_span_text(tok: Token) -> str:
    ent = entity_of(tok)
    return str(ent.text if ent is not None else tok.text)


def _owner(noun: Token | None, base: Token) -> str | None:
    """Whose figure: an entity in the noun phrase, "of/from X", else the subject."""
    if noun is not None:
        for c in noun.children:
            if c.dep_ in ("compound", "amod", "nmod", "poss") and _ent(c) in OWNER_ENTS:
                return _ent_text(c)
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                for g in c.children:
                    if g.dep_ == "pobj" and _ent(g) in OWNER_ENTS:
                        return _ent_text(g)
    if noun is not None:
        if noun.dep_ == "appos" and _ent(noun.head) == "PERSON":
            return _ent_text(noun.head)  # "Russell, a 20-year veteran"
        if noun.dep_ == "attr":
            subj = [c for c in noun.head.children if c.dep_ == "nsubj"]
            if subj and _ent(subj[0]) in OWNER_ENTS:
                return _ent_text(subj[0])  # "Tennant was a 28-year veteran"
    verb = _governing_verb(base)
    if verb is None:
        return None
    actor = noun is None or verb.lemma_.lower() in POSSESSION_VERBS
    for c in verb.children:
        if c.dep_ == "nsubj" and _ent(c) in OWNER_ENTS and actor:
            return _ent_text(c)
    return None
