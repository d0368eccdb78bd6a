"""The colourful terminal view of a brief, built from rich ``Text`` objects.

Article text is appended as plain ``Text`` spans, never parsed as rich markup, so a
quote holding ``[bold red]`` prints literally.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from newsweave.render.plain import date_label, number_label, when_label
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
    Section,
    StatementView,
    count_label,
)

SOURCE_STYLE = "cyan"
VALUE_STYLE = "bold black on yellow"
CONFLICT_STYLE = "bold red"
EMPTY_STYLE = "italic dim"
LABEL_STYLE = "magenta"


def _sources(names: Sequence[str]) -> Text:
    return Text(" [" + ", ".join(names) + "]", style=SOURCE_STYLE)


def _bullet(*parts: Text | str) -> Text:
    line = Text("\u2022 ")
    for part in parts:
        line.append_text(part if isinstance(part, Text) else Text(part))
    return line


def _indent(text: Text, n: int) -> Padding:
    """``text`` indented by ``n`` columns, wrapped lines too, without trailing padding."""
    return Padding(text, (0, 0, 0, n), expand=False)


def _statement(s: StatementView) -> Text:
    return _bullet(s.text, Text(s.attribution, style="italic"), _sources(s.sources))


def _conflict(i: int, c: ConflictView) -> RenderableType:
    head = Text(f"{i}. ", style=CONFLICT_STYLE)
    head.append(c.subject or "(unnamed fact)", style=CONFLICT_STYLE)
    head.append(f" ({c.kind}, {c.severity})", style=LABEL_STYLE)
    parts: list[RenderableType] = [head, _indent(Text(c.reason, style="italic"), 3)]
    for side in c.sides:
        quote = Text("\u201c")
        quote.append(side.quote.before)
        quote.append(side.quote.value, style=VALUE_STYLE)
        quote.append(side.quote.after + "\u201d")
        caption = Text("\u2014 ")
        caption.append(side.source, style=SOURCE_STYLE)
        caption.append(": ")
        caption.append(side.value, style="bold")
        if side.hedge:
            caption.append(f' (hedged: "{side.hedge}")', style=EMPTY_STYLE)
        parts += [_indent(quote, 5), _indent(caption, 7)]
    return Group(*parts)


def _entity(e: EntityView) -> Text:
    also = Text(f"; also written {', '.join(e.variants)}" if e.variants else "")
    return _bullet(Text(e.name, style="bold"), Text(f" {e.label}", style=LABEL_STYLE), also,
                   _sources(e.sources))


def _section(section: Section, items: Sequence[RenderableType]) -> list[RenderableType]:
    style = CONFLICT_STYLE if section is CONFLICTS else "bold"
    body = list(items) or [Text(section.empty, style=EMPTY_STYLE)]
    return [Text(""), Text(section.title, style=f"{style} underline"), *body]


def _provenance(v: BriefView) -> list[Text]:
    if not v.provenance:
        return []
    return [Text(f"{PROVENANCE_TITLE}:", style="dim"),
            *(_bullet(Text(p, style="dim")) for p in v.provenance)]


def brief_renderables(v: BriefView) -> list[RenderableType]:
    """The rich renderables of one brief, sections in reading order."""
    meta = Text("Sources: ")
    meta.append(", ".join(v.sources) or "none", style=SOURCE_STYLE)
    meta.append(f" ({count_label(v.article_count, 'article')})")
    return [
        # A rule title would be cut at the terminal width; the headline wraps instead.
        Text(v.headline, style="bold"),
        Rule(style="dim"),
        meta,
        *_provenance(v),
        *_section(SUMMARY, [_statement(s) for s in v.summary]),
        *_section(CONFLICTS, [_conflict(i, c) for i, c in enumerate(v.conflicts, 1)]),
        *_section(AGREED, [_statement(s) for s in v.agreed]),
        *_section(SINGLE, [_statement(s) for s in v.single]),
        *_section(ENTITIES, [_entity(e) for e in v.entities]),
        *_section(NUMBERS, [_bullet(number_label(n), _sources([n.source])) for n in v.numbers]),
        *_section(DATES, [_bullet(date_label(d), _sources([d.source])) for d in v.dates]),
        *_section(TIMELINE, [_bullet(Text(when_label(t), style="bold"), ": ", t.text,
                                     _sources(t.sources)) for t in v.timeline]),
    ]


def print_view(v: BriefView, console: Console) -> None:
    for renderable in brief_renderables(v):
        console.print(renderable)
