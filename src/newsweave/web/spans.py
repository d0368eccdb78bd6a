"""An article's text cut into highlighted pieces: cited sentences, entities, numbers.

Cited sentences are the outer layer (each carries the anchor a citation chip links
to); entity and number mentions are marked inside them and between them. Pieces are
plain strings: the template escapes each one, so no article text is ever markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsweave.model import Article, Citation
from newsweave.render.view import clean
from newsweave.web.present import cite_anchor


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    kind: str  # "" (plain), "entity" or "number"
    title: str = ""  # the entity label or number kind, shown on hover


@dataclass(frozen=True, slots=True)
class Segment:
    pieces: tuple[Piece, ...]
    anchor: str | None  # set on a cited sentence
    sources: str = ""  # who cites it, for the hover title


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    kind: str
    title: str


def _disjoint(spans: Iterable[_Span], length: int) -> list[_Span]:
    """Valid spans that do not overlap, earliest first, the longer winning a tie."""
    out: list[_Span] = []
    end = 0
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if 0 <= s.start < s.end <= length and s.start >= end:
            out.append(s)
            end = s.end
    return out


def _pieces(text: str, start: int, end: int, inner: list[_Span]) -> tuple[Piece, ...]:
    out: list[Piece] = []
    at = start
    for s in inner:
        if s.start < start or s.end > end:
            continue
        if s.start > at:
            out.append(Piece(text[at:s.start], ""))
        out.append(Piece(text[s.start:s.end], s.kind, s.title))
        at = s.end
    if at < end:
        out.append(Piece(text[at:end], ""))
    return tuple(out)


def _inner_spans(article: Article) -> list[_Span]:
    spans = [_Span(m.start, m.end, "entity", clean(str(m.label))) for m in article.mentions]
    spans += [_Span(q.start, q.end, "number", clean(str(q.kind))) for q in article.quantities]
    return _disjoint(spans, len(article.text))


def segments(article: Article, cited: Iterable[Citation]) -> tuple[Segment, ...]:
    """The whole text, in order, cut at cited sentences and marked inside."""
    text = article.text
    by_span: dict[tuple[int, int], list[str]] = {}
    for c in cited:
        if c.article_id == article.id:
            names = by_span.setdefault((c.start, c.end), [])
            if c.source not in names:
                names.append(c.source)
    outer = _disjoint((_Span(s, e, "cited", ", ".join(clean(n) for n in names))
                       for (s, e), names in by_span.items()), len(text))
    inner = _inner_spans(article)
    out: list[Segment] = []
    at = 0
    for s in outer:
        # Inner marks that cross a sentence edge are dropped rather than cut.
        if s.start > at:
            out.append(Segment(_pieces(text, at, s.start, inner), None))
        out.append(Segment(_pieces(text, s.start, s.end, inner), cite_anchor(s.start),
                           s.title))
        at = s.end
    if at < len(text):
        out.append(Segment(_pieces(text, at, len(text), inner), None))
    return tuple(out)
