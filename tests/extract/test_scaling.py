"""Long texts: chunked parsing changes no annotation, lookups stay exact, cost stays linear."""

from __future__ import annotations

import random
import re
import time
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.extract import quantities, quantities_role, quantities_scan
from newsweave.extract.annotate import annotate_each
from newsweave.extract.attribution import find_quotes
from newsweave.extract.chunks import chunk_bounds
from newsweave.extract.dates import find_dates
from newsweave.extract.entities import find_entities
from newsweave.extract.nlp import load_nlp
from newsweave.extract.quantities import find_quantities
from newsweave.extract.sentences import split_sentences
from newsweave.extract.spans import SpanIndex, search_before
from newsweave.extract.speakers import QuoteContext, overlap
from newsweave.model import Article, article_id

PEOPLE = ("Ana Ruiz", "Tom Okoye", "Mei Lin", "Jonas Berg", "Sara Haddad", "Piotr Nowak")
PLACES = ("Porto", "Mombasa", "Sapporo", "Gdansk", "Sfax", "Regina", "Arica")
BODIES = ("the harbour board", "the health ministry", "Coastline Power", "the rail union")
SENTENCES = (
    "{p}, {age}, told reporters in {c} on {wd} that {n} families had left their homes.",
    "“We are doing all we can,” said {p}, a spokeswoman for {b}.",
    "{B} said the repairs would cost about ${n} million and take {w} months.",
    "By March {y}, some {n},{k:03d} people had signed the petition, {p} said.",
    "Police detained {w} men aged between {age} and {age2} near {c} late on {wd}.",
    "The vote, the third since {y}, passed by {pct} percent to {pct2} percent.",
)
HEADINGS = ("Storm damage", "Talks resume", "Budget vote", "Port strike")


def news(chars: int, seed: int) -> str:
    """News-like paragraphs, one per line, with now and then a heading line."""
    rng = random.Random(seed)
    lines: list[str] = []
    while sum(map(len, lines)) < chars:
        if rng.random() < 0.15:
            lines.append(f"{rng.choice(HEADINGS)} in {rng.choice(PLACES)}")
        body = rng.choices(SENTENCES, k=rng.randint(2, 5))
        lines.append(" ".join(s.format(**_slots(rng)) for s in body))
    return "\n".join(lines) + "\n"


def _slots(rng: random.Random) -> dict[str, object]:
    body = rng.choice(BODIES)
    return {
        "p": rng.choice(PEOPLE), "c": rng.choice(PLACES), "b": body,
        "B": body[0].upper() + body[1:], "age": rng.randint(20, 70),
        "age2": rng.randint(21, 71), "n": rng.randint(2, 900), "k": rng.randint(0, 999),
        "w": rng.choice(("two", "four", "six", "nine")), "y": rng.randint(1990, 2024),
        "pct": rng.randint(51, 70), "pct2": rng.randint(30, 49),
        "wd": rng.choice(("Monday", "Wednesday", "Friday", "Sunday")),
    }  # fmt: skip


