"""Per-article records: the raw document, the article and its anchored annotations.

Every annotation carries a half-open ``[start, end)`` span into ``Article.text`` and
the exact text of that span, so ``article.text[a.start:a.end] == a.text`` holds for
every sentence, mention, quantity, date and quote.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

DocumentFormat = Literal["text", "html"]
EntityLabel = Literal["PERSON", "ORG", "PLACE", "NORP", "EVENT", "OTHER"]
# count, money, percent and measure are amounts; the others are numbers that name
# a position or a point rather than an amount: ordinal ("third"), rank ("No. 2",
# "top five"), age ("45-year-old", "Smith, 45"), year ("in 2019", "the 1930s"),
# time of day ("8.40pm") and range ("20 to 30 people", "early 20s": see low/high).
QuantityKind = Literal[
    "count", "money", "percent", "measure", "ordinal", "rank", "age", "year", "time",
    "range",
]
DateGranularity = Literal["day", "month", "year", "weekday", "relative"]
QuoteKind = Literal["direct", "reported"]

ID_HEX_CHARS = 16  # 64 bits of sha256: collision-free far beyond any one store


def content_id(prefix: str, *parts: str) -> str:
    """A stable id from content: the same parts always give the same id."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:ID_HEX_CHARS]}"


def normalize_for_id(text: str) -> str:
    """Fold the differences that do not make another article (case, spacing, NFKC)."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass(frozen=True, slots=True)
class Document:
    """One input item as read, before cleaning: HTML or plain text plus metadata."""

    origin: str  # where it came from: "path", "path:LINE" for JSON Lines
    content: str
    format: DocumentFormat
    title: str | None = None
    source: str | None = None  # outlet name or domain
    published: str | None = None  # ISO date "YYYY-MM-DD" when known
    author: str | None = None
    url: str | None = None
    # Where a given ``published`` came from when the reader knows better than
    # "document": "capture" for the day a web archive took the page.
    published_from: str | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input item that could not become an article, and why (one line)."""

    origin: str
    reason: str


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity mention; ``key`` is its normalised surface form."""

    start: int
    end: int
    text: str
    label: EntityLabel
    key: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its frame: what it counts, of whom, and how hedged.

    ``counted`` is the lemma of the noun the number attaches to ("soldier"),
    ``qualifiers`` the words that narrow it ("US", "killed"), ``owner`` the nearest
    entity it belongs to; these decide whether two values answer the same question.
    ``action`` is the event verb among the qualifiers ("one soldier was killed").
    """

    start: int
    end: int
    text: str
    value: float
    kind: QuantityKind
    unit: str | None = None  # "USD", "%", "km", ... (None for plain counts)
    counted: str | None = None
    qualifiers: tuple[str, ...] = ()
    owner: str | None = None
    hedge: str | None = None  # "at least", "about", "more than", "up to", ...
    sentence: int = -1  # index into Article.sentences
    low: float | None = None  # ends of a range ("between 20 and 30", "the 1930s")
    high: float | None = None
    action: str | None = None  # lemma of the event verb it belongs to ("kill")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression; ``value`` is ISO (YYYY, YYYY-MM or YYYY-MM-DD) when resolved."""

    start: int
    end: int
    text: str
    granularity: DateGranularity
    value: str | None = None
    weekday: int | None = None  # 0 = Monday, when the text names one
    sentence: int = -1
    anchor: str | None = None  # lemma of the verb or event noun it dates ("kill")


@dataclass(frozen=True, slots=True)
class Quote:
    """A statement the article attributes to someone, and who that is.

    ``direct``: the words inside quotation marks (marks excluded); ``reported``: the
    clause of "X said (that) ..." or "according to X, ...". ``speaker`` is written as
    in the text, or the name a pronoun speaker stands for, with its span
    (``speaker_start == speaker_end == -1`` when there is no speaker). ``main_claim``:
    the sentence as a whole reports it ("“...,” X said"), so the sentence's claim is
    the speaker's; a quotation inside another claim ("he rebuked them, saying
    “...”") is not.
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None = None
    speaker_start: int = -1
    speaker_end: int = -1
    sentence: int = -1  # index into Article.sentences of the sentence it starts in
    main_claim: bool = False


@dataclass(frozen=True, slots=True)
class Sighting:
    """One outlet's copy of an article: kept when copies are folded together."""

    origin: str
    source: str | None
    url: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article with metadata and anchored annotations.

    ``id`` derives from the normalised text, so the same content always gets the same
    id; ``sightings`` lists every outlet that ran it (syndicated or near-duplicate
    copies are folded into the first one seen).
    """

    id: str
    text: str
    origin: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    author: str | None = None
    url: str | None = None
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sightings: tuple[Sighting, ...] = field(default=())
    # Where title, source and published were read: "document" (given with the
    # input), or the page's own markup ("json-ld", "og:site_name", "meta", "url",
    # ...; see newsweave.clean.metadata). None for records stored before they existed.
    title_from: str | None = None
    source_from: str | None = None
    published_from: str | None = None
    # Why ``published`` is implausible (after the crawl, or far from the other
    # articles read with it; see newsweave.clean.datecheck), None when it is not.
    # A flagged date is kept for display but never places the article in time.
    date_flag: str | None = None

    @property
    def label(self) -> str:
        """How a brief names this article's source: outlet, else the file name."""
        return self.source or origin_name(self.origin) or self.id

    @property
    def sources(self) -> tuple[str, ...]:
        """Every distinct outlet that ran this article, this one first."""
        seen = [self.label]
        for s in self.sightings:
            name = s.source or origin_name(s.origin) or s.origin
            if name not in seen:
                seen.append(name)
        return tuple(seen)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding character ``offset`` (-1 when none)."""
        for i, s in enumerate(self.sentences):
            if s.start <= offset < s.end:
                return i
        return -1


def origin_name(origin: str) -> str:
    """The file name of an origin, without folder, record suffix or extension."""
    name = origin.rsplit("/", 1)[-1]
    return name.split(":", 1)[0].rsplit(".", 1)[0]


def article_id(text: str) -> str:
    return content_id("a", normalize_for_id(text))


def day_ordinal(value: str | None) -> int | None:
    """A full ISO date ("YYYY-MM-DD") as a day ordinal; partial or malformed dates
    give None."""
    if value is None or len(value) != len("YYYY-MM-DD"):
        return None
    try:
        return date.fromisoformat(value).toordinal()
    except ValueError:
        return None
