"""Rendering: briefs, reports and story tables as text, Markdown, JSON, HTML or rich.

Pure functions over the records in ``newsweave.model``; every format follows the
same section order (see ``render.view.SECTION_ORDER``).
"""

from newsweave.render.api import (
    BriefFormat,
    ReportFormat,
    StoriesFormat,
    UnknownFormatError,
    print_brief,
    render_brief,
    render_report,
    render_stories,
)

__all__ = [
    "BriefFormat",
    "ReportFormat",
    "StoriesFormat",
    "UnknownFormatError",
    "print_brief",
    "render_brief",
    "render_report",
    "render_stories",
]
