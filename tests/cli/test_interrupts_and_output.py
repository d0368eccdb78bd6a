"""Ctrl-C, an unwritable --out and hostile file names: one line each, nothing lost."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from tests.cli.clikit import (
    assert_one_line_error,
    error_lines,
    fail_on_second_article,
    invoke,
    write_articles,
)

from newsweave.cli import main as cli_main
from newsweave.store import Store

AS_ROOT = os.geteuid() == 0
ROOT_REASON = "running as root: file permissions do not block root"


def test_ctrl_c_during_ingest_exits_130_and_keeps_committed_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs, db = write_articles(tmp_path / "in"), tmp_path / "s.db"
    fail_on_second_article(monkeypatch, KeyboardInterrupt())
    result = invoke("ingest", str(inputs), "--db", str(db))
    assert result.exit_code == 130, result.output
    assert error_lines(result)[-1] == cli_main.INTERRUPTED
    assert "Aborted" not in result.output
    monkeypatch.undo()
    with Store(db, readonly=True) as store:
        assert store.count("articles") == 1
    again = invoke("ingest", str(inputs), "--db", str(db))
    assert again.exit_code == 0, again.output
    assert "new 1" in again.stderr and "unchanged 1" in again.stderr


def test_ctrl_c_through_the_console_entry_point(
    built_store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def stories(self: Store) -> list[object]:
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, "stories", stories)
    monkeypatch.setattr(sys, "argv", ["newsweave", "stories", "--db", str(built_store)])
    with pytest.raises(SystemExit) as stopped:
        cli_main.main()
    assert stopped.value.code == 130
    err = capsys.readouterr().err
    assert err.strip() == cli_main.INTERRUPTED


def test_out_under_a_file_is_refused_before_any_work(tmp_path: Path) -> None:
    inputs, db = write_articles(tmp_path / "in"), tmp_path / "s.db"
    (tmp_path / "blocker").write_text("a file, not a folder\n")
    out = tmp_path / "blocker" / "out"
    result = invoke("run", str(inputs), "--out", str(out), "--db", str(db))
    assert_one_line_error(result, f"--out {out}", "Not a directory", "nothing was ingested")
    assert not db.exists()


@pytest.mark.skipif(AS_ROOT, reason=ROOT_REASON)
def test_unwritable_out_is_refused_before_any_work(tmp_path: Path) -> None:
    inputs, db, out = write_articles(tmp_path / "in"), tmp_path / "s.db", tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = invoke("run", str(inputs), "--out", str(out), "--db", str(db))
    finally:
        out.chmod(0o755)
    assert_one_line_error(result, f"--out {out}", "Permission denied", "writable")
    assert not db.exists()
    assert list(out.iterdir()) == []


def test_report_write_failure_keeps_the_ingest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs, db, out = write_articles(tmp_path / "in"), tmp_path / "s.db", tmp_path / "out"
    real_write_text = Path.write_text

    def full_disk(self: Path, *args: object, **kwargs: object) -> int:
        if self.parent == out:
            raise OSError(28, "No space left on device", str(self))
        return real_write_text(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", full_disk)
    result = invoke("run", str(inputs), "--out", str(out), "--db", str(db))
    assert_one_line_error(result, "No space left on device", "the ingest is committed")
    assert list(out.iterdir()) == []  # no half-written report left
    with Store(db, readonly=True) as store:
        assert store.count("articles") == 2


def test_rejection_lines_escape_control_characters(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in")
    hostile = "title\x1b]0;owned\x07\x1b[2J\nrejected forged.txt: ok\u202e.txt"
    (folder / hostile).write_text("")  # empty: rejected, so its name is printed
    result = invoke("ingest", str(folder), "--db", str(tmp_path / "s.db"))
    assert result.exit_code == 0, result.output
    assert not any(ch in result.stderr for ch in "\x1b\x07\u202e")
    rejected = [line for line in error_lines(result) if line.startswith("rejected ")]
    assert len(rejected) == 1
    assert "title\\x1b]0;owned\\x07\\x1b[2J\\x0arejected forged.txt: ok\\u202e.txt" in (
        rejected[0])


def test_error_lines_escape_control_characters(tmp_path: Path) -> None:
    db = tmp_path / "new\nline\x1b[31m.db"
    result = invoke("stories", "--db", str(db))
    assert_one_line_error(result, "new\\x0aline\\x1b[31m.db", "no store here yet")
    assert "\x1b" not in result.stderr
