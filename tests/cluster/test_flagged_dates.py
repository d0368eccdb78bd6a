"""A flagged publication date places no article in time: the story window ignores it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from newsweave.clean.datecheck import flag_dates
from newsweave.cluster import cluster_batch
from newsweave.cluster.features import anchor_day
from newsweave.model import Article


def test_wrong_date_trap_does_not_split_the_story(corpus: dict[str, Article]) -> None:
    first, second = corpus["peru-1"], corpus["peru-2"]
    trap = replace(second, published="2005-03-03")  # a sidebar date, twenty years off
    unflagged = cluster_batch([first, trap])
    assert unflagged[first.id] != unflagged[trap.id]  # the trap would split the story
    others: list[Article] = [a for k, a in corpus.items() if k != "peru-2"]
    batch = flag_dates([*others, trap], today=dt.date(2025, 3, 10))
    flagged = batch[-1]
    assert isinstance(flagged, Article) and flagged.date_flag is not None
    assert flagged.published == "2005-03-03"  # kept for display
    stories = cluster_batch([first, flagged])
    assert stories[first.id] == stories[flagged.id]


def test_flagged_date_counts_as_unknown(corpus: dict[str, Article]) -> None:
    article = corpus["peru-1"]
    assert anchor_day(article) is not None
    assert anchor_day(replace(article, date_flag="after it was read")) is None
