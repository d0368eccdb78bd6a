"""Inputs written for the CLI tests and helpers to run the command on them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsweave.cli.main import cli
from newsweave.execution import ingest as ingest_job
from newsweave.model import Article
from newsweave.store import Store

# Two short articles on two unrelated stories, written for these tests.
ARTICLES = {
    "bridge.txt": (
        "Harbour bridge reopens after repairs\n\n"
        "The harbour bridge in Portmere reopened on Monday after six weeks of repairs, "
        "the city council said. Engineers replaced 40 steel cables and repainted the "
        "deck. Traffic had been sent through the old tunnel since early March.\n"
    ),
    "library.txt": (
        "New library opens in Eastfield\n\n"
        "A public library opened in Eastfield on Saturday with 12,000 books and a "
        "reading garden. The mayor said the building cost 3 million euros and took two "
        "years to build. Volunteers will run a weekly story hour for children.\n"
    ),
}


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def error_lines(result: Result) -> list[str]:
    """The non-blank lines of stderr."""
    return [line for line in result.stderr.splitlines() if line.strip()]


def assert_one_line_error(result: Result, *phrases: str) -> None:
    """Exit code 1, no traceback, one error line holding every phrase."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    lines = error_lines(result)
    assert lines and lines[-1].startswith("Error: ")
    assert sum(line.startswith("Error") for line in lines) == 1
    for phrase in phrases:
        assert phrase in lines[-1], lines[-1]


def fail_on_second_article(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """Commit one article per batch and let the second batch fail inside its write."""
    monkeypatch.setattr(ingest_job, "INGEST_CHUNK", 1)
    real = Store.put_article
    calls: list[str] = []

    def put_article(self: Store, article: Article) -> None:
        calls.append(article.id)
        if len(calls) > 1:
            raise error
        real(self, article)

    monkeypatch.setattr(Store, "put_article", put_article)
