"""``--source`` and ``--source-field`` on ingest and run, and the unsourced-dump warning."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.clikit import assert_one_line_error, invoke

from newsweave.store import Store

# Two short reports written for these tests, from two outlets that the dump only
# names inside a nested object of a field newsweave does not know ("provider").
RECORDS = (
    {"title": "Ferry service resumes", "provider": {"name": "Harbour Herald"},
     "text": "The Portmere ferry resumed crossings on Friday after a two-day strike by "
             "deck crews ended with a pay deal, the operator said."},
    {"title": "Crews back at work", "provider": {"name": "Coast Courier"},
     "text": "Deck crews at the Portmere ferry returned to work on Friday; the union said "
             "members had accepted a four percent raise over two years."},
)


def write_dump(folder: Path, with_urls: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    dump = folder / "dump.jsonl"
    lines = []
    for index, record in enumerate(RECORDS):
        row = dict(record)
        if with_urls:
            row["url"] = f"https://www.outlet{index}.example/ferry"
        lines.append(json.dumps(row))
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dump


def stored_sources(db: Path) -> list[str | None]:
    with Store(db, readonly=True) as store:
        return sorted((a.source for a in store.articles()), key=str)


def test_dump_without_sources_warns_once_and_is_ingested(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    result = invoke("ingest", str(write_dump(tmp_path / "in")), "--db", str(db))
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 1
    assert "dump.jsonl: no source field and no URL: all 2 records count as one source" \
        in warnings[0]
    assert "new 2" in result.stderr
    assert stored_sources(db) == [None, None]


def test_url_domains_name_the_sources_without_a_warning(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    result = invoke("ingest", str(write_dump(tmp_path / "in", with_urls=True)), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    assert stored_sources(db) == ["outlet0.example", "outlet1.example"]


def test_source_field_with_a_dotted_path(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    dump = write_dump(tmp_path / "in", with_urls=True)
    result = invoke("ingest", str(dump), "--source-field", "provider.name", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert stored_sources(db) == ["Coast Courier", "Harbour Herald"]


def test_source_names_every_document_on_run(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    dump = write_dump(tmp_path / "in", with_urls=True)
    out = tmp_path / "out"
    result = invoke("run", str(dump), "--out", str(out), "--source", "Wire Desk", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    assert stored_sources(db) == ["Wire Desk", "Wire Desk"]
    assert "Wire Desk" in (out / "report.json").read_text(encoding="utf-8")


def test_both_options_are_refused_before_anything_is_read(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    dump = write_dump(tmp_path / "in")
    result = invoke("ingest", str(dump), "--source", "A", "--source-field", "site",
                    "--db", str(db))
    assert_one_line_error(result, "--source or --source-field, not both")
    assert not db.exists()
