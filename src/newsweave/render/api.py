"""The public rendering functions: one brief, a whole report, a table of stories."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from rich.console import Console

from newsweave.errors import NewsweaveError
from newsweave.model import Brief, Story
from newsweave.render.html import render_brief_html, render_report_html
from newsweave.render.jsonfmt import render_brief_json, render_many_json
from newsweave.render.markdown import render_brief_md, render_report_md
from newsweave.render.plain import render_brief_text, render_stories_text
from newsweave.render.terminal import print_view
from newsweave.render.view import build_view, unique_anchors

BriefFormat = Literal["text", "md", "json", "html"]
ReportFormat = Literal["md", "html", "json"]
StoriesFormat = Literal["text", "json"]


class UnknownFormatError(NewsweaveError, ValueError):
    """A format name the renderer does not offer; the message lists the ones it does."""

    def __init__(self, what: str, fmt: str, offered: Sequence[str]) -> None:
        super().__init__(
            f"cannot render {what} as {fmt!r}: choose one of {', '.join(offered)}"
        )


def render_brief(brief: Brief, fmt: BriefFormat) -> str:
    """Render one brief as plain text, Markdown, JSON or a standalone HTML page.

    Every format shows, in order: headline, sources (then, per article, its outlet,
    title and date with the layer each was read from, where known), Summary (each sentence followed
    by its sources), Where sources conflict (each side quoted with the disputed value
    highlighted, and its source), Agreed by several sources, Only in one source,
    Entities, Numbers, Dates and Timeline; an empty section says so in one line.
    ``"text"`` has no ANSI codes (see ``print_brief`` for colour); ``"json"`` is
    ``{"schema": "newsweave.brief/1", **to_dict(brief)}`` with sorted keys.
    Article text is escaped for Markdown and HTML and stripped of control characters
    in every format but JSON.

    Raises:
        UnknownFormatError: ``fmt`` is not one of the four formats.
    """
    if fmt == "json":
        return render_brief_json(brief)
    if fmt == "text":
        return render_brief_text(build_view(brief))
    if fmt == "md":
        return render_brief_md(build_view(brief))
    if fmt == "html":
        return render_brief_html(build_view(brief))
    raise UnknownFormatError("a brief", fmt, ("text", "md", "json", "html"))


def render_report(briefs: Sequence[Brief], fmt: ReportFormat) -> str:
    """Render several briefs as one report: a title, a table of contents, each brief.

    ``"md"`` and ``"html"`` link each contents entry to its brief (anchors derive
    from story ids and are made unique); ``"json"`` is a list of tagged briefs, as
    ``render_brief(..., "json")`` gives one.

    Raises:
        UnknownFormatError: ``fmt`` is not md, html or json.
    """
    if fmt == "json":
        return render_many_json(list(briefs))
    if fmt not in ("md", "html"):
        raise UnknownFormatError("a report", fmt, ("md", "html", "json"))
    views = unique_anchors([build_view(b) for b in briefs])
    return render_report_md(views) if fmt == "md" else render_report_html(views)


def render_stories(stories: Sequence[Story], fmt: StoriesFormat) -> str:
    """Render a table of stories: id, headline, articles, sources, first and last date.

    ``"text"`` is an aligned plain table with a header row (headlines cut to
    ``plain.STORY_HEADLINE_WIDTH``); ``"json"`` is a list of
    ``{"schema": "newsweave.story/1", **to_dict(story)}`` with sorted keys.

    Raises:
        UnknownFormatError: ``fmt`` is not text or json.
    """
    if fmt == "text":
        return render_stories_text(stories)
    if fmt == "json":
        return render_many_json(list(stories))
    raise UnknownFormatError("stories", fmt, ("text", "json"))


def print_brief(brief: Brief, console: Console) -> None:
    """Print one brief to a rich console: the layout of ``render_brief(..., "text")``
    with colour, bold headings and the disputed values highlighted.

    Article text is printed as plain text spans, never interpreted as rich markup.
    """
    print_view(build_view(brief), console)
