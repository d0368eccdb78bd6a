"""Quality gate: the brief's agreed and single-source items, judged against the
articles (protocol of ``../shared/bench/facts/README.md``), on the 12 judged events
of ``conflicts/dev.jsonl``.

Verdicts come from the evaluation data's file, then ``evaluation/judged/facts-dev.jsonl``.
Measured with ``newsweave eval facts ../shared/bench/conflicts/dev.jsonl
--predictions out/facts.jsonl``: agreed 0.883 right (60 judged; half a 0.837, b 1.0),
single-source 0.833 (132 judged; a 0.805, b 0.880). A change that shows new items
must have them judged (``out/facts-unjudged.jsonl``) before this gate passes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.evaluate import facts
from newsweave.evaluate.base import read_jsonl

OWN = Path(__file__).resolve().parents[2] / "evaluation" / "judged" / "facts-dev.jsonl"
AGREED_FLOOR = 0.85
SINGLE_FLOOR = 0.80
MAX_UNJUDGED_SHARE = 0.05  # more new items than this: judge them first


@pytest.mark.bench
def test_facts_gate(bench_dir: Path) -> None:
    path = bench_dir / "conflicts" / "dev.jsonl"
    files = [facts.shared_verdicts(path), OWN]
    verdicts = facts.load_verdicts(files)
    records = list(facts.select(read_jsonl(path), verdicts))
    lines: list[dict[str, object]] = []
    report = facts.run(records, lines.append, path, judged=files)
    m = report.metrics
    judged = m["agreed_judged"] + m["single_judged"]
    unjudged = m["agreed_unjudged"] + m["single_unjudged"]
    assert unjudged <= MAX_UNJUDGED_SHARE * (judged + unjudged), m
    assert m["agreed_right"] >= AGREED_FLOOR, m
    assert m["single_right"] >= SINGLE_FLOOR, m
