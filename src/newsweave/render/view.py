"""The brief as a reader sees it: one presentation model shared by every format.

Every format (plain text, rich terminal, Markdown, HTML) walks the same ``BriefView``
in the same section order, so the layout is decided once here. Strings in a view are
already cleaned of control characters and folded to one line; each format then does
its own escaping (Markdown backslashes, HTML autoescape, rich ``Text`` objects).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsweave.model import (
    ArticleSource,
    Brief,
    Citation,
    Conflict,
    ConflictSide,
    DateItem,
    EntityGroup,
    NumberItem,
    Statement,
    TimelineEntry,
)


@dataclass(frozen=True, slots=True)
class Section:
    """A section of the brief: its heading and what it says when it has nothing."""

    key: str
    title: str
    empty: str


SUMMARY = Section("summary", "Summary", "No summary sentences.")
CONFLICTS = Section("conflicts", "Where sources conflict", "No conflicts found between sources.")
AGREED = Section("agreed", "Agreed by several sources", "No fact is stated by several sources.")
SINGLE = Section("single", "Only in one source", "No fact is stated by one source only.")
ENTITIES = Section("entities", "Entities", "No named entities found.")
NUMBERS = Section("numbers", "Numbers", "No numbers found.")
DATES = Section("dates", "Dates", "No dates found.")
TIMELINE = Section("timeline", "Timeline", "No dated events found.")

# The product exists for attribution and conflicts: conflicts come right after the
# summary, before the agreed and single-source facts.
SECTION_ORDER = (SUMMARY, CONFLICTS, AGREED, SINGLE, ENTITIES, NUMBERS, DATES, TIMELINE)

UNSOURCED = "no source"  # shown in place of a source list when a statement has none

# C0/C1 control characters (ANSI escapes start with ESC) and bidirectional overrides
# never reach any output: a hostile article must not be able to colour or rewrite a
# reader's terminal, nor display a quote in an order other than its text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")
_ANCHOR_UNSAFE = re.compile(r"[^a-z0-9_-]+")


def clean(text: str, *, strip: bool = True) -> str:
    """One display line: controls dropped, whitespace runs folded to one space."""
    # ``\s`` on str also covers the Unicode line and paragraph separators.
    text = _SPACES.sub(" ", _CONTROL.sub(" ", text))
    return text.strip() if strip else text


def anchor(story_id: str) -> str:
    """An HTML id for a story that is safe in attributes and URLs."""
    return "story-" + (_ANCHOR_UNSAFE.sub("-", story_id.lower()).strip("-") or "x")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted sentence split around the disputed value (``value`` empty: not found)."""

    before: str
    value: str
    after: str

    @property
    def text(self) -> str:
        return self.before + self.value + self.after


def split_quote(side: ConflictSide) -> Quote:
    """Split the side's quote at the value's offsets, relative to the citation start.

    The offsets are trusted only when they point at the value inside the quote;
    otherwise the first occurrence of the value is used, and when the value does not
    occur at all the quote is returned whole with an empty value.
    """
    text = side.citation.text
    start = side.value_start - side.citation.start
    end = side.value_end - side.citation.start
    if not (0 <= start < end <= len(text) and text[start:end] == side.value):
        start = text.find(side.value) if side.value else -1
        end = start + len(side.value)
    if start < 0:
        return Quote(clean(text), "", "")
    before, value, after = text[:start], text[start:end], text[end:]
    # Spaces inside the value move out of it, so a highlight never starts with one.
    lead = len(value) - len(value.lstrip())
    trail = len(value) - len(value.rstrip())
    before, after = before + value[:lead], value[len(value) - trail :] + after
    value = value.strip()
    return Quote(
        clean(before, strip=False).lstrip(),
        clean(value),
        clean(after, strip=False).rstrip(),
    )


@dataclass(frozen=True, slots=True)
class StatementView:
    text: str
    sources: tuple[str, ...]
    speaker: str | None = None  # who the sentence attributes its claim to

    @property
    def attribution(self) -> str:
        """" (according to X)" when the claim is a speaker's, not the outlet's."""
        return f" (according to {self.speaker})" if self.speaker else ""


@dataclass(frozen=True, slots=True)
class SideView:
    value: str
    source: str
    hedge: str | None
    quote: Quote
    value_group: int = 0  # sides of sources that agree on one value share it


@dataclass(frozen=True, slots=True)
class ConflictView:
    subject: str
    kind: str
    severity: str
    reason: str
    sides: tuple[SideView, ...]


@dataclass(frozen=True, slots=True)
class EntityView:
    name: str
    label: str
    variants: tuple[str, ...]  # other spellings; empty when there is only one
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NumberView:
    text: str
    counted: str | None
    kind: str
    unit: str | None
    source: str


@dataclass(frozen=True, slots=True)
class DateView:
    text: str
    value: str | None
    source: str


@dataclass(frozen=True, slots=True)
class TimelineView:
    when: str
    resolved: bool
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BriefView:
    """Everything a format needs to lay out one brief, cleaned for display."""

    story_id: str
    anchor: str
    headline: str
    sources: tuple[str, ...]
    article_count: int
    summary: tuple[StatementView, ...]
    conflicts: tuple[ConflictView, ...]
    agreed: tuple[StatementView, ...]
    single: tuple[StatementView, ...]
    entities: tuple[EntityView, ...]
    numbers: tuple[NumberView, ...]
    dates: tuple[DateView, ...]
    timeline: tuple[TimelineView, ...]
    # One line per article: where its outlet, title and date were read.
    provenance: tuple[str, ...] = ()


