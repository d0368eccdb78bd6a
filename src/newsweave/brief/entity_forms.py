"""What a name mention says about identity: a clean span and the form that decides it.

spaCy's spans carry debris that a reader should never see listed as an entity: a
possessive's tail ("s agenda", "'s Office"), a spaced possessive ("Singh ’ s house"),
a leading article ("the FBI", "a Rite Aid"), a title cut from its name ("Sgt",
"Missouri Highway Patrol Capt"), an escape left in the text ("\\n Mueller"), lone
digits, lower-case words ("doesn"). ``trim_span`` narrows the span (the result is
still a slice of the article text) or rejects it as a fragment.

``name_form`` then reads the trimmed surface: lower-case tokens without dots,
apostrophes or hyphens, quoted nicknames removed ("Luis Gerardo \\"Jerry\\" Ortiz"),
titles stripped and the sex they imply kept ("Mrs. Hunter"), a generational suffix
kept apart ("Jr.", "III"), dotted state abbreviations expanded ("Calif."), and
country aliases, demonyms and given-name short forms mapped.

The comparisons of two forms live here too: one name spelled two ways
(``same_name``), a shorter form of a person's name (``short_form``), and full
names that cannot be one person (``other_given_names``, ``form_gender``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from newsweave.lexicon import (
    COUNTRY_ALIASES,
    DEMONYMS,
    GIVEN_NAMES_FEMALE,
    GIVEN_NAMES_MALE,
    NAME_SUFFIXES,
    STATE_ABBREVIATIONS,
    TITLES_ABBREVIATED,
    TITLES_FEMALE,
    TITLES_MALE,
    TITLES_NEUTRAL,
)
from newsweave.model.article import EntityLabel

GIVEN_NAME_FORMS: dict[str, str] = {
    "bill": "william", "will": "william", "billy": "william", "bob": "robert",
    "rob": "robert", "bobby": "robert", "mike": "michael", "jim": "james",
    "jimmy": "james", "joe": "joseph", "tom": "thomas", "dick": "richard",
    "rick": "richard", "dave": "david", "dan": "daniel", "steve": "steven",
    "tony": "anthony", "chris": "christopher", "matt": "matthew", "nick": "nicholas",
    "alex": "alexander", "ben": "benjamin", "sam": "samuel", "ed": "edward",
    "ted": "edward", "andy": "andrew", "pat": "patrick", "liz": "elizabeth",
    "beth": "elizabeth", "kate": "katherine", "katie": "katherine",
    "jenny": "jennifer", "jen": "jennifer", "sue": "susan", "meg": "margaret",
    "peggy": "margaret", "chuck": "charles", "charlie": "charles",
}  # fmt: skip

ALL_TITLES = TITLES_MALE | TITLES_FEMALE | TITLES_NEUTRAL
# An acronym is a single word written in capitals of this many letters: "UN" to
# "NASCAR". Longer all-capital words are shouted datelines ("WASHINGTON").
ACRONYM_LETTERS = (2, 6)
# A final dot ends an abbreviation on short words ("Corp.", "Calif."); on a word of
# this many letters or more it is the sentence's full stop ("605 Freeway.").
SENTENCE_DOT_MIN_LETTERS = 5
# Two tokens are one spelling when rapidfuzz's ratio reaches this; on the seed pair
# "soleimani"/"solemani" score 94.1, while given names that must stay apart score
# lower ("john"/"joan" 75, "mark"/"mike" 50). Short tokens must match exactly.
TOKEN_SIMILARITY = 85.0
FUZZY_MIN_CHARS = 5  # below this a one-letter change is a different name ("Ali"/"Ari")
# A given name this short may stand for a longer one it begins ("Ray" for Raymond,
# "Phil" for Phillip, "Stan" for Stanley); longer prefixes are other names
# ("Daniel" / "Danielle").
NICKNAME_PREFIX = (3, 4)
# Names split differently ("Co-operation" / "Cooperation") are compared without spaces,
# spelling allowed to differ by this many letters; with no limit, names that only
# add a word matched ("Democratic Caucus" / "House Democratic Caucus", ratio 86).
JOINED_LENGTH_SLACK = 2
# How far before a span a form of address may stand ("Mrs. " before "Hunter").
TITLE_CONTEXT_CHARS = 12

Gender = str  # "m", "f" or "" (unknown)
Tokens = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NameForm:
    """The parts of a mention that decide which entity it names."""

    tokens: tuple[str, ...]
    caps: tuple[bool, ...]  # per token: written in capitals (an acronym candidate)
    suffix: str = ""  # "jr", "iii"
    gender: Gender = ""  # implied by a title ("Mr.", "Lady")
    title: str = ""  # that title as written

    @property
    def key(self) -> tuple[tuple[str, ...], str, Gender]:
        """Forms with one key are one entry of the grouping."""
        return (self.tokens, self.suffix, self.gender)


_COUNTRIES = frozenset(COUNTRY_ALIASES.values())
_WORD = re.compile(r"\S+")
_EDGE = "\"'“”‘’()[]{}<>,.;:!?-–—*#|/\\"
_POSSESSIVE_WORD = re.compile(r"^(.*\w)['’]s$")
NICKNAME = re.compile(r"\"[^\"]*\"|“[^”]*”|\([^)]*\)")
_CONTEXT_TITLE = re.compile(r"\b([A-Za-z]+\.?)\s+$")
_SPLIT = re.compile(r"[\s\-–—/]+")


def trim_span(text: str, start: int, end: int, label: EntityLabel) -> tuple[int, int] | None:
    """The span of ``text`` that holds the name, or None when it is a fragment."""
    found = [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]
    left = _trim_left(text, found)
    if left is None:
        return None
    words = _trim_right(text, left, label)
    if not words:
        return None
    s, e = _strip_edges(text, words[0][0], words[-1][1])
    return (s, e) if s < e and not is_fragment(text[s:e], label) else None


def _trim_left(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """Drop escapes, articles and lower-case words before the name; None for a tail."""
    while words:
        raw = text[words[0][0] : words[0][1]]
        if raw in {"s", "'s", "’s"}:
            return None  # the tail of a possessive: "'s Office", "s agenda"
        word = raw.strip(_EDGE)
        droppable = raw.startswith("\\") or not word or word[0].islower()
        if len(words) > 1 and (droppable or word.casefold() == "the"):
            words = words[1:]
            continue
        return words
    return words


def _trim_right(
    text: str, words: list[tuple[int, int]], label: EntityLabel
) -> list[tuple[int, int]]:
    """Cut a possessive with a lower-case tail, trailing verbs and orphaned titles."""
    words = _cut_possessive(text, words)
    while len(words) > 1:
        word = text[words[-1][0] : words[-1][1]].strip(_EDGE)
        after_hyphen = text[words[-2][0] : words[-2][1]].endswith(("-", "–"))
        lower = not word or (word[0].islower() and not after_hyphen)  # not "Kim Jong - un"
        if word.casefold() in TITLES_ABBREVIATED or (label == "PERSON" and lower):
            words = words[:-1]
            continue
        break
    return words


def _cut_possessive(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut "Singh ’ s house" to "Singh", "Andrew ’ s" to "Andrew"; keep "Trump's Cabinet"."""
    for i, (s, e) in enumerate(words):
        word = text[s:e]
        rest = [text[a:b] for a, b in words[i + 1 :]]
        if word in {"'", "’"} and rest and rest[0] == "s":
            tail, cut = rest[1:], words[:i]
        elif word in {"'s", "’s"}:
            tail, cut = rest, words[:i]
        elif (m := _POSSESSIVE_WORD.match(word)) is not None:
            tail, cut = rest, [*words[:i], (s, s + len(m.group(1)))]
        else:
            continue
        if cut and all(not t[:1].isupper() for t in tail):
            return cut
    return words


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Without edge punctuation; a final dot only where it closes a sentence."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE.replace(".", ""):
        end -= 1
    if end > start and text[end - 1] == ".":
        last = text[start:end].split()[-1].rstrip(".")
        long_word = sum(c.isalpha() for c in last) >= SENTENCE_DOT_MIN_LETTERS
        if long_word and "." not in last and last.casefold() not in STATE_ABBREVIATIONS:
            end -= 1
    return start, end


