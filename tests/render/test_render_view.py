"""The display model: quote splitting at offsets, cleaning, anchors, formats."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsweave.errors import NewsweaveError
from newsweave.model import Brief, Citation, ConflictSide
from newsweave.render import UnknownFormatError, render_brief, render_report, render_stories
from newsweave.render.view import (
    SECTION_ORDER,
    anchor,
    build_view,
    clean,
    split_quote,
    unique_anchors,
)

SENTENCE = "Officials counted 5,200 people, not 5,200 homes."


def _side(value: str, start: int, end: int, offset: int = 100) -> ConflictSide:
    citation = Citation("a1", "Reuters", offset, offset + len(SENTENCE), SENTENCE)
    return ConflictSide(value, offset + start, offset + end, citation)


def test_split_uses_offsets_relative_to_citation_start() -> None:
    second = SENTENCE.rindex("5,200")
    q = split_quote(_side("5,200", second, second + 5))
    assert (q.before, q.value, q.after) == ("Officials counted 5,200 people, not ", "5,200",
                                            " homes.")
    assert q.text == SENTENCE


def test_split_falls_back_to_first_occurrence_when_offsets_are_wrong() -> None:
    q = split_quote(_side("5,200", 0, 5))
    assert q.value == "5,200"
    assert q.before == "Officials counted "


def test_split_without_the_value_keeps_the_whole_quote() -> None:
    q = split_quote(_side("4,100", 3, 8))
    assert q.value == ""
    assert q.text == SENTENCE


def test_split_moves_spaces_out_of_the_highlight() -> None:
    start = SENTENCE.index(" 5,200")
    q = split_quote(_side(" 5,200 ", start, start + 7))
    assert q.value == "5,200"
    assert q.text == SENTENCE


def test_clean_drops_controls_and_folds_lines() -> None:
    assert clean("a\x1b[31mb\n\n c\u2028d\x00") == "a [31mb c d"
    assert clean("5,200\u202e001,4") == "5,200 001,4"


def test_anchor_is_safe_and_unique_per_report(brief: Brief) -> None:
    assert anchor('X"><script>') == "story-x-script"
    views = unique_anchors([build_view(brief)] * 3)
    assert [v.anchor for v in views] == ["story-s-valmora-floods", "story-s-valmora-floods-2",
                                         "story-s-valmora-floods-3"]


def test_view_keeps_order_and_dedupes_sources(brief: Brief) -> None:
    doubled = replace(brief, sources=("Reuters", "AP", "Reuters", " "))
    view = build_view(doubled)
    assert view.sources == ("Reuters", "AP")
    assert [s.key for s in SECTION_ORDER][:2] == ["summary", "conflicts"]
    assert view.entities[0].variants == ("Ruiz",)
    assert view.entities[1].variants == ()


def test_unknown_formats_raise_a_clear_error(brief: Brief) -> None:
    with pytest.raises(UnknownFormatError, match="choose one of text, md, json, html"):
        render_brief(brief, "pdf")  # type: ignore[arg-type]
    with pytest.raises(NewsweaveError, match="report"):
        render_report([brief], "text")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="stories"):
        render_stories([], "md")  # type: ignore[arg-type]
