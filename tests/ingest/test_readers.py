"""read_paths: formats, gzip, bad input, folders, globs, big files."""

from __future__ import annotations

import gzip
import json
import os
import random
import tracemalloc
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pytest

from newsweave.ingest import MAX_DOCUMENT_BYTES, count_inputs, read_paths
from newsweave.model import Document, Rejection

ARTICLE = (
    "BAGHDAD — Iraq's parliament voted on Sunday to expel US troops from the country, "
    "two days after a drone strike killed a senior Iranian general."
)
PAGE = f"<!DOCTYPE html><html><head><title>Vote</title></head><body><p>{ARTICLE}</p></body></html>"
RECORDS = [
    {"title": "Vote", "text": ARTICLE, "source": "Ledger", "published": "2020-01-05"},
    {"title": "Strike", "maintext": "A drone strike killed a general.", "date": "2020-01-03"},
]


def read(*paths: str | Path) -> list[Document | Rejection]:
    return list(read_paths([str(p) for p in paths]))


def only_doc(path: Path) -> Document:
    items = read(path)
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def jsonl(records: Sequence[Mapping[str, object]]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize(
    ("name", "fmt", "body"),
    [
        ("a.txt", "text", ARTICLE),
        ("a.md", "text", ARTICLE),
        ("a.text", "text", ARTICLE),
        ("a.html", "html", PAGE),
        ("a.htm", "html", PAGE),
        ("a.xhtml", "html", PAGE),
    ],
)
def test_text_and_html_files(tmp_path: Path, gz: bool, name: str, fmt: str, body: str) -> None:
    path = tmp_path / (name + (".gz" if gz else ""))
    data = body.encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    item = only_doc(path)
    assert item == Document(origin=str(path), content=body, format=fmt)  # type: ignore[arg-type]


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("name", ["a.jsonl", "a.ndjson", "a.json"])
def test_json_lines_files(tmp_path: Path, gz: bool, name: str) -> None:
    path = tmp_path / (name + (".gz" if gz else ""))
    data = jsonl(RECORDS).encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    items = read(path)
    assert [i.origin for i in items] == [f"{path}:1", f"{path}:2"]
    assert all(isinstance(i, Document) for i in items)
    first = items[0]
    assert isinstance(first, Document)
    assert (first.title, first.source, first.published) == ("Vote", "Ledger", "2020-01-05")


def test_json_array_and_single_object(tmp_path: Path) -> None:
    array = tmp_path / "a.json"
    array.write_text(json.dumps(RECORDS, indent=2))
    assert [i.origin for i in read(array)] == [f"{array}:#0", f"{array}:#1"]
    single = tmp_path / "b.json"
    single.write_text(json.dumps(RECORDS[0], indent=2))
    items = read(single)
    assert len(items) == 1 and isinstance(items[0], Document)
    assert items[0].origin == f"{single}:1"


def test_gzip_is_sniffed_by_magic_bytes(tmp_path: Path) -> None:
    path = tmp_path / "export.dat"
    path.write_bytes(gzip.compress(jsonl(RECORDS).encode()))
    assert len([i for i in read(path) if isinstance(i, Document)]) == 2


def test_sniffing_when_the_extension_lies(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(PAGE)
    (tmp_path / "plain.html").write_text(ARTICLE)
    (tmp_path / "lines.json").write_text(jsonl(RECORDS))
    (tmp_path / "records.txt").write_text(jsonl(RECORDS))
    (tmp_path / "noext").write_text(PAGE)
    assert only_doc(tmp_path / "page.txt").format == "html"
    assert only_doc(tmp_path / "plain.html").format == "text"
    assert only_doc(tmp_path / "noext").format == "html"
    assert [i.origin for i in read(tmp_path / "lines.json")][-1].endswith("lines.json:2")
    assert len(read(tmp_path / "records.txt")) == 2


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("latin-1", b""),
        ("cp1252", b""),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
    ],
)
def test_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    text = "Le café coûte 3 € de plus, a dit le ministre « pour l’État »."
    if encoding == "latin-1":
        text = "Die Größe der Förderung für Bürger, à la française."
    path = tmp_path / "a.txt"
    path.write_bytes(prefix + text.encode(encoding))
    assert only_doc(path).content == text


def test_utf16_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\xff\xfe" + jsonl(RECORDS).encode("utf-16-le"))
    items = read(path)
    assert [type(i) for i in items] == [Document, Document]


def test_json_lines_with_a_latin1_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    latin = json.dumps({"text": "Größe"}, ensure_ascii=False).encode("latin-1") + b"\n"
    path.write_bytes(jsonl(RECORDS[:1]).encode() + latin)
    last = read(path)[-1]
    assert isinstance(last, Document) and last.content == "Größe"


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n ")
    empty, blank = read(tmp_path / "empty.txt"), read(tmp_path / "blank.txt")
    assert empty == [Rejection(str(tmp_path / "empty.txt"), "empty file: nothing to read")]
    assert isinstance(blank[0], Rejection) and "whitespace" in blank[0].reason


