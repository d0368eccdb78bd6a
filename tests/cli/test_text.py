"""printable: what reaches the terminal cannot drive it, and plain names stay as they are."""

from __future__ import annotations

import os
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from newsweave.cli.text import printable


def test_plain_names_are_unchanged() -> None:
    for name in ("report 2020-01-05.txt", "Zürich – Bern.md", "東京.jsonl", "a\\b.txt",
                 "👩‍💻 notes.html"):
        assert printable(name) == name


def test_controls_become_hex_escapes() -> None:
    assert printable("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert printable("tab\there\nnext\r") == "tab\\x09here\\x0anext\\x0d"
    assert printable("del\x7f c1\x9b") == "del\\x7f c1\\x9b"
    assert printable("\x00") == "\\x00"


def test_undecodable_bytes_show_as_those_bytes() -> None:
    name = os.fsdecode(b"caf\xe9-\xff.txt")  # latin-1 bytes in a UTF-8 file system
    assert printable(name) == "caf\\xe9-\\xff.txt"


def test_other_lone_surrogates_and_layout_controls_are_escaped() -> None:
    assert printable("x\ud800y") == "x\\ud800y"
    assert printable("evil\u202etxt.exe") == "evil\\u202etxt.exe"
    assert printable("line\u2028sep") == "line\\u2028sep"


@given(st.text(alphabet=st.characters(exclude_categories=())))
def test_output_never_holds_a_control_and_encodes(text: str) -> None:
    shown = printable(text)
    assert not any(unicodedata.category(ch) in {"Cc", "Cs", "Zl", "Zp"} for ch in shown)
    shown.encode("utf-8")  # a UTF-8 terminal can print it
