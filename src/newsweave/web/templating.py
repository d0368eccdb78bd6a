"""The page templates, rendered the same way for the server and for files on disk."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from newsweave.render.view import SECTION_ORDER, count_label
from newsweave.web.present import SERVED


@lru_cache(maxsize=1)
def environment() -> Environment:
    """Templates of the web pages; autoescape always on, unknown names an error."""
    env = Environment(loader=PackageLoader("newsweave.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["S"] = {s.key: s for s in SECTION_ORDER}
    env.globals["count_label"] = count_label
    return env


def render(template: str, **context: Any) -> str:
    """One page as HTML; its links are the server's unless ``links`` says otherwise."""
    context.setdefault("links", SERVED)
    return environment().get_template(template).render(**context)
