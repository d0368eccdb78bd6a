"""The web UI in a real browser: list, search, brief, citation, conflict, hostile text.

Uses Debian's Chromium driven by Playwright; skipped with a reason where either is
missing, required in CI (NEWSWEAVE_REQUIRE_BROWSER=1).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.web.browserkit import chromium, distinct_colours, live_server
from tests.web.webkit import Seeded, seed

# A page of text has hundreds of colours (anti-aliased glyphs); a blank or failed
# render has one or two. 16 leaves room for a near-empty page that still drew text.
MIN_COLOURS = 16
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Seeded, Any]]:
    seeded = seed(tmp_path_factory.mktemp("web") / "web.db")
    with chromium() as b, live_server(seeded.path) as url:
        yield url, seeded, b


def test_list_search_brief_citation_and_conflict(site: tuple[str, Seeded, Any],
                                                 tmp_path: Path) -> None:
    url, seeded, b = site
    page = b.new_page(viewport={"width": 1200, "height": 900})
    page.goto(url + "/")
    assert page.locator("a.headline").all_inner_texts()[0] == "Storm hits Alder Bay"
    assert distinct_colours(b, page.screenshot(full_page=True)) >= MIN_COLOURS

    page.fill("input[name=q]", "toll")
    page.click("button[type=submit]")
    assert page.locator("a.headline").all_inner_texts() == ["Storm hits Alder Bay"]
    assert "q=toll" in page.url

    page.click("a.headline")
    assert page.url.endswith("/stories/s-storm")
    sides = page.locator("section.conflicts figure.side")
    assert sides.count() == 2
    assert sides.nth(0).locator("mark").inner_text() == "12"
    assert sides.nth(1).locator("mark").inner_text() == "15"
    left, right = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    assert right["x"] > left["x"] + left["width"] - 1 and abs(right["y"] - left["y"]) < 1
    assert distinct_colours(b, page.screenshot(full_page=True)) >= MIN_COLOURS

    page.locator("section.summary a.chip", has_text="South Herald").click()
    assert "/articles/a-south#c-" in page.url
    target = page.locator(".cited:target")
    start = int(page.url.rsplit("#c-", 1)[1])
    sentence = next(s for s in seeded.south.sentences if s.start == start)
    assert target.inner_text() == sentence.text
    page.close()


def test_hostile_article_runs_no_script(site: tuple[str, Seeded, Any]) -> None:
    url, _, b = site
    page = b.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in ("/", "/stories/s-fire", "/articles/a-hostile", "/?q=%3Cscript%3E"):
        page.goto(url + path)
        assert page.evaluate("document.documentElement.getAttribute('data-pwned')") is None
        assert page.locator("script").count() == 0
        assert page.locator("img, iframe, svg").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert "<script>" in page.locator("a.headline").first.inner_text()  # shown as text
    assert dialogs == []
    page.close()


def test_readable_at_phone_width_without_javascript(site: tuple[str, Seeded, Any]) -> None:
    url, _, b = site
    context = b.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    for path in ("/", "/stories/s-storm", "/articles/a-north"):
        page.goto(url + path)
        # Nothing wider than the screen: no sideways scrolling to read a line.
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert page.locator("h1").is_visible()
    page.goto(url + "/stories/s-storm")
    sides = page.locator("section.conflicts figure.side")
    first, second = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    assert second["y"] >= first["y"] + first["height"]  # stacked, not squeezed
    context.close()