def test_binary_files(tmp_path: Path) -> None:
    noise = random.Random(3).randbytes(5000)
    (tmp_path / "noise.txt").write_bytes(noise)
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise[:100])
    for item in read(tmp_path):
        assert isinstance(item, Rejection)
        assert "binary file" in item.reason and "convert it to text" in item.reason


def test_truncated_html_reads_as_html(tmp_path: Path) -> None:
    path = tmp_path / "cut.html"
    path.write_text(PAGE[: len(PAGE) // 2])
    item = only_doc(path)
    assert item.format == "html" and item.content == PAGE[: len(PAGE) // 2]


def test_malformed_json_line_in_the_middle(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(jsonl(RECORDS[:1]) + '{"text": "broken\n' + jsonl(RECORDS[1:]) + "[1, 2]\n")
    items = read(path)
    assert [type(i) for i in items] == [Document, Rejection, Document, Rejection]
    assert isinstance(items[1], Rejection) and isinstance(items[3], Rejection)
    assert items[1].origin == f"{path}:2" and "malformed JSON" in items[1].reason
    assert items[3].origin == f"{path}:4" and "not an object" in items[3].reason


def test_malformed_json_array_element(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('[{"text": "one"}, {"text": "two"}, {"text": ]')
    items = read(path)
    assert [type(i) for i in items] == [Document, Document, Rejection]
    assert items[2].origin == f"{path}:#2"


def test_missing_path_and_empty_glob(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    pattern = str(tmp_path / "*.jsonl")
    items = read(missing, pattern)
    assert [i.origin for i in items] == [missing, pattern]
    assert all(isinstance(i, Rejection) and "no such file or folder" in i.reason for i in items)


def test_glob_and_relative_origins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in").mkdir()
    for name in ("b.txt", "a.txt", "c.html"):
        (tmp_path / "in" / name).write_text(ARTICLE)
    monkeypatch.chdir(tmp_path)
    items = list(read_paths(["in/*.txt"]))
    assert [i.origin for i in items] == ["in/a.txt", "in/b.txt"]
    assert count_inputs(["in/*.txt", "in"]) == 5


def test_hidden_files_and_folders_are_skipped(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(ARTICLE)
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "seen.txt").write_text(ARTICLE)
    assert [i.origin for i in read(tmp_path)] == [str(tmp_path / "sub" / "seen.txt")]


def test_folder_of_3000_files_is_read_sorted(tmp_path: Path) -> None:
    rng = random.Random(11)
    names = [f"{n:05d}.txt" for n in range(3000)]
    for name in rng.sample(names, len(names)):
        (tmp_path / name).write_text(f"Article {name}. {ARTICLE}")
    assert count_inputs([str(tmp_path)]) == 3000
    items = read(tmp_path)
    assert [i.origin for i in items] == [str(tmp_path / n) for n in names]
    assert all(isinstance(i, Document) for i in items)


def test_text_file_over_the_limit_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = (ARTICLE + "\n").encode()
    with path.open("wb") as fh:
        for _ in range(MAX_DOCUMENT_BYTES // len(line) + 2):
            fh.write(line)
    items = read(path)
    assert len(items) == 1 and isinstance(items[0], Rejection)
    size = os.path.getsize(path)
    assert f"{size:,} bytes" in items[0].reason and f"{MAX_DOCUMENT_BYTES:,}" in items[0].reason


def test_50_mb_json_lines_stream_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    record = json.dumps({"title": "T", "text": ARTICLE * 60, "source": "S"}) + "\n"
    count = 50 * 1024 * 1024 // len(record) + 1
    with path.open("w") as fh:
        for _ in range(count):
            fh.write(record)
    assert path.stat().st_size > 50 * 1024 * 1024

    def consume(items: Iterator[Document | Rejection]) -> int:
        return sum(1 for item in items if isinstance(item, Document))

    tracemalloc.start()
    try:
        documents = consume(read_paths([str(path)]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert documents == count
    assert peak < 8 * 1024 * 1024  # the file is 50 MB: it was never held whole


def test_pipes_are_rejected_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "feed.txt"
    os.mkfifo(pipe)
    (item,) = read(tmp_path)
    assert isinstance(item, Rejection) and "not a regular file" in item.reason


def test_empty_json_array_is_a_rejection(tmp_path: Path) -> None:
    path = tmp_path / "none.json"
    path.write_text("[]")
    assert read(path) == [Rejection(str(path), "no records in the file: nothing to read")]
