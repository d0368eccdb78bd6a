"""Annotate clean articles: sentences, entities, quantities, dates and quotes, anchored.

One spaCy parse per article feeds every extractor. Articles up to ``CHUNK_CHARS``
go through ``nlp.pipe`` in batches; a longer one is parsed alone, in chunks
(``chunks``). Every extractor takes time in proportion to the text, so an
article's cost is linear in its length: about 0.05 CPU seconds per KB of news prose
(``benchmarks/annotation_scaling.py``). Size and time are both bounded: a text
over ``MAX_CHARS`` characters is not annotated, and an article whose annotation
runs over its time budget (``budget.ANNOTATION_BUDGET_S``, checked between chunks
and between extractors) is given up; each comes back as ``NotAnnotated`` with the
reason, and the articles after it are annotated as usual.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from newsweave.errors import NewsweaveError
from newsweave.extract.attribution import find_quotes
from newsweave.extract.budget import (
    ANNOTATION_BUDGET_S,
    Budget,
    BudgetExceeded,
    Clock,
    NotAnnotated,
)
from newsweave.extract.chunks import CHUNK_CHARS, parse_in_chunks
from newsweave.extract.date_anchors import anchor_dates
from newsweave.extract.dates import find_dates
from newsweave.extract.entities import find_entities
from newsweave.extract.nlp import MAX_CHARS, load_nlp
from newsweave.extract.quantities import find_quantities
from newsweave.extract.sentences import split_sentences
from newsweave.model import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PIPE_BATCH = 32  # articles per nlp.pipe batch: bounded memory, full model throughput
# Characters per nlp.pipe batch: spaCy holds about 3.5 MB per KB in flight, so 32
# articles near ``CHUNK_CHARS`` would take 2 GB; 100 KB (some 20 ordinary articles)
# keeps a batch near 350 MB.
PIPE_BATCH_CHARS = 100_000


def annotate_each(
    articles: Iterable[Article],
    *,
    budget_s: float = ANNOTATION_BUDGET_S,
    clock: Clock = time.thread_time,
    chunk_chars: int = CHUNK_CHARS,
) -> Iterator[Article | NotAnnotated]:
    """Each article annotated, or given up with the reason, in input order.

    ``budget_s`` is the time one article may take (its share of a batch's parse,
    then its own chunks and extractors), in seconds of ``clock`` (the thread's CPU
    time). A text longer than ``chunk_chars`` is parsed alone, in chunks of about
    that size.
    """
    nlp = load_nlp()
    for group in _groups(articles, chunk_chars):
        if len(group) == 1 and len(group[0].text) > chunk_chars:
            yield _annotate_long(nlp, group[0], Budget(budget_s, clock), chunk_chars)
        else:
            yield from _annotate_batch(nlp, group, budget_s, clock)


def annotate_all(articles: Iterable[Article]) -> Iterator[Article]:
    """Each article with sentences, mentions, quantities, dates and quotes filled in,
    with no time budget; a text over ``MAX_CHARS`` raises ``NewsweaveError``."""
    for result in annotate_each(articles, budget_s=math.inf):
        if isinstance(result, NotAnnotated):
            raise NewsweaveError(f"{result.article.origin}: {result.reason}")
        yield result


def annotate(article: Article) -> Article:
    """One article annotated (see ``annotate_all`` for many)."""
    return next(annotate_all([article]))


def _groups(articles: Iterable[Article], chunk_chars: int) -> Iterator[list[Article]]:
    """Batches of short articles in order; each long article alone."""
    batch: list[Article] = []
    chars = 0
    for article in articles:
        size = len(article.text)
        full = len(batch) == PIPE_BATCH or chars + size > PIPE_BATCH_CHARS
        if batch and (size > chunk_chars or full):
            yield batch
            batch, chars = [], 0
        if size > chunk_chars:
            yield [article]
        else:
            batch.append(article)
            chars += size
    if batch:
        yield batch


def _annotate_batch(
    nlp: Language, batch: list[Article], budget_s: float, clock: Clock
) -> Iterator[Article | NotAnnotated]:
    """Short articles parsed together; each charged its share of the parse by length."""
    start = clock()
    docs = list(nlp.pipe((a.text for a in batch), batch_size=len(batch)))
    parse_s = clock() - start
    total = max(sum(len(a.text) for a in batch), 1)
    for article, doc in zip(batch, docs, strict=True):
        budget = Budget(budget_s, clock, spent=parse_s * len(article.text) / total)
        yield _extract(article, doc, budget)


def _annotate_long(
    nlp: Language, article: Article, budget: Budget, chunk_chars: int
) -> Article | NotAnnotated:
    if len(article.text) > MAX_CHARS:
        return NotAnnotated(
            article,
            f"text of {len(article.text):,} characters is over the {MAX_CHARS:,} character "
            "limit for annotation: split it into smaller articles",
        )
    try:
        doc = parse_in_chunks(nlp, article.text, budget, chunk_chars)
    except BudgetExceeded as exc:
        return NotAnnotated.over_budget(article, exc)
    return _extract(article, doc, budget)


def _extract(article: Article, doc: Doc, budget: Budget) -> Article | NotAnnotated:
    """Every extractor over one parse, the budget checked after each."""
    try:
        budget.check("parsing")
        sentences = split_sentences(article.text)
        budget.check("sentences")
        mentions = find_entities(doc)
        budget.check("entities")
        quantities = find_quantities(doc, sentences)
        budget.check("numbers")
        dates = anchor_dates(doc, find_dates(doc, sentences, article.published))
        budget.check("dates")
        quotes = find_quotes(doc, sentences, mentions)
        budget.check("quotes")
    except BudgetExceeded as exc:
        return NotAnnotated.over_budget(article, exc)
    return replace(article, sentences=sentences, mentions=mentions, quantities=quantities,
                   dates=dates, quotes=quotes)
