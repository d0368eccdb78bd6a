"""The ``newsweave`` command: a thin shell over the library.

Data goes to stdout, progress and the summary to stderr; library errors become one
line and exit code 1; Ctrl-C becomes one line and exit code 130.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from newsweave import __version__
from newsweave.cli.text import printable
from newsweave.errors import NewsweaveError

if TYPE_CHECKING:
    from newsweave.execution.executor import ExecutorSpec
    from newsweave.ingest.records import SourceRule

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_DB = "newsweave.db"
FORMATS = ("text", "md", "json", "html")
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for a job stopped by Ctrl-C
INTERRUPTED = "interrupted: committed batches are kept; run the same command again to resume"


def db_option(fn: F) -> F:
    """The shared ``--db`` option (env NEWSWEAVE_DB, default ./newsweave.db)."""
    return click.option(
        "--db", envvar="NEWSWEAVE_DB", default=DEFAULT_DB, show_default=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help="SQLite store to use (env NEWSWEAVE_DB).",
    )(fn)


def source_options(fn: F) -> F:
    """The shared ``--source`` and ``--source-field`` options of ingest and run."""
    fn = click.option(
        "--source-field", metavar="FIELD", default=None,
        help="JSON field naming each record's outlet; a dotted path reaches inside "
             "objects (publisher.name).",
    )(fn)
    return click.option(
        "--source", metavar="NAME", default=None,
        help="Outlet of every document read in this run. Default: the record's source "
             "field, else the domain of its URL.",
    )(fn)


def executor_options(fn: F) -> F:
    """The shared ``--executor``, ``--workers`` and ``--ray-address`` options."""
    fn = click.option(
        "--ray-address", envvar="RAY_ADDRESS", default=None, metavar="ADDRESS",
        help="Ray cluster for --executor ray (env RAY_ADDRESS). Default: a local "
             "instance with --workers CPUs, shut down at the end.",
    )(fn)
    fn = click.option(
        "--workers", type=click.IntRange(1, None), default=None, metavar="N",
        help="Worker processes (or Ray CPUs) for --executor processes or ray. "
             "Default: the CPUs available.",
    )(fn)
    return click.option(
        "--executor", type=click.Choice(["local", "processes", "ray"]), default="local",
        show_default=True,
        help="Where articles are cleaned and annotated and briefs built: this "
             "process, worker processes, or Ray (pip install 'newsweave[ray]').",
    )(fn)


def _executor_spec(executor: str, workers: int | None, ray_address: str | None) -> ExecutorSpec:
    from newsweave.execution.executor import ExecutorSpec, default_workers

    return ExecutorSpec(executor, workers or default_workers(), ray_address)


def _source_rule(source: str | None, source_field: str | None) -> SourceRule:
    from newsweave.ingest.records import SourceRule

    return SourceRule(name=source, field=source_field)


def one_line_errors(fn: F) -> F:
    """Library and file-system errors become one line and exit code 1; Ctrl-C 130.

    Interrupts are caught here, inside the command, because click would otherwise
    turn them into "Aborted!" and exit code 1.
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except NewsweaveError as exc:
            raise click.ClickException(printable(str(exc))) from exc
        except KeyboardInterrupt:
            click.echo(INTERRUPTED, err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None
        except OSError as exc:
            raise click.ClickException(printable(_os_error_line(exc))) from exc

    return cast(F, wrapper)


def _os_error_line(exc: OSError) -> str:
    where = f"{exc.filename}: " if exc.filename is not None else ""
    return (f"{where}{exc.strerror or exc}; check the path, its permissions and the "
            "free space, then run the same command again")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsweave")
def cli() -> None:
    """Read one news story across many outlets: cross-source briefs with citations,
    agreement and conflicts."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@source_options
@executor_options
@db_option
@one_line_errors
def ingest(paths: tuple[str, ...], source: str | None, source_field: str | None,
           executor: str, workers: int | None, ray_address: str | None, db: Path) -> None:
    """Read articles from files, folders or globs into the store.

    Formats: .txt/.md, .html/.htm, .jsonl/.json (and .gz of each); sniffed from content
    when the extension lies. Re-ingesting the same content changes nothing.

    Example: newsweave ingest articles/ dumps/*.jsonl.gz --source-field site
    --executor processes --workers 4
    """
    from newsweave.cli.jobs import run_ingest

    run_ingest(paths, db, _source_rule(source, source_field),
               _executor_spec(executor, workers, ray_address))


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
@click.option("--summary-sentences", type=click.IntRange(1, 50), default=None,
              help="Rebuild the brief with a summary of at most N sentences "
                   "(default: the stored brief).")
@db_option
@one_line_errors
def brief(story: str, fmt: str, summary_sentences: int | None, db: Path) -> None:
    """Show one story's brief (STORY: an id, a unique id prefix, or 'latest').

    Example: newsweave brief s3f9a --format md --summary-sentences 3
    """
    from newsweave.cli.jobs import load_brief, open_store, show_brief
    from newsweave.store.merges import survivor_of

    with open_store(db) as store:
        merged = None if story == "latest" or store.find_story(story) else survivor_of(
            store.conn, story)
        if merged is not None:  # a merged story's id still names it
            click.echo(f"story {story} was merged into {merged}", err=True)
        show_brief(load_brief(store, merged or story, summary_sentences=summary_sentences),
                   fmt)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", default="out", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder for report.md, report.html and one brief per story.")
@click.option("--show/--no-show", default=False,
              help="Also print every brief in the terminal.")
@source_options
@executor_options
@db_option
@one_line_errors
def run(paths: tuple[str, ...], out_dir: Path, show: bool, source: str | None,
        source_field: str | None, executor: str, workers: int | None,
        ray_address: str | None, db: Path) -> None:
    """Ingest PATHS, then write every story's brief to --out.

    Example: newsweave run examples/ --out out --show
    """
    from newsweave.cli.jobs import check_out_dir, run_ingest, write_reports

    sources = _source_rule(source, source_field)
    check_out_dir(out_dir)
    run_ingest(paths, db, sources, _executor_spec(executor, workers, ray_address))
    write_reports(db, out_dir, show=show)


@cli.command()
@click.argument("article")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@db_option
@one_line_errors
def revisions(article: str, as_json: bool, db: Path) -> None:
    """Show every revision of an article and the sentences changed between them.

    ARTICLE: the file path or URL it was read from, or an article id (or prefix).

    Example: newsweave revisions news/quake.txt
    """
    from newsweave.cli.revisions import show_revisions

    show_revisions(article, db, as_json=as_json)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 exposes the store to the network.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@db_option
@one_line_errors
def serve(host: str, port: int, db: Path) -> None:
    """Browse the store in a web browser: stories, briefs, articles and a JSON API.

    Read-only: nothing is written to the store.

    Example: newsweave serve --db newsweave.db --port 8000
    """
    from newsweave.cli.serve import serve as run_server

    run_server(db, host, port)


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
@executor_options
@one_line_errors
def eval_cmd(kind: str, file: Path, predictions: Path, stream: bool,
             limit: int | None, judged: tuple[Path, ...], half: str | None,
             executor: str, workers: int | None, ray_address: str | None) -> None:
    """Measure a stage on a benchmark file and print its metric.

    KIND is pages, plaintext, stories, roundups, conflicts or facts; FILE uses the
    formats of the evaluation data README.

    Example: newsweave eval stories ../shared/bench/stories/ecbplus-dev.jsonl
    --predictions out/stories.jsonl --executor processes --workers 4
    """
    from newsweave.cli.evaluation import run_eval

    run_eval(kind, file, predictions, stream=stream, limit=limit, judged=judged, half=half,
             executor=_executor_spec(executor, workers, ray_address))


def main() -> None:
    """Entry point of the ``newsweave`` console script."""
    cli()


from newsweave.cli import fetch as _fetch_commands  # noqa: E402, F401  (registers fetch, watch)
