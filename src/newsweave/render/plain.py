"""Plain text: a brief and a story table for pipes and logs (no ANSI codes, ever)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from newsweave.model import Story
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
    DateView,
    EntityView,
    NumberView,
    Quote,
    Section,
    StatementView,
    TimelineView,
    clean,
    count_label,
)

# Wrap width of plain text: 88 columns reads well in an 80-100 column terminal and
# keeps diffs of saved briefs short (chosen by eye on hand-made briefs, not tuned).
TEXT_WIDTH = 88
# Plain text has no bold: the disputed value in a quote is wrapped in these marks.
HIGHLIGHT_OPEN = "*"
HIGHLIGHT_CLOSE = "*"
# Headlines longer than this are cut with an ellipsis in the story table so one
# row stays on one line of a 120-column terminal with the other columns.
STORY_HEADLINE_WIDTH = 60


def _wrap(text: str, first: str, rest: str) -> list[str]:
    """``text`` wrapped at TEXT_WIDTH, never breaking words or hyphenated numbers."""
    return textwrap.wrap(text, width=TEXT_WIDTH, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False) or [first.rstrip()]


def sources_tag(sources: Sequence[str]) -> str:
    """``[Reuters, AP]``."""
    return "[" + ", ".join(sources) + "]"


def marked(quote: Quote) -> str:
    """The quote with its disputed value between highlight marks."""
    if not quote.value:
        return quote.text
    return f"{quote.before}{HIGHLIGHT_OPEN}{quote.value}{HIGHLIGHT_CLOSE}{quote.after}"


def _statement(s: StatementView) -> list[str]:
    return _wrap(f"{s.text}{s.attribution} {sources_tag(s.sources)}", "- ", "  ")


def _conflict(i: int, c: ConflictView) -> list[str]:
    lines = _wrap(f"{c.subject or '(unnamed fact)'} ({c.kind}, {c.severity})", f"{i}. ", "   ")
    lines += _wrap(f"Why: {c.reason}", "   ", "   ")
    for side in c.sides:
        hedge = f' (hedged: "{side.hedge}")' if side.hedge else ""
        lines += _wrap(f"{side.source}: {side.value}{hedge}", "   - ", "     ")
        lines += _wrap(f"\u201c{marked(side.quote)}\u201d", "       ", "       ")
    return lines


def _entity(e: EntityView) -> list[str]:
    also = f"; also written {', '.join(e.variants)}" if e.variants else ""
    return _wrap(f"{e.name} ({e.label}{also}) {sources_tag(e.sources)}", "- ", "  ")


def number_label(n: NumberView) -> str:
    """``5,200 troops (count)``, ``$2.1 billion (money, USD)``."""
    what = f" {n.counted}" if n.counted else ""
    unit = f", {n.unit}" if n.unit else ""
    return f"{n.text}{what} ({n.kind}{unit})"


def _number(n: NumberView) -> list[str]:
    return _wrap(f"{number_label(n)} [{n.source}]", "- ", "  ")


def date_label(d: DateView) -> str:
    """``March 3 = 2024-03-03`` or ``last week (not resolved)``."""
    return f"{d.text} = {d.value}" if d.value else f"{d.text} (not resolved)"


def _date(d: DateView) -> list[str]:
    return _wrap(f"{date_label(d)} [{d.source}]", "- ", "  ")


def when_label(t: TimelineView) -> str:
    """The date of a timeline entry, flagged when it is an unresolved expression."""
    return t.when if t.resolved else f"{t.when} (approx.)"


def _timeline(t: TimelineView) -> list[str]:
    return _wrap(f"{when_label(t)}: {t.text} {sources_tag(t.sources)}", "- ", "  ")


def _section(section: Section, body: list[str]) -> list[str]:
    return ["", section.title, "-" * len(section.title), *(body or [section.empty])]


def _flat(groups: Sequence[list[str]]) -> list[str]:
    return [line for group in groups for line in group]


def brief_lines(v: BriefView) -> list[str]:
    """The plain text lines of one brief, every section in reading order."""
    title = _wrap(v.headline, "", "")
    header = [*title, "=" * max(len(line) for line in title)]
    header += _wrap(f"Sources: {', '.join(v.sources) or 'none'} "
                    f"({count_label(v.article_count, 'article')})", "", "  ")
    if v.provenance:
        header += [f"{PROVENANCE_TITLE}:", *_flat([_wrap(p, "- ", "  ") for p in v.provenance])]
    return [
        *header,
        *_section(SUMMARY, _flat([_statement(s) for s in v.summary])),
        *_section(CONFLICTS, _flat([_conflict(i, c) for i, c in enumerate(v.conflicts, 1)])),
        *_section(AGREED, _flat([_statement(s) for s in v.agreed])),
        *_section(SINGLE, _flat([_statement(s) for s in v.single])),
        *_section(ENTITIES, _flat([_entity(e) for e in v.entities])),
        *_section(NUMBERS, _flat([_number(n) for n in v.numbers])),
        *_section(DATES, _flat([_date(d) for d in v.dates])),
        *_section(TIMELINE, _flat([_timeline(t) for t in v.timeline])),
    ]


def render_brief_text(v: BriefView) -> str:
    return "\n".join(brief_lines(v)) + "\n"


def story_rows(stories: Sequence[Story]) -> list[tuple[str, ...]]:
    """One row of display cells per story, headlines cut to STORY_HEADLINE_WIDTH."""
    rows: list[tuple[str, ...]] = []
    for s in stories:
        headline = clean(s.headline)
        if len(headline) > STORY_HEADLINE_WIDTH:
            headline = headline[: STORY_HEADLINE_WIDTH - 1].rstrip() + "\u2026"
        rows.append((clean(s.id), headline, str(len(s.article_ids)), str(len(s.sources)),
                     clean(s.first_date or "") or "-", clean(s.last_date or "") or "-"))
    return rows


STORY_COLUMNS = ("id", "headline", "articles", "sources", "first", "last")
_NUMERIC = {2, 3}  # column indexes aligned right


def render_stories_text(stories: Sequence[Story]) -> str:
    """An aligned table of stories, one per line, with a header row."""
    rows = [STORY_COLUMNS, *story_rows(stories)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(STORY_COLUMNS))]
    lines = []
    for row in rows:
        cells = [c.rjust(w) if i in _NUMERIC else c.ljust(w)
                 for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        lines.append("  ".join(cells).rstrip())
    if not stories:
        lines.append("No stories.")
    return "\n".join(lines) + "\n"
