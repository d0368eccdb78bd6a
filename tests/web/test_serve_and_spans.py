"""The serve command's checks, the URL rule and the article's highlighted spans."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.cli.clikit import assert_one_line_error, invoke
from tests.web.webkit import Seeded, cite

from newsweave.cli.serve import exposure_warning
from newsweave.model import Citation
from newsweave.web.present import safe_url
from newsweave.web.spans import segments


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_hosts_print_no_warning(host: str) -> None:
    assert exposure_warning(host) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.4", "example.org"])
def test_other_hosts_are_warned_about(host: str) -> None:
    warning = exposure_warning(host)
    assert warning is not None and host in warning and "127.0.0.1" in warning


def test_serve_binds_loopback_by_default_and_warns_for_all_interfaces(
        seeded: Seeded, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    quiet = invoke("serve", "--db", str(seeded.path))
    loud = invoke("serve", "--db", str(seeded.path), "--host", "0.0.0.0", "--port", "8123")
    assert quiet.exit_code == 0 and loud.exit_code == 0
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8000
    assert calls[1]["host"] == "0.0.0.0" and calls[1]["port"] == 8123
    assert "warning" not in quiet.stderr and "warning: listening on 0.0.0.0" in loud.stderr


def test_serve_refuses_a_missing_store_in_one_line(tmp_path: Path) -> None:
    result = invoke("serve", "--db", str(tmp_path / "none.db"))
    assert_one_line_error(result)
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize(("url", "linked"), [
    ("https://north.example/a?b=1#c", True),
    ("http://north.example", True),
    ("javascript:alert(1)", False),
    (" JavaScript:alert(1)", False),
    ("java\tscript:alert(1)", False),
    ("data:text/html,<script>", False),
    ("vbscript:x", False),
    ("https:/no-host", False),
    ('https://x.example/"onmouseover="x', False),
    ("//x.example/path", False),
    ("", False),
    (None, False),
])
def test_only_http_urls_become_links(url: str | None, linked: bool) -> None:
    assert (safe_url(url) is not None) == linked


def test_segments_cover_the_text_in_order_with_anchored_citations(seeded: Seeded) -> None:
    a = seeded.north
    killed, power = cite(a, "killed"), cite(a, "Power")
    overlapping = Citation(a.id, "X", killed.start + 3, power.start + 2, "")
    outside = Citation(a.id, "X", len(a.text) - 2, len(a.text) + 50, "")
    other = Citation("someone-else", "X", 0, 5, "")
    segs = segments(a, [power, killed, overlapping, outside, other, killed])
    assert "".join(p.text for s in segs for p in s.pieces) == a.text
    cited = [s for s in segs if s.anchor]
    assert [s.anchor for s in cited] == [f"c-{killed.start}", f"c-{power.start}"]
    assert ["".join(p.text for p in s.pieces) for s in cited] == [killed.text, power.text]
    marks = [p for s in segs for p in s.pieces if p.kind]
    assert [(p.text, p.kind) for p in marks] == [("Alder Bay", "entity")]
