"""Screenshots of the web UI over the seeds: the story list and the seeds' brief.

Ingests ``examples/`` into a new store, serves it on a free local port and has
Debian's Chromium (driven by Playwright) capture ``list.png`` and ``brief.png`` here.

    python docs/screenshots/make.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))  # the test helpers serve the store and start Chromium

from tests.web.browserkit import chromium, live_server  # noqa: E402

VIEWPORT = {"width": 1100, "height": 800}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "seeds.db"
        cli = [sys.executable, "-c", "from newsweave.cli.main import main; main()"]
        subprocess.run([*cli, "ingest", str(REPO / "examples"), "--db", str(db)], check=True)
        with chromium() as browser, live_server(db) as url:
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(url + "/")
            page.screenshot(path=str(HERE / "list.png"), full_page=True)
            page.click("a.headline")
            page.screenshot(path=str(HERE / "brief.png"), full_page=True)
    print(f"wrote {HERE / 'list.png'} and {HERE / 'brief.png'}")


if __name__ == "__main__":
    main()
