"""JSON: the records themselves, tagged with a schema name, keys sorted."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newsweave.model import Brief, Story, to_dict

BRIEF_SCHEMA = "newsweave.brief/1"
STORY_SCHEMA = "newsweave.story/1"


def tagged(record: Brief | Story) -> dict[str, Any]:
    """``to_dict(record)`` with a ``schema`` key naming the record and its version."""
    schema = BRIEF_SCHEMA if isinstance(record, Brief) else STORY_SCHEMA
    data: dict[str, Any] = to_dict(record)
    return {"schema": schema, **data}


def dumps(data: Any) -> str:
    """Pretty, sorted, UTF-8 JSON ending in a newline."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def render_brief_json(brief: Brief) -> str:
    return dumps(tagged(brief))


def render_many_json(records: Sequence[Brief] | Sequence[Story]) -> str:
    return dumps([tagged(r) for r in records])
