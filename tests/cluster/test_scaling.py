"""What keeps story assignment cheap in a large store changes none of its decisions."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pytest

from newsweave.cluster import StoryIndex, canonical_order, extract_features
from newsweave.cluster.batch import similarity_matrix
from newsweave.cluster.stopwords import ENGLISH_STOP_WORDS
from newsweave.cluster.stored import features_bytes, features_from_bytes, features_version
from newsweave.model import Article, content_id


def dated_copies(corpus: dict[str, Article], rounds: int) -> list[Article]:
    """The corpus repeated under fresh ids, each round a fortnight later (one undated)."""
    out = []
    for r in range(rounds):
        day = (date(2025, 1, 1) + timedelta(days=14 * r)).isoformat()
        for a in canonical_order(list(corpus.values())):
            out.append(replace(a, id=f"{a.id}-{r}", published=None if r == 1 else day))
    return out


def full_scan(articles: list[Article], cut: float) -> list[str]:
    """Reference: each article scored against every earlier one (mean rule only)."""
    story_of: list[str] = []
    for k, article in enumerate(articles):
        sims = similarity_matrix(articles[: k + 1])[-1, :-1]
        best, best_margin = None, -1.0
        for story in dict.fromkeys(story_of):  # in the order stories were opened
            members = [i for i, s in enumerate(story_of) if s == story]
            margin = float(np.mean(sims[members])) - cut
            if margin > best_margin:
                best, best_margin = story, margin
        joined = best if best is not None and best_margin >= 0.0 else None
        story_of.append(joined or content_id("s", article.id))
    return story_of


def test_pruned_scoring_decides_like_a_full_scan(corpus: dict[str, Article]) -> None:
    articles = dated_copies(corpus, 4)
    # The centroid can never win and no re-check runs: the mean rule alone decides.
    index = StoryIndex(centroid_cut=1.01, every=len(articles) + 1)
    assert [index.assign(a) for a in articles] == full_scan(articles, index.join_cut)


def test_a_story_outside_the_window_is_not_scored(corpus: dict[str, Article]) -> None:
    index = StoryIndex()
    index.add("s-peru", corpus["peru-1"])
    index.add("s-java", corpus["java-1"])
    later = replace(corpus["peru-2"], id="later", published="2025-06-01")
    index._push(extract_features(later))
    rows, _, stories, _ = index._last_scores()
    assert len(rows) == 0 and len(stories) == 0
    assert index._best_story() is None


def test_stored_features_rebuild_the_same_index(corpus: dict[str, Article]) -> None:
    articles = canonical_order(list(corpus.values()))
    live, reloaded = StoryIndex(), StoryIndex()
    stories = [live.assign(a) for a in articles[:-1]]
    for story, article in zip(stories, articles[:-1], strict=True):
        feat = extract_features(article)
        back = features_from_bytes(article.id, features_bytes(feat))
        assert back == feat
        reloaded.add_features(story, back)
    assert reloaded.assign(articles[-1]) == live.assign(articles[-1])
    assert reloaded.last_similarities() == pytest.approx(live.last_similarities(), abs=0)


def test_the_features_version_follows_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsweave.cluster import features, stored

    before = features_version()
    stored.features_version.cache_clear()
    monkeypatch.setattr(features, "TITLE_WEIGHT", features.TITLE_WEIGHT + 1)
    try:
        assert stored.features_version() != before
    finally:
        stored.features_version.cache_clear()


def test_the_stop_word_copy_matches_scikit_learn() -> None:
    text = pytest.importorskip("sklearn.feature_extraction.text")
    assert text.ENGLISH_STOP_WORDS == ENGLISH_STOP_WORDS


def test_read_commands_import_no_scientific_stack() -> None:
    code = (
        "import sys, newsweave.cli.main, newsweave.cli.jobs, newsweave.render;"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'sklearn', 'scipy', 'datasketch', 'spacy'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"
