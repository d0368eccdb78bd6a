"""Per-story records: the story and its cross-source brief.

Every statement in a brief is cited: a ``Citation`` points at a sentence span in one
article's text and quotes it, so a reader (or a test) can check each claim against
its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from newsweave.model.article import Article, EntityLabel, QuantityKind

# How the members of a fact were found to state it: "verbatim" (the same words: a
# wire text two outlets ran), "paraphrase" (sentence embeddings with entity, number
# and word checks), or "single" (no other source states it).
MatchKind = Literal["single", "verbatim", "paraphrase"]


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles about one real-world event; the id is stable over runs."""

    id: str
    article_ids: tuple[str, ...]
    headline: str
    sources: tuple[str, ...]
    first_date: str | None = None
    last_date: str | None = None


@dataclass(frozen=True, slots=True)
class Citation:
    """A quoted sentence of one article: ``text == article.text[start:end]``.

    ``also`` names the other outlets that ran the same text (folded copies): they
    state the sentence too.
    """

    article_id: str
    source: str
    start: int
    end: int
    text: str
    also: tuple[str, ...] = ()
    # The outlet whose identical sentence this one repeats (a wire text run by two
    # outlets): it names one more outlet but is not an independent confirmation.
    copy_of: str | None = None
    speaker: str | None = None  # who the sentence attributes its claim to, when not the outlet

    @classmethod
    def quote(cls, article: Article, start: int, end: int) -> Citation:
        """Quote ``article.text[start:end]``, naming every outlet that ran the article."""
        return cls(article.id, article.label, start, end, article.text[start:end],
                   also=article.sources[1:])


@dataclass(frozen=True, slots=True)
class Statement:
    """A sentence of the brief and every article that states it (taken from the first)."""

    text: str
    citations: tuple[Citation, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        """Every outlet that states it: cited articles first, then their copies."""
        out: list[str] = []
        for name in (*(c.source for c in self.citations),
                     *(o for c in self.citations for o in c.also)):
            if name not in out:
                out.append(name)
        return tuple(out)

    @property
    def independent_sources(self) -> tuple[str, ...]:
        """Outlets that state it in their own words: folded copies and verbatim
        repeats of another cited outlet's sentence count once."""
        out: list[str] = []
        for c in self.citations:
            if c.copy_of is None and c.source not in out:
                out.append(c.source)
        return tuple(out)


@dataclass(frozen=True, slots=True)
class FactMember:
    """One article's sentence stating a fact; ``score`` is its link to the fact."""

    article_id: str
    source: str
    sentence: int  # index into Article.sentences
    start: int
    end: int
    score: float  # 1.0 for the member the others were matched to
    copy_of: str | None = None  # see Citation.copy_of


@dataclass(frozen=True, slots=True)
class Fact:
    """Sentences of different articles of one story that state the same fact.

    ``sources`` are the outlets that state it in their own words (a verbatim wire
    copy counts once); ``match`` says how the members were matched.
    """

    id: str
    members: tuple[FactMember, ...]
    sources: tuple[str, ...]
    match: MatchKind
    cohesion: float  # mean pairwise link score inside the fact (1.0 for one member)


class ConflictKind(StrEnum):
    """What a conflict disputes."""

    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    MEASURE = "measure"
    AGE = "age"
    DATE = "date"
    RECORD = "record"
    CONTACT = "contact"
    COLOUR = "colour"


@dataclass(frozen=True, slots=True)
class ConflictSide:
    """One source's value for the disputed fact, with the sentence that states it.

    ``value_group`` numbers the distinct values of a conflict from the lowest: the
    sides of sources that agree with each other share it.
    """

    value: str  # as written: "5,200"
    value_start: int  # offsets of the value in the article text
    value_end: int
    citation: Citation
    hedge: str | None = None
    value_group: int = 0


@dataclass(frozen=True, slots=True)
class Conflict:
    """The same fact with different values across sources, and why it was judged so."""

    kind: ConflictKind
    subject: str  # "US troops in Iraq"
    reason: str  # one line a reader can check against the quotes
    sides: tuple[ConflictSide, ...]
    severity: str = "clear"  # "clear" or "soft" (hedged or rounded figures)


@dataclass(frozen=True, slots=True)
class EntityRef:
    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class EntityGroup:
    """One person, organisation or place, merged across spelling variants."""

    name: str
    label: EntityLabel
    variants: tuple[str, ...]
    mentions: tuple[EntityRef, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NumberItem:
    """A number in the story with what it counts and where it is stated."""

    text: str
    value: float
    kind: QuantityKind
    counted: str | None
    citation: Citation
    unit: str | None = None
    action: str | None = None  # the event verb it belongs to ("kill")


@dataclass(frozen=True, slots=True)
class DateItem:
    text: str
    value: str | None
    citation: Citation


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A dated event of the story: ISO date (or the expression when unresolved)."""

    when: str
    resolved: bool
    statement: Statement


@dataclass(frozen=True, slots=True)
class ArticleSource:
    """One article of a brief: its outlet, title and date with where each was read.

    The ``*_from`` fields name the layer (``"document"``, ``"json-ld"``,
    ``"og:site_name"``, ``"url"``, ...; see ``newsweave.clean.metadata``), None when
    unknown. ``date_flag`` says why ``published`` is not trusted (see
    ``Article.date_flag``).
    """

    article_id: str
    source: str
    source_from: str | None = None
    title: str | None = None
    title_from: str | None = None
    published: str | None = None
    published_from: str | None = None
    date_flag: str | None = None


@dataclass(frozen=True, slots=True)
class Brief:
    """The cross-source brief of one story."""

    story_id: str
    headline: str
    sources: tuple[str, ...]
    article_ids: tuple[str, ...]
    summary: tuple[Statement, ...]
    agreed: tuple[Statement, ...]
    single_source: tuple[Statement, ...]
    conflicts: tuple[Conflict, ...]
    entities: tuple[EntityGroup, ...]
    numbers: tuple[NumberItem, ...]
    dates: tuple[DateItem, ...]
    timeline: tuple[TimelineEntry, ...]
    facts: tuple[Fact, ...] = ()  # the alignment every section reads (multi-source facts)
    articles: tuple[ArticleSource, ...] = ()  # provenance of each article's metadata
