"""A small store built once from the inputs written for the CLI tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.cli.clikit import invoke, write_articles


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding both test articles (copy it to change it)."""
    tmp = tmp_path_factory.mktemp("built")
    db = tmp / "built.db"
    result = invoke("ingest", str(write_articles(tmp / "in")), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "new 2" in result.stderr
    return db


@pytest.fixture
def store_copy(built_store: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.db"
    shutil.copyfile(built_store, copy)
    return copy