def is_fragment(surface: str, label: EntityLabel = "PERSON") -> bool:
    """Debris rather than a name: no capital, a lone number, title or stray letters.

    A lone title of office names no organisation or place ("Sheriff", "Coach"); a
    person's lone "King" or "Bishop" may be a surname.
    """
    if not any(c.isupper() for c in surface):
        return True
    words = surface.split()
    if len(words) > 1:
        return False
    word = words[0]
    letters = [c for c in word if c.isalpha()]
    if word[0].isdigit() or len(letters) < 2:
        return True
    bare = word.replace(".", "").casefold()
    titles = TITLES_ABBREVIATED if label == "PERSON" else TITLES_NEUTRAL
    return bare in titles or bare in NAME_SUFFIXES


def name_form(surface: str, label: EntityLabel, before: str = "") -> NameForm | None:
    """The identity-deciding form of a trimmed surface; ``before`` is the text ahead of it."""
    words = [w for w in _SPLIT.split(NICKNAME.sub(" ", surface)) if w.strip(_EDGE)]
    tokens, caps = _tokens(words, label)
    title = _context_title(before)
    titles = ALL_TITLES if label == "PERSON" else TITLES_ABBREVIATED
    while len(tokens) > 1 and (tokens[0] in titles or tokens[0] == "the"):
        if not title_gender(_bare(title)) and title_gender(tokens[0]):
            title = next((w for w in words if _bare(w) == tokens[0]), tokens[0])
        tokens, caps = tokens[1:], caps[1:]
    gender = title_gender(_bare(title))
    suffix = ""
    if label == "PERSON" and len(tokens) > 2 and tokens[-1] in NAME_SUFFIXES:
        suffix, tokens, caps = tokens[-1], tokens[:-1], caps[:-1]
    tokens, caps = _aliases(tokens, caps)
    if not tokens:
        return None
    return NameForm(tuple(tokens), tuple(caps), suffix, gender, title if gender else "")


