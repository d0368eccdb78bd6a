"""Fixtures of the web tests: a seeded store and a test client over it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from tests.web.webkit import Seeded, seed

from newsweave.web import create_app


@pytest.fixture
def seeded(tmp_path: Path) -> Seeded:
    return seed(tmp_path / "web.db")


@pytest.fixture
def client(seeded: Seeded) -> TestClient:
    return TestClient(create_app(seeded.path), raise_server_exceptions=False)


@pytest.fixture
def client_for(tmp_path: Path) -> Callable[[int], TestClient]:
    def make(extra: int) -> TestClient:
        s = seed(tmp_path / f"web{extra}.db", extra)
        return TestClient(create_app(s.path), raise_server_exceptions=False)
    return make
