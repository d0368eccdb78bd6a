"""HTML pages: layout, highlights from offsets, self-containment and escaping."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from importlib.resources import files

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.model import (
    Brief,
    Citation,
    Conflict,
    ConflictSide,
    DateItem,
    EntityGroup,
    NumberItem,
    Statement,
    TimelineEntry,
)
from newsweave.render import render_brief, render_report
from newsweave.render.view import SECTION_ORDER, clean

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}
PAYLOADS = ('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "{{ 7*7 }}",
            "{% raw %}", "</blockquote><a href='javascript:alert(1)'>x</a>")


class Tags(HTMLParser):
    """Start tags with their attribute names, and a check that tags nest."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted(a for a, _ in attrs))))
        self.attrs += attrs
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def parse(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    parser.close()
    return parser


def test_page_is_self_contained_and_accessible(brief: Brief) -> None:
    page = render_brief(brief, "html")
    assert page.startswith("<!doctype html>\n<html lang=\"en\">")
    assert '<meta charset="utf-8">' in page
    tags = parse(page)
    assert tags.errors == [] and tags.stack == []
    names = {t for t, _ in tags.tags}
    assert names.isdisjoint({"script", "link", "img", "iframe", "object", "embed"})
    assert not re.search(r"https?:|url\(|@import|src=", page)
    assert {"main", "article", "section", "h1", "h2", "blockquote", "figure", "cite"} <= names


def test_templates_ship_inside_the_package() -> None:
    folder = files("newsweave.render") / "templates"
    names = {p.name for p in folder.iterdir()}
    assert {"base.html.j2", "_brief.html.j2", "brief.html.j2", "report.html.j2",
            "style.css"} <= names


def test_every_section_with_its_heading(brief: Brief) -> None:
    page = render_brief(brief, "html")
    positions = [page.index(f">{s.title}</h2>") for s in SECTION_ORDER]
    assert positions == sorted(positions)
    assert "<h1>Floods force thousands from homes in Valmora</h1>" in page


def test_summary_and_conflict_sides_carry_sources(brief: Brief) -> None:
    page = render_brief(brief, "html")
    assert ("Mayor Ana Ruiz said the river rose two metres overnight. "
            '<span class="src">[Reuters, AP, BBC]</span>') in page
    assert "forced about <mark>5,200</mark> people" in page
    assert "displaced <mark>4,100</mark> people" in page
    assert "<cite>Reuters</cite>: <strong>5,200</strong> (hedged: &ldquo;about&rdquo;)" in page
    assert "<cite>AP</cite>: <strong>4,100</strong>" in page
    assert "<h3>people displaced in Valmora</h3>" in page
    assert "also written Ruiz" in page
    assert '<time datetime="2026-03-03">2026-03-03</time>' in page


def test_empty_sections_say_so(bare_brief: Brief) -> None:
    page = render_brief(bare_brief, "html")
    for s in SECTION_ORDER:
        assert f'<p class="empty">{s.empty}</p>' in page


def _with_quote(brief: Brief, sentence: str, start: int, value: str) -> Brief:
    citation = Citation("a-x", "Daily <Post>", 40, 40 + len(sentence), sentence)
    side = ConflictSide(value, 40 + start, 40 + start + len(value), citation)
    conflict = replace(brief.conflicts[0], sides=(side, brief.conflicts[0].sides[1]))
    return replace(brief, conflicts=(conflict,))


def test_highlight_follows_offsets_and_escapes_each_part(brief: Brief) -> None:
    sentence = "Of 5,200 <b>homes</b>, 5,200 & more flooded."
    page = render_brief(_with_quote(brief, sentence, sentence.rindex("5,200"), "5,200"), "html")
    assert ("&ldquo;Of 5,200 &lt;b&gt;homes&lt;/b&gt;, <mark>5,200</mark> &amp; more flooded."
            "&rdquo;") in page
    assert "<cite>Daily &lt;Post&gt;</cite>" in page


def test_value_that_is_markup_is_escaped_inside_the_mark(brief: Brief) -> None:
    sentence = 'The count was <img src=x onerror="alert(1)"> today.'
    value = '<img src=x onerror="alert(1)">'
    page = render_brief(_with_quote(brief, sentence, sentence.index(value), value), "html")
    assert "<mark>&lt;img src=x onerror=&#34;alert(1)&#34;&gt;</mark>" in page
    assert "<img" not in page


def test_hostile_payloads_stay_text(brief: Brief) -> None:
    for payload in PAYLOADS:
        hostile = replace(
            brief, headline=payload, sources=(payload,), story_id=payload,
            summary=(Statement(payload, (Citation("a", payload, 0, 1, "x"),)),),
        )
        for page in (render_brief(hostile, "html"), render_report([hostile], "html")):
            tags = parse(page)
            assert {t for t, _ in tags.tags}.isdisjoint({"script", "img"}), payload
            assert all(v and v.startswith("#story-") for a, v in tags.attrs if a == "href")
            assert "<script" not in page and "<img" not in page
        assert "{{ 7*7 }}" in render_brief(replace(brief, headline="{{ 7*7 }}"), "html")


def test_report_contents_link_to_each_brief(brief: Brief, bare_brief: Brief) -> None:
    page = render_report([brief, bare_brief, brief], "html")
    hrefs = re.findall(r'<a href="#([^"]+)">', page)
    ids = re.findall(r'<article class="brief" id="([^"]+)">', page)
    assert hrefs == ids == ["story-s-valmora-floods", "story-s-empty", "story-s-valmora-floods-2"]
    assert "<h1>News briefs</h1>" in page and "3 stories" in page
    assert parse(page).errors == []
    assert "No stories." in render_report([], "html")


# -- property: whatever the article text, the page has exactly the template's tags --

# Plain random text seldom spells a tag, so half the draws join markup fragments.
FRAGMENTS = ["<", ">", "</", "/>", "b", "script", "img", "mark", " ", "src=x", "onerror=",
             '"', "'", "=", "&", "amp;", "#34;", "{{", "}}", "{%", "%}", "\x00", "\x1b[1m",
             "javascript:", "](", ")", "*", "\n"]
TEXT = st.one_of(st.text(max_size=40),
                 st.lists(st.sampled_from(FRAGMENTS), max_size=10).map("".join))
NONBLANK = TEXT.filter(lambda t: clean(t) != "")


@st.composite
def briefs(draw: st.DrawFn, text: st.SearchStrategy[str] = TEXT,
           nonblank: st.SearchStrategy[str] = NONBLANK) -> Brief:
    """A brief of fixed shape whose every string is drawn from ``text``."""
    def cite() -> Citation:
        return Citation(draw(text), draw(text), 0, 1, draw(text))

    def side() -> ConflictSide:
        before, value, after = draw(text), draw(nonblank), draw(text)
        quote = Citation(draw(text), draw(text), 7, 7 + len(before + value + after),
                         before + value + after)
        return ConflictSide(value, 7 + len(before), 7 + len(before + value), quote, draw(text))

    def statement() -> Statement:
        return Statement(draw(text), (cite(), cite()))

    variants = draw(st.lists(nonblank, min_size=2, max_size=2,
                             unique_by=clean).filter(lambda v: clean(v[0]) != clean(v[1])))
    return Brief(
        draw(text), draw(text), (draw(text), draw(text)), ("a",),
        (statement(),), (statement(),), (statement(),),
        (Conflict(draw(text), draw(text), draw(text), (side(), side()), draw(text)),),
        (EntityGroup(variants[0], "PERSON", tuple(variants), (), (draw(text),)),),
        (NumberItem(draw(text), 1.0, "count", draw(text), cite(), draw(text)),),
        (DateItem(draw(text), draw(nonblank), cite()),),
        (TimelineEntry(draw(text), True, statement()),),
    )


BENIGN = briefs(st.just("word"), st.sampled_from(["5", "6"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile=briefs(), benign=BENIGN)
def test_no_tag_but_the_templates_own(hostile: Brief, benign: Brief) -> None:
    expected = parse(render_report([benign], "html"))
    got = parse(render_report([hostile], "html"))
    assert got.tags == expected.tags
    assert got.errors == []
    # The only URL attribute the templates write is a same-page contents link.
    assert all(v and v.startswith("#story-") for a, v in got.attrs if a in ("href", "src"))