def _names(names: tuple[str, ...]) -> tuple[str, ...]:
    """Cleaned, distinct, non-empty names in first-seen order."""
    out: list[str] = []
    for name in names:
        name = clean(name)
        if name and name not in out:
            out.append(name)
    return tuple(out)


# How a source that repeats another's sentence word for word (a wire text) is named.
COPY_NOTE = "{source} (same words as {original})"


def _statement_sources(s: Statement) -> tuple[str, ...]:
    """Every outlet stating ``s``; one that only repeats another's words says so."""
    copies = {c.source: c.copy_of for c in s.citations if c.copy_of is not None}
    own = set(s.independent_sources)
    return tuple(COPY_NOTE.format(source=name, original=copies[name])
                 if name in copies and name not in own else name for name in s.sources)


def _statement(s: Statement) -> StatementView:
    speaker = s.citations[0].speaker if s.citations else None
    return StatementView(clean(s.text), _names(_statement_sources(s)) or (UNSOURCED,),
                         clean(speaker) if speaker else None)


def _source(c: Citation) -> str:
    return clean(c.source) or UNSOURCED


def _side(side: ConflictSide) -> SideView:
    hedge = clean(side.hedge) if side.hedge else None
    return SideView(clean(side.value), _source(side.citation), hedge or None, split_quote(side),
                    side.value_group)


def _conflict(c: Conflict) -> ConflictView:
    sides = tuple(_side(s) for s in c.sides)
    return ConflictView(clean(c.subject), clean(c.kind), clean(c.severity), clean(c.reason), sides)


def _entity(e: EntityGroup) -> EntityView:
    name = clean(e.name)
    spellings = _names(e.variants)
    others = tuple(v for v in spellings if v != name) if len(spellings) > 1 else ()
    return EntityView(name, clean(e.label), others, _names(e.sources) or (UNSOURCED,))


def _number(n: NumberItem) -> NumberView:
    counted = clean(n.counted) if n.counted else None
    unit = clean(n.unit) if n.unit else None
    return NumberView(clean(n.text), counted or None, clean(n.kind), unit or None,
                      _source(n.citation))


def _date(d: DateItem) -> DateView:
    value = clean(d.value) if d.value else None
    return DateView(clean(d.text), value or None, _source(d.citation))


def _timeline(t: TimelineEntry) -> TimelineView:
    s = _statement(t.statement)
    return TimelineView(clean(t.when), t.resolved, s.text, s.sources)


# Heads the list of each article's outlet, title and date with their layers.
PROVENANCE_TITLE = "Where each article's metadata came from"
# Joins the parts of a provenance line; a middle dot reads as a separator in every format.
PROVENANCE_SEPARATOR = " \u00b7 "


def _layered(value: str | None, layer: str | None, note: str | None = None) -> str:
    """``value (layer)``, the note after the layer; empty when the value is unknown."""
    value = clean(value) if value else ""
    if not value:
        return ""
    why = "; ".join(clean(x) for x in (layer, note) if x and clean(x))
    return f"{value} ({why})" if why else value


def provenance_line(a: ArticleSource) -> str:
    """``Reuters (og:site_name) · “Title” (json-ld) · 2019-05-03 (meta)``: known parts only.

    Empty when nothing is known beyond the name a brief already shows (a file name).
    """
    if not (a.source_from or a.title or a.published):
        return ""
    title = _layered(f"\u201c{clean(a.title)}\u201d" if a.title and clean(a.title) else None,
                     a.title_from)
    flag = f"implausible: {a.date_flag}" if a.date_flag else None
    parts = (_layered(a.source, a.source_from), title,
             _layered(a.published, a.published_from, flag))
    return PROVENANCE_SEPARATOR.join(p for p in parts if p)


def build_view(brief: Brief) -> BriefView:
    """The display model of ``brief``: cleaned strings, sections in reading order.

    Items keep the order the brief gives them (the brief stage decides ranking and
    chronology); only spelling variants and source lists are de-duplicated.
    """
    return BriefView(
        story_id=clean(brief.story_id),
        anchor=anchor(brief.story_id),
        headline=clean(brief.headline) or "(untitled story)",
        sources=_names(brief.sources),
        article_count=len(brief.article_ids),
        summary=tuple(_statement(s) for s in brief.summary),
        conflicts=tuple(_conflict(c) for c in brief.conflicts),
        agreed=tuple(_statement(s) for s in brief.agreed),
        single=tuple(_statement(s) for s in brief.single_source),
        entities=tuple(_entity(e) for e in brief.entities),
        numbers=tuple(_number(n) for n in brief.numbers),
        dates=tuple(_date(d) for d in brief.dates),
        timeline=tuple(_timeline(t) for t in brief.timeline),
        provenance=tuple(line for line in map(provenance_line, brief.articles) if line),
    )


def unique_anchors(views: list[BriefView]) -> list[BriefView]:
    """Views whose anchors are distinct within one report (a suffix on repeats)."""
    used: set[str] = set()
    out: list[BriefView] = []
    for v in views:
        candidate, n = v.anchor, 1
        while candidate in used:
            n += 1
            candidate = f"{v.anchor}-{n}"
        used.add(candidate)
        out.append(v if candidate == v.anchor else replace(v, anchor=candidate))
    return out


def count_label(n: int, noun: str, plural: str | None = None) -> str:
    """``1 article``, ``3 articles``, ``2 stories``."""
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"