def _tokens(words: list[str], label: EntityLabel) -> tuple[list[str], list[bool]]:
    """Lower-case tokens (dots, apostrophes and possessives gone) and their capitals."""
    tokens: list[str] = []
    caps: list[bool] = []
    for word in words:
        core = word.strip(_EDGE.replace(".", "")).strip("-")
        if (m := _POSSESSIVE_WORD.match(core)) is not None and len(m.group(1)) > 1:
            core = m.group(1)
        bare = core.replace(".", "").replace("'", "").replace("’", "").casefold()
        state = STATE_ABBREVIATIONS.get(bare) if "." in core else None
        if state is not None and (label == "PLACE" or core.count(".") > 1):
            tokens += state.split()
            caps += [False] * len(state.split())
        elif bare:
            letters = [c for c in core if c.isalpha()]
            low, high = ACRONYM_LETTERS
            caps.append(low <= len(letters) <= high and all(c.isupper() for c in letters))
            tokens.append(bare)
    return tokens, caps


def _aliases(tokens: list[str], caps: list[bool]) -> tuple[list[str], list[bool]]:
    """Country aliases and demonyms, and the full given name of a short form."""
    joined = " ".join(tokens)
    if joined in COUNTRY_ALIASES or joined in _COUNTRIES:  # "EU", "European Union"
        full = COUNTRY_ALIASES.get(joined, joined).split()
        return full, [False] * len(full)
    if len(tokens) < 2:
        return tokens, caps
    out: list[str] = []
    out_caps: list[bool] = []
    for i, (token, cap) in enumerate(zip(tokens, caps, strict=True)):
        mapped = COUNTRY_ALIASES.get(token, DEMONYMS.get(token, token))
        if i == 0:
            mapped = GIVEN_NAME_FORMS.get(mapped, mapped)
        parts = mapped.split()
        out += parts
        out_caps += [cap and mapped == token] * len(parts)
    return out, out_caps


def _context_title(before: str) -> str:
    """The word just before the span, with its dot ("Mrs." in "said Mrs. ")."""
    m = _CONTEXT_TITLE.search(before[-TITLE_CONTEXT_CHARS:])
    return m.group(1) if m else ""


def _bare(word: str) -> str:
    return word.strip(_EDGE).casefold()


def title_gender(token: str) -> Gender:
    """The sex ("m", "f") a form of address implies, else ""."""
    if token in TITLES_MALE:
        return "m"
    return "f" if token in TITLES_FEMALE else ""


