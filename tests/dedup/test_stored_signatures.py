"""Stored MinHash signatures fold exactly as freshly computed ones."""

from __future__ import annotations

from newsweave.dedup import (
    Deduplicator,
    signature,
    signature_bytes,
    signature_from_bytes,
    signature_version,
)
from newsweave.model import Article, article_id

WIRE = (
    "Firefighters contained a warehouse fire in the harbour district on Tuesday after "
    "a six-hour battle, the city fire service said. Nobody was hurt, but smoke closed "
    "two schools and the coastal road for most of the afternoon."
)
COPY = "Harbour Herald staff. " + WIRE + " Subscribe for more local news."
OTHER = "The central bank held its main rate at 4 percent, citing slowing inflation."


def article(text: str) -> Article:
    return Article(id=article_id(text), text=text, origin=f"{article_id(text)}.txt")


def test_a_signature_survives_the_round_trip() -> None:
    sketch = signature(WIRE)
    back = signature_from_bytes(signature_bytes(sketch))
    assert list(back.hashvalues) == list(sketch.hashvalues)
    assert back.jaccard(signature(COPY)) == sketch.jaccard(signature(COPY))
    assert signature_from_bytes(signature_bytes(signature(""))).is_empty()


def test_an_index_of_stored_signatures_folds_like_a_fresh_one() -> None:
    stored = [article(OTHER), article(WIRE), article("")]
    fresh = Deduplicator.from_articles(stored)
    loaded = Deduplicator()
    for a in stored:
        loaded.add_sketch(a.id, signature_from_bytes(signature_bytes(signature(a.text))))
    for probe in (article(COPY), article("An unrelated note on rainfall in the hills."),
                  article("* * *"), article("")):
        assert loaded.find(probe) == fresh.find(probe)
    assert loaded.find(article(COPY)) == article(WIRE).id
    assert loaded.find(article("* * *")) is None  # no words: a copy of nothing


def test_the_version_names_what_a_signature_depends_on() -> None:
    scheme, _, seed, perm, size = signature_version().split(":")
    assert scheme == signature("").scheme
    assert (int(seed), int(perm), int(size)) == (1, 128, 5)