def test_a_text_annotated_in_chunks_equals_it_annotated_whole() -> None:
    text = news(30_000, seed=3)
    article = Article(id=article_id(text), text=text, origin="long.txt", published="2024-05-02")
    assert len(chunk_bounds(text, 5_000)) >= 6
    whole = next(annotate_each([article], chunk_chars=len(text)))
    chunked = next(annotate_each([article], chunk_chars=5_000))
    assert isinstance(whole, Article) and isinstance(chunked, Article)
    assert len(whole.mentions) > 100 and len(whole.quantities) > 100 and whole.quotes
    for field in ("sentences", "mentions", "quantities", "dates", "quotes"):
        assert getattr(chunked, field) == getattr(whole, field), field
    assert all(text[q.start : q.end] == q.text for q in chunked.quantities)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["word", "Two.", "x", "\n", "\n\n", " ", "  ", "”"]), max_size=300),
    st.integers(min_value=4, max_value=60),
)
def test_chunks_cover_the_text_and_end_after_a_break(parts: list[str], size: int) -> None:
    text = "".join(parts)
    bounds = chunk_bounds(text, size)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a < b for a, b in bounds) or text == ""
    assert all(b == a2 for (_, b), (a2, _) in pairwise(bounds))
    for start, end in bounds[:-1]:
        window = text[start + size // 2 : start + size]
        if any(ch.isspace() for ch in window):  # a break to cut at: cut after its blanks
            assert text[end - 1].isspace() and not text[end].isspace()
            assert len(text[start:end].rstrip()) <= size
        else:
            assert end - start == size


@settings(max_examples=300)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=12),
    st.integers(0, 80),
    st.integers(0, 20),
)
def test_span_index_answers_as_a_scan_does(
    raw: list[tuple[int, int]], start: int, width: int
) -> None:
    spans = [(a, a + w) for a, w in raw]
    expected = any(a < start + width and start < b for a, b in spans)
    assert SpanIndex(spans).overlaps(start, start + width) == expected


TAIL_PATTERNS = (
    quantities_role._PREFIX_UNIT, quantities_role._AGE_BEFORE, quantities_role._RANK_BEFORE,
    quantities_role._RANK_BEFORE_DIGITS, quantities_role._ONE_DETERMINER,
    quantities._BY_BEFORE, quantities._POSSESSIVE_BEFORE, quantities_scan._BETWEEN,
    quantities_scan._SCORE_BEFORE,
)  # fmt: skip
TAIL_WORDS = (
    "magnitude", "category", "was", "more than", "at least", "aged", "age", "of", "died",
    "at", "No.", "No", "Number", "#", "top", "ranked", "the", "another", "four", "by",
    "-", "3x", "their", "between", "won", "defeated", "a", "storm", "7",
)  # fmt: skip


@settings(max_examples=300)
@given(
    st.lists(
        st.one_of(st.sampled_from(TAIL_WORDS), st.sampled_from([" ", "  ", "\n", " " * 90])),
        max_size=60,
    ),
    st.sampled_from(TAIL_PATTERNS),
)
def test_search_before_finds_what_a_search_from_the_start_finds(
    parts: list[str], pattern: re.Pattern[str]
) -> None:
    text = "".join(parts)
    for end in range(0, len(text) + 1, 7):
        full = pattern.search(text, 0, end)
        near = search_before(pattern, text, end)
        assert (near and near.span()) == (full and full.span())


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(["He", "said", "“yes”", '"no"', "'", "it's", ",", ".", "\n"]),
             min_size=1, max_size=40),
    st.integers(0, 200),
    st.integers(1, 60),
)
def test_quoted_share_counts_every_quotation_in_the_span(
    words: list[str], start: int, width: int
) -> None:
    text = " ".join(words)
    ctx = QuoteContext.build(load_nlp()(text), split_sentences(text), ())
    span = (start, start + width)
    inside = sum(overlap(span, (q.open_start, q.close_end)) for q in ctx.quotations)
    assert ctx.quoted_share(span) == inside / width


def _extract_seconds(text: str) -> float:
    """CPU seconds of every extractor over a tokenised (not parsed) doc, best of three."""
    doc = load_nlp().tokenizer(text)
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        sentences = split_sentences(text)
        mentions = find_entities(doc)
        find_quantities(doc, sentences)
        find_dates(doc, sentences, "2024-05-02")
        find_quotes(doc, sentences, mentions)
        best = min(best, time.process_time() - start)
    return best


def test_extractors_take_time_in_proportion_to_the_text() -> None:
    # Each extractor used to search or rebuild the whole text per number, date or
    # quotation mark: 8 times the text took about 60 times as long.
    short, long = news(25_000, seed=5), news(200_000, seed=5)
    per_char_short = _extract_seconds(short) / len(short)
    per_char_long = _extract_seconds(long) / len(long)
    assert per_char_long < 2 * per_char_short
