"""Property: whatever bytes a file holds, reading yields Documents or Rejections."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.errors import InputError
from newsweave.ingest import decode_bytes, read_paths
from newsweave.model import Document, Rejection

SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".rss", ".warc", ".md", ""]

# Bytes that look like the formats, so the readers' deeper paths are exercised too.
PREFIXES = [
    b"",
    b"{",
    b"[",
    b"<html>",
    b"<?xml version='1.0'?><rss>",
    b"WARC/1.0\r\n",
    b"\xff\xfe",
    b'\xef\xbb\xbf{"text": ',
    b"\x1f\x8b",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=600),
    suffix=st.sampled_from(SUFFIXES),
    compress=st.booleans(),
)
def test_any_bytes_yield_documents_or_rejections(
    prefix: bytes, body: bytes, suffix: str, compress: bool
) -> None:
    data = prefix + body
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}{'.gz' if compress else ''}"
        path.write_bytes(gzip.compress(data) if compress else data)
        items = list(read_paths([str(path)]))
    assert items
    for item in items:
        assert isinstance(item, Document | Rejection)
        assert item.origin.startswith(str(path))
        if isinstance(item, Rejection):
            assert item.reason and "\n" not in item.reason
        else:
            assert item.content.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=300).filter(lambda t: "\x00" not in t))
def test_utf8_text_round_trips(text: str) -> None:
    try:
        decoded = decode_bytes(text.encode("utf-8"), "t.txt")
    except InputError:
        return  # many control characters: rejected as binary, which is allowed
    assert decoded == text.removeprefix("\ufeff")  # a leading BOM is dropped by design
