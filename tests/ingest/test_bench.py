"""Quality gates on the evaluation data (skipped when ../shared/bench is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.ingest import read_paths
from newsweave.ingest.evaluation import evaluate_decoding
from newsweave.model import Document

# Share of non-ASCII `with` snippets of pages/trafilatura-eval (990 raw pages, 1,160
# such snippets) found in the decoded visible text. Measured 0.9802 with
# `python -m newsweave.ingest.evaluation` (UTF-8-with-replacement baseline: 0.9560).
NON_ASCII_RECALL_FLOOR = 0.97


@pytest.mark.bench
def test_decoding_gate(bench_dir: Path) -> None:
    report = evaluate_decoding(bench_dir)
    assert report.items == 990
    assert report.metrics["rejected"] == 0
    assert report.metrics["non_ascii_recall"] >= NON_ASCII_RECALL_FLOOR


@pytest.mark.bench
@pytest.mark.parametrize(
    ("name", "body_key", "fmt"),
    [("stories/newswcl50.jsonl", "text", "text"), ("pages/aeb.jsonl", "html", "html")],
)
def test_bench_files_read_record_for_record(
    bench_dir: Path, name: str, body_key: str, fmt: str
) -> None:
    path = bench_dir / name
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    items = list(read_paths([str(path)]))
    assert len(items) == len(records)
    for number, (item, record) in enumerate(zip(items, records, strict=True), start=1):
        assert isinstance(item, Document), item
        assert item.origin == f"{path}:{number}"
        assert item.content == record[body_key]
        assert item.format == fmt
        assert item.url == record.get("url")
