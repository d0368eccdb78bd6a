"""A real browser loads a report built from hostile article text: nothing executes.

Uses Debian's headless Chromium (`make test` installs it where it can). Skipped with a
reason where no browser is installed; required in CI (NEWSWEAVE_REQUIRE_BROWSER=1).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from newsweave.model import Brief, Citation, Conflict, ConflictSide, Statement
from newsweave.render import render_brief, render_report

# Every payload flips the same DOM attribute if it runs; the attribute name is built
# at run time so the escaped source text itself never contains it.
FLIP = "document.documentElement.setAttribute('data-'+'pwn'+'ed','1')"
PAYLOADS = (
    f"<script>{FLIP}</script>",
    f'"><img src=x onerror="{FLIP}">',
    f"<svg onload=\"{FLIP}\"></svg>",
    f"</blockquote><iframe srcdoc=\"<script>parent.{FLIP}</script>\"></iframe>",
    f"[x](javascript:{FLIP})",
)
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)


def browser() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("NEWSWEAVE_REQUIRE_BROWSER") == "1":
            pytest.fail("headless Chromium required but not installed (apt-get install chromium)")
        pytest.skip("headless Chromium not installed (apt-get install chromium)")
    return found


def hostile_brief() -> Brief:
    text = " ".join(PAYLOADS) + " 5,200 troops."
    cite = Citation("a1", "Evil <b>Outlet</b>", 0, len(text), text)
    at = text.index("5,200")
    side = ConflictSide("5,200", at, at + 5, cite)
    statement = Statement(text, (cite,))
    return Brief(
        story_id="s-hostile", headline=PAYLOADS[0], sources=(PAYLOADS[1],),
        article_ids=("a1",), summary=(statement,), agreed=(statement,),
        single_source=(statement,), conflicts=(Conflict("count", PAYLOADS[2], PAYLOADS[3],
                                                        (side, side)),),
        entities=(), numbers=(), dates=(), timeline=(),
    )


def dump_dom(chromium: str, page: Path, profile: Path) -> str:
    result = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )
    return result.stdout


@pytest.mark.parametrize("kind", ["brief", "report"])
def test_hostile_text_does_not_run_in_a_browser(tmp_path: Path, kind: str) -> None:
    chromium = browser()
    brief = hostile_brief()
    html = render_brief(brief, "html") if kind == "brief" else render_report([brief], "html")
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    dom = dump_dom(chromium, page, tmp_path / "profile")
    assert "</html>" in dom  # the page loaded and was serialised
    assert "data-pwned" not in dom
    assert "5,200" in dom
