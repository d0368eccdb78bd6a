"""Whether two sentences of different articles state the same fact: the pair score.

A sentence embedding (``extract.embeddings``) sees paraphrase ("6,000 military
personnel" / "5,200 soldiers") but calls "5,200 troops in Iraq" and "5,200 troops in
Syria" the same; words, names and places keep the discriminating signal. The score
is a logistic model over a few general features of the pair, fitted on the
hand-labelled pairs of ``evaluation/alignment`` (calibration half "a"; see
``evaluation/alignment/calibrate.py``, which prints the sweep recorded here).

Embedding a sentence costs far more than comparing word sets, so pairs are
prefiltered: only a pair that shares a number, or whose word vectors are close at
all, is scored with embeddings.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from newsweave.brief.features import SentenceFeature

# Prefilter: a pair is scored with embeddings when its idf-weighted word cosine
# reaches this or it shares a number. It keeps 0.974 of the "same" pairs of half a
# (b: 1.0); 0.1 keeps 0.94 (0.95). A shared name alone lets nearly every pair of a
# story through (its names are the story's) and adds no "same" pair.
PREFILTER_WORD_COSINE = 0.05
# Sentences shorter than this (in words) are headings, bylines, captions or
# fragments: they state no fact to align, and embedding them costs as much as any.
MIN_ALIGN_WORDS = 5
SHARED_CAP = 5  # shared content words beyond this add nothing (long sentences)

# Logistic weights over the pair features (bias first), fitted on half "a" of the
# labelled pairs (evaluation/alignment: 270 pairs of 20 events, 117 "same") with
# L2, C=100 (C=1 and C=10 shrink the embedding weight and lose precision at every
# threshold; C=1000 gives the same weights). Entity overlap, place and person
# clashes and the length ratio were tried as well and left out: on half "a" they
# moved precision at 0.6 by under 0.02 and recall not at all (calibrate.py --all).
W_BIAS = -6.65
W_EMBEDDING = 6.96
W_WORD_COSINE = 3.12
W_SHARED = 0.58  # per shared content word or number, up to SHARED_CAP

# Probability at and above which a pair is one fact (agreement needs this).
# Precision / recall of "same" on half a (b): 0.5 0.898/0.829 (0.873/0.807);
# 0.6 0.959/0.803 (0.904/0.790); 0.7 0.968/0.769 (0.926/0.739). The labelled pairs
# over-sample hard cases, so precision in a whole story is higher still.
LINK_PROBABILITY = 0.6
# Agreement is shown only where each cited sentence links to the quoted one at least
# this strongly: "agreed" must hold for every source named. Judged agreed items of
# the 12 judged dev events (facts protocol), share right by the weakest cited
# link, half a (b): >= 0.6 0.733 of 60 (0.757 of 37); 0.7 0.792 (0.821);
# 0.8 0.914 of 35 (0.923 of 13); 0.9 0.950 of 20 (0.889 of 9).
AGREE_PROBABILITY = 0.8
# Below this no other source is taken to state a sentence: a single-source item
# must score under it against every sentence and title of every other source.
# Share of "same" or "related" pairs reaching it on half a (b): 0.05 0.928 (0.953),
# 0.1 0.862 (0.901), 0.2 0.766 (0.784); a sentence is checked against every
# sentence of the other sources, so its own chance of being caught is higher.
SUPPORT_PROBABILITY = 0.1


@dataclass(frozen=True, slots=True)
class PairFeatures:
    """What the score of one pair is computed from."""

    embedding: float  # cosine of the sentence embeddings
    word_cosine: float  # cosine of idf-weighted content words, names and numbers
    shared: int  # content words (outside shared names) and numbers in common
    names: int  # entity keys in common
    place_clash: bool
    person_clash: bool
    length_ratio: float
    containment: float = 0.0  # shared content words / content words of the shorter

    def vector(self) -> tuple[float, ...]:
        """The values the model weighs, in ``WEIGHTS`` order."""
        return (self.embedding, self.word_cosine, float(min(self.shared, SHARED_CAP)))

    def candidates(self) -> tuple[float, ...]:
        """Every feature, the model's first (for refitting with ``calibrate.py --all``)."""
        return (*self.vector(), float(min(self.names, SHARED_CAP)), float(self.place_clash),
                float(self.person_clash), self.length_ratio, self.containment)


WEIGHTS = (W_EMBEDDING, W_WORD_COSINE, W_SHARED)


def _clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name some, and no name of one shares a word with a name of the other
    (so "Soleimani" / "Qassem Soleimani" do not clash, "Iraq" / "Syria" do)."""
    if not a or not b or a & b:
        return False
    words_a = {w for k in a for w in k.split()}
    return not any(w in words_a for k in b for w in k.split())


def shared_content(a: SentenceFeature, b: SentenceFeature) -> frozenset[str]:
    """Stems both sentences use outside the names they both mention, and numbers."""
    words = (a.stems & b.stems) - (a.name_stems & b.name_stems)
    return words | {f"n:{v}" for v in a.numbers & b.numbers}


def alignable(a: SentenceFeature) -> bool:
    """Long enough to state a fact."""
    return len(a.sentence.text.split()) >= MIN_ALIGN_WORDS


def passes_prefilter(a: SentenceFeature, b: SentenceFeature, word_cosine: float) -> bool:
    """Whether a pair is worth embedding: both long enough, and close words or a
    shared number."""
    if not (alignable(a) and alignable(b)):
        return False
    return word_cosine >= PREFILTER_WORD_COSINE or bool(a.numbers & b.numbers)


def pair_features(a: SentenceFeature, b: SentenceFeature, embedding: float,
                  word_cosine: float) -> PairFeatures:
    """The features of the pair (a, b) given their two cosines."""
    len_a = max(len(a.sentence.text.split()), 1)
    len_b = max(len(b.sentence.text.split()), 1)
    shared = len(shared_content(a, b))
    shorter = max(min(len(a.stems | a.numbers), len(b.stems | b.numbers)), 1)
    return PairFeatures(
        embedding=embedding, word_cosine=word_cosine, containment=min(shared / shorter, 1.0),
        shared=shared, names=len(a.entities & b.entities),
        place_clash=_clash(a.places, b.places), person_clash=_clash(a.people, b.people),
        length_ratio=min(len_a, len_b) / max(len_a, len_b),
    )


def link_probability(features: PairFeatures) -> float:
    """Probability that the pair states one fact (the fitted logistic model)."""
    z = W_BIAS + sum(w * x for w, x in zip(WEIGHTS, features.vector(), strict=True))
    return 1.0 / (1.0 + math.exp(-z))
