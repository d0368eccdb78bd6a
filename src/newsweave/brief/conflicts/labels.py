"""Conflicts over labels that are not quantities: contact numbers, colours, records.

Three narrow, checkable patterns the number frames do not cover, read from the
sentence text (no parser at brief time):

- contact numbers: two sources print the same hotline with different digits
  ("0845 125 222" vs "0845 125 2222": readers would dial the wrong one);
- colours of one named thing ("a silver Toyota Camry" vs "a gray 2013 Toyota
  Camry"): the same make or model with a different colour;
- win-loss records ("a 162-139 record" vs "a mark of 122-147") of one named
  subject.

Two labels conflict when they come from different sources, share the key that
names the thing, and differ in value, and neither source also states the other
value.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from newsweave.brief.conflicts.frames import STOPWORDS
from newsweave.brief.conflicts.sides import fact_groups, side_at, value_groups
from newsweave.model import Article, Conflict, ConflictKind

# A telephone number: 9 to 15 digits in groups of 2-5 separated by spaces, dots or
# hyphens, in a sentence that asks readers to call.
_PHONE = re.compile(r"(?<![\d,.])\+?\(?\d{2,5}\)?(?:[ .-]\d{2,5}){1,4}(?![\d,])")
_CALL = re.compile(r"\b(?:call|calls|ring|contact|phone|telephone|hotline|dial)\b", re.I)
PHONE_DIGITS = (9, 15)
# Numbers that share this many leading digits are one line misprinted, not two
# lines (dev: "0845 125 222" vs "0845 125 2222"; Crimestoppers "0800 555111" differs
# from the police line in the fourth digit).
PHONE_PREFIX = 7
COLOURS = {
    "white": "white", "black": "black", "red": "red", "blue": "blue", "green": "green",
    "yellow": "yellow", "silver": "silver", "gray": "gray", "grey": "gray",
    "brown": "brown", "orange": "orange", "purple": "purple", "maroon": "maroon",
    "beige": "beige", "gold": "gold", "tan": "tan", "burgundy": "burgundy",
}
# A lower-case colour and up to three words ending in a capitalised name: the
# colour of a make or model ("silver Toyota Camry", "gray 2013 Toyota Camry").
_COLOURED = re.compile(
    r"\b(" + "|".join(COLOURS) + r")((?:[ -](?:[A-Z][\w-]*|\d{4})){1,3})"
)
_NAME = re.compile(r"[A-Z][a-z][\w-]*")
# A win-loss record: "a 162-139 record", "a mark of 122-147", "record rose to 9-5".
_RECORD = re.compile(
    r"\b(?:record|mark)\b[^.;]{0,20}?\b(\d{1,3}) ?- ?(\d{1,3})\b"
    r"|\b(\d{1,3}) ?- ?(\d{1,3}) (?:record|mark)\b"
)
# A team's record in brackets after its name: "Indianapolis (10 - 5)".
_BRACKETED = re.compile(r"\b([A-Z][a-z]{2,}) \((\d{1,3}) ?- ?(\d{1,3})\)")
# Records whose game totals differ by more than this share cover different spans
# (a season vs a career); dev: 162-139 vs 122-147 (11%), 9-5 vs 10-5 (7%).
RECORD_TOTAL_GAP = 0.15
# The owner's name stands this close before the record ("Cheeks compiled a mark of").
RECORD_NAME_CHARS = 40
_CAPITAL = re.compile(r"\b[A-Z][a-z]{2,}\b")


@dataclass(frozen=True, slots=True)
class Label:
    article: Article
    kind: str  # "contact", "colour", "record"
    key: str  # what the label is of ("0845125", "camry", "cheeks")
    value: str  # normalised value compared across sources
    start: int
    end: int
    sentence: int


def find_label_conflicts(articles: Sequence[Article]) -> list[Conflict]:
    """Contact numbers, colours and records that differ across sources."""
    labels = [lab for a in articles for lab in _labels(a)]
    stated: dict[tuple[str, str], set[str]] = defaultdict(set)
    for lab in labels:
        stated[(lab.kind, lab.key)].add(f"{lab.article.label}\x1f{lab.value}")
    edges: list[tuple[int, int]] = []
    for i, j in combinations(range(len(labels)), 2):
        x, y = labels[i], labels[j]
        if x.article.label == y.article.label or (x.kind, x.key) != (y.kind, y.key):
            continue
        if x.value == y.value or _also_states(x, y, stated) or _also_states(y, x, stated):
            continue
        if x.kind == "record" and not _same_span(x.value, y.value):
            continue
        edges.append((i, j))
    groups = fact_groups(labels, edges, lambda lab: lab.article.label)
    return [c for g in groups if (c := _conflict(g)) is not None]


def _same_span(a: str, b: str) -> bool:
    """Records over about as many games: a season is not set against a career."""
    total_a, total_b = (sum(int(n) for n in v.split("-")) for v in (a, b))
    return abs(total_a - total_b) <= RECORD_TOTAL_GAP * max(total_a, total_b)


def _also_states(x: Label, y: Label, stated: dict[tuple[str, str], set[str]]) -> bool:
    return f"{x.article.label}\x1f{y.value}" in stated[(x.kind, x.key)]


def _labels(article: Article) -> list[Label]:
    found: list[Label] = []
    for i, s in enumerate(article.sentences):
        found += _phones(article, i, s.start, s.text)
        found += _colours(article, i, s.start, s.text)
        found += _records(article, i, s.start, s.text)
    return found


def _phones(article: Article, i: int, base: int, text: str) -> list[Label]:
    if not _CALL.search(text):
        return []
    out: list[Label] = []
    for m in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if PHONE_DIGITS[0] <= len(digits) <= PHONE_DIGITS[1]:
            key = digits[:PHONE_PREFIX]
            out.append(Label(article, "contact", key, digits, base + m.start(),
                             base + m.end(), i))
    return out


def _colours(article: Article, i: int, base: int, text: str) -> list[Label]:
    out: list[Label] = []
    for m in _COLOURED.finditer(text):
        names = _NAME.findall(m.group(2))
        if names:
            out.append(Label(article, "colour", names[-1].lower(), COLOURS[m.group(1)],
                             base + m.start(), base + m.end(), i))
    return out


def _records(article: Article, i: int, base: int, text: str) -> list[Label]:
    out: list[Label] = []
    for m in _RECORD.finditer(text):
        won, lost = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        start = m.start(1) if m.group(1) else m.start(3)
        end = m.end(2) if m.group(1) else m.end(4)
        # The record belongs to the nearest name before it ("Indianapolis' record
        # rose to 9-5"); "a Chiefs-like 2-14 mark" compares, it does not name.
        names = [n for n in _CAPITAL.finditer(text[: m.start()])
                 if not text[n.end() :].lstrip().startswith("-")
                 and n.group().lower() not in STOPWORDS
                 and m.start() - n.end() <= RECORD_NAME_CHARS]
        if names:
            out.append(Label(article, "record", names[-1].group().lower(),
                             f"{int(won)}-{int(lost)}", base + start, base + end, i))
    for m in _BRACKETED.finditer(text):
        out.append(Label(article, "record", m.group(1).lower(),
                         f"{int(m.group(2))}-{int(m.group(3))}", base + m.start(2),
                         base + m.end(3), i))
    return out


def _conflict(group: list[Label]) -> Conflict | None:
    """One conflict per key: one side per source, sorted by value."""
    chosen = sorted(group, key=lambda g: (g.value, g.article.label))
    if len({lab.value for lab in chosen}) < 2:
        return None
    groups = value_groups([lab.value for lab in chosen])
    sides = tuple(side_at(lab.article, lab.sentence, lab.start, lab.end, value_group=n)
                  for lab, n in zip(chosen, groups, strict=True))
    kind, key = chosen[0].kind, chosen[0].key
    values = " vs ".join(dict.fromkeys(s.value for s in sides))
    what = {
        "contact": "the same contact number",
        "colour": f"the colour of the {key.title()}",
        "record": f"the win-loss record of {key.title()}",
    }[kind]
    subject = {"contact": "contact number", "colour": f"{key.title()} colour",
               "record": f"{key.title()} record"}[kind]
    return Conflict(kind=ConflictKind(kind), subject=subject,
                    reason=f"they give {what}: {values}", sides=sides)
