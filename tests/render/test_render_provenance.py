"""Each article's outlet, title and date are shown with the layer each was read from."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest
from rich.console import Console

from newsweave.model import ArticleSource, Brief
from newsweave.render import print_brief, render_brief, render_report
from newsweave.render.view import build_view, provenance_line

FULL = ArticleSource("a-reuters", "Reuters", "og:site_name", "Floods force thousands out",
                     "json-ld", "2019-05-03", "json-ld")
BARE = ArticleSource("a-bbc", "bbc-page")  # named by its file: nothing else known
FLAGGED = ArticleSource("a-ap", "AP", "document", None, None, "1999-05-03", "text",
                        "7300 days from the batch median")


@pytest.fixture
def sourced(brief: Brief) -> Brief:
    return replace(brief, articles=(FULL, BARE, FLAGGED))


def test_line_names_each_layer_and_only_known_parts() -> None:
    assert provenance_line(FULL) == ("Reuters (og:site_name) \u00b7 \u201cFloods force thousands "
                                     "out\u201d (json-ld) \u00b7 2019-05-03 (json-ld)")
    assert provenance_line(BARE) == ""  # nothing known beyond its file name
    assert provenance_line(FLAGGED) == (
        "AP (document) \u00b7 1999-05-03 (text; implausible: 7300 days from the batch median)")


def test_control_characters_never_reach_the_line() -> None:
    line = provenance_line(replace(FULL, title="Bad\x1b[31m title\n"))
    assert "\x1b" not in line and "\n" not in line


def test_view_has_a_line_per_article_with_metadata(sourced: Brief, brief: Brief) -> None:
    assert len(build_view(sourced).provenance) == 2  # the bare one says nothing
    assert build_view(brief).provenance == ()


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_every_format_shows_the_layers(sourced: Brief, fmt: str) -> None:
    out = render_brief(sourced, fmt)  # type: ignore[arg-type]
    assert "Reuters (og:site" in out  # Markdown escapes the underscore
    assert "2019-05-03 (json-ld)" in out
    assert "implausible" in out


def test_markdown_escapes_and_lists_each_article(sourced: Brief) -> None:
    md = render_brief(replace(sourced, articles=(replace(FULL, source="A*B"),)), "md")
    assert "- A\\*B (og:site\\_name)" in md


def test_report_shows_them_too(sourced: Brief) -> None:
    assert "Reuters (og:site\\_name)" in render_report([sourced], "md")


def test_json_carries_each_field_and_its_layer(sourced: Brief) -> None:
    data = json.loads(render_brief(sourced, "json"))
    first = data["articles"][0]
    assert (first["source"], first["source_from"]) == ("Reuters", "og:site_name")
    assert (first["published"], first["published_from"]) == ("2019-05-03", "json-ld")
    assert data["articles"][2]["date_flag"].startswith("7300 days")


def test_terminal_shows_them(sourced: Brief) -> None:
    buffer = io.StringIO()
    print_brief(sourced, Console(file=buffer, width=200, color_system=None))
    assert "Reuters (og:site_name)" in buffer.getvalue()


def test_without_provenance_no_heading(brief: Brief) -> None:
    assert "metadata came from" not in render_brief(brief, "md")
