"""The diff of two revisions: sentences added, removed and changed, anchored in each."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.dedup.revisions import (
    CHANGED_SENTENCE_MIN_SIMILARITY,
    REVISION_MIN_CONTAINMENT,
    RevisionDiff,
    Span,
    containment,
    diff_revisions,
    is_revision,
    sentence_similarity,
)
from newsweave.model import Article, Sentence, article_id, normalize_for_id

SENTENCES = [
    "The flood forced 2,400 people from their homes in the lower town on Saturday.",
    "River levels peaked at 6.2 metres shortly after midnight, the water agency said.",
    "Volunteers filled sandbags at the football ground through the night.",
    "The mayor said the town would ask the government for emergency funds.",
    "Trains between the town and the coast were cancelled until further notice.",
]
UNRELATED = (
    "The national orchestra opened its winter season with a programme of Nordic "
    "composers, and tickets for every concert sold out within a day."
)


def article(sentences: list[str]) -> Article:
    """An article whose sentences are ``sentences``, one per line."""
    text = "\n".join(sentences)
    spans, at = [], 0
    for s in sentences:
        spans.append(Sentence(at, at + len(s), s))
        at += len(s) + 1
    return Article(id=article_id(text), text=text, origin="flood.txt", sentences=tuple(spans))


def anchored(diff: RevisionDiff, old: Article, new: Article) -> bool:
    pieces = [(c.old, old) for c in diff.changes] + [(c.new, new) for c in diff.changes]
    pieces += [(e.old, old) for c in diff.changes for e in c.edits]
    pieces += [(e.new, new) for c in diff.changes for e in c.edits]
    return all(p is None or a.text[p.start:p.end] == p.text for p, a in pieces)


def test_a_corrected_figure_is_one_changed_sentence() -> None:
    old = article(SENTENCES)
    new = article([SENTENCES[0].replace("2,400", "3,100"), *SENTENCES[1:]])
    diff = diff_revisions(old, new)
    (change,) = diff.changes
    assert change.kind == "changed"
    assert change.old is not None and change.old.text == SENTENCES[0]
    assert change.new is not None and "3,100" in change.new.text
    assert [(e.old.text, e.new.text) for e in change.edits if e.old and e.new] == [
        ("2,400", "3,100")]
    assert anchored(diff, old, new)


def test_added_and_removed_sentences() -> None:
    old = article(SENTENCES)
    added = "Two people were rescued from a car trapped by the water near the bridge."
    new = article([SENTENCES[0], added, *SENTENCES[1:3], *SENTENCES[4:]])
    diff = diff_revisions(old, new)
    assert [(c.kind, c.new.text if c.new else c.old.text if c.old else "")
            for c in diff.changes] == [("added", added), ("removed", SENTENCES[3])]
    assert (diff.count("added"), diff.count("removed"), diff.count("changed")) == (1, 1, 0)
    assert anchored(diff, old, new)


def test_a_sentence_replaced_by_another_is_not_a_change() -> None:
    old = article(SENTENCES)
    new = article([*SENTENCES[:2], UNRELATED, *SENTENCES[3:]])
    kinds = sorted(c.kind for c in diff_revisions(old, new).changes)
    assert kinds == ["added", "removed"]


def test_identical_revisions_have_no_changes() -> None:
    old = article(SENTENCES)
    assert diff_revisions(old, article(SENTENCES)).changes == ()


def test_an_inserted_clause_is_a_change_with_the_words_added() -> None:
    old = article(SENTENCES)
    edited = SENTENCES[2].replace("ground", "ground and the church hall")
    diff = diff_revisions(old, article([*SENTENCES[:2], edited, *SENTENCES[3:]]))
    (change,) = diff.changes
    assert change.kind == "changed"
    assert change.similarity >= CHANGED_SENTENCE_MIN_SIMILARITY
    inserted = [e.new.text for e in change.edits if e.old is None and e.new]
    assert inserted == ["and the church hall"]


def test_an_article_without_sentences_is_compared_whole() -> None:
    old = Article(id="a1", text=SENTENCES[0], origin="x.txt")
    new = Article(id="a2", text=SENTENCES[0].replace("Saturday", "Sunday"), origin="x.txt")
    (change,) = diff_revisions(old, new).changes
    assert change.kind == "changed" and change.new == Span(0, len(new.text), new.text)


def test_similarity_is_symmetric_and_bounded() -> None:
    a, b = SENTENCES[0], SENTENCES[0].replace("2,400", "3,100")
    assert sentence_similarity(a, b) == sentence_similarity(b, a)
    assert 0.0 < sentence_similarity(a, UNRELATED) < CHANGED_SENTENCE_MIN_SIMILARITY
    assert sentence_similarity(a, a) == 1.0


def test_an_edit_is_a_revision_and_another_article_is_not() -> None:
    text = " ".join(SENTENCES)
    corrected = text.replace("6.2 metres", "6.4 metres")
    assert is_revision(text, corrected)
    assert is_revision(text, text + " " + UNRELATED)  # an update adds a paragraph
    assert not is_revision(text, UNRELATED)
    assert containment(text, UNRELATED) < REVISION_MIN_CONTAINMENT
    assert containment("", "") == 1.0 and containment(text, "") == 0.0


_WORDS = st.sampled_from(re.findall(r"\S+", " ".join(SENTENCES)))
_SENTENCE = st.lists(_WORDS, min_size=1, max_size=12).map(lambda w: " ".join(w) + ".")


@settings(max_examples=60, deadline=None)
@given(old=st.lists(_SENTENCE, min_size=0, max_size=6),
       new=st.lists(_SENTENCE, min_size=0, max_size=6))
def test_every_piece_is_anchored_and_every_sentence_accounted(
    old: list[str], new: list[str]
) -> None:
    a, b = article(old), article(new)
    diff = diff_revisions(a, b)
    assert anchored(diff, a, b)
    # whatever is not reported stayed as it was: the same sentences on both sides
    kept_old = Counter(map(normalize_for_id, old)) - Counter(
        normalize_for_id(c.old.text) for c in diff.changes if c.old)
    kept_new = Counter(map(normalize_for_id, new)) - Counter(
        normalize_for_id(c.new.text) for c in diff.changes if c.new)
    assert kept_old == kept_new
