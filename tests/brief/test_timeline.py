"""Timeline and date list of a story: ordering, resolution, citations."""

from __future__ import annotations

from dataclasses import replace

from newsweave.brief.timeline import build_timeline, collect_dates
from newsweave.extract.annotate import annotate
from newsweave.model import Article, Citation, DateMention, Sentence
from newsweave.model.article import DateGranularity

Dated = tuple[str, DateGranularity, str | None]


def article(source: str, sentences: list[str], dated: list[Dated]) -> Article:
    """An article from sentences, each date expression located in order in the text."""
    text = " ".join(sentences)
    spans: list[Sentence] = []
    pos = 0
    for s in sentences:
        spans.append(Sentence(pos, pos + len(s), s))
        pos += len(s) + 1
    mentions: list[DateMention] = []
    cursor = 0
    for expr, granularity, value in dated:
        start = text.index(expr, cursor)
        cursor = start + len(expr)
        index = next(i for i, s in enumerate(spans) if s.start <= start < s.end)
        mentions.append(DateMention(start, cursor, expr, granularity, value, sentence=index))
    return Article(id=f"a-{source}", text=text, origin=f"{source}.txt", source=source,
                   sentences=tuple(spans), dates=tuple(mentions))  # fmt: skip


def assert_exact(articles: list[Article], citation: Citation) -> None:
    text = next(a.text for a in articles if a.id == citation.article_id)
    assert text[citation.start : citation.end] == citation.text


WIRE = article(
    "Wire",
    ["Soleimani was killed on Jan. 3, 2020.", "Parliament voted on Sunday.",
     "The talks began last week."],
    [("Jan. 3, 2020", "day", "2020-01-03"), ("Sunday", "weekday", "2020-01-05"),
     ("last week", "relative", None)],
)  # fmt: skip
DAILY = article(
    "Daily",
    ["On Jan. 5 lawmakers voted to expel US troops.", "The US killed him on Friday.",
     "In 2019 there were 5,200 troops.", "Officials met last week."],
    [("Jan. 5", "day", "2020-01-05"), ("Friday", "weekday", "2020-01-03"),
     ("2019", "year", "2019"), ("last week", "relative", None)],
)  # fmt: skip


def test_entries_sorted_by_date_and_cite_every_article_stating_the_event() -> None:
    entries = build_timeline([WIRE, DAILY])
    whens = ["2019", "2020-01-03", "2020-01-05", "last week", "last week"]
    assert [e.when for e in entries] == whens
    assert [e.resolved for e in entries] == [True, True, True, False, False]
    jan3 = entries[1].statement
    assert jan3.text == "Soleimani was killed on Jan. 3, 2020."  # the written date speaks
    assert jan3.sources == ("Wire", "Daily")
    jan5 = entries[2].statement
    assert jan5.text == "On Jan. 5 lawmakers voted to expel US troops."
    assert jan5.sources == ("Daily", "Wire")
    # "The talks began" and "Officials met": one wording, two events.
    assert [e.statement.sources for e in entries[3:]] == [("Wire",), ("Daily",)]
    for e in entries:
        assert e.statement.text == e.statement.citations[0].text
        for c in e.statement.citations:
            assert_exact([WIRE, DAILY], c)


def test_duplicate_mentions_and_articles_are_listed_once() -> None:
    entries = build_timeline([WIRE, WIRE, DAILY])
    assert len(entries) == 5
    assert all(len(e.statement.citations) == len(set(e.statement.sources)) for e in entries)


def test_without_publication_weekdays_stay_unresolved_after_dates() -> None:
    wire = replace(WIRE, dates=tuple(
        replace(d, value=None) if d.granularity == "weekday" else d for d in WIRE.dates
    ))  # fmt: skip
    entries = build_timeline([wire])
    assert [(e.when, e.resolved) for e in entries] == [
        ("2020-01-03", True), ("Sunday", False), ("last week", False),
    ]  # fmt: skip


def test_collect_dates_lists_every_expression_with_its_sentence() -> None:
    items = collect_dates([WIRE, DAILY])
    assert [i.value for i in items] == [
        "2019", "2020-01-03", "2020-01-03", "2020-01-05", "2020-01-05", None, None,
    ]  # fmt: skip
    for item in items:
        assert item.text in item.citation.text
        assert_exact([WIRE, DAILY], item.citation)


def test_empty_story_has_empty_timeline() -> None:
    assert build_timeline([]) == ()
    assert collect_dates([]) == ()


