"""Markdown: a brief or a whole report, with every piece of article text escaped.

Article text is untrusted. Each character that CommonMark (or GitHub's tables and
strikethrough) could read as markup is backslash-escaped, so a quote holding
``<script>`` or ``](javascript:...)`` stays literal text when the file is rendered.
The only markup in the output is what this module writes itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsweave.render.plain import date_label, number_label, sources_tag, when_label
from newsweave.render.view import (
    AGREED,
    CONFLICTS,
    DATES,
    ENTITIES,
    NUMBERS,
    PROVENANCE_TITLE,
    SINGLE,
    SUMMARY,
    TIMELINE,
    BriefView,
    ConflictView,
    EntityView,
    Quote,
    Section,
    StatementView,
    count_label,
)

# Characters that open or close inline markup anywhere in CommonMark/GFM: escapes,
# code, emphasis, links and images, raw HTML and autolinks, entities, tables,
# strikethrough and GitHub's ``$`` math. Prose punctuation (. , : - ! parentheses)
# stays unescaped so the raw file reads well; it is markup only at a block start.
_INLINE = re.compile(r"([\\`*_\[\]<>&|~$])")
# At the start of a string (which may begin a block, e.g. right after "- "): heading,
# list and setext markers, and "1." / "1)" ordered-list markers.
_BLOCK_START = re.compile(r"^([#+=-]|\d+(?=[.)]))")

REPORT_TITLE = "News briefs"


def esc(text: str) -> str:
    """``text`` as literal Markdown: every markup character backslash-escaped."""
    text = _INLINE.sub(r"\\\1", text)
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    if match.group(1).isdigit():  # "12." -> "12\." keeps the number readable
        end = match.end()
        return f"{text[:end]}\\{text[end:]}"
    return "\\" + text


def _sources(sources: Sequence[str]) -> str:
    return esc(sources_tag(sources))


def _highlight(quote: Quote) -> str:
    """The quote with the value in bold, each part escaped on its own."""
    if not quote.value:
        return esc(quote.text)
    return f"{esc(quote.before)}**{esc(quote.value)}**{esc(quote.after)}"


def _statement(s: StatementView) -> list[str]:
    return [f"- {esc(s.text)}{esc(s.attribution)} {_sources(s.sources)}"]


def _conflict(c: ConflictView) -> list[str]:
    lines = [f"- **{esc(c.subject or '(unnamed fact)')}** ({esc(c.kind)}, {esc(c.severity)})",
             "", f"  Why: {esc(c.reason)}", ""]
    for side in c.sides:
        hedge = f" (hedged: \u201c{esc(side.hedge)}\u201d)" if side.hedge else ""
        lines += [f"  > \u201c{_highlight(side.quote)}\u201d", "  >",
                  f"  > \u2014 {esc(side.source)}: {esc(side.value)}{hedge}", ""]
    return lines


def _entity(e: EntityView) -> list[str]:
    also = f"; also written {esc(', '.join(e.variants))}" if e.variants else ""
    return [f"- **{esc(e.name)}** ({esc(e.label)}{also}) {_sources(e.sources)}"]


def _section(section: Section, level: int, body: list[str]) -> list[str]:
    return ["", f"{'#' * level} {section.title}", "", *(body or [section.empty])]


def _flat(groups: Sequence[list[str]]) -> list[str]:
    return [line for group in groups for line in group]


def _provenance(v: BriefView) -> list[str]:
    if not v.provenance:
        return []
    return ["", f"*{esc(PROVENANCE_TITLE)}:*", "", *(f"- {esc(p)}" for p in v.provenance)]


def brief_lines(v: BriefView, level: int = 1) -> list[str]:
    """Markdown lines of one brief; ``level`` is the heading level of its headline."""
    sub = level + 1
    sources = esc(", ".join(v.sources) or "none")
    return [
        f"{'#' * level} {esc(v.headline)}",
        "",
        f"**Sources:** {sources} ({count_label(v.article_count, 'article')})",
        *_provenance(v),
        *_section(SUMMARY, sub, _flat([_statement(s) for s in v.summary])),
        *_section(CONFLICTS, sub, _flat([_conflict(c) for c in v.conflicts])),
        *_section(AGREED, sub, _flat([_statement(s) for s in v.agreed])),
        *_section(SINGLE, sub, _flat([_statement(s) for s in v.single])),
        *_section(ENTITIES, sub, _flat([_entity(e) for e in v.entities])),
        *_section(NUMBERS, sub, [f"- {esc(number_label(n))} {_sources([n.source])}"
                                 for n in v.numbers]),
        *_section(DATES, sub, [f"- {esc(date_label(d))} {_sources([d.source])}"
                               for d in v.dates]),
        *_section(TIMELINE, sub, [f"- **{esc(when_label(t))}**: {esc(t.text)} "
                                  f"{_sources(t.sources)}" for t in v.timeline]),
    ]


def _join(lines: list[str]) -> str:
    """Lines joined, blank runs folded and trailing spaces dropped."""
    out: list[str] = []
    for line in lines:
        line = line.rstrip()
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n") + "\n"


def render_brief_md(v: BriefView) -> str:
    return _join(brief_lines(v))


def render_report_md(views: Sequence[BriefView]) -> str:
    """A title, a table of contents linking each story, then every brief."""
    lines = [f"# {REPORT_TITLE}", "", f"{count_label(len(views), 'story', 'stories')}.", ""]
    if not views:
        lines.append("No stories.")
    for v in views:
        lines.append(f"- [{esc(v.headline)}](#{v.anchor}) "
                     f"({count_label(len(v.sources), 'source')}, "
                     f"{count_label(len(v.conflicts), 'conflict')})")
    for v in views:
        lines += ["", "---", "", f'<a id="{v.anchor}"></a>', "", *brief_lines(v, level=2)]
    return _join(lines)
