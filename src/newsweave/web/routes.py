"""The pages and their JSON twins: thin views over store queries and the shared view."""

from __future__ import annotations

import re
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from newsweave import __version__
from newsweave.model import to_dict
from newsweave.render.jsonfmt import tagged
from newsweave.store import Store
from newsweave.store.browse import (
    StoryFilter,
    StoryPage,
    check_readable,
    store_stats,
    story_page,
    story_rows,
)
from newsweave.store.merges import survivor_of
from newsweave.web.app import JSON_SUFFIX, json_response, page, wants_json
from newsweave.web.openapi import OPENAPI
from newsweave.web.present import SERVED, article_link, brief_page, citations
from newsweave.web.snapshot import Snapshot, SnapshotCache
from newsweave.web.spans import segments
from newsweave.web.stores import ThreadStores

PER_PAGE = 20  # stories per list page unless the request asks for another size
MAX_PER_PAGE = 100  # the largest page a request may ask for
MAX_PAGE = 100_000  # page numbers beyond this are refused before any query
MAX_FIELD = 200  # characters of a search text or source name
ARTICLE_SCHEMA = "newsweave.article/1"
PAGE_SCHEMA = "newsweave.stories-page/1"

# Ids are content hashes with a prefix; anything else cannot name a stored record.
_ID = re.compile(r"[A-Za-z0-9_.:-]{1,128}")
_DATE_FORMATS = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}  # a year, a month or a day


def _is_date(text: str) -> bool:
    fmt = _DATE_FORMATS.get(len(text))
    if fmt is None or not text.isascii():
        return False
    try:
        datetime.strptime(text, fmt)
    except ValueError:
        return False
    return True


def _store(request: Request) -> AbstractContextManager[Store]:
    stores: ThreadStores = request.app.state.stores
    return stores.open()


def _strip_json(value: str) -> str:
    return value[: -len(JSON_SUFFIX)] if value.endswith(JSON_SUFFIX) else value


def _record_id(value: str, what: str) -> str:
    value = _strip_json(value)
    if not _ID.fullmatch(value):
        raise HTTPException(404, f"no {what} has the id {value[:80]!r}")
    return value


def _int_param(request: Request, name: str, default: int, high: int) -> int:
    raw = request.query_params.get(name, "")
    if raw == "":
        return default
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= high:
        raise HTTPException(400, f"{name} must be a whole number from 1 to {high}")
    return int(raw)


def _text_param(request: Request, name: str, *, date: bool = False) -> str:
    raw = request.query_params.get(name, "").strip()
    if len(raw) > MAX_FIELD:
        raise HTTPException(400, f"{name} is longer than {MAX_FIELD} characters")
    if raw and date and not _is_date(raw):
        raise HTTPException(400, f"{name} must be a date written YYYY-MM-DD")
    return raw


@dataclass(frozen=True, slots=True)
class ListQuery:
    filter: StoryFilter
    page: int
    per_page: int

    def link(self, page: int) -> str:
        params = {"q": self.filter.query, "source": self.filter.source,
                  "from": self.filter.date_from, "to": self.filter.date_to,
                  "per_page": "" if self.per_page == PER_PAGE else str(self.per_page),
                  "page": "" if page == 1 else str(page)}
        query = urlencode({k: v for k, v in params.items() if v})
        return "/" + ("?" + query if query else "")


def _list_query(request: Request) -> ListQuery:
    f = StoryFilter(query=_text_param(request, "q"), source=_text_param(request, "source"),
                    date_from=_text_param(request, "from", date=True),
                    date_to=_text_param(request, "to", date=True))
    return ListQuery(f, _int_param(request, "page", 1, MAX_PAGE),
                     _int_param(request, "per_page", PER_PAGE, MAX_PER_PAGE))


def _page_of(store: Store, snapshot: Snapshot, q: ListQuery) -> StoryPage:
    offset = (q.page - 1) * q.per_page
    if q.filter == StoryFilter():
        ids = list(snapshot.ids[offset:offset + q.per_page])
        return StoryPage(story_rows(store.conn, ids), len(snapshot.ids))
    return story_page(store.conn, q.filter, limit=q.per_page, offset=offset)


def story_list(request: Request) -> Response:
    q = _list_query(request)
    cache: SnapshotCache = request.app.state.snapshots
    with _store(request) as store:
        snapshot = cache.get(store.conn)
        result = _page_of(store, snapshot, q)
    pages = max(1, -(-result.total // q.per_page))
    if q.page > pages:
        raise HTTPException(404, f"page {q.page} is past the last page ({pages})")
    if wants_json(request):
        return json_response({
            "schema": PAGE_SCHEMA, "page": q.page, "per_page": q.per_page, "pages": pages,
            "total": result.total, "stories": [tagged(r.story) for r in result.rows],
            "conflicts": {r.story.id: r.conflicts for r in result.rows}})
    return page("list.html.j2", title="Stories", rows=result.rows, total=result.total,
                q=q, pages=pages, sources=snapshot.sources)


def story(request: Request) -> Response:
    story_id = _record_id(request.path_params["story_id"], "story")
    with _store(request) as store:
        brief = store.brief(story_id)
        articles = store.story_articles(story_id) if brief is not None else []
        survivor = survivor_of(store.conn, story_id) if brief is None else None
    if survivor is not None and survivor != story_id:
        # a merged story's id stays a working link: it names the story it became
        suffix = JSON_SUFFIX if request.url.path.endswith(JSON_SUFFIX) else ""
        return RedirectResponse(f"/stories/{survivor}{suffix}", status_code=308)
    if brief is None:
        raise HTTPException(404, f"no story has the id {story_id!r}")
    if wants_json(request):
        return json_response(tagged(brief))
    view = brief_page(brief, articles, SERVED)
    return page("brief.html.j2", title=view.view.headline, p=view)


def article(request: Request) -> Response:
    article_id = _record_id(request.path_params["article_id"], "article")
    with _store(request) as store:
        found = store.article(article_id)
        story_id = store.story_of(article_id) if found is not None else None
        brief = store.brief(story_id) if story_id is not None else None
    if found is None:
        raise HTTPException(404, f"no article has the id {article_id!r}")
    if wants_json(request):
        return json_response({"schema": ARTICLE_SCHEMA, **to_dict(found)})
    link = article_link(found, SERVED)
    return page("article.html.j2", title=link.title, a=link,
                segments=segments(found, citations(brief) if brief else []),
                story_id=story_id)


def openapi(request: Request) -> Response:
    return json_response(OPENAPI)


def health(request: Request) -> Response:
    with _store(request) as store:
        check_readable(store.conn)
    return json_response({"status": "ok"})


def version(request: Request) -> Response:
    return json_response({"name": "newsweave", "version": __version__})


def stats(request: Request) -> Response:
    with _store(request) as store:
        s = store_stats(store.conn)
    data: dict[str, Any] = {"counts": s.counts, "inputs": s.inputs, "drops": s.drops,
                            "last_ingest": s.last_ingest, "schema_version": s.schema_version}
    return json_response(data)
