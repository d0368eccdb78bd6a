"""File names that are not UTF-8 or hold control characters: read, shown escaped, kept exact."""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsweave.execution.ingest import ingest_paths
from newsweave.ingest import read_paths
from newsweave.ingest.names import display_name, name_bytes, printable
from newsweave.model import Document, Rejection
from newsweave.store import Store

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="POSIX file names are bytes; Windows names are UTF-16"
)

ARTICLE = (
    b"The harbour authority said on Wednesday that the new ferry terminal would open "
    b"in June, two years late, after a dispute over the cost of the steel frame.\n"
)
OTHER = (
    b"Farmers in the valley began the grape harvest a week early this year because of "
    b"the long, dry summer, the regional wine board said on Thursday.\n"
)
# Latin-1 "é", a byte that is never UTF-8, and an escape sequence that would turn a
# terminal red.
ODD_NAME = b"caf\xe9-\xff\x1b[31mred.txt"
UNSAFE = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def _safe(text: str) -> bool:
    """Printable in a terminal and encodable as UTF-8."""
    return all(unicodedata.category(ch) not in UNSAFE for ch in text)


@given(st.binary(min_size=1, max_size=40))
def test_display_name_round_trips_every_byte_string(raw: bytes) -> None:
    name = display_name(raw)
    assert name_bytes(name) == raw
    assert _safe(name)
    name.encode("utf-8")  # strict: no lone surrogates


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp"),
                                      blacklist_characters="\\")))
def test_ordinary_names_are_unchanged(name: str) -> None:
    assert display_name(name) == name


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (b"a\xffb", "a\\xffb"),
        (b"\x1b[2Jx", "\\x1b[2Jx"),
        ("x\u202egnp.txt".encode(), "x\\u202egnp.txt"),  # right-to-left override
        (b"back\\slash", "back\\slash"),
        (b"lit\\xff", "lit\\\\xff"),  # a real backslash before "xff" is doubled
    ],
)
def test_display_name_escapes_what_a_terminal_would_obey(raw: bytes, shown: str) -> None:
    assert display_name(raw) == shown
    assert name_bytes(shown) == raw


def test_surrogate_escaped_str_paths_are_the_same_name() -> None:
    as_str = os.fsdecode(ODD_NAME)  # what os.listdir and sys.argv give on Linux
    assert display_name(as_str) == display_name(ODD_NAME) == "caf\\xe9-\\xff\\x1b[31mred.txt"
    assert os.fsencode(as_str) == name_bytes(display_name(as_str))
    assert printable("bad \x1b[2J \udcff") == "bad \\x1b[2J \\xff"


def _folder_with_odd_names(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/" + ODD_NAME, "wb") as fh:
        fh.write(ARTICLE)
    (folder / "plain.txt").write_bytes(OTHER)
    with open(os.fsencode(folder) + b"/bin\xff\x07.txt", "wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n" + bytes(64))
    records = [{"text": ARTICLE.decode()}]  # a copy: folds as a duplicate
    with open(os.fsencode(folder) + b"/dump\xfe.jsonl", "w") as fh:
        fh.write("".join(json.dumps(r) + "\n" for r in records))
    return folder


def test_odd_names_are_read_with_exact_printable_origins(tmp_path: Path) -> None:
    folder = _folder_with_odd_names(tmp_path)
    items = list(read_paths([str(folder)]))
    by_origin = {i.origin: i for i in items}
    odd = display_name(os.fsencode(folder) + b"/" + ODD_NAME)
    assert name_bytes(odd) == os.fsencode(folder) + b"/" + ODD_NAME
    document = by_origin[odd]
    assert isinstance(document, Document) and document.content == ARTICLE.decode()
    assert isinstance(by_origin[f"{display_name(folder)}/dump\\xfe.jsonl:1"], Document)
    binary = by_origin[f"{display_name(folder)}/bin\\xff\\x07.txt"]
    assert isinstance(binary, Rejection) and "binary" in binary.reason
    assert all(_safe(i.origin) and _safe(i.reason if isinstance(i, Rejection) else "")
               for i in items)


def test_missing_odd_path_is_rejected_escaped(tmp_path: Path) -> None:
    missing = os.fsdecode(os.fsencode(tmp_path) + b"/gone\xff\x1b.txt")
    (item,) = read_paths([missing])
    assert isinstance(item, Rejection)
    assert item.origin == f"{display_name(tmp_path)}/gone\\xff\\x1b.txt"


def test_ingest_stores_odd_and_plain_names_side_by_side(tmp_path: Path) -> None:
    folder = _folder_with_odd_names(tmp_path)
    with Store(tmp_path / "n.db") as store:
        summary = ingest_paths(store, [str(folder)])
        origins = {a.origin for a in store.articles()}
        assert summary.new == 2 and len(summary.rejected) == 1
        again = ingest_paths(store, [str(folder)])
    assert {name_bytes(o) for o in origins} == {
        os.fsencode(folder) + b"/" + ODD_NAME, os.fsencode(folder / "plain.txt")}
    assert again.new == 0 and again.unchanged == 3


def test_json_lone_surrogates_and_escapes_in_keys_stay_harmless(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(
        '{"title": "Cut \\ud800 short", "text": "Body with a broken \\udcff escape."}\n'
        '{"ti\\u001btle": "no body here"}\n'
    )
    document, rejection = read_paths([str(path)])
    assert isinstance(document, Document) and isinstance(rejection, Rejection)
    assert document.title == "Cut \ufffd short"
    assert document.content == "Body with a broken \ufffd escape."
    assert "ti\\x1btle" in rejection.reason and _safe(rejection.reason)
