"""The server's pages written by ``run --out``: they open from disk in a real browser.

The browser half uses Debian's Chromium driven by Playwright (skipped with a reason
where either is missing, required in CI); the link check reads the files alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner
from tests.web.browserkit import chromium
from tests.web.webkit import HOSTILE_TITLE, Seeded, seed

from newsweave.cli.main import cli
from newsweave.store import Store
from newsweave.web.export import site_files

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SITE_HEADER_BLUE = "rgb(29, 78, 137)"  # header.site's background in web.css


def write_site(db: Path, out: Path) -> Path:
    with Store(db, readonly=True) as store:
        for name, text in site_files(store):
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            (out / name).write_text(text, encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def examples_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("run")
    out = tmp / "out"
    result = CliRunner().invoke(cli, ["run", str(EXAMPLES), "--out", str(out),
                                      "--db", str(tmp / "e.db")])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Seeded]:
    tmp = tmp_path_factory.mktemp("hostile")
    seeded = seed(tmp / "web.db")
    return write_site(seeded.path, tmp / "site"), seeded


@pytest.fixture(scope="module")
def browser_() -> Iterator[Any]:
    with chromium() as b:
        yield b


def _links(page: Path) -> list[str]:
    return re.findall(r'(?:href|src)="([^"]*)"', page.read_text(encoding="utf-8"))


def _assert_links_resolve(site: Path) -> int:
    """Every relative link of every page names a written file (and anchor); returns
    how many were checked."""
    checked = 0
    for page in site.rglob("*.html"):
        for link in _links(page):
            parts = urlsplit(link)
            if parts.scheme or link.startswith("/"):
                assert parts.scheme in {"http", "https"}, (page, link)  # never a server path
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.is_file(), (page, link)
            if parts.fragment:
                assert f'id="{parts.fragment}"' in target.read_text(encoding="utf-8")
            checked += 1
    return checked


def test_run_writes_the_server_pages_with_links_that_resolve(examples_site: Path) -> None:
    briefs = list((examples_site / "stories").glob("*.html"))
    articles = list((examples_site / "articles").glob("*.html"))
    assert briefs and len(articles) >= 2
    assert (examples_site / "static" / "web.css").is_file()
    assert _assert_links_resolve(examples_site) > len(briefs) + len(articles)
    for page in [examples_site / "index.html", *briefs, *articles]:
        assert "<script" not in page.read_text(encoding="utf-8")


def test_hostile_site_links_resolve(hostile_site: tuple[Path, Seeded]) -> None:
    site, seeded = hostile_site
    assert (site / "stories" / f"{seeded.story_id}.html").is_file()
    assert (site / "articles" / f"{seeded.hostile.id}.html").is_file()
    assert _assert_links_resolve(site) > 0


def test_examples_open_from_disk_with_the_conflict(examples_site: Path,
                                                    browser_: Any) -> None:
    context = browser_.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((examples_site / "index.html").as_uri())
    assert page.locator("form").count() == 0  # no server to search: no search form
    headline = page.locator("a.headline").first
    assert headline.is_visible()
    header = page.locator("header.site")
    assert header.evaluate("e => getComputedStyle(e).backgroundColor") == SITE_HEADER_BLUE
    headline.click()
    page.wait_for_url(re.compile(r"^file://.*/stories/[^/]+\.html$"))
    values = page.locator("section.conflicts figure.side mark").all_inner_texts()
    assert {"5,200", "6,000"} <= set(values)
    page.locator("section.conflicts a.chip").first.click()
    page.wait_for_url(re.compile(r"/articles/[^/]+\.html#c-\d+$"))
    assert page.locator(".cited:target").count() == 1
    page.locator("a", has_text="the story's brief").click()
    page.wait_for_url(re.compile(r"/stories/[^/]+\.html$"))
    page.locator("header.site a.home").click()
    page.wait_for_url(re.compile(r"/index\.html$"))
    context.close()


def test_hostile_pages_from_disk_run_nothing(hostile_site: tuple[Path, Seeded],
                                             browser_: Any) -> None:
    site, seeded = hostile_site
    page = browser_.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    for path in ("index.html", f"stories/{seeded.hostile_story_id}.html",
                 f"articles/{seeded.hostile.id}.html"):
        page.goto((site / path).as_uri())
        assert page.evaluate("document.documentElement.getAttribute('data-pwned')") is None
        assert page.locator("script").count() == 0
        assert page.locator("img, iframe, svg").count() == 0
        assert page.locator("a[href^='javascript']").count() == 0
        assert page.locator("[onerror], [onload], [onclick]").count() == 0
    page.goto((site / "index.html").as_uri())
    assert HOSTILE_TITLE in page.locator("a.headline").all_inner_texts()  # shown as text
    assert dialogs == []
    page.close()
