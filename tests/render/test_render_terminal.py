"""The rich terminal view: same sections, colour, literal article text."""

from __future__ import annotations

import io
import re
from dataclasses import replace

from rich.console import Console

from newsweave.model import Brief
from newsweave.render import print_brief
from newsweave.render.view import SECTION_ORDER

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _print(brief: Brief, colour: bool = True) -> str:
    out = io.StringIO()
    console = Console(file=out, force_terminal=colour, color_system="standard" if colour else None,
                      width=100)
    print_brief(brief, console)
    return out.getvalue()


def test_sections_sources_and_sides(brief: Brief) -> None:
    plain = re.sub(r"\s+", " ", ANSI.sub("", _print(brief)))
    positions = [plain.index(s.title) for s in SECTION_ORDER]
    assert positions == sorted(positions)
    assert "Mayor Ana Ruiz said the river rose two metres overnight. [Reuters, AP, BBC]" in plain
    assert "forced about 5,200 people" in plain
    assert "\u2014 Reuters: 5,200" in plain and "\u2014 AP: 4,100" in plain


def test_long_headline_is_wrapped_not_cut(brief: Brief) -> None:
    headline = "Floods force thousands from homes in Valmora " * 5
    plain = re.sub(r"\s+", " ", ANSI.sub("", _print(replace(brief, headline=headline))))
    assert headline.strip() in plain


def test_disputed_values_are_styled(brief: Brief) -> None:
    raw = _print(brief)
    for value in ("5,200", "4,100"):
        assert re.search(r"\x1b\[[0-9;]*43m" + re.escape(value) + r"\x1b\[0m", raw), value


def test_without_a_terminal_there_are_no_codes(brief: Brief) -> None:
    assert not ANSI.search(_print(brief, colour=False))


def test_article_text_is_not_rich_markup(brief: Brief) -> None:
    hostile = replace(brief, headline="[bold red]Alarm[/bold red] \x1b[5m",
                      sources=("[link=https://x.y]AP[/link]",))
    plain = ANSI.sub("", _print(hostile))
    assert "[bold red]Alarm[/bold red]" in plain
    assert "[link=https://x.y]AP[/link]" in plain
    assert "\x1b[5m" not in _print(hostile)


def test_empty_sections_say_so(bare_brief: Brief) -> None:
    plain = ANSI.sub("", _print(bare_brief))
    for s in SECTION_ORDER:
        assert s.empty in plain