def given_name_gender(token: str) -> Gender:
    """The sex a common given name implies ("" for initials and unknown names)."""
    if token in GIVEN_NAMES_MALE:
        return "m"
    return "f" if token in GIVEN_NAMES_FEMALE else ""


def same_name(a: NameForm, b: NameForm, exact: bool, person: bool) -> bool:
    """Same number of tokens, each matching its counterpart (spelled alike unless exact).

    Close spellings only merge names of one label: "Angels" (a team) and
    "Angeles" (a city) differ by one letter.
    """
    if exact:
        return a.tokens == b.tokens
    if len(a.tokens) != len(b.tokens):  # "Co-operation"/"Cooperation", "TallGrass"
        joined_a, joined_b = "".join(a.tokens), "".join(b.tokens)
        close = abs(len(joined_a) - len(joined_b)) <= JOINED_LENGTH_SLACK
        return joined_a == joined_b or (not person and close and token_match(joined_a, joined_b))
    last = len(a.tokens) - 1
    return all(
        name_token_match(x, y, given=person and i < last) if person else token_match(x, y)
        for i, (x, y) in enumerate(zip(a.tokens, b.tokens, strict=True))
    )


def short_form(a: NameForm, b: NameForm, exact: bool, person: bool) -> bool:
    """``a`` is a shorter form of the person name ``b``.

    It matches an in-order subsequence of ``b`` ending on the surname ("Soleimani",
    "Eric Kirkpatrick"), or is the given name alone ("Qassem"); a title before the
    name ("Fire Marshal" in "Fire Marshal John Bond") is not.
    """
    short, long = a.tokens, b.tokens
    if len(short) >= len(long):
        return False
    if not name_token_match(short[-1], long[-1], given=False):
        return len(short) == 1 and short[0] == long[0]
    return aligned(short[:-1], long[:-1])


def aligned(short: Tokens, long: Tokens) -> bool:
    """Every given name of ``short`` matches one of ``long``, in order."""
    pos = 0
    for token in short:
        while pos < len(long) and not name_token_match(token, long[pos], given=True):
            pos += 1
        if pos == len(long):
            return False
        pos += 1
    return True


def other_given_names(a: Tokens, b: Tokens) -> bool:
    """Two full names with one surname whose given names do not fit ("John"/"Mary")."""
    if len(a) < 2 or len(b) < 2 or not name_token_match(a[-1], b[-1], given=False):
        return False
    return not (aligned(a[:-1], b[:-1]) or aligned(b[:-1], a[:-1]))


def form_gender(form: NameForm) -> Gender:
    """The sex a form implies: its title's, else its common given name's."""
    if form.gender or len(form.tokens) < 2:
        return form.gender
    return given_name_gender(form.tokens[0])


def token_match(a: str, b: str) -> bool:
    """One token spelled two ways ("soleimani"/"solemani")."""
    if a == b:
        return True
    if min(len(a), len(b)) < FUZZY_MIN_CHARS:
        return False
    return fuzz.ratio(a, b) >= TOKEN_SIMILARITY


def name_token_match(a: str, b: str, *, given: bool) -> bool:
    """One name token written two ways; given names also as initials and short forms.

    A name that only extends the other ("Daniel"/"Danielle", "Ivanov"/"Ivanova") or
    ends in "-a" where the other does not ("Christian"/"Christina") is another name.
    """
    if a == b:
        return True
    if given:
        a, b = GIVEN_NAME_FORMS.get(a, a), GIVEN_NAME_FORMS.get(b, b)
        short, long = sorted((a, b), key=len)
        if a == b or (len(short) == 1 and long.startswith(short)):
            return True
        low, high = NICKNAME_PREFIX
        if low <= len(short) <= high and long.startswith(short) and not long.endswith("a"):
            return True
    if a.startswith(b) or b.startswith(a) or a.endswith("a") != b.endswith("a"):
        return False
    return token_match(a, b)


def canonical_form(key: str) -> tuple[str, ...]:
    """Tokens of a normalised key: no dots, aliases, demonyms and short forms mapped."""
    form = name_form(key, "ORG")
    return form.tokens if form is not None else ()
