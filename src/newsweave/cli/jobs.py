"""What the commands do, with terminal niceties kept out of the library."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsweave.errors import NewsweaveError, StoreError
from newsweave.execution.ingest import IngestSummary, ingest_paths
from newsweave.ingest import count_inputs
from newsweave.model import Brief
from newsweave.store import Store

REASONS_SHOWN = 5  # distinct rejection reasons listed in the summary; the rest counted


def open_store(db: Path) -> Store:
    """An existing store, read-only; a clear error when there is none yet."""
    if not db.exists():
        raise StoreError(f"{db}: no store here yet; run 'newsweave ingest PATH --db {db}' first")
    return Store(db, readonly=True)


def run_ingest(paths: Sequence[str], db: Path) -> IngestSummary:
    """Ingest with a progress bar on stderr and a summary at the end."""
    console = Console(stderr=True)
    columns = (TextColumn("ingest: files"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Store(db) as store, Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("ingest", total=count_inputs(paths) or None)
        summary = ingest_paths(store, paths, progress=lambda n: bar.advance(task, n))
    for origin, reason in summary.rejected:
        click.echo(f"rejected {origin}: {reason}", err=True)
    click.echo(format_summary(summary, db), err=True)
    return summary


def format_summary(summary: IngestSummary, db: Path) -> str:
    parts = [
        f"read {summary.read}", f"new {summary.new}", f"duplicates {summary.duplicates}",
        f"unchanged {summary.unchanged}", f"rejected {len(summary.rejected)}",
        f"stories touched {len(summary.stories_touched)}",
    ]
    lines = [", ".join(parts) + f" -> {db}"]
    reasons = summary.reasons().most_common()
    for reason, n in reasons[:REASONS_SHOWN]:
        lines.append(f"  {n} x {reason}")
    if len(reasons) > REASONS_SHOWN:
        lines.append(f"  ... and {len(reasons) - REASONS_SHOWN} other reasons")
    return "\n".join(lines)


def load_brief(store: Store, story: str) -> Brief:
    """The brief of a story named by id, unique prefix, or 'latest'."""
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
    return found


def show_brief(brief: Brief, fmt: str) -> None:
    """Print a brief: colour on a terminal, plain text in a pipe."""
    from newsweave.render import print_brief, render_brief

    if fmt == "text" and sys.stdout.isatty():
        print_brief(brief, Console())
    else:
        click.echo(render_brief(brief, fmt))  # type: ignore[arg-type]


def write_reports(db: Path, out_dir: Path, *, show: bool) -> list[Path]:
    """Write report.md, report.html and one brief per story (md, html, json)."""
    from newsweave.render import render_brief, render_report

    with open_store(db) as store:
        briefs = [b for s in store.stories() if (b := store.brief(s.id)) is not None]
    out_dir.mkdir(parents=True, exist_ok=True)
    written = [_write(out_dir / "report.md", render_report(briefs, "md")),
               _write(out_dir / "report.html", render_report(briefs, "html")),
               _write(out_dir / "report.json", render_report(briefs, "json"))]
    for b in briefs:
        for fmt in ("md", "html", "json"):
            written.append(_write(out_dir / "stories" / f"{b.story_id}.{fmt}",
                                  render_brief(b, fmt)))  # type: ignore[arg-type]
    if show:
        for b in briefs:
            show_brief(b, "text")
    click.echo(f"wrote {len(briefs)} briefs to {out_dir}/ (report.md, report.html, "
               "report.json, stories/)", err=True)
    return written


def _write(path: Path, text: str) -> Path:
    """Write atomically: a killed run never leaves half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path
