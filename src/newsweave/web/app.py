"""The ASGI application: routes, security headers and error pages.

Read-only over one store: every request opens the store read-only (never creating or
changing a file), so a running ingest stays the only writer and each page shows what
was committed when it was asked for.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsweave.errors import StoreError
from newsweave.web.templating import render

# No script runs on any page (there is none), nothing loads from elsewhere, no page
# can be framed: article text that slipped past escaping still could not execute.
CSP = ("default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'; img-src 'self'; style-src 'self'")
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)
JSON_SUFFIX = ".json"


class SecurityHeaders:
    """Adds the Content-Security-Policy and friends to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", [])
                           if h[0].lower() not in {k for k, _ in SECURITY_HEADERS}]
                message = {**message, "headers": [*headers, *SECURITY_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def page(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(render(template, **context), status_code=status_code)


def json_response(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    return Response(body, status_code=status, media_type="application/json")


def wants_json(request: Request) -> bool:
    """A ``.json`` path or an Accept header that prefers JSON to HTML."""
    if request.url.path.endswith(JSON_SUFFIX):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_response(request: Request, status: int, detail: str) -> Response:
    if wants_json(request):
        return json_response({"error": {"status": status, "detail": detail}}, status)
    return page("error.html.j2", status, title=f"{status}", status=status, detail=detail)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return error_response(request, exc.status_code, exc.detail)


async def store_error(request: Request, exc: Exception) -> Response:
    return error_response(request, 503, str(exc))


async def server_error(request: Request, exc: Exception) -> Response:
    # The traceback stays in the server log; the page says only what a reader can use.
    return error_response(request, 500, "the server failed to build this page")


def create_app(db: Path) -> ASGIApp:
    """The read-only web UI and JSON API over the store at ``db``.

    The security headers wrap the whole application, so error pages (even of a
    failure inside the framework) carry them too.
    """
    from newsweave.web import routes
    from newsweave.web.snapshot import SnapshotCache
    from newsweave.web.stores import ThreadStores

    app = Starlette(
        routes=[
            Route("/", routes.story_list),
            Route("/stories", routes.story_list),
            Route("/stories.json", routes.story_list),
            Route("/stories/{story_id}", routes.story),
            Route("/articles/{article_id}", routes.article),
            Route("/openapi.json", routes.openapi),
            Route("/-/health", routes.health),
            Route("/-/version", routes.version),
            Route("/-/stats", routes.stats),
            Mount("/static", StaticFiles(packages=[("newsweave.web", "static")]),
                  name="static"),
        ],
        exception_handlers={HTTPException: http_error, StoreError: store_error,
                            Exception: server_error},
    )
    app.state.db = db
    app.state.snapshots = SnapshotCache(db)
    app.state.stores = ThreadStores(db)
    return SecurityHeaders(app)