def test_timeline_from_annotated_articles_with_and_without_publication() -> None:
    base = Article(
        id="a1", origin="wire.txt", source="Wire",
        text="Iraqi lawmakers voted on Sunday. Soleimani was killed on Jan. 3, 2020.",
    )  # fmt: skip
    dated = build_timeline([annotate(replace(base, published="2020-01-07"))])
    assert [(e.when, e.resolved) for e in dated] == [("2020-01-03", True), ("2020-01-05", True)]
    undated = build_timeline([annotate(base)])
    assert [(e.when, e.resolved) for e in undated] == [("2020-01-03", True), ("Sunday", False)]
    assert undated[1].statement.text == "Iraqi lawmakers voted on Sunday."


def test_same_year_for_different_events_is_not_merged() -> None:
    mill = article("Mill", ["The mill was founded in 2019 by two brothers."],
                   [("2019", "year", "2019")])  # fmt: skip
    gazette = article("Gazette", ["In 2019 a flood closed the river bridge."],
                      [("2019", "year", "2019")])  # fmt: skip
    entries = build_timeline([mill, gazette])
    assert [(e.when, e.statement.sources) for e in entries] == [
        ("2019", ("Mill",)), ("2019", ("Gazette",)),
    ]  # fmt: skip


def test_same_dated_event_in_different_words_is_merged() -> None:
    wire = article("Wire", ["Parliament voted on Jan. 5 to expel foreign troops.",
                            "The river flooded on Jan. 5 near the capital."],
                   [("Jan. 5", "day", "2020-01-05"), ("Jan. 5", "day", "2020-01-05")])  # fmt: skip
    daily = article("Daily", ["On Jan. 5 lawmakers backed a motion to expel foreign troops."],
                    [("Jan. 5", "day", "2020-01-05")])  # fmt: skip
    entries = build_timeline([wire, daily])
    assert [(e.when, e.statement.sources) for e in entries] == [
        ("2020-01-05", ("Wire", "Daily")), ("2020-01-05", ("Wire",)),
    ]  # fmt: skip
    vote, flood = (e.statement for e in entries)
    assert [c.text for c in vote.citations] == [
        "Parliament voted on Jan. 5 to expel foreign troops.",
        "On Jan. 5 lawmakers backed a motion to expel foreign troops.",
    ]
    assert flood.text == "The river flooded on Jan. 5 near the capital."


def test_same_anchor_makes_one_event_whatever_the_other_words() -> None:
    wire = article("Wire", ["Soleimani, the Quds Force commander, was killed on Jan. 3."],
                   [("Jan. 3", "day", "2020-01-03")])  # fmt: skip
    daily = article("Daily", ["On Jan. 3, hours after talks in Geneva ended without a deal and "
                              "oil prices rose across Asian markets, the general was killed."],
                    [("Jan. 3", "day", "2020-01-03")])  # fmt: skip
    apart = build_timeline([wire, daily])
    assert len(apart) == 2  # one shared word among many, no anchor known
    anchored = [replace(a, dates=tuple(replace(d, anchor="kill") for d in a.dates))
                for a in (wire, daily)]  # fmt: skip
    (entry,) = build_timeline(anchored)
    assert entry.statement.sources == ("Wire", "Daily")


def test_coarser_dates_do_not_gather_finer_ones() -> None:
    wire = article("Wire", ["The general was killed on Jan. 3, 2020.",
                            "The war began in 2020 after the general was killed."],
                   [("Jan. 3, 2020", "day", "2020-01-03"), ("2020", "year", "2020")])  # fmt: skip
    daily = article("Daily", ["The general was killed in January 2020 at the airport."],
                    [("January 2020", "month", "2020-01")])  # fmt: skip
    entries = build_timeline([wire, daily])
    assert [(e.when, e.statement.sources) for e in entries] == [
        ("2020", ("Wire",)), ("2020-01", ("Daily",)), ("2020-01-03", ("Wire",)),
    ]  # fmt: skip


def test_annotated_sources_of_one_dated_event_are_merged() -> None:
    wire = Article(id="a1", origin="wire.txt", source="Wire", published="2019-12-10",
                   text="The chief executive of the bank will step down on January 1. "
                        "The bank opened a branch on Monday.")  # fmt: skip
    daily = Article(id="a2", origin="daily.txt", source="Daily", published="2019-12-11",
                    text="On January 1 the bank's chief executive will step down.")  # fmt: skip
    entries = build_timeline([annotate(wire), annotate(daily)])
    assert [(e.when, e.statement.sources) for e in entries] == [
        ("2019-12-09", ("Wire",)), ("2020-01-01", ("Wire", "Daily")),
    ]  # fmt: skip
