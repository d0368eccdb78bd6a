"""Quotations from quotation marks, told apart from apostrophes.

Double marks are the curly “ ” (and „ « »), the straight ", and the `` '' pairs of
wire text tokenised the Penn Treebank way. A straight " opens and closes in turn
within a paragraph: the spaces around it do not tell its direction, since
re-tokenised wire copy writes '" We will, "he said' as often as '"We will," he said'.
In text that closes with '' (Penn Treebank style) every straight " opens.
Single marks (‘ ’ ' `) are read only outside double quotations, and a ’ or ' is an
apostrophe, not a mark, inside a word ("don't"), in a contraction split off by a
tokeniser ("I 'm") or in an elided year ("'90s").

A paragraph that opens a quotation without closing it goes on in the next paragraph
when that one opens with a mark (the convention for a quotation of several
paragraphs); the whole run is one quotation. An unclosed opening elsewhere is a stray
mark and quotes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from newsweave.extract.spans import SpanIndex

Role = Literal["open", "close", "either"]

_DOUBLE = re.compile(r"``|''|[\"“”„«»]")
_DOUBLE_OPEN = frozenset({"``", "“", "„", "«"})
_DOUBLE_CLOSE = frozenset({"''", "”", "»"})
_DOUBLE_CLOSE_PTB = "''"
_SINGLE = re.compile(r"[‘’'`]")
# Text after a ' that makes it an elision, not an opening mark: contractions split
# off by PTB tokenisers ("I 'm", "we 're"), dropped letters ('em, 'til) and years.
_ELISION = re.compile(r"(?:s|m|d|t|re|ve|ll|em|n|cause|til|tis|twas|\d\ds?)\b", re.IGNORECASE)
# Characters after which a mark opens (besides whitespace and the start of text).
_OPENS_AFTER = "([{—–/“\"‘"


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation: the quoted words ``[start, end)`` and its marks' outer edges."""

    open_start: int  # where the opening mark starts
    start: int  # first quoted character (marks and spaces excluded)
    end: int
    close_end: int  # where the closing mark ends (the paragraph end when unclosed)


@dataclass(frozen=True, slots=True)
class _Piece:
    """A quotation within one paragraph, before runs across paragraphs are joined."""

    open_start: int
    open_end: int
    close_start: int
    close_end: int
    closed: bool


def find_quotations(text: str) -> tuple[Quotation, ...]:
    """Every quotation of ``text`` in order, double-quoted and single-quoted.

    Quotations never overlap: marks inside a double quotation are nested quotes and
    belong to it.
    """
    out: list[Quotation] = []
    paragraphs = list(_paragraphs(text))
    straight: Role = "open" if _DOUBLE_CLOSE_PTB in text else "either"
    doubles = [_pair(_double_marks(text, a, b, straight), b) for a, b, _ in paragraphs]
    for run in _join_runs(paragraphs, doubles):
        out.extend(_quotation(text, run))
    taken = SpanIndex((q.open_start, q.close_end) for q in out)
    for a, b, _ in paragraphs:
        for piece in _pair(_single_marks(text, a, b, taken), b):
            inside = taken.overlaps(piece.open_start, piece.close_end)
            if piece.closed and not inside:
                out.extend(_quotation(text, [piece]))
    return tuple(sorted(out, key=lambda q: q.start))


def _paragraphs(text: str) -> Iterator[tuple[int, int, int]]:
    """Spans of the lines that hold text (blank lines only separate paragraphs), each
    with where its text begins (after leading whitespace)."""
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, pos + len(line), pos + len(line) - len(line.lstrip())
        pos += len(line) + 1


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before, after


def _double_marks(text: str, a: int, b: int, straight: Role) -> list[tuple[int, int, Role]]:
    marks: list[tuple[int, int, Role]] = []
    for m in _DOUBLE.finditer(text, a, b):
        mark = m.group()
        role: Role
        before, after = _neighbours(text, m.start(), m.end())
        if mark in _DOUBLE_OPEN:
            role = "open"
        elif mark == _DOUBLE_CLOSE_PTB and before.isspace() and after.isalnum():
            role = "open"  # some wire copy opens with '' as well ("''We lost,'' he said")
        elif mark in _DOUBLE_CLOSE:
            role = "close"
        else:
            role = straight
        marks.append((m.start(), m.end(), role))
    return marks


def _single_marks(text: str, a: int, b: int, taken: SpanIndex) -> list[tuple[int, int, Role]]:
    marks: list[tuple[int, int, Role]] = []
    for m in _SINGLE.finditer(text, a, b):
        i = m.start()
        if taken.overlaps(i, i + 1):
            continue
        before, after = _neighbours(text, i, i + 1)
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe inside a word
        opens = (before.isspace() or before in _OPENS_AFTER) and after.isalnum()
        if opens and m.group() in "'’" and _ELISION.match(text, i + 1):
            opens = False
        closes = m.group() in "'’" and not before.isspace() and not after.isalnum()
        if opens:
            marks.append((i, i + 1, "open"))
        elif closes:
            marks.append((i, i + 1, "close"))
    return marks


def _pair(marks: list[tuple[int, int, Role]], paragraph_end: int) -> list[_Piece]:
    """Opening marks matched with the next closing mark of the paragraph."""
    pieces: list[_Piece] = []
    opened: tuple[int, int] | None = None
    for start, end, role in marks:
        if opened is None:
            if role != "close":
                opened = (start, end)
        elif role != "open":
            pieces.append(_Piece(opened[0], opened[1], start, end, closed=True))
            opened = None
        # else a second opening: a new paragraph of the same quotation whose line
        # break was lost, or a mark left unclosed; the first opening stands
    if opened is not None:
        pieces.append(_Piece(opened[0], opened[1], paragraph_end, paragraph_end, closed=False))
    return pieces


def _join_runs(
    paragraphs: list[tuple[int, int, int]], pieces: list[list[_Piece]]
) -> Iterator[list[_Piece]]:
    """Closed pieces alone; an unclosed piece with the pieces of the paragraphs it runs on.

    A run that never closes is kept when it spans paragraphs or opens its paragraph.
    """
    run: list[_Piece] = []
    run_opens = False  # whether the run's first mark opens its paragraph
    for i, (_, _, text_start) in enumerate(paragraphs):
        for j, piece in enumerate(pieces[i]):
            opens_paragraph = piece.open_start <= text_start
            if run and not (j == 0 and opens_paragraph):
                yield from _finish(run, run_opens)
                run = []
            if run or not piece.closed:
                run_opens = opens_paragraph if not run else run_opens
                run.append(piece)
                if piece.closed:
                    yield run
                    run = []
            else:
                yield [piece]
        if run and (i + 1 == len(paragraphs) or not pieces[i + 1]):
            yield from _finish(run, run_opens)
            run = []
    if run:
        yield from _finish(run, run_opens)


def _finish(run: list[_Piece], opens_paragraph: bool) -> Iterator[list[_Piece]]:
    """A run that never closes: kept when it spans paragraphs or opens its paragraph."""
    if len(run) > 1 or opens_paragraph:
        yield run


def _quotation(text: str, run: list[_Piece]) -> list[Quotation]:
    """The quoted words of a run without marks and edge spaces (none when empty)."""
    start, end = run[0].open_end, run[-1].close_start
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return []
    return [Quotation(run[0].open_start, start, end, run[-1].close_end)]
