"""A store that is full, read-only, damaged, foreign, empty or oddly named: one line,
exit code 1, and nothing stored is lost or changed."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from tests.cli.clikit import assert_one_line_error, fail_on_second_article, invoke, write_articles

from newsweave.store import Store

AS_ROOT = os.geteuid() == 0
ROOT_REASON = "running as root: file permissions do not block root"


def article_count(db: Path) -> int:
    with Store(db, readonly=True) as store:
        return store.count("articles")


@pytest.mark.parametrize(("message", "said"), [
    ("database or disk is full", "the disk is full"),
    ("attempt to write a readonly database", "the store is read-only"),
    ("disk I/O error", "the disk failed"),
])
def test_a_failing_write_stops_the_batch_and_keeps_committed_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message: str, said: str
) -> None:
    inputs, db = write_articles(tmp_path / "in"), tmp_path / "s.db"
    fail_on_second_article(monkeypatch, sqlite3.OperationalError(message))
    result = invoke("ingest", str(inputs), "--db", str(db))
    assert_one_line_error(result, str(db), said, message)
    monkeypatch.undo()
    assert article_count(db) == 1
    again = invoke("ingest", str(inputs), "--db", str(db))
    assert again.exit_code == 0, again.output
    assert "new 1" in again.stderr and "unchanged 1" in again.stderr


@pytest.mark.skipif(AS_ROOT, reason=ROOT_REASON)
def test_read_only_store_is_refused_for_writing_and_still_read(store_copy: Path) -> None:
    folder = store_copy.parent
    before = store_copy.read_bytes()
    store_copy.chmod(0o444)
    folder.chmod(0o555)
    try:
        result = invoke("ingest", str(folder), "--db", str(store_copy))
        listed = invoke("stories", "--db", str(store_copy))
    finally:
        folder.chmod(0o755)
        store_copy.chmod(0o644)
    assert_one_line_error(result, str(store_copy), "read-only", "writable")
    assert listed.exit_code == 0, listed.output
    assert "Harbour bridge" in listed.stdout
    assert store_copy.read_bytes() == before


def damage_table(db: Path, table: str) -> None:
    """Overwrite the root page of ``table``, a page in the middle of the file."""
    with closing(sqlite3.connect(db)) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                            (table,)).fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    assert 1 < root < pages
    with db.open("r+b") as f:
        f.seek((root - 1) * size)
        f.write(b"\xa5" * size)


@pytest.mark.parametrize("command", [["stories"], ["brief", "latest"], ["ingest", "in"]])
def test_damaged_store_says_so_and_how_to_recover(
    store_copy: Path, command: list[str]
) -> None:
    damage_table(store_copy, "stories")
    if command[0] == "ingest":
        command = ["ingest", str(write_articles(store_copy.parent / "in"))]
    result = invoke(*command, "--db", str(store_copy))
    assert_one_line_error(result, f"store {store_copy} is damaged", "restore it from a backup",
                          "new file")


def foreign_files(folder: Path) -> list[Path]:
    text = folder / "notes.txt"
    text.write_text("shopping: bread, milk, eggs\n" * 20, encoding="utf-8")
    other = folder / "other.sqlite"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('remember the milk')")
        conn.commit()
    laravel = folder / "app.sqlite"  # another application's table named "migrations"
    with closing(sqlite3.connect(laravel)) as conn:
        conn.execute("CREATE TABLE migrations (id INTEGER PRIMARY KEY, migration TEXT)")
        conn.execute("INSERT INTO migrations (migration) VALUES ('create_users')")
        conn.commit()
    return [text, other, laravel]


@pytest.mark.parametrize("command", [["ingest"], ["stories"], ["brief", "latest"]])
def test_a_file_of_another_kind_is_refused_and_never_modified(
    tmp_path: Path, command: list[str]
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    inputs = write_articles(tmp_path / "in")
    for path in foreign_files(folder):
        before, listing = path.read_bytes(), sorted(folder.iterdir())
        args = [*command, str(inputs)] if command == ["ingest"] else command
        result = invoke(*args, "--db", str(path))
        assert_one_line_error(result, str(path), "cannot open as a newsweave store",
                              "left untouched")
        assert path.read_bytes() == before
        assert sorted(folder.iterdir()) == listing  # no lock, journal or WAL left


@pytest.mark.parametrize("command", [["stories"], ["brief", "latest"]])
def test_read_commands_never_create_a_store(tmp_path: Path, command: list[str]) -> None:
    missing, empty = tmp_path / "missing.db", tmp_path / "empty.db"
    empty.write_bytes(b"")
    result = invoke(*command, "--db", str(missing))
    assert_one_line_error(result, str(missing), "no store here yet", "newsweave ingest")
    result = invoke(*command, "--db", str(empty))
    assert_one_line_error(result, str(empty), "empty file", "newsweave ingest")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]
    assert empty.read_bytes() == b""


@pytest.mark.parametrize("name", ["my#db.sqlite", "a?b.db", "50%#x?y=1&mode=rw.db"])
def test_store_names_with_uri_characters_open_that_very_file(
    tmp_path: Path, name: str
) -> None:
    folder = tmp_path / "stores"
    folder.mkdir()
    db = folder / name
    missing = invoke("stories", "--db", str(db))
    assert_one_line_error(missing, "no store here yet")
    assert list(folder.iterdir()) == []
    ingested = invoke("ingest", str(write_articles(tmp_path / "in")), "--db", str(db))
    assert ingested.exit_code == 0, ingested.output
    listed = invoke("stories", "--db", str(db))
    assert listed.exit_code == 0, listed.output
    assert "Harbour bridge" in listed.stdout and "Eastfield" in listed.stdout
    shown = invoke("brief", "latest", "--db", str(db))
    assert shown.exit_code == 0, shown.output
    assert all(p.name.startswith(name) for p in folder.iterdir())  # db, lock, -wal, -shm
