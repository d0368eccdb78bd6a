"""A live server on a free local port and a Playwright-driven Debian Chromium.

The listening socket is bound before the server thread starts, so the browser can
connect at once: its first request waits in the socket's backlog, not on a timer.
"""

from __future__ import annotations

import base64
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from tests.render.test_browser import CHROMIUM_FLAGS, browser

from newsweave.web import create_app


@contextmanager
def live_server(db: Path) -> Iterator[str]:
    """Serve ``db`` on 127.0.0.1 in a thread; yields the base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium under Playwright; skipped (or failed in CI) where missing."""
    path = browser()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("NEWSWEAVE_REQUIRE_BROWSER") == "1":
            pytest.fail("playwright required but not installed (pip install -e '.[test]')")
        pytest.skip("playwright not installed (pip install -e '.[test]')")
    flags = [f for f in CHROMIUM_FLAGS if f != "--headless"]
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=flags, headless=True)
        try:
            yield b
        finally:
            b.close()


# Counts the distinct colours of a PNG on a blank page (no CSP there), sampling a grid.
_COLOURS_JS = """async (src) => {
  const img = new Image(); img.src = src; await img.decode();
  const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
  const g = c.getContext('2d'); g.drawImage(img, 0, 0);
  const d = g.getImageData(0, 0, c.width, c.height).data; const seen = new Set();
  for (let i = 0; i < d.length; i += 4 * 7) seen.add(d[i] << 16 | d[i + 1] << 8 | d[i + 2]);
  return seen.size;
}"""


def distinct_colours(browser_: Any, png: bytes) -> int:
    page = browser_.new_page()
    try:
        src = "data:image/png;base64," + base64.b64encode(png).decode()
        return int(page.evaluate(_COLOURS_JS, src))
    finally:
        page.close()
