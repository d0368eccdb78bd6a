"""Sentence features shared by alignment, facts and the summary.

A sentence becomes a bag of terms: stems of its content words, plus the keys of the
entities and the values of the numbers it states (entities and numbers are what make
two sentences state the *same* fact rather than merely share a topic). Terms are
weighted by inverse sentence frequency over the story, so words every outlet repeats
("troops", "Iraq") weigh little and the specifics ("motion", "parliament") weigh much.
Pure over ``Article``: no parser is needed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

import numpy as np
import snowballstemmer  # type: ignore[import-untyped, unused-ignore]
from scipy import sparse

from newsweave.extract.attribution import (
    is_quote_fragment,
    is_unattributed_quote,
    speaker_of,
)
from newsweave.model import Article, Citation, Sentence

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
MIN_STEM_CHARS = 2  # one-letter stems ("s" of a split possessive) carry nothing
# Country abbreviations would otherwise fold into stopwords ("US" -> "us") or vanish
# as one-letter tokens ("U.S."); map them to one content word each.
ABBREVIATIONS = (
    (re.compile(r"\bU\.\s?S\.(?:\s?A\.)?|\bUSA?\b"), " usa "),
    (re.compile(r"\bU\.\s?K\.|\bUK\b"), " uk "),
    (re.compile(r"\bU\.\s?N\.|\bUN\b"), " un "),
)

# "order" is listed because it is mostly "in order to"; titles ("former", "president",
# "secretary") come with names, so two sentences naming officials share them without
# sharing a fact (neus-val: 3 of 9 short-rule links in 80 stories rested on them).
_STOPWORD_TEXT = """a about above after again against all also although am an and any are as at be
    because been before being below between both but by can could did do does doing
    down during each either even ever every few for from further had has have having he
    her here hers herself him himself his how however i if in into is it its itself
    just last least less let like made make many may me might more most much must my
    myself neither new no nor not now of off on once one only or other others our ours
    ourselves out over own per rather said same say says saying she should since so
    some still such than that the their theirs them themselves then there these they
    this those though through thus to too under until up upon us very via was we were
    what when where whether which while who whom whose why will with within without
    would yet you your yours yourself yourselves told according tell year years week
    weeks day days time monday tuesday wednesday thursday friday saturday sunday
    mr mrs ms order
    president former vice secretary sen senator rep gov governor minister prime chief
    leader spokesman spokeswoman spokesperson official officials"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@dataclass(frozen=True, slots=True)
class SentenceFeature:
    """One sentence of one article with the terms it is compared by."""

    article_id: str
    index: int  # into Article.sentences
    source: str
    sentence: Sentence
    stems: frozenset[str]
    entities: frozenset[str]
    numbers: frozenset[str]
    name_stems: frozenset[str]  # stems of the words inside its entity mentions
    position: float  # 0.0 = first sentence of its article, towards 1.0 = last
    places: frozenset[str] = frozenset()  # keys of its PLACE mentions
    people: frozenset[str] = frozenset()  # keys of its PERSON mentions
    fragment: bool = False  # a quotation, or a piece of one, with no speaker in it

    @property
    def ref(self) -> tuple[str, int]:
        return (self.article_id, self.index)

    @property
    def terms(self) -> frozenset[str]:
        """Everything the vector is built from; entity and number terms are prefixed."""
        return (
            self.stems
            | {f"e:{k}" for k in self.entities}
            | {f"n:{v}" for v in self.numbers}
        )


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


STEM_CACHE_SIZE = 200_000  # distinct words kept; news vocabularies stay far below


@lru_cache(maxsize=STEM_CACHE_SIZE)
def stem(word: str) -> str:
    """The Snowball (Porter 2) English stem of a lower-cased word."""
    return str(_stemmer().stemWord(word))


