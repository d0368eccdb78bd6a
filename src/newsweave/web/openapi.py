"""The OpenAPI description of the JSON API, served at ``/openapi.json``."""

from __future__ import annotations

from typing import Any

from newsweave import __version__


def _json_op(summary: str, params: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"get": {
        "summary": summary,
        "parameters": params or [],
        "responses": {
            "200": {"description": "OK", "content": {"application/json": {}}},
            "400": {"description": "A query parameter out of range"},
            "404": {"description": "No such record or page"},
        },
    }}


def _query(name: str, kind: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False,
            "schema": {"type": kind}, "description": description}


def _path(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}


LIST_PARAMS = [
    _query("q", "string", "Words searched in headlines, article titles and text, all "
           "required, each also finding the words it begins; best match first"),
    _query("source", "string", "Only stories with this source"),
    _query("from", "string", "Only stories with a date on or after YYYY-MM-DD"),
    _query("to", "string", "Only stories with a date on or before YYYY-MM-DD"),
    _query("page", "integer", "Page number, from 1"),
    _query("per_page", "integer", "Stories per page, 1 to 100 (default 20)"),
]

OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "newsweave", "version": __version__,
             "description": "Read-only access to stories, briefs and articles. Every "
                            "HTML page also answers in JSON with a .json suffix or "
                            "Accept: application/json."},
    "paths": {
        "/stories.json": _json_op("Stories, newest first (newsweave.stories-page/1)",
                                  LIST_PARAMS),
        "/stories/{story_id}.json": _json_op("A story's brief (newsweave.brief/1)",
                                             [_path("story_id")]),
        "/articles/{article_id}.json": _json_op("A stored article (newsweave.article/1)",
                                                [_path("article_id")]),
        "/-/health": _json_op("Whether the store can be read"),
        "/-/version": _json_op("The newsweave version"),
        "/-/stats": _json_op("Counts, inputs by status, drops by reason, last ingest"),
    },
}
