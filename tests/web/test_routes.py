"""The web pages and their JSON twins, over a store written for the tests."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from tests.web.webkit import FLIP, HOSTILE_URL, Seeded, article, brief_of, cite

from newsweave.model import Story
from newsweave.render import render_brief
from newsweave.store import Store
from newsweave.web.routes import MAX_PER_PAGE, PER_PAGE


def story_links(html: str) -> list[str]:
    return re.findall(r'<a class="headline" href="/stories/([^"]+)"', html)


def test_list_is_newest_first_with_sources_dates_and_conflict_badge(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert story_links(r.text) == ["s-storm", "s-fire"]
    storm = r.text.split('href="/stories/s-storm"')[1].split("</li>")[0]
    assert "1 conflict" in storm and "2 sources" in storm
    assert "2026-03-02" in storm and "2026-03-03" in storm


@pytest.mark.parametrize(("query", "expected"), [
    ("q=toll", ["s-storm"]),  # an article title
    ("q=SCHOOLS", ["s-storm"]),  # article text, any case
    ("q=harbour", ["s-fire"]),  # a headline
    ("q=100%25", []),  # no wildcards: "100" is in no text
    ("q=s_o", []),
    ("q=onerror%3D%22", ["s-fire"]),  # a quote is no query syntax
    ("q=%22", []), ("q=AND+OR", []), ("q=*", []), ("q=NEAR%28", []),
    ("q=storm+OR+harbour", []),  # every word required: OR is a word too
    ("q=alder+bay", ["s-storm"]),
    ("q=12+boats", ["s-fire"]),
    ("source=South+Herald", ["s-storm"]),
    ("from=2026-02-01", ["s-storm"]),
    ("to=2026-02", ["s-fire"]),
    ("from=2026-03-03&to=2026-03-03", ["s-storm"]),
])
def test_search_and_filters(client: TestClient, query: str, expected: list[str]) -> None:
    r = client.get("/?" + query)
    assert r.status_code == 200
    assert story_links(r.text) == expected


def test_pages_are_bounded_and_link_to_each_other(client_for: Callable[[int], TestClient]
                                                  ) -> None:
    client = client_for(45)  # 47 stories: three pages of 20
    first = client.get("/").text
    assert len(story_links(first)) == PER_PAGE
    assert 'href="/?page=2"' in first
    third = client.get("/?page=3")
    assert len(story_links(third.text)) == 47 - 2 * PER_PAGE
    seen = set(story_links(first)) | set(story_links(client.get("/?page=2").text))
    assert seen.isdisjoint(story_links(third.text))
    data = client.get("/stories.json?per_page=5&page=2").json()
    assert (data["total"], data["pages"], len(data["stories"])) == (47, 10, 5)


@pytest.mark.parametrize("query", ["page=0", "page=-1", "page=abc", "page=1e3", "page=²",
                                   f"per_page={MAX_PER_PAGE + 1}", "from=2026-13-01",
                                   "to=yesterday", "q=" + "x" * 201])
def test_bad_parameters_are_400_in_html_and_json(client: TestClient, query: str) -> None:
    html = client.get("/?" + query)
    assert html.status_code == 400 and "<h1>400</h1>" in html.text
    js = client.get("/stories.json?" + query)
    assert js.status_code == 400 and js.json()["error"]["status"] == 400


def test_a_page_past_the_last_is_404(client: TestClient) -> None:
    assert client.get("/?page=2").status_code == 404


def test_brief_shows_citations_conflict_sides_timeline_and_sources(client: TestClient) -> None:
    html = client.get("/stories/s-storm").text
    assert '<a class="chip" href="/articles/a-north#c-0">North Post</a>' in html
    conflict = html.split('<section class="conflicts"')[1].split("</section>")[0]
    assert "<mark>12</mark>" in conflict and "<mark>15</mark>" in conflict
    assert conflict.index("North Post") < conflict.index("South Herald")
    assert 'class="timeline"' in html and "2026-03-02" in html
    assert 'href="https://north.example/storm"' in html
    assert 'folded copies: <a href="https://west.example/toll"' in html


def test_citation_anchor_exists_in_the_article_with_marks(client: TestClient,
                                                          seeded: Seeded) -> None:
    brief = client.get("/stories/s-storm").text
    href = re.search(r'class="chip" href="(/articles/a-south#c-(\d+))"', brief)
    assert href is not None
    page = client.get(href.group(1).split("#")[0]).text
    start = int(href.group(2))
    end = next(s.end for s in seeded.south.sentences if s.start == start)
    anchored = re.search(rf'<span class="cited" id="c-{start}"[^>]*>(.*?)</span>', page)
    assert anchored is not None and anchored.group(1) == seeded.south.text[start:end]
    north = client.get("/articles/a-north").text
    assert '<span class="entity" title="PLACE">Alder Bay</span>' in north


def test_json_twins_match_the_cli(client: TestClient, seeded: Seeded) -> None:
    with Store(seeded.path, readonly=True) as store:
        brief = store.brief("s-storm")
        stories = store.stories()
    assert brief is not None
    by_suffix = client.get("/stories/s-storm.json")
    by_accept = client.get("/stories/s-storm", headers={"accept": "application/json"})
    assert by_suffix.text == by_accept.text == render_brief(brief, "json")
    listed = client.get("/", headers={"accept": "application/json"}).json()
    assert [s["id"] for s in listed["stories"]] == [s.id for s in stories]
    art = client.get("/articles/a-north.json").json()
    assert art["schema"] == "newsweave.article/1" and art["text"] == seeded.north.text


@pytest.mark.parametrize("path", ["/stories/s-missing", "/stories/%3Cb%3E", "/articles/nope",
                                  "/stories/" + "x" * 300, "/no/such/page"])
def test_unknown_ids_are_404_pages(client: TestClient, path: str) -> None:
    html = client.get(path)
    assert html.status_code == 404 and "<h1>404</h1>" in html.text
    assert "Traceback" not in html.text and "<b>" not in html.text
    js = client.get(path, headers={"accept": "application/json"})
    assert js.status_code == 404 and js.json()["error"]["status"] == 404


def test_missing_store_is_an_error_page_not_a_traceback(tmp_path: object) -> None:
    from pathlib import Path

    from newsweave.web import create_app

    client = TestClient(create_app(Path(str(tmp_path)) / "none.db"),
                        raise_server_exceptions=False)
    r = client.get("/")
    assert r.status_code == 503 and "newsweave ingest" in r.text


def test_introspection(client: TestClient) -> None:
    assert client.get("/-/health").json() == {"status": "ok"}
    assert client.get("/-/version").json()["name"] == "newsweave"
    stats = client.get("/-/stats").json()
    assert stats["counts"]["stories"] == 2 and stats["counts"]["articles"] == 3
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.") and "/stories/{story_id}.json" in spec["paths"]


def test_hostile_text_is_escaped_and_never_linked(client: TestClient) -> None:
    for path in ("/", "/stories/s-fire", "/articles/a-hostile"):
        html = client.get(path).text
        assert "<script>" not in html and "<img" not in html
        assert FLIP not in html  # quotes are escaped too, so not even an attribute value
        assert 'href="javascript:' not in html.lower()
        assert "&lt;script&gt;" in html
    article = client.get("/articles/a-hostile").text
    assert "not a web address, not linked" in article
    assert "Also ran in: evil</p>" in article  # the copy's URL is not linked either
    assert HOSTILE_URL not in article  # shown escaped


@pytest.mark.parametrize("path", ["/", "/stories/s-storm", "/articles/a-north", "/nope",
                                  "/stories.json", "/static/web.css"])
def test_every_response_has_a_strict_csp(client: TestClient, path: str) -> None:
    csp = client.get(path).headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'none'" in csp
    assert "unsafe-inline" not in csp


def test_list_shows_a_story_committed_after_the_server_started(client: TestClient,
                                                              seeded: Seeded) -> None:
    assert story_links(client.get("/").text) == ["s-storm", "s-fire"]
    late = article("a-late", "The bridge reopened on Friday.", "East Wire",
                   title="Bridge reopens", url=None, published="2026-04-01")
    story = Story("s-late", ("a-late",), "Bridge reopens", ("East Wire",),
                  "2026-04-01", "2026-04-01")
    with Store(seeded.path) as store, store.transaction():
        store.put_article(late)
        store.assign(late.id, story.id)
        store.put_story(story, brief_of(story, [cite(late, "bridge")]))
    r = client.get("/")
    assert story_links(r.text) == ["s-late", "s-storm", "s-fire"]
    assert '<option value="East Wire">' in r.text


def test_a_merged_story_id_redirects_to_its_survivor(seeded: Seeded, client: TestClient) -> None:
    from newsweave.store.merges import merge_stories

    with Store(seeded.path) as store, store.transaction():
        merge_stories(store.conn, seeded.hostile_story_id, seeded.story_id, "one event")
    for suffix in ("", ".json"):
        r = client.get(f"/stories/{seeded.hostile_story_id}{suffix}", follow_redirects=False)
        assert r.status_code == 308
        assert r.headers["location"] == f"/stories/{seeded.story_id}{suffix}"
    assert client.get(f"/stories/{seeded.hostile_story_id}").status_code == 200
    assert client.get("/stories/s-never-was").status_code == 404


def test_a_store_written_anew_under_the_same_path_is_read_anew(tmp_path: Path) -> None:
    from tests.web.webkit import seed

    from newsweave.web import create_app

    db = tmp_path / "live.db"
    seed(db)
    client = TestClient(create_app(db), raise_server_exceptions=False)
    assert client.get("/stories/s-storm").status_code == 200
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    assert client.get("/").status_code == 503  # gone: an error page, not stale pages
    seed(db, extra_stories=3)
    assert "Council meeting 2" in client.get("/?per_page=100").text
