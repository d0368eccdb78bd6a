"""normalize_text: line endings, invisible characters, spaces, blank lines, idempotence."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsweave.clean.normalize import normalize_text


def test_line_endings_become_newlines() -> None:
    assert normalize_text("a\r\nb\rc\n") == "a\nb\nc"


def test_invisible_and_control_characters_are_dropped() -> None:
    assert normalize_text("Bag\u200bhdad\u00ad \x07ok\ufeff") == "Baghdad ok"


def test_non_breaking_spaces_and_tabs_become_spaces() -> None:
    assert normalize_text("5,200\u00a0troops\tin\u202fIraq") == "5,200 troops in Iraq"


def test_trailing_spaces_trimmed_and_blank_runs_collapsed() -> None:
    text = "  Title  \n\n\n \n\nFirst paragraph.   \n\n\n\nSecond.\n\n"
    assert normalize_text(text) == "Title\n\nFirst paragraph.\n\nSecond."


def test_nfc_composition() -> None:
    assert normalize_text("Solemani caf\u0065\u0301") == "Solemani caf\u00e9"


@given(st.text())
def test_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_no_carriage_returns_or_triple_newlines(text: str) -> None:
    out = normalize_text(text)
    assert "\r" not in out and "\n\n\n" not in out and out == out.strip()
