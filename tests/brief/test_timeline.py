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


def test_entries_sorted_by_date_and_cite_every_article() -> None:
    entries = build_timeline([WIRE, DAILY])
    assert [e.when for e in entries] == ["2019", "2020-01-03", "2020-01-05", "last week"]
    assert [e.resolved for e in entries] == [True, True, True, False]
    jan3 = entries[1].statement
    assert jan3.text == "Soleimani was killed on Jan. 3, 2020."  # the written date speaks
    assert jan3.sources == ("Wire", "Daily")
    jan5 = entries[2].statement
    assert jan5.text == "On Jan. 5 lawmakers voted to expel US troops."
    assert jan5.sources == ("Daily", "Wire")
    assert entries[3].statement.sources == ("Wire", "Daily")
    for e in entries:
        assert e.statement.text == e.statement.citations[0].text
        for c in e.statement.citations:
            assert_exact([WIRE, DAILY], c)


def test_duplicate_mentions_and_articles_are_listed_once() -> None:
    entries = build_timeline([WIRE, WIRE, DAILY])
    assert len(entries) == 4
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
