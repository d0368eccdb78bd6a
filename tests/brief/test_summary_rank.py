"""Cross-source coverage in the summary's ranking: a sentence whose words the other
sources repeat scores above one they do not, and it never breaks attribution."""

from __future__ import annotations

import numpy as np
from tests.brief.storykit import make_article

from newsweave.brief.align import align
from newsweave.brief.summary import summarize
from newsweave.brief.summary_rank import candidates, cross_source_coverage
from newsweave.model import Article

NAMES = ("Brisk", "Lenna")


def _story() -> list[Article]:
    return [
        make_article("Heavy rain flooded the lower town of Brisk on Sunday night. "
                     "The local choir cancelled its spring concert at the old chapel.",
                     "Brisk Post", NAMES),
        make_article("The river Lenna burst its banks and flooded the lower town of Brisk. "
                     "Shops near the market square stayed shut for the afternoon.",
                     "Valley News", NAMES),
        make_article("Rain left the lower town of Brisk flooded, the river Lenna still rising. "
                     "A bakery owner counted the loss of a week of flour in the cellar.",
                     "River Wire", NAMES),
    ]


def test_coverage_ranks_the_sentence_other_sources_repeat_above_a_lone_one() -> None:
    articles = _story()
    alignment = align(articles)
    rows = candidates(alignment)
    coverage = dict(zip(rows, cross_source_coverage(alignment, rows).tolist(), strict=True))
    by_text = {alignment.features[i].sentence.text: coverage[i] for i in rows}
    flooded = by_text["Heavy rain flooded the lower town of Brisk on Sunday night."]
    choir = by_text["The local choir cancelled its spring concert at the old chapel."]
    assert flooded > choir >= 0.0
    assert all(0.0 <= c <= 1.0 + 1e-9 for c in coverage.values())


def test_coverage_is_zero_with_a_single_source() -> None:
    article = _story()[0]
    alignment = align([article])
    rows = candidates(alignment)
    assert np.array_equal(cross_source_coverage(alignment, rows), np.zeros(len(rows)))


def test_summary_with_coverage_still_cites_every_aligned_source() -> None:
    articles = _story()
    alignment = align(articles)
    ref_of = {(f.article_id, f.sentence.start): f.ref for f in alignment.features}
    statements = summarize(articles, alignment)
    assert statements
    for statement in statements:
        first = statement.citations[0]
        group = alignment.group_of(ref_of[(first.article_id, first.start)])
        assert set(statement.sources) == set(group.sources)
