"""A story's first and last dates leave out an article's flagged publication date."""

from __future__ import annotations

from dataclasses import replace

from newsweave.execution.ingest import story_record
from newsweave.model import Article, Sighting, article_id


def _article(n: int, published: str, flag: str | None = None) -> Article:
    text = f"Dispatch {n} about the bridge closure, written for this test."
    return Article(id=article_id(text), text=text, origin=f"d{n}.txt", published=published,
                   date_flag=flag)


def test_flagged_date_is_not_a_story_date() -> None:
    articles = [_article(1, "2024-05-02"), _article(2, "2024-05-04"),
                _article(3, "2004-05-03", "7306 days from the median date of its batch")]
    story = story_record("s1", articles, "Bridge closed", ("A", "B"))
    assert (story.first_date, story.last_date) == ("2024-05-02", "2024-05-04")


def test_copies_keep_their_own_dates() -> None:
    flagged = _article(1, "2004-05-03", "far")
    copy = Sighting("copy.txt", "Other", published="2024-05-05")
    story = story_record("s1", [replace(flagged, sightings=(copy,))], "Bridge closed", ("A",))
    assert (story.first_date, story.last_date) == ("2024-05-05", "2024-05-05")
