"""Per-article clustering features: content words, entity keys and an anchor date.

Weighting is shared by the batch and incremental modes: sublinear term frequency times
smoothed IDF (``ln((1 + n) / (1 + df)) + 1``), L2-normalised, one block for words and
one for entities, so that both modes score a pair of articles the same way given the
same document frequencies.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix

from newsweave.cluster.stopwords import ENGLISH_STOP_WORDS
from newsweave.model import Article, Mention, day_ordinal

# Title words count this many times: a headline names the event more densely than the
# body. Calibrated on stories/ecbplus-dev.jsonl, batch, cut 0.2, ENTITY_WEIGHT 0.3:
# BCubed F1 0.860 / 0.866 / 0.868 at weight 1 / 2 / 3 (within noise; 2 kept as the middle).
TITLE_WEIGHT = 2

# Words too common in news to tell events apart, on top of the English list (stopwords.py).
NEWS_STOP_WORDS = frozenset({
    "said", "says", "told", "according", "reported", "report", "reports", "year",
    "years", "new", "just", "like", "also", "time", "news", "people", "week", "day",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})  # fmt: skip
STOP_WORDS = ENGLISH_STOP_WORDS | NEWS_STOP_WORDS
SURNAME_EXPANSION = True  # see entity_bag; +0.002 BCubed F1 on stories/ecbplus-dev.jsonl
MIN_WORD_CHARS = 3  # shorter alphabetic tokens are mostly noise ("mr", "st", "pm")

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class Features:
    """What the clusterer knows about one article."""

    article_id: str
    words: Mapping[str, int]
    entities: Mapping[str, int]
    day: int | None  # anchor date as a proleptic ordinal, None when undated


def _stem(token: str) -> str:
    """A light plural/possessive fold so "quake" and "quakes" meet."""
    token = re.sub(r"['’]s$", "", token)
    if len(token) > 4 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def content_words(text: str) -> list[str]:
    """Case-folded content-word and number tokens of ``text`` (stop words dropped)."""
    out = []
    for raw in _TOKEN.findall(text.casefold()):
        if raw[0].isdigit():
            out.append(raw.replace(",", ""))
            continue
        token = _stem(raw)
        if len(token) >= MIN_WORD_CHARS and token not in STOP_WORDS:
            out.append(token)
    return out


def anchor_day(article: Article) -> int | None:
    """When the article reports: its publication date, else its latest resolved day.

    A flagged publication date (``Article.date_flag``) counts as unknown.
    """
    published = None if article.date_flag else day_ordinal(article.published)
    if published is not None:
        return published
    days = [d for d in (day_ordinal(m.value) for m in article.dates) if d is not None]
    return max(days) if days else None


def entity_bag(mentions: Sequence[Mention]) -> Counter[str]:
    """Entity keys, each person's surname counted too ("Tara Reid" also as "reid").

    Articles name a person in full once and by surname afterwards, and another outlet
    may never give the first name: the surname is what two reports share.
    """
    bag: Counter[str] = Counter()
    for m in mentions:
        if not m.key:
            continue
        bag[m.key] += 1
        parts = m.key.split()
        if SURNAME_EXPANSION and m.label == "PERSON" and len(parts) > 1:
            bag[parts[-1]] += 1
    return bag


def extract_features(article: Article) -> Features:
    """The clustering features of one article."""
    words = Counter(content_words(article.text))
    for token in content_words(article.title or ""):
        words[token] += TITLE_WEIGHT
    entities = entity_bag(article.mentions)
    return Features(article.id, dict(words), dict(entities), anchor_day(article))


def tf_matrix(bags: Sequence[Mapping[str, int]], vocab: dict[str, int]) -> csr_matrix:
    """Sublinear term frequencies ``1 + ln(tf)``; unseen terms are added to ``vocab``."""
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, bag in enumerate(bags):
        for term in sorted(bag):
            rows.append(r)
            cols.append(vocab.setdefault(term, len(vocab)))
            vals.append(1.0 + math.log(bag[term]))
    data = np.asarray(vals, dtype=np.float64)
    return csr_matrix((data, (rows, cols)), shape=(len(bags), len(vocab)))


def idf_vector(df: np.ndarray, n: int) -> np.ndarray:
    """Smoothed inverse document frequency (scikit-learn's ``smooth_idf`` formula)."""
    result: np.ndarray = np.log((1.0 + n) / (1.0 + df)) + 1.0
    return result


def tfidf(tf: csr_matrix, idf: np.ndarray) -> csr_matrix:
    """Rows of ``tf`` weighted by ``idf`` and L2-normalised (empty rows stay zero)."""
    width = tf.shape[1]
    weighted = csr_matrix(tf.multiply(idf[:width][None, :]))
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0.0] = 1.0
    return csr_matrix(weighted.multiply(1.0 / norms[:, None]))


def document_frequencies(tf: csr_matrix) -> np.ndarray:
    """How many rows hold each column's term."""
    counts: np.ndarray = np.asarray((tf > 0).sum(axis=0), dtype=np.float64).ravel()
    return counts
