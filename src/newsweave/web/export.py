"""The pages of ``newsweave serve`` written as files that open from disk.

The same templates and views as the server, with ``Links`` that point at the files
written beside each page (relative, so the folder can move or be copied whole): the
story list as ``index.html`` (every story on one page: no server, so no search and
no paging), each brief as ``stories/ID.html`` with its JSON twin ``stories/ID.json``,
each of its articles as ``articles/ID.html`` and the style sheet as
``static/web.css``. No page needs a server or any script; each carries the server's
policy forbidding scripts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib.resources import files

from newsweave.errors import NewsweaveError
from newsweave.model import Brief
from newsweave.render import render_brief
from newsweave.store import Store
from newsweave.store.browse import StoryRow, story_rows
from newsweave.web.present import (
    INDEX_PAGE,
    PAGE_SUFFIX,
    article_link,
    brief_page,
    citations,
    on_disk,
)
from newsweave.web.spans import segments
from newsweave.web.templating import render

STYLESHEET = "web.css"
ROWS_PER_QUERY = 500  # story ids per query: below SQLite's oldest limit of 999 parameters
# Ids name files: only the characters of the ids newsweave makes (the server's rule).
_FILE_ID = re.compile(r"[A-Za-z0-9_:-][A-Za-z0-9_.:-]{0,127}")


def site_files(store: Store) -> Iterator[tuple[str, str]]:
    """Every file of the site as (path under the output folder, text), list first."""
    stories = store.stories()
    yield INDEX_PAGE, _list_page(store, [s.id for s in stories])
    for story in stories:
        brief = store.brief(story.id)
        if brief is not None:
            yield from _story_pages(store, brief)
    yield f"static/{STYLESHEET}", (files("newsweave.web") / "static" / STYLESHEET).read_text(
        encoding="utf-8")


def _list_page(store: Store, ids: list[str]) -> str:
    rows: list[StoryRow] = []
    for start in range(0, len(ids), ROWS_PER_QUERY):
        rows += story_rows(store.conn, ids[start:start + ROWS_PER_QUERY])
    return render("list.html.j2", links=on_disk(0), title="Stories", rows=rows,
                  total=len(rows), q=None, pages=1)


def _story_pages(store: Store, brief: Brief) -> Iterator[tuple[str, str]]:
    """The brief's page, then a page for each of its articles."""
    links = on_disk(1)
    articles = store.story_articles(brief.story_id)
    view = brief_page(brief, articles, links)
    name = f"stories/{_file_id(brief.story_id)}"
    yield (name + PAGE_SUFFIX,
           render("brief.html.j2", links=links, title=view.view.headline, p=view))
    yield name + ".json", render_brief(brief, "json")  # the page's JSON link
    cited = citations(brief)
    for article in articles:
        link = article_link(article, links)
        yield (f"articles/{_file_id(article.id)}{PAGE_SUFFIX}",
               render("article.html.j2", links=links, title=link.title, a=link,
                      segments=segments(article, cited), story_id=brief.story_id))


def _file_id(record_id: str) -> str:
    """``record_id`` when it can name a file in its folder and nothing else."""
    if not _FILE_ID.fullmatch(record_id):
        raise NewsweaveError(f"the store holds a record id that cannot name a file "
                             f"({record_id[:80]!r}): is it a newsweave store?")
    return record_id
