"""The ``newsweave`` command: a thin shell over the library.

Data goes to stdout, progress and the summary to stderr; library errors become one
line and exit code 1.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from newsweave import __version__
from newsweave.errors import NewsweaveError

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_DB = "newsweave.db"
FORMATS = ("text", "md", "json", "html")


def db_option(fn: F) -> F:
    """The shared ``--db`` option (env NEWSWEAVE_DB, default ./newsweave.db)."""
    return click.option(
        "--db", envvar="NEWSWEAVE_DB", default=DEFAULT_DB, show_default=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help="SQLite store to use (env NEWSWEAVE_DB).",
    )(fn)


def one_line_errors(fn: F) -> F:
    """Turn library errors into one-line messages and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except NewsweaveError as exc:
            raise click.ClickException(str(exc)) from exc

    return cast(F, wrapper)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsweave")
def cli() -> None:
    """Read one news story across many outlets: cross-source briefs with citations,
    agreement and conflicts."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@one_line_errors
def ingest(paths: tuple[str, ...], db: Path) -> None:
    """Read articles from files, folders or globs into the store.

    Formats: .txt/.md, .html/.htm, .jsonl/.json (and .gz of each); sniffed from content
    when the extension lies. Re-ingesting the same content changes nothing.

    Example: newsweave ingest articles/ dumps/*.jsonl.gz
    """
    from newsweave.cli.jobs import run_ingest

    run_ingest(paths, db)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@db_option
@one_line_errors
def stories(as_json: bool, db: Path) -> None:
    """List stories, newest first: id, headline, articles, sources, dates.

    Example: newsweave stories --json
    """
    from newsweave.cli.jobs import open_store
    from newsweave.render import render_stories

    with open_store(db) as store:
        click.echo(render_stories(store.stories(), "json" if as_json else "text"))


@cli.command()
@click.argument("story")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@db_option
@one_line_errors
def brief(story: str, fmt: str, db: Path) -> None:
    """Show one story's brief (STORY: an id, a unique id prefix, or 'latest').

    Example: newsweave brief s3f9a --format md
    """
    from newsweave.cli.jobs import load_brief, open_store, show_brief

    with open_store(db) as store:
        show_brief(load_brief(store, story), fmt)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", default="out", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder for report.md, report.html and one brief per story.")
@click.option("--show/--no-show", default=False,
              help="Also print every brief in the terminal.")
@db_option
@one_line_errors
def run(paths: tuple[str, ...], out_dir: Path, show: bool, db: Path) -> None:
    """Ingest PATHS, then write every story's brief to --out.

    Example: newsweave run examples/ --out out --show
    """
    from newsweave.cli.jobs import run_ingest, write_reports

    run_ingest(paths, db)
    write_reports(db, out_dir, show=show)


@cli.command(name="eval")
@click.argument("kind", type=click.Choice(["pages", "plaintext", "stories", "roundups",
                                           "conflicts", "facts", "alignment"]))
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--predictions", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write one prediction per record (JSON Lines).")
@click.option("--stream", is_flag=True,
              help="stories: feed articles one at a time in file order.")
@click.option("--limit", type=int, default=None, help="Score only the first N records.")
@click.option("--judged", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="conflicts, facts: another file of verdicts (repeatable).")
@click.option("--half", type=click.Choice(["a", "b"]), default=None,
              help="Score only one fixed half of the records (calibrate on a, report both).")
@one_line_errors
def eval_cmd(kind: str, file: Path, predictions: Path, stream: bool,
             limit: int | None, judged: tuple[Path, ...], half: str | None) -> None:
    """Measure a stage on a benchmark file and print its metric.

    KIND is pages, plaintext, stories, roundups, conflicts or facts; FILE uses the
    formats of the evaluation data README.

    Example: newsweave eval stories ../shared/bench/stories/ecbplus-dev.jsonl
    --predictions out/stories.jsonl
    """
    from newsweave.cli.evaluation import run_eval

    run_eval(kind, file, predictions, stream=stream, limit=limit, judged=judged, half=half)


def main() -> None:
    """Entry point of the ``newsweave`` console script."""
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover - interactive
        click.echo("interrupted: everything committed so far is kept; rerun to resume",
                   err=True)
        sys.exit(130)
