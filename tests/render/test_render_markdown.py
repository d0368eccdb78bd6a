"""Markdown briefs and reports: layout, bold values, and text that stays text."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from newsweave.model import Brief, Citation, Statement
from newsweave.render import render_brief, render_report
from newsweave.render.markdown import esc
from newsweave.render.view import SECTION_ORDER

# CommonMark with raw HTML on, plus GitHub's tables and strikethrough: the renderer
# that would turn any unescaped markup into live markup.
MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
ALLOWED = {"h1", "h2", "h3", "p", "ul", "li", "strong", "blockquote", "hr", "a"}


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs


def html_of(markdown: str) -> Tags:
    parser = Tags()
    parser.feed(MD.render(markdown))
    return parser


def assert_only_our_markup(markdown: str) -> None:
    tags = html_of(markdown)
    assert set(tags.tags) <= ALLOWED, set(tags.tags) - ALLOWED
    for name, value in tags.attrs:
        assert name in ("href", "id"), name
        assert value is not None and value.startswith(("#story-", "story-")), value


def test_every_section_in_reading_order(brief: Brief) -> None:
    out = render_brief(brief, "md")
    assert out.startswith("# Floods force thousands from homes in Valmora\n")
    positions = [out.index(f"\n## {s.title}\n") for s in SECTION_ORDER]
    assert positions == sorted(positions)
    assert "**Sources:** Reuters, AP, BBC (3 articles)" in out


def test_sources_and_highlighted_conflict_values(brief: Brief) -> None:
    out = render_brief(brief, "md")
    assert "- Mayor Ana Ruiz said the river rose two metres overnight. \\[Reuters, AP, BBC\\]" \
        in out
    assert "forced about **5,200** people from their homes" in out
    assert "displaced **4,100** people, according to the Red Cross." in out
    assert "\u2014 Reuters: 5,200 (hedged: \u201cabout\u201d)" in out
    assert "\u2014 AP: 4,100" in out
    rendered = MD.render(out)
    assert "<strong>5,200</strong>" in rendered and "<strong>4,100</strong>" in rendered
    assert "[Reuters, AP, BBC]" in rendered
    assert rendered.count("<blockquote>") == 2


def test_empty_sections_say_so(bare_brief: Brief) -> None:
    out = render_brief(bare_brief, "md")
    for s in SECTION_ORDER:
        assert f"## {s.title}\n\n{s.empty}\n" in out


def test_escape_makes_markup_literal() -> None:
    assert esc("a*b_c`d") == "a\\*b\\_c\\`d"
    assert esc("1. First") == "1\\. First"
    assert esc("# not a heading") == "\\# not a heading"
    assert esc("- not a list") == "\\- not a list"
    assert esc("well-known, 3.5%: fine!") == "well-known, 3.5%: fine!"
    for text in ("<script>alert(1)</script>", "[x](javascript:alert(1))", "&lt;b&gt;",
                 "| a | b |", "~~gone~~", "$x$", "![i](http://e/x.png)"):
        assert MD.render(esc(text)).strip() == f"<p>{_html_text(text)}</p>", text


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        '"', "&quot;")


def test_hostile_quote_is_not_live(brief: Brief) -> None:
    sentence = 'Police said <script>x()</script> and [click](javascript:alert(1)) 5,200 times.'
    side = brief.conflicts[0].sides[0]
    start = sentence.index("5,200")
    citation = Citation("a-x", "<b>Post</b>", 0, len(sentence), sentence)
    hostile = replace(side, citation=citation, value_start=start, value_end=start + 5)
    conflict = replace(brief.conflicts[0], sides=(hostile, brief.conflicts[0].sides[1]))
    b = replace(brief, conflicts=(conflict,), headline="<img src=x onerror=alert(1)>")
    out = render_brief(b, "md")
    assert_only_our_markup(out)
    assert "**5,200**" in out
    rendered = MD.render(out)
    assert "&lt;script&gt;x()&lt;/script&gt;" in rendered
    assert "[click](javascript:alert(1))" in rendered


def test_report_has_contents_linking_each_brief(brief: Brief, bare_brief: Brief) -> None:
    out = render_report([brief, bare_brief], "md")
    assert out.startswith("# News briefs\n\n2 stories.\n")
    assert re.findall(r"\]\(#(story-[^)]+)\)", out) == ["story-s-valmora-floods", "story-s-empty"]
    assert re.findall(r'<a id="(story-[^"]+)"></a>', out) == ["story-s-valmora-floods",
                                                              "story-s-empty"]
    assert "\n## Floods force thousands from homes in Valmora\n" in out
    assert "\n### Where sources conflict\n" in out
    assert_only_our_markup(out)


FRAGMENTS = ["<", ">", "</", "script", "img", " ", "\n", "*", "_", "`", "[", "]", "(", ")",
             "!", "#", "-", "+", "1.", "2)", "&", "amp;", "|", "~~", "$", "\\", "=", ">",
             "javascript:", "http://x.y", "<a href=x>", "    ", "\t"]
TEXT = st.one_of(st.text(max_size=30),
                 st.lists(st.sampled_from(FRAGMENTS), max_size=10).map("".join))


# The brief fixture is an immutable record, so sharing it across examples is safe.
@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXT, min_size=5, max_size=5))
def test_no_markup_but_ours(brief: Brief, texts: list[str]) -> None:
    headline, source, sentence, subject, name = texts
    statement = Statement(sentence, (Citation("a", source, 0, 1, "x"),))
    side = brief.conflicts[0].sides[0]
    quote = Citation("a", source, 0, len(sentence) + 5, sentence + "5,200")
    hostile_side = replace(side, citation=quote, value_start=len(sentence),
                           value_end=len(sentence) + 5)
    conflict = replace(brief.conflicts[0], subject=subject, reason=sentence,
                       sides=(hostile_side,))
    entity = replace(brief.entities[0], name=name, variants=(name, sentence), sources=(source,))
    hostile = replace(brief, headline=headline, sources=(source,), summary=(statement,),
                      conflicts=(conflict,), entities=(entity,), story_id=headline)
    assert_only_our_markup(render_brief(hostile, "md"))
    assert_only_our_markup(render_report([hostile, brief], "md"))
