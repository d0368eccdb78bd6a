"""Date mentions: absolute and relative forms, resolution against publication."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.extract.dates import find_dates
from newsweave.extract.nlp import load_nlp
from newsweave.extract.sentences import split_sentences
from newsweave.model import DateMention

TEXT = (
    "On Monday, Jan. 6, 2020, the Iraqi parliament voted. "
    "Soleimani was killed on 2020-01-03 at Baghdad airport. "
    "Trump said on Sept. 13 that troops had been there since 2003. "
    "Yesterday the Pentagon said the letter was a draft; last Friday it said nothing. "
    "The talks began in March 2019 and resume next Tuesday, three days ago officials "
    "said, while Dec. 31 was the deadline set last month. It ended on 5 January."
)


def dates(text: str, published: str | None) -> dict[str, DateMention]:
    found = find_dates(load_nlp()(text), split_sentences(text), published)
    for d in found:
        assert text[d.start : d.end] == d.text
    return {d.text: d for d in found}


def test_absolute_forms_resolve_without_publication() -> None:
    found = dates(TEXT, None)
    assert found["Monday, Jan. 6, 2020"].value == "2020-01-06"
    assert found["Monday, Jan. 6, 2020"].weekday == 0
    assert found["2020-01-03"].value == "2020-01-03"
    assert found["March 2019"].value == "2019-03"
    assert found["March 2019"].granularity == "month"
    assert found["2003"].value == "2003"
    assert found["2003"].granularity == "year"


def test_missing_year_comes_from_publication() -> None:
    found = dates(TEXT, "2020-01-08")
    assert found["Sept. 13"].value == "2019-09-13"  # more than half a year ahead: last year
    assert found["Dec. 31"].value == "2019-12-31"
    assert found["5 January"].value == "2020-01-05"


def test_missing_year_without_publication_uses_earlier_full_date() -> None:
    found = dates(TEXT, None)
    assert found["5 January"].value == "2020-01-05"


def test_relative_and_weekday_forms_resolve_against_publication() -> None:
    found = dates(TEXT, "2020-01-08")  # a Wednesday
    assert found["Yesterday"].value == "2020-01-07"
    assert found["Yesterday"].granularity == "relative"
    assert found["last Friday"].value == "2020-01-03"
    assert found["last Friday"].weekday == 4
    assert found["next Tuesday"].value == "2020-01-14"
    assert found["three days ago"].value == "2020-01-05"
    assert found["last month"].value == "2019-12"


def test_weekday_is_latest_on_or_before_publication() -> None:
    text = "Lawmakers met on Wednesday and voted on Sunday."
    found = dates(text, "2020-01-08")  # Wednesday
    assert found["Wednesday"].value == "2020-01-08"
    assert found["Sunday"].value == "2020-01-05"


def test_relative_and_weekday_forms_stay_open_without_publication() -> None:
    found = dates(TEXT, None)
    assert found["Yesterday"].value is None
    assert found["last Friday"].value is None
    assert found["last Friday"].weekday == 4
    assert found["last Friday"].granularity == "weekday"


def test_sentence_index_points_at_the_containing_sentence() -> None:
    text = "Nothing here. The vote came on Jan. 5, 2020. More on Friday."
    sentences = split_sentences(text)
    for d in find_dates(load_nlp()(text), sentences, "2020-01-10"):
        s = sentences[d.sentence]
        assert s.start <= d.start and d.end <= s.end


@pytest.mark.parametrize(
    "text",
    ["He may go.", "Troops march on.", "1,500 soldiers left.", "She is 33 years old.",
     "A 17-year presence ends."],
)  # fmt: skip
def test_words_and_counts_are_not_dates(text: str) -> None:
    assert dates(text, "2020-01-08") == {}


def test_impossible_day_is_not_resolved() -> None:
    found = dates("It was due on Feb. 30, 2020.", None)
    assert all(d.value is None for d in found.values())


PARTS = st.sampled_from(
    [
        "The vote came on Sunday, Jan. 5, 2020.",
        "Officials said yesterday that 5,200 troops remain.",
        "Talks began in mid-March and ended on 13 September.",
        "Since 2003, the U.S. has kept forces in Iraq.",
        "Three weeks ago, and again last week, he warned them.",
        "The deadline (Dec. 31) passed; on Monday it was extended to 2020-02-01.",
        "“Today,” he said, “is not tomorrow.”",
        "In the next few weeks the letter will be published.",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(PARTS, min_size=1, max_size=6),
    st.sampled_from([None, "2020-01-08", "2019-12-30"]),
)
def test_property_date_spans_are_exact(parts: list[str], published: str | None) -> None:
    text = " ".join(parts)
    sentences = split_sentences(text)
    found = find_dates(load_nlp()(text), sentences, published)
    assert [d.start for d in found] == sorted(d.start for d in found)
    for a, b in pairwise(found):
        assert a.end <= b.start
    for d in found:
        assert text[d.start : d.end] == d.text and d.text
        assert 0 <= d.sentence < len(sentences)
        if d.granularity == "weekday":
            assert d.weekday is not None


def test_named_months_without_year() -> None:
    text = "Last October and last February, next May and in November, a year ago."
    found = dates(text, "2018-04-18")
    assert found["Last October"].value == "2017-10"
    assert found["last February"].value == "2018-02"
    assert found["next May"].value == "2018-05"
    assert found["November"].value == "2017-11"  # over half a year ahead: last year's
    assert found["a year ago"].value == "2017"


def test_capitalised_newspaper_name_is_not_today() -> None:
    assert "TODAY" not in dates("USA TODAY reported the vote.", "2018-04-18")


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        # Future tense across the year boundary: next year's January.
        ("The chief executive will step down on January 1.", "2019-12-10",
         "January 1", "2020-01-01"),
        ("The chief executive stepped down on January 1.", "2019-12-10",
         "January 1", "2019-01-01"),
        ("The board meets again next Monday.", "2020-01-08", "next Monday", "2020-01-13"),
        ("The board met last Friday.", "2020-01-08", "last Friday", "2020-01-03"),
        # A past-tense weekday is the latest on or before publication (a Wednesday).
        ("The board met on Friday.", "2020-01-08", "Friday", "2020-01-03"),
        ("The board met on Wednesday.", "2020-01-08", "Wednesday", "2020-01-08"),
        ("The board will meet on Friday.", "2020-01-08", "Friday", "2020-01-10"),
        ("The board will meet on Wednesday.", "2020-01-08", "Wednesday", "2020-01-08"),
        ("The trial will open in March.", "2019-11-20", "March", "2020-03"),
        ("The trial opened in March.", "2019-11-20", "March", "2019-03"),
        ("The trial opened in March.", "2019-02-20", "March", "2018-03"),
        ("The trial will open in March.", "2019-03-20", "March", "2019-03"),
        ("The trial is expected to open in March.", "2019-04-20", "March", "2020-03"),
        ("The pair is due to be arraigned on Thursday morning.", "2018-08-21",
         "Thursday", "2018-08-23"),
        ("The judge set the sentencing for June 28.", "2013-02-20", "June 28", "2013-06-28"),
        ("The rally this coming Saturday may be large.", "2020-01-08", "Saturday",
         "2020-01-11"),
    ],
)  # fmt: skip
def test_dates_resolve_on_the_side_the_tense_says(
    text: str, published: str, expression: str, value: str
) -> None:
    assert dates(text, published)[expression].value == value


def test_tense_of_another_clause_does_not_move_the_date() -> None:
    found = dates("He said on Monday that he will resign.", "2020-01-08")
    assert found["Monday"].value == "2020-01-06"  # the saying, not the resigning


def test_without_tense_a_date_is_the_nearest_reading() -> None:
    # Three weeks ahead rather than eleven months back, and the other way round.
    assert dates("The deadline is Jan. 20.", "2019-12-28")["Jan. 20"].value == "2020-01-20"
    assert dates("The deadline is Dec. 20.", "2020-01-08")["Dec. 20"].value == "2019-12-20"
