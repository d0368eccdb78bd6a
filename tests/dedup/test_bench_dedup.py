"""On the stories bench files no two articles of different gold stories fold."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.dedup import Deduplicator
from newsweave.evaluate.base import read_jsonl
from newsweave.model import Article, article_id

# Folds measured at NEAR_DUPLICATE_JACCARD = 0.6 over records with a non-empty text:
# ecbplus-dev 20 (6 identical texts, 14 near-duplicates of exact J 0.62-0.98, every one
# within one gold story), newswcl50 0.
EXPECTED_FOLDS = {"ecbplus-dev": 20, "newswcl50": 0}


def folds(path: Path) -> list[tuple[str, str]]:
    """(gold story of the kept article, gold story of the folded one) per fold."""
    index = Deduplicator()
    gold: dict[str, str] = {}
    out = []
    for rec in read_jsonl(path):
        if not rec["text"].strip():
            continue  # empty texts share one id; the pipeline rejects them
        art = Article(id=article_id(rec["text"]), text=rec["text"], origin=rec["id"])
        match = index.find(art)
        if match is None:
            index.add(art)
            gold[art.id] = rec["gold_story"]
        else:
            out.append((gold[match], rec["gold_story"]))
    return out


@pytest.mark.bench
@pytest.mark.parametrize("name", sorted(EXPECTED_FOLDS))
def test_no_cross_story_fold(bench_dir: Path, name: str) -> None:
    found = folds(bench_dir / "stories" / f"{name}.jsonl")
    assert [pair for pair in found if pair[0] != pair[1]] == []
    assert len(found) == EXPECTED_FOLDS[name]