def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words of ``text`` (stopwords and one-letter tokens dropped)."""
    for pattern, word in ABBREVIATIONS:
        text = pattern.sub(word, text)
    words = [w.lower().replace("’", "'") for w in WORD_RE.findall(text)]
    words = [w[:-2] if w.endswith("'s") else w.strip("'") for w in words]
    kept = [w for w in words if w not in STOPWORDS and "n't" not in w]
    stems = [stem(w) for w in kept]
    return frozenset(s for s in stems if len(s) >= MIN_STEM_CHARS and s not in STOPWORDS)


NUMBER_RE = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


def _number_key(value: float) -> str:
    """A canonical key for a number: 5200.0 -> "5200", 8e7 -> "80000000"."""
    return f"{value:.15g}" if abs(value) < 1e15 else f"{value:g}"


def _sentence_numbers(article: Article, sent: Sentence) -> frozenset[str]:
    """Values of the quantities in ``sent``, plus digit numbers no quantity covers.

    Quantities give the resolved value ("$80m" -> 80000000); the digit fallback keeps
    numbers the extractor skipped ("17-year"), keyed by their written value.
    """
    quantities = [q for q in article.quantities
                  if sent.start <= q.start and q.end <= sent.end]
    keys = {_number_key(q.value) for q in quantities if q.kind != "ordinal"}
    for m in NUMBER_RE.finditer(sent.text):
        start = sent.start + m.start()
        covered = any(q.start <= start < q.end for q in quantities)
        digits = m.group().replace(",", "")
        if not covered and digits:
            keys.add(_number_key(float(digits)))
    return frozenset(keys)


def article_features(article: Article) -> tuple[SentenceFeature, ...]:
    """Features of every sentence of ``article``, in order."""
    count = max(len(article.sentences), 1)
    out: list[SentenceFeature] = []
    for i, sent in enumerate(article.sentences):
        inside = [m for m in article.mentions if sent.start <= m.start and m.end <= sent.end]
        out.append(SentenceFeature(
            article_id=article.id, index=i, source=article.label, sentence=sent,
            stems=content_stems(sent.text),
            entities=frozenset(m.key for m in inside),
            numbers=_sentence_numbers(article, sent),
            name_stems=frozenset().union(*(content_stems(m.text) for m in inside)),
            position=i / count,
            places=frozenset(m.key for m in inside if m.label == "PLACE"),
            people=frozenset(m.key for m in inside if m.label == "PERSON"),
            fragment=is_quote_fragment(article, i) or is_unattributed_quote(article, i),
        ))
    return tuple(out)


def story_features(articles: Sequence[Article]) -> tuple[SentenceFeature, ...]:
    """Features of every sentence of every article, articles in id order."""
    ordered = sorted(articles, key=lambda a: a.id)
    return tuple(f for a in ordered for f in article_features(a))


def tfidf_matrix(features: Sequence[SentenceFeature]) -> sparse.csr_matrix:
    """Row-normalised term weights (binary tf x smoothed idf) of each sentence (sparse)."""
    df: Counter[str] = Counter()
    for f in features:
        df.update(f.terms)
    vocab = {t: i for i, t in enumerate(sorted(df))}
    n = len(features)
    rows: list[int] = []
    cols: list[int] = []
    weights: list[float] = []
    for row, f in enumerate(features):
        terms = sorted(f.terms)
        idf = [math.log((1 + n) / (1 + df[t])) + 1.0 for t in terms]
        norm = math.sqrt(sum(w * w for w in idf)) or 1.0
        rows.extend([row] * len(terms))
        cols.extend(vocab[t] for t in terms)
        weights.extend(w / norm for w in idf)
    return sparse.csr_matrix((weights, (rows, cols)), shape=(n, len(vocab)), dtype=np.float64)


def cosine_matrix(features: Sequence[SentenceFeature]) -> np.ndarray:
    """Pairwise cosine of the sentences' tf-idf vectors (dense, n x n)."""
    vectors = tfidf_matrix(features)
    return np.asarray((vectors @ vectors.T).toarray(), dtype=np.float64)


def cite(article: Article, index: int) -> Citation:
    """A citation quoting the whole sentence ``index`` of ``article``."""
    s = article.sentences[index]
    return replace(Citation.quote(article, s.start, s.end), speaker=speaker_of(article, index))
