"""Revisions of one article: is a new text an edit of the old one, and what changed.

An outlet that corrects a figure, adds a paragraph or trims a quote publishes a new
revision under the same file, URL or record. ``is_revision`` guards the identity
taken from the origin (a file name or a JSON Lines position can be reused for another
article); ``diff_revisions`` lists the sentences added, removed and changed, with the
words that changed inside each changed sentence. Every piece keeps a half-open span
into its own revision's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from newsweave.dedup.shingles import shingles
from newsweave.model import Article, Sentence, normalize_for_id

# Share of the shorter text's word shingles that the other text holds, at or above
# which a text read from the origin of a stored article is a revision of it; below,
# the origin was reused for another article. Calibrated on half "a" of
# stories/ecbplus-dev.jsonl + stories/newswcl50.jsonl (pairs of records, and revisions
# simulated on each record of 4+ sentences; tests/dedup/test_revisions_bench.py
# re-measures the bounds, re-run it after a change): articles of different gold
# stories reach at most 0.085 (0.056 between the two events of one ECB+ topic and the
# events of NewsWCL50); simulated revisions keep 0.91+ (one figure changed), 1.0 (half
# as much text added, or the last third cut), 0.61+ (a quarter of the sentences
# replaced by another outlet's) and 0.24+ (half replaced). Different articles of one
# gold story at or above 0.1 / 0.15 / 0.2 / 0.3 / 0.4: 10.4% / 7.1% / 5.3% / 3.8% /
# 2.3% of pairs (mostly a shared wire passage, or a stub and its longer version);
# half-replaced revisions below them: 0 / 0 / 0 / 0.6% / 4.3%. Half "b": different
# stories at most 0.043 (0.070 within a topic); one story 12.8% / 9.3% / 7.4% / 5.0% /
# 3.3%; half-replaced revisions below 0.2: none (0.3: 1.4%).
REVISION_MIN_CONTAINMENT = 0.2

# Word similarity (difflib ratio over word tokens) at or above which a removed and an
# added sentence are one sentence changed (the same test re-measures it). Calibrated
# on half "a" of the same files: pairs of different sentences of one article (87,727)
# at or above 0.4 / 0.5 / 0.6 / 0.7: 0.30% / 0.08% / 0.02% / 0.01%. Simulated edits of
# sentences of 8+ words: one figure changed scores 0.89 or more, one word replaced
# 0.78+, four words inserted 0.69+; cutting the last clause (after the last comma,
# often most of the sentence) falls below 0.4 / 0.5 / 0.6 / 0.7 for 9% / 15% / 27% /
# 41% (those show as one sentence removed and one added). Half "b": different
# sentences 0.35% / 0.11% / 0.04% / 0.02%, cut clauses 9% / 15% / 26% / 41%.
CHANGED_SENTENCE_MIN_SIMILARITY = 0.5

ChangeKind = Literal["added", "removed", "changed"]

# Numbers keep their separators ("1,200", "4.5") so a corrected figure is one token.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of one revision's text: ``text == revision.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class WordEdit:
    """Words replaced inside a changed sentence; ``old`` None: inserted, ``new`` None: cut."""

    old: Span | None
    new: Span | None


@dataclass(frozen=True, slots=True)
class SentenceChange:
    """One sentence added, removed or changed between two revisions."""

    kind: ChangeKind
    old: Span | None  # the sentence in the earlier revision (None when added)
    new: Span | None  # the sentence in the later revision (None when removed)
    similarity: float = 0.0  # word similarity of a changed pair
    edits: tuple[WordEdit, ...] = ()


@dataclass(frozen=True, slots=True)
class RevisionDiff:
    """What changed from article ``old_id`` to its revision ``new_id``, in text order."""

    old_id: str
    new_id: str
    changes: tuple[SentenceChange, ...]

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for c in self.changes if c.kind == kind)


def containment(a: str, b: str) -> float:
    """Share of the shorter text's shingles that the other holds (1.0 for two empties)."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 1.0 if sa == sb else 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def is_revision(old_text: str, new_text: str) -> bool:
    """Whether ``new_text`` reads as an edit of ``old_text`` rather than another article."""
    return containment(old_text, new_text) >= REVISION_MIN_CONTAINMENT


