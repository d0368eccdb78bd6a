"""Quality gate: story clustering on ECB+ (dev topics) and NewsWCL50, batch and stream.

ECB+ is subsampled to keep each test under a minute on two shared cores: the topics
whose number is 1 mod 4 (1, 5, ..., 33: 9 topics, 210 articles, 18 stories, every
topic with its two events of one kind). Full-file figures are in the report of
newsweave/cluster (batch 0.889 BCubed F1 on all 772 articles; stream, with the
re-check and merges, 0.883 on half "a" and 0.879 on half "b" over three orders each).
Floors only go up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.evaluate.base import Record, read_jsonl
from newsweave.evaluate.stories import run

TOPIC_STRIDE = 4  # keep topics with number % TOPIC_STRIDE == 1

# Measured on the subsample: batch BCubed F1 0.8904 (P 0.8915, R 0.8893), pairwise F1
# 0.8548; stream (file order) BCubed F1 0.8934 (P 0.8915, R 0.8954; 0.8473 before the
# strict join and the re-check).
ECB_BATCH_FLOOR = 0.875
ECB_STREAM_FLOOR = 0.875
# Measured on all 50 NewsWCL50 articles: batch BCubed F1 0.9328 (P 0.900, R 0.968);
# stream 0.9328 (P 0.900, R 0.968; 0.8760 before the strict join and the re-check).
WCL_BATCH_FLOOR = 0.915
WCL_STREAM_FLOOR = 0.915


def ecb_subsample(bench_dir: Path) -> list[Record]:
    path = bench_dir / "stories" / "ecbplus-dev.jsonl"
    keep = []
    for rec in read_jsonl(path):
        topic = int(rec["gold_topic"].rsplit(":", 1)[1])
        if topic % TOPIC_STRIDE == 1:
            keep.append(rec)
    return keep


def check(records: list[Record], path: Path, stream: bool, floor: float) -> None:
    written: list[Record] = []
    report = run(records, written.append, path, stream=stream)
    assert report.items == len(records) == len(written)
    assert set(written[0]) == {"id", "story"}
    assert report.metrics["bcubed_f1"] >= floor


@pytest.mark.bench
@pytest.mark.parametrize(("stream", "floor"), [(False, ECB_BATCH_FLOOR), (True, ECB_STREAM_FLOOR)])
def test_ecbplus_bcubed_floor(bench_dir: Path, stream: bool, floor: float) -> None:
    records = ecb_subsample(bench_dir)
    assert len(records) == 210
    check(records, bench_dir / "stories" / "ecbplus-dev.jsonl", stream, floor)


@pytest.mark.bench
@pytest.mark.parametrize(("stream", "floor"), [(False, WCL_BATCH_FLOOR), (True, WCL_STREAM_FLOOR)])
def test_newswcl50_bcubed_floor(bench_dir: Path, stream: bool, floor: float) -> None:
    path = bench_dir / "stories" / "newswcl50.jsonl"
    check(list(read_jsonl(path)), path, stream, floor)
