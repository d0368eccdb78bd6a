"""``newsweave revisions``: the corrected figure shown old -> new, in text and JSON."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.execution.revisionkit import CORRECTED, NEW_FIGURE, OLD_FIGURE, QUAKE

from newsweave.cli.main import cli
from newsweave.store.migrations import MIGRATIONS


@pytest.fixture(scope="module")
def corrected(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """A store where news/quake.txt was ingested, corrected and ingested again."""
    root = tmp_path_factory.mktemp("cli-revisions")
    path = root / "news" / "quake.txt"
    path.parent.mkdir()
    db = root / "n.db"
    runner = CliRunner()
    path.write_text(QUAKE, encoding="utf-8")
    assert runner.invoke(cli, ["ingest", str(path), "--db", str(db)]).exit_code == 0
    path.write_text(CORRECTED, encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return path, db, result.stderr


def test_ingest_summary_counts_the_revision(corrected: tuple[Path, Path, str]) -> None:
    assert "new 0, duplicates 0, revised 1, unchanged 0" in corrected[2]


def test_revisions_show_the_changed_sentence(corrected: tuple[Path, Path, str]) -> None:
    path, db, _ = corrected
    result = CliRunner().invoke(cli, ["revisions", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "2 revisions" in out
    assert "revision 1 -> 2: 1 changed, 0 added, 0 removed" in out
    old_line = next(line for line in out.splitlines() if OLD_FIGURE in line)
    new_line = next(line for line in out.splitlines() if NEW_FIGURE in line)
    assert old_line.lstrip().startswith("~") and new_line.lstrip().startswith("->")
    assert "(12 -> 15)" in out


def test_revisions_json(corrected: tuple[Path, Path, str]) -> None:
    _, db, _ = corrected
    by_name = CliRunner().invoke(cli, ["revisions", "quake.txt", "--json", "--db", str(db)])
    assert by_name.exit_code == 0, by_name.output
    data = json.loads(by_name.stdout)
    assert data["schema"] == "newsweave.revisions/1"
    assert [r["number"] for r in data["revisions"]] == [1, 2]
    (diff,) = data["diffs"]
    (change,) = diff["changes"]
    assert (diff["from"], diff["to"], change["kind"]) == (1, 2, "changed")
    assert OLD_FIGURE in change["old"]["text"] and NEW_FIGURE in change["new"]["text"]
    latest = data["revisions"][-1]["article_id"]
    by_id = CliRunner().invoke(cli, ["revisions", latest[:10], "--json", "--db", str(db)])
    assert json.loads(by_id.stdout) == data


def test_the_brief_quotes_the_correction(corrected: tuple[Path, Path, str]) -> None:
    _, db, _ = corrected
    result = CliRunner().invoke(cli, ["brief", "latest", "--format", "md", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert NEW_FIGURE in result.stdout and OLD_FIGURE not in result.stdout


def test_unknown_article_is_one_line_error(corrected: tuple[Path, Path, str]) -> None:
    _, db, _ = corrected
    result = CliRunner().invoke(cli, ["revisions", "nowhere.txt", "--db", str(db)])
    assert result.exit_code == 1
    assert "no article was read from 'nowhere.txt'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_store_from_before_revisions_asks_for_an_upgrade(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL)")
    for version, name, sql in MIGRATIONS[:2]:
        conn.executescript(sql)
        conn.execute("INSERT INTO migrations VALUES (?, ?, ?)", (version, name, "2026-01-01"))
    conn.close()
    result = CliRunner().invoke(cli, ["revisions", "a.txt", "--db", str(db)])
    assert result.exit_code == 1
    assert "run 'newsweave ingest' on it once" in result.stderr
