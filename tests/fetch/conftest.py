"""Fixtures of the fetch tests: the local site (see ``site``) and a fake clock."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer

import pytest
from tests.fetch.site import FakeClock, Handler, Site

SHUTDOWN_POLL_S = 0.01  # how often the server checks for shutdown: keeps teardown fast


@pytest.fixture
def site() -> Iterator[Site]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state = Site(f"http://127.0.0.1:{server.server_address[1]}")
    Handler.site = state
    thread = threading.Thread(target=server.serve_forever, args=(SHUTDOWN_POLL_S,),
                              daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
