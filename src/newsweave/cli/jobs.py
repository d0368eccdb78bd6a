"""What the commands do, with terminal niceties kept out of the library."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsweave.cli.text import printable
from newsweave.errors import NewsweaveError
from newsweave.ingest import count_inputs
from newsweave.ingest.records import DEFAULT_SOURCES, SourceRule
from newsweave.model import Brief
from newsweave.store import Store

if TYPE_CHECKING:  # the ingest job imports the models: only `ingest` and `run` pay for it
    from newsweave.execution.executor import ExecutorSpec
    from newsweave.execution.ingest import IngestSummary

REASONS_SHOWN = 5  # distinct rejection reasons listed in the summary; the rest counted


def open_store(db: Path) -> Store:
    """An existing store, read-only: never creates or changes a file."""
    return Store(db, readonly=True)


def run_ingest(
    paths: Sequence[str], db: Path, sources: SourceRule = DEFAULT_SOURCES,
    executor: ExecutorSpec | None = None,
) -> IngestSummary:
    """Ingest with a progress bar on stderr, then warnings, rejections and a summary.

    ``executor`` says where articles are prepared (default: in this process).
    """
    from newsweave.execution.executor import ExecutorSpec, open_executor
    from newsweave.execution.ingest import ingest_paths
    from newsweave.execution.workers import load_models

    console = Console(stderr=True)
    columns = (TextColumn("ingest: files"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    workers = open_executor(executor or ExecutorSpec(), load_models)
    with closing(workers), Store(db) as store, \
            Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("ingest", total=count_inputs(paths) or None)
        summary = ingest_paths(store, paths, progress=lambda n: bar.advance(task, n),
                               executor=workers, sources=sources)
    for warning in summary.warnings:
        click.echo(printable(f"warning: {warning}"), err=True)
    for origin, reason in summary.rejected:
        click.echo(printable(f"rejected {origin}: {reason}"), err=True)
    click.echo(format_summary(summary, db), err=True)
    return summary


def format_summary(summary: IngestSummary, db: Path) -> str:
    parts = [
        f"read {summary.read}", f"new {summary.new}", f"duplicates {summary.duplicates}",
        f"revised {summary.revised}",
        f"unchanged {summary.unchanged}", f"rejected {len(summary.rejected)}",
        f"stories touched {len(summary.stories_touched)}",
    ]
    lines = [", ".join(parts) + f" -> {printable(str(db))}"]
    reasons = summary.reasons().most_common()
    for reason, n in reasons[:REASONS_SHOWN]:
        lines.append(f"  {n} x {printable(reason)}")
    if len(reasons) > REASONS_SHOWN:
        lines.append(f"  ... and {len(reasons) - REASONS_SHOWN} other reasons")
    return "\n".join(lines)


def load_brief(store: Store, story: str, *, summary_sentences: int | None = None) -> Brief:
    """The brief of a story named by id, unique prefix, or 'latest'.

    With ``summary_sentences`` the brief is rebuilt from the stored articles (their
    sentence embeddings read from the store) with a summary of at most that many
    sentences; nothing is written.
    """
    if story == "latest":
        stories = store.stories()
        if not stories:
            raise NewsweaveError(f"{store.path}: no stories yet; ingest articles first")
        story_id: str | None = stories[0].id
    else:
        story_id = store.find_story(story)
    if story_id is None:
        raise NewsweaveError(
            f"no single story matches {story!r}; 'newsweave stories' lists the ids"
        )
    found = store.brief(story_id)
    if found is None:
        raise NewsweaveError(f"story {story_id} has no brief yet; rerun 'newsweave ingest'")
    if summary_sentences is None:
        return found
    from newsweave.brief.assemble import build_brief
    from newsweave.extract.embeddings import CachedEmbedder

    return build_brief(story_id, store.story_articles(story_id), CachedEmbedder(store),
                       summary_sentences=summary_sentences)


def show_brief(brief: Brief, fmt: str) -> None:
    """Print a brief: colour on a terminal, plain text in a pipe."""
    from newsweave.render import print_brief, render_brief

    if fmt == "text" and sys.stdout.isatty():
        print_brief(brief, Console())
    else:
        click.echo(render_brief(brief, fmt))  # type: ignore[arg-type]


def check_out_dir(out_dir: Path) -> None:
    """Fail before the long work when the reports could not be written to ``out_dir``."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for folder in (out_dir, out_dir / "stories"):
            if folder.is_dir():
                with tempfile.TemporaryFile(dir=folder):
                    pass  # a file can be created there
    except OSError as exc:
        raise NewsweaveError(
            f"--out {out_dir}: cannot write the reports there ({exc.strerror}); nothing "
            "was ingested: make it writable or pass another folder with --out"
        ) from exc


def write_reports(db: Path, out_dir: Path, *, show: bool) -> list[Path]:
    """Write report.md, report.html, one brief per story (md, json) and the pages of
    ``newsweave serve`` as files (index.html, stories/, articles/, static/)."""
    from newsweave.web.export import site_files

    try:
        with open_store(db) as store:
            briefs = [b for s in store.stories() if (b := store.brief(s.id)) is not None]
            written = _write_briefs(briefs, out_dir)
            written += [_write(out_dir / name, text) for name, text in site_files(store)]
    except OSError as exc:
        raise NewsweaveError(
            f"--out {out_dir}: cannot write {exc.filename or out_dir} ({exc.strerror}); the ingest "
            "is committed: free some space or pass another --out, then run again"
        ) from exc
    if show:
        for b in briefs:
            show_brief(b, "text")
    click.echo(printable(f"wrote {len(briefs)} briefs to {out_dir}/ (report.md, "
                         "report.html, report.json, stories/; index.html opens the "
                         "pages in a browser)"), err=True)
    return written


def _write_briefs(briefs: Sequence[Brief], out_dir: Path) -> list[Path]:
    from newsweave.render import render_brief, render_report

    out_dir.mkdir(parents=True, exist_ok=True)
    written = [_write(out_dir / "report.md", render_report(briefs, "md")),
               _write(out_dir / "report.html", render_report(briefs, "html")),
               _write(out_dir / "report.json", render_report(briefs, "json"))]
    # Each brief's html and json are written with the web pages (web.export).
    written += [_write(out_dir / "stories" / f"{b.story_id}.md", render_brief(b, "md"))
                for b in briefs]
    return written


def _write(path: Path, text: str) -> Path:
    """Write atomically: a killed run never leaves half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