def sentence_similarity(a: str, b: str) -> float:
    """Word similarity of two sentences: difflib's ratio over case-folded tokens."""
    return _similarity(_folded(a), _folded(b), 0.0)


def _folded(text: str) -> list[str]:
    return [t.casefold() for t in _TOKEN.findall(text)]


def _similarity(ta: list[str], tb: list[str], floor: float) -> float:
    """The ratio of two token lists; 0.0 as soon as its upper bounds fall under ``floor``."""
    if not ta and not tb:
        return 1.0
    matcher = SequenceMatcher(None, ta, tb, autojunk=False)
    if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
        return 0.0
    return matcher.ratio()


def diff_revisions(old: Article, new: Article) -> RevisionDiff:
    """The sentences added, removed and changed from ``old`` to ``new``."""
    changes = diff_sentences(_pieces(old), _pieces(new))
    return RevisionDiff(old.id, new.id, tuple(changes))


def diff_sentences(old: list[Span], new: list[Span]) -> list[SentenceChange]:
    """Align two revisions' sentences; pair the unmatched ones that changed in place."""
    old_keys = [normalize_for_id(s.text) for s in old]
    new_keys = [normalize_for_id(s.text) for s in new]
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    changes: list[SentenceChange] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            changes.extend(_block_changes(old[i1:i2], new[j1:j2]))
    return changes


def _block_changes(old: list[Span], new: list[Span]) -> list[SentenceChange]:
    """Changes inside one replaced block: most similar pairs first, the rest unpaired."""
    pairs = _pair_by_similarity(old, new)
    paired_old = {i for i, _, _ in pairs}
    paired_new = {j for _, j, _ in pairs}
    ordered: list[tuple[tuple[int, int], SentenceChange]] = []
    for i, s in enumerate(old):
        if i not in paired_old:
            ordered.append(((-1, i), SentenceChange("removed", s, None)))
    for i, j, score in pairs:
        edits = word_edits(old[i], new[j])
        ordered.append(((j, i), SentenceChange("changed", old[i], new[j], score, edits)))
    for j, s in enumerate(new):
        if j not in paired_new:
            ordered.append(((j, -1), SentenceChange("added", None, s)))
    return [change for _, change in sorted(ordered, key=lambda item: item[0])]


def _pair_by_similarity(old: list[Span], new: list[Span]) -> list[tuple[int, int, float]]:
    """Greedy one-to-one pairs at or above the changed-sentence similarity."""
    candidates = []
    new_tokens = [_folded(b.text) for b in new]
    for i, a in enumerate(old):
        tokens = _folded(a.text)
        for j, other in enumerate(new_tokens):
            score = _similarity(tokens, other, CHANGED_SENTENCE_MIN_SIMILARITY)
            if score >= CHANGED_SENTENCE_MIN_SIMILARITY:
                candidates.append((-score, i, j))
    pairs: list[tuple[int, int, float]] = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    for negative, i, j in sorted(candidates):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j, -negative))
    return pairs


def word_edits(old: Span, new: Span) -> tuple[WordEdit, ...]:
    """The runs of tokens replaced, inserted or cut from sentence ``old`` to ``new``."""
    ta, tb = _tokens(old), _tokens(new)
    matcher = SequenceMatcher(
        None, [t.text.casefold() for t in ta], [t.text.casefold() for t in tb], autojunk=False
    )
    edits = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            edits.append(WordEdit(_join(old, ta[i1:i2]), _join(new, tb[j1:j2])))
    return tuple(edits)


def _tokens(sentence: Span) -> list[Span]:
    return [
        Span(sentence.start + m.start(), sentence.start + m.end(), m.group())
        for m in _TOKEN.finditer(sentence.text)
    ]


def _join(sentence: Span, tokens: list[Span]) -> Span | None:
    """The span from the first to the last of ``tokens`` (None when there are none)."""
    if not tokens:
        return None
    start, end = tokens[0].start, tokens[-1].end
    offset = start - sentence.start
    return Span(start, end, sentence.text[offset : offset + end - start])


def _pieces(article: Article) -> list[Span]:
    """The article's sentences, or its whole text when it was never split."""
    sentences: tuple[Sentence, ...] = article.sentences
    if sentences:
        return [Span(s.start, s.end, s.text) for s in sentences]
    return [Span(0, len(article.text), article.text)] if article.text.strip() else []
