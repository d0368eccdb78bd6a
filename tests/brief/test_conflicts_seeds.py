"""The two seed articles: one troop conflict, and none of their look-alikes."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.brief.conflicts import find_conflicts
from newsweave.extract.annotate import annotate
from newsweave.model import Article, article_id


@pytest.mark.bench
def test_seeds_hold_exactly_the_troop_conflict(bench_dir: Path) -> None:
    seeds = sorted((bench_dir.parent / "seeds").glob("*.txt"))
    if len(seeds) < 2:
        pytest.skip("seed articles not found beside the evaluation data")
    articles = []
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        articles.append(annotate(Article(id=article_id(text), text=text, origin=str(path))))
    found = find_conflicts(articles)
    assert len(found) == 1, [c.reason for c in found]
    (c,) = found
    assert {s.value for s in c.sides} == {"5,200", "6,000"}
    assert c.kind == "count" and "US" in c.subject
    quotes = " ".join(s.citation.text for s in c.sides)
    assert "5,200 soldiers" in quotes and "6,000 military personnel" in quotes
    assert "400" not in {s.value for s in c.sides}
