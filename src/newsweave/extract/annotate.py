"""Annotate clean articles: sentences, entities, quantities, dates and quotes, anchored.

One spaCy pass per article feeds every extractor; texts go through ``nlp.pipe`` in
batches so a corpus is parsed at the model's full speed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from newsweave.extract.attribution import find_quotes
from newsweave.extract.date_anchors import anchor_dates
from newsweave.extract.dates import find_dates
from newsweave.extract.entities import find_entities
from newsweave.extract.nlp import load_nlp
from newsweave.extract.quantities import find_quantities
from newsweave.extract.sentences import split_sentences
from newsweave.model import Article

PIPE_BATCH = 32  # articles per nlp.pipe batch: bounded memory, full model throughput


def annotate_all(articles: Iterable[Article]) -> Iterator[Article]:
    """Each article with sentences, mentions, quantities, dates and quotes filled in."""
    nlp = load_nlp()
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=PIPE_BATCH):
        sentences = split_sentences(article.text)
        mentions = find_entities(doc)
        yield replace(
            article,
            sentences=sentences,
            mentions=mentions,
            quantities=find_quantities(doc, sentences),
            dates=anchor_dates(doc, find_dates(doc, sentences, article.published)),
            quotes=find_quotes(doc, sentences, mentions),
        )


def annotate(article: Article) -> Article:
    """One article annotated (see ``annotate_all`` for many)."""
    return next(annotate_all([article]))
