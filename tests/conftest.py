"""Shared fixtures: the evaluation data beside the repo, and a fresh store path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BENCH = Path(os.environ.get("NEWSWEAVE_BENCH", REPO.parent / "shared" / "bench"))


@pytest.fixture(scope="session")
def bench_dir() -> Path:
    """``../shared/bench``: skipped where absent, a failure where CI requires it."""
    if not (BENCH / "README.md").is_file():
        if os.environ.get("NEWSWEAVE_REQUIRE_BENCH") == "1":
            pytest.fail(f"evaluation data required but missing at {BENCH}")
        pytest.skip(f"evaluation data not found at {BENCH} (set NEWSWEAVE_BENCH)")
    return BENCH
