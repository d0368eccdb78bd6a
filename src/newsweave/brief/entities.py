"""Entity groups of a story: one per real person, organisation or place.

Mentions are first folded by a canonical form (the mention key without dots, with
country aliases, demonyms and given-name short forms mapped), then forms are merged
from the most complete down: a form joins a group when its tokens equal a member's
token by token (close spellings allowed within one label) or, for people, when it is
a shorter form of exactly one group's name: ending on the same surname ("Soleimani"
in "Qassem Soleimani") or the given name alone. A short form that fits two groups
("Smith" with John and Mary Smith) stays on its own; so do names that share only a
given name ("Mark Esper", "Mark Milley"). NORP mentions (demonyms) are not grouped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from newsweave.extract.entities import SHORT_TITLES
from newsweave.lexicon import COUNTRY_ALIASES, DEMONYMS
from newsweave.model import Article, EntityGroup, EntityRef
from newsweave.model.article import EntityLabel

GROUPED_LABELS: frozenset[EntityLabel] = frozenset({"PERSON", "ORG", "PLACE", "EVENT"})
# Two tokens are one spelling when rapidfuzz's ratio reaches this; on the seed pair
# "soleimani"/"solemani" score 94.1, while given names that must stay apart score
# lower ("john"/"joan" 75, "mark"/"mike" 50). Short tokens must match exactly.
TOKEN_SIMILARITY = 85.0
FUZZY_MIN_CHARS = 5  # below this a one-letter change is a different name ("Ali"/"Ari")

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

Form = tuple[str, ...]


@dataclass(slots=True)
class _Entry:
    """All mentions sharing one canonical form."""

    form: Form
    labels: Counter[EntityLabel] = field(default_factory=Counter)
    # (article position in the story, ref, source)
    refs: list[tuple[int, EntityRef, str]] = field(default_factory=list)


@dataclass(slots=True)
class _Group:
    """Entries judged to name one entity."""

    entries: list[_Entry] = field(default_factory=list)

    def label(self) -> EntityLabel:
        """Majority label over every mention of the group."""
        total: Counter[EntityLabel] = Counter()
        for e in self.entries:
            total.update(e.labels)
        return _majority(total)


def _majority(labels: Counter[EntityLabel]) -> EntityLabel:
    """The most frequent label (alphabetically first on a tie)."""
    return max(sorted(labels), key=lambda lab: labels[lab])


def group_entities(articles: Sequence[Article]) -> tuple[EntityGroup, ...]:
    """The people, organisations, places and events of a story, merged across spellings.

    Spelling variants, short forms, given-name forms ("Bill"/"William"), country
    abbreviations ("U.S."/"America") and demonyms ("Iraqi Parliament"/"Iraq
    Parliament") fold together; different people sharing only one name do not.
    Each group's ``label`` is the majority label, ``name`` its most complete
    form, ``sources`` the distinct ``Article.label`` values; groups come sorted
    by number of sources, then mentions. Every ``EntityRef`` keeps exact offsets.
    """
    groups: list[_Group] = []
    for entry in sorted(_entries(articles), key=_entry_order):
        target = _find_group(entry, groups)
        if target is None:
            groups.append(_Group([entry]))
        else:
            target.entries.append(entry)
    built = [_build(g) for g in groups]
    return tuple(sorted(built, key=lambda g: (-len(g.sources), -len(g.mentions), g.name)))


def canonical_form(key: str) -> Form:
    """Tokens that decide identity: no dots, aliases, demonyms and short forms mapped."""
    joined = " ".join(key.replace(".", "").replace("'", "").replace("’", "").split())
    joined = COUNTRY_ALIASES.get(joined, joined)
    tokens = joined.split()
    if len(tokens) > 1:
        tokens = [COUNTRY_ALIASES.get(t, DEMONYMS.get(t, t)) for t in tokens]
        tokens[0] = GIVEN_NAME_FORMS.get(tokens[0], tokens[0])
        tokens = " ".join(tokens).split()
    return tuple(tokens)


def _entries(articles: Sequence[Article]) -> list[_Entry]:
    """Mentions of the grouped labels folded by canonical form."""
    by_form: dict[Form, _Entry] = {}
    for position, article in enumerate(articles):
        for m in article.mentions:
            if m.label not in GROUPED_LABELS:
                continue
            form = canonical_form(m.key)
            if not form:
                continue
            entry = by_form.setdefault(form, _Entry(form))
            entry.labels[m.label] += 1
            ref = EntityRef(article.id, m.start, m.end, m.text)
            entry.refs.append((position, ref, article.label))
    return list(by_form.values())


def _entry_order(entry: _Entry) -> tuple[int, int, Form]:
    """Most complete forms first, then the most mentioned, then alphabetical."""
    return (-len(entry.form), -len(entry.refs), entry.form)


def _find_group(entry: _Entry, groups: list[_Group]) -> _Group | None:
    """The one group this entry belongs to, or None (no match, or ambiguous)."""
    label = _majority(entry.labels)
    same = [
        g
        for g in groups
        if any(_same(entry.form, e.form, exact=label != g.label()) for e in g.entries)
    ]
    if len(same) == 1:
        return same[0]
    if same:
        return None
    if not _personlike(entry):
        return None
    inside = [
        g
        for g in groups
        if g.label() == "PERSON" and any(_contained(entry.form, e.form) for e in g.entries)
    ]
    return inside[0] if len(inside) == 1 else None


def _personlike(entry: _Entry) -> bool:
    """Whether a short form may stand for a person ("Trump" is sometimes tagged ORG)."""
    return entry.labels["PERSON"] + entry.labels["ORG"] > entry.labels["PLACE"]


def _token_match(a: str, b: str) -> bool:
    """One token spelled two ways ("soleimani"/"solemani")."""
    if a == b:
        return True
    if min(len(a), len(b)) < FUZZY_MIN_CHARS:
        return False
    return fuzz.ratio(a, b) >= TOKEN_SIMILARITY


def _same(a: Form, b: Form, *, exact: bool) -> bool:
    """Same number of tokens, each matching its counterpart (spelled alike unless exact).

    Close spellings only merge names of one label: "Angels" (a team) and
    "Angeles" (a city) differ by one letter.
    """
    if exact:
        return a == b
    return len(a) == len(b) and all(_token_match(x, y) for x, y in zip(a, b, strict=True))


def _contained(short: Form, long: Form) -> bool:
    """``short`` is a shorter form of the name ``long``.

    It matches an in-order subsequence of ``long`` ending on the surname
    ("Soleimani", "Eric Kirkpatrick"), or is the given name alone ("Qassem"); a
    title before the name ("Fire Marshal" in "Fire Marshal John Bond") is not.
    """
    if len(short) >= len(long):
        return False
    if not _token_match(short[-1], long[-1]):
        return len(short) == 1 and short[0] == long[0]
    pos = 0
    for token in short:
        while pos < len(long) and not _token_match(token, long[pos]):
            pos += 1
        if pos == len(long):
            return False
        pos += 1
    return True


def _build(group: _Group) -> EntityGroup:
    """The public record of one group."""
    refs = sorted((r for e in group.entries for r in e.refs), key=lambda r: (r[0], r[1].start))
    surfaces = Counter(_display(r.text) for _, r, _ in refs)
    sources: list[str] = []
    for _, _, source in refs:
        if source not in sources:
            sources.append(source)
    return EntityGroup(
        name=_name(group),
        label=group.label(),
        variants=tuple(sorted(surfaces, key=lambda s: (-surfaces[s], s))),
        mentions=tuple(r for _, r, _ in refs),
        sources=tuple(sources),
    )


def _name(group: _Group) -> str:
    """The fullest surface ("United States" over "U.S.") of the commonest full form.

    Full forms have two or more tokens when the group has any: "Donald Trump"
    names the group even where "Trump" is far more frequent.
    """
    full = [e for e in group.entries if len(e.form) > 1] or group.entries
    best = max(full, key=lambda e: (len(e.refs), len(e.form), e.form))
    surfaces = Counter(_display(r.text) for _, r, _ in best.refs)
    return min(surfaces, key=lambda s: (-len(s.split()), -surfaces[s], -len(s), s))


def _display(surface: str) -> str:
    """A surface without a leading article or title ("the Iraqi Parliament", "Gen.")."""
    words = surface.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and words[0].casefold().rstrip(".") in SHORT_TITLES:
        words = words[1:]
    return " ".join(words)
