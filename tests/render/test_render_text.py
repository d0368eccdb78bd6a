"""Plain text briefs and story tables: every section, sources, highlights, no ANSI."""

from __future__ import annotations

import re
from dataclasses import replace

from newsweave.model import Brief, Story
from newsweave.render import render_brief, render_stories
from newsweave.render.plain import STORY_HEADLINE_WIDTH, TEXT_WIDTH
from newsweave.render.view import SECTION_ORDER

ANSI = re.compile(r"\x1b|\x9b")


def _unwrapped(text: str) -> str:
    """The text with wrapped lines joined, so sentences can be searched whole."""
    return re.sub(r"\s+", " ", text)


def test_every_section_in_reading_order(brief: Brief) -> None:
    out = render_brief(brief, "text")
    positions = [out.index(f"\n{s.title}\n") for s in SECTION_ORDER]
    assert positions == sorted(positions)
    assert out.startswith("Floods force thousands from homes in Valmora\n")
    assert "Sources: Reuters, AP, BBC (3 articles)" in out


def test_summary_sentences_name_their_sources(brief: Brief) -> None:
    flat = _unwrapped(render_brief(brief, "text"))
    assert "Mayor Ana Ruiz said the river rose two metres overnight. [Reuters, AP, BBC]" in flat
    assert "released $12 million in emergency aid. [Reuters]" in flat
    assert "Schools will stay closed until March 14. [AP]" in flat


def test_conflict_shows_both_sides_with_sources_and_marked_values(brief: Brief) -> None:
    flat = _unwrapped(render_brief(brief, "text"))
    assert "people displaced in Valmora (count, soft)" in flat
    assert "Why: 5,200 vs 4,100 people displaced by the same flood" in flat
    assert 'Reuters: 5,200 (hedged: "about")' in flat
    assert "forced about *5,200* people from their homes" in flat
    assert "AP: 4,100" in flat
    assert "\u201cFlooding in Valmora displaced *4,100* people, according to the Red Cross.\u201d" \
        in flat


def test_entities_numbers_dates_timeline(brief: Brief) -> None:
    flat = _unwrapped(render_brief(brief, "text"))
    assert "Ana Ruiz (PERSON; also written Ruiz) [Reuters, AP, BBC]" in flat
    assert "Valmora (PLACE) [Reuters, AP, BBC]" in flat
    assert "$12 million (money, USD) [Reuters]" in flat
    assert "4,100 people (count) [AP]" in flat
    assert "March 3 = 2026-03-03 [BBC]" in flat
    assert "Tuesday (not resolved) [Reuters]" in flat
    assert flat.index("2026-03-03: Residents") < flat.index("2026-03-14: Schools")
    assert "Tuesday (approx.): Floods" in flat


def test_empty_sections_say_so(bare_brief: Brief) -> None:
    out = render_brief(bare_brief, "text")
    for section in SECTION_ORDER:
        assert f"{section.title}\n{'-' * len(section.title)}\n{section.empty}" in out
    assert "No conflicts found between sources." in out


def test_text_has_no_ansi_even_from_hostile_articles(brief: Brief) -> None:
    hostile = replace(brief, headline="\x1b[2J\x1b[31mRed alert\x1b[0m",
                      sources=("Reuters\x9b31m",))
    for b in (brief, hostile):
        assert not ANSI.search(render_brief(b, "text"))
    assert "Red alert" in render_brief(hostile, "text")


def test_lines_fit_the_width(brief: Brief) -> None:
    long = replace(brief, headline="Floods force thousands from homes in Valmora " * 4)
    for b in (brief, long):
        assert max(len(line) for line in render_brief(b, "text").splitlines()) <= TEXT_WIDTH
    assert "Floods force thousands" in render_brief(long, "text").splitlines()[1]


def test_story_table(stories: list[Story]) -> None:
    out = render_stories(stories, "text")
    header, first, second = out.splitlines()
    assert header.split() == ["id", "headline", "articles", "sources", "first", "last"]
    assert first.split()[0] == "s-valmora-floods"
    assert re.search(r"Valmora\s+3\s+3\s+2026-03-03\s+2026-03-05$", first)
    assert re.search(r"\u2026\s+1\s+1\s+-\s+-$", second)
    cut = re.search(r"Central bank[^\u2026]*\u2026", second)
    assert cut is not None
    assert STORY_HEADLINE_WIDTH - 10 < len(cut.group(0)) <= STORY_HEADLINE_WIDTH
    assert not ANSI.search(out)


def test_story_table_without_stories() -> None:
    assert render_stories([], "text").splitlines()[-1] == "No stories."
