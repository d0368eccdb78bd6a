"""The command line: a thin shell, one-line errors, data on stdout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsweave.cli.main import cli

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "n.db"
    result = CliRunner().invoke(cli, ["ingest", str(CORPUS), "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "new 5, duplicates 2" in result.stderr
    return path


def test_stories_json_lists_newest_first(db: Path) -> None:
    result = CliRunner().invoke(cli, ["stories", "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    stories = json.loads(result.stdout)
    assert len(stories) == 3
    lasts = [s.get("last_date") or "" for s in stories]
    assert lasts == sorted(lasts, reverse=True)


def test_brief_formats(db: Path) -> None:
    runner = CliRunner()
    sid = json.loads(runner.invoke(cli, ["stories", "--json", "--db", str(db)]).stdout)[0]["id"]
    for fmt in ("text", "md", "json", "html"):
        result = runner.invoke(cli, ["brief", sid[:8], "--format", fmt, "--db", str(db)])
        assert result.exit_code == 0, result.output
        assert result.stdout.strip()
    data = json.loads(runner.invoke(cli, ["brief", sid, "--format", "json",
                                          "--db", str(db)]).stdout)
    assert data["story_id"] == sid


def test_env_var_names_the_store(db: Path) -> None:
    result = CliRunner(env={"NEWSWEAVE_DB": str(db)}).invoke(cli, ["stories"])
    assert result.exit_code == 0
    assert "Norway" in result.stdout or "Norges" in result.stdout


def test_missing_store_is_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["stories", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no store here yet" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unknown_story_is_one_line_error(db: Path) -> None:
    result = CliRunner().invoke(cli, ["brief", "nosuchstory", "--db", str(db)])
    assert result.exit_code == 1
    assert "no single story matches" in result.stderr


def test_run_on_examples_writes_reports(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["run", str(EXAMPLES), "--out", str(out), "--db", str(tmp_path / "e.db")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    md = (out / "report.md").read_text()
    html = (out / "report.html").read_text()
    for text in (md, html):
        assert "5,200" in text and "6,000" in text
        assert "Sign In Now" not in text and "Recommended Comments" not in text
    again = CliRunner().invoke(cli, args)
    assert "new 0" in again.stderr and "unchanged 2" in again.stderr


def test_bad_inputs_are_reported_and_the_rest_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (folder / "bad.jsonl").write_text('{"title": "x", "text": "ok"\n')
    (folder / "good.txt").write_text((CORPUS / "japan-quake.md").read_text())
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "b.db")])
    assert result.exit_code == 0, result.output
    assert "new 1" in result.stderr
    assert result.stderr.count("rejected ") >= 3
    for name in ("empty.txt", "binary.txt", "bad.jsonl"):
        assert name in result.stderr


def test_brief_summary_length_option_rebuilds_a_shorter_summary(db: Path) -> None:
    runner = CliRunner()
    stories = json.loads(runner.invoke(cli, ["stories", "--json", "--db", str(db)]).stdout)
    sid = max(stories, key=lambda s: len(s["article_ids"]))["id"]
    args = ["brief", sid, "--format", "json", "--db", str(db)]
    stored = json.loads(runner.invoke(cli, args).stdout)
    short = runner.invoke(cli, [*args, "--summary-sentences", "1"])
    assert short.exit_code == 0, short.output
    shorter = json.loads(short.stdout)
    assert len(stored["summary"]) > 1
    assert len(shorter["summary"]) == 1
    assert shorter["summary"][0]["text"] in {s["text"] for s in stored["summary"]}
    assert shorter["conflicts"] == stored["conflicts"]
    bad = runner.invoke(cli, [*args, "--summary-sentences", "0"])
    assert bad.exit_code != 0
