"""Where a dump's documents get their source: a name, a field, the URL, else a warning."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsweave.errors import NewsweaveError
from newsweave.ingest import read_paths
from newsweave.ingest.records import DEFAULT_SOURCES, SourceRule, record_to_document
from newsweave.model import Document

# Short texts written for these tests; their wording does not matter here.
TEXTS = (
    "The river Alder burst its banks on Tuesday and flooded forty homes in Marlow Fen.",
    "Rescue crews in Marlow Fen moved sixty residents to the school hall overnight.",
    "The county council said the flood barrier at Marlow Fen will be raised by a metre.",
)


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def read(
    paths: list[Path], sources: SourceRule = DEFAULT_SOURCES
) -> tuple[list[Document], list[str]]:
    warnings: list[str] = []
    items = list(read_paths([str(p) for p in paths], sources=sources, on_warning=warnings.append))
    docs = [item for item in items if isinstance(item, Document)]
    assert len(docs) == len(items), items
    return docs, warnings


def test_dump_without_source_gets_one_source_per_domain(tmp_path: Path) -> None:
    dump = write_jsonl(tmp_path / "dump.jsonl", [
        {"text": TEXTS[0], "url": "https://www.alder-gazette.example/flood"},
        {"text": TEXTS[1], "link": "https://fen-news.example/news/rescue"},
        {"text": TEXTS[2], "canonical_url": "https://alder-gazette.example/barrier"},
    ])
    docs, warnings = read([dump])
    assert [d.source for d in docs] == ["alder-gazette.example", "fen-news.example",
                                        "alder-gazette.example"]
    assert warnings == []


def test_dump_without_source_or_url_warns_once_per_file_and_goes_on(tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "first.jsonl", [{"text": t} for t in TEXTS])
    second = write_jsonl(tmp_path / "second.jsonl", [{"text": t} for t in TEXTS[:2]])
    docs, warnings = read([first, second])
    assert len(docs) == 5 and all(d.source is None for d in docs)
    assert len(warnings) == 2
    assert warnings[0].startswith(f"{first}: no source field and no URL: all 3 records")
    assert warnings[1].startswith(f"{second}: no source field and no URL: all 2 records")
    assert all("--source or --source-field" in w and "\n" not in w for w in warnings)


def test_partly_sourced_dump_counts_the_records_without(tmp_path: Path) -> None:
    dump = write_jsonl(tmp_path / "mixed.jsonl", [
        {"text": TEXTS[0]}, {"text": TEXTS[1], "source": "Fen Radio"}, {"text": TEXTS[2]},
    ])
    _, warnings = read([dump])
    assert len(warnings) == 1 and "2 of 3 records" in warnings[0]


def test_html_records_are_left_to_the_page_to_name_its_outlet(tmp_path: Path) -> None:
    pages = [{"html": f"<html><body><article><p>{t}</p></article></body></html>"}
             for t in TEXTS]
    docs, warnings = read([write_jsonl(tmp_path / "pages.jsonl", pages)])
    assert [d.format for d in docs] == ["html"] * 3
    assert warnings == []


def test_a_single_unsourced_record_is_no_warning(tmp_path: Path) -> None:
    _, warnings = read([write_jsonl(tmp_path / "one.jsonl", [{"text": TEXTS[0]}])])
    assert warnings == []


def test_source_name_applies_to_every_document_of_every_format(tmp_path: Path) -> None:
    dump = write_jsonl(tmp_path / "dump.jsonl", [
        {"text": TEXTS[0], "source": "Fen Radio"}, {"text": TEXTS[1], "url": "https://a.example/x"},
    ])
    (tmp_path / "note.txt").write_text(TEXTS[2], encoding="utf-8")
    docs, warnings = read([dump, tmp_path / "note.txt"], SourceRule(name="Alder Wire"))
    assert [d.source for d in docs] == ["Alder Wire"] * 3
    assert warnings == []


def test_source_field_follows_a_dotted_path(tmp_path: Path) -> None:
    dump = write_jsonl(tmp_path / "dump.jsonl", [
        {"text": TEXTS[0], "source": "feed-7", "publisher": {"name": "Alder Gazette"}},
        {"text": TEXTS[1], "publisher": {"id": 4}, "url": "https://fen-news.example/r"},
        {"text": TEXTS[2], "publisher": "not an object"},
    ])
    docs, warnings = read([dump], SourceRule(field="publisher.name"))
    # The field wins over "source"; without it, the URL's domain; without either, none.
    assert [d.source for d in docs] == ["Alder Gazette", "fen-news.example", None]
    assert warnings == []  # one record without a source is one source


def test_source_field_names_the_missing_field_in_the_warning(tmp_path: Path) -> None:
    dump = write_jsonl(tmp_path / "dump.jsonl", [{"text": t, "source": "x"} for t in TEXTS])
    _, warnings = read([dump], SourceRule(field="site"))
    assert len(warnings) == 1 and "no 'site' field and no URL: all 3 records" in warnings[0]


def test_plain_field_name_and_nested_record() -> None:
    record = {"text": TEXTS[0], "site": {"name": "Fen Radio"}, "source": "feed-7"}
    doc = record_to_document(record, "d.jsonl:1", SourceRule(field="site"))
    assert isinstance(doc, Document) and doc.source == "Fen Radio"


@pytest.mark.parametrize(("name", "field"), [("A", "b"), ("  ", None), (None, "a..b"),
                                             (None, ""), (None, ".name")])
def test_bad_rules_are_refused(name: str | None, field: str | None) -> None:
    with pytest.raises(NewsweaveError):
        SourceRule(name=name, field=field)
