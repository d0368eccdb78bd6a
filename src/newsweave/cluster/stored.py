"""Clustering features as stored beside an article, so reloading the index decodes nothing.

A stored row is reused only under the version it was written with. The version names
the format and fingerprints the settings ``extract_features`` depends on (title weight,
stop words, word length, surname expansion); a change to how the features are computed
that these do not capture must bump ``FEATURES_FORMAT``, and every stored row is then
recomputed once from its article on the next ingest.
"""

from __future__ import annotations

import json
from functools import cache

from newsweave.cluster import features as _features
from newsweave.cluster.features import Features
from newsweave.model import content_id

FEATURES_FORMAT = 2  # 2: a flagged publication date counts as undated


@cache
def features_version() -> str:
    """The version a stored features row must carry to be reused."""
    settings = (
        str(_features.TITLE_WEIGHT),
        str(_features.MIN_WORD_CHARS),
        str(_features.SURNAME_EXPANSION),
        *sorted(_features.STOP_WORDS),
    )
    return f"{FEATURES_FORMAT}:{content_id('', *settings)}"


def features_bytes(feat: Features) -> bytes:
    """One article's features as compact JSON bytes (the id is the row's key)."""
    record = {"w": feat.words, "e": feat.entities, "d": feat.day}
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"),
                      sort_keys=True).encode("utf-8")


def features_from_bytes(article_id: str, data: bytes) -> Features:
    """Stored features back, under the article's id."""
    record = json.loads(data)
    day = record["d"]
    return Features(article_id, dict(record["w"]), dict(record["e"]),
                    None if day is None else int(day))
