"""HTML: a self-contained page (inline CSS, no scripts, no external assets).

Templates live in ``render/templates`` and run with autoescaping on, so every string
that comes from an article is escaped by Jinja2. The disputed value of a conflict is
highlighted from offsets: the view splits the quote into before / value / after and
the template escapes each part on its own around the ``<mark>`` it writes itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from newsweave.render.view import PROVENANCE_TITLE, SECTION_ORDER, BriefView, count_label

REPORT_TITLE = "News briefs"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment over the packaged templates (autoescape always on)."""
    env = Environment(
        loader=PackageLoader("newsweave.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["S"] = {s.key: s for s in SECTION_ORDER}
    env.globals["count_label"] = count_label
    env.globals["PROVENANCE_TITLE"] = PROVENANCE_TITLE
    return env


def render_brief_html(view: BriefView) -> str:
    """One brief as a standalone page."""
    template = environment().get_template("brief.html.j2")
    return template.render(view=view, title=view.headline)


def render_report_html(views: Sequence[BriefView], title: str = REPORT_TITLE) -> str:
    """A report page: title, table of contents, then every brief."""
    template = environment().get_template("report.html.j2")
    return template.render(views=list(views), title=title)
