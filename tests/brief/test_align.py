"""Sentence alignment across articles: same fact aligns, shared topic does not."""

from __future__ import annotations

from dataclasses import replace

from tests.brief.storykit import make_article

from newsweave.brief.align import align
from newsweave.brief.features import article_features, content_stems
from newsweave.model import Quantity

VOTE_A = ("On Monday the Iraqi parliament voted on a non legally binding motion ordering the "
          "Americans to remove troops from the country in response to the attack.")
VOTE_B = ("This comes on the same day as the Iraqi Parliament passed a motion that decreed "
          "the removal of all US troops from Iraq.")
TOPIC_A = "Thousands of troops remain stationed in Iraq as tensions rise across the region."
TOPIC_B = "Critics say the troops in Iraq face an uncertain future after the strike."


def test_same_fact_aligns_and_shared_topic_does_not() -> None:
    a = make_article(f"{VOTE_A} {TOPIC_A}", "Daily Ledger", ("Iraq", "Iraqi"))
    b = make_article(f"{TOPIC_B} {VOTE_B}", "Evening Wire", ("Iraq", "Iraqi"))
    alignment = align([a, b])
    multi = alignment.multi_source
    assert len(multi) == 1
    assert set(multi[0].members) == {(a.id, 0), (b.id, 1)}
    assert set(multi[0].sources) == {"Daily Ledger", "Evening Wire"}
    # the topic-only sentences each stay alone
    assert len(alignment.group_of((a.id, 1)).members) == 1
    assert len(alignment.group_of((b.id, 0)).members) == 1


def test_every_sentence_in_exactly_one_group() -> None:
    a = make_article(f"{VOTE_A} {TOPIC_A}", "Daily Ledger")
    b = make_article(f"{VOTE_B} {TOPIC_B}", "Evening Wire")
    alignment = align([a, b])
    refs = [r for g in alignment.groups for r in g.members]
    assert sorted(refs) == sorted([(a.id, 0), (a.id, 1), (b.id, 0), (b.id, 1)])


def test_sentences_of_one_article_never_group_together() -> None:
    text = f"{VOTE_A} {VOTE_A.replace('On Monday', 'Yesterday')}"
    a = make_article(text, "Daily Ledger")
    b = make_article(VOTE_B, "Evening Wire")
    for group in align([a, b]).groups:
        ids = [aid for aid, _ in group.members]
        assert len(ids) == len(set(ids))


def test_shared_numbers_help_short_paraphrases_align() -> None:
    a = make_article("The economy added 943,000 jobs in July, the Labor Department said.",
                     "Daily Ledger")
    b = make_article("Employers added 943,000 jobs in July as hiring picked up.", "Evening Wire")
    assert len(align([a, b]).multi_source) == 1


def test_alignment_does_not_depend_on_article_order() -> None:
    a = make_article(f"{VOTE_A} {TOPIC_A}", "Daily Ledger")
    b = make_article(f"{TOPIC_B} {VOTE_B}", "Evening Wire")
    assert align([a, b]).groups == align([b, a]).groups


def test_empty_story() -> None:
    assert align([]).groups == ()


def test_number_keys_use_quantity_values_and_digits_no_quantity_covers() -> None:
    text = "Officials offered a $80m reward and ended a 17-year mission on Monday."
    base = make_article(text, "Daily Ledger")
    start = text.index("$80m")
    reward = Quantity(start, start + 4, "$80m", 80_000_000.0, "money", unit="USD", sentence=0)
    article = replace(base, quantities=(reward,))
    (feature,) = article_features(article)
    assert feature.numbers == {"80000000", "17"}


def test_content_stems_keep_country_abbreviations_and_drop_stopwords() -> None:
    stems = content_stems("The U.S. and the UK said they would remove the troops.")
    assert {"usa", "uk", "remov", "troop"} <= stems
    assert not stems & {"the", "and", "they", "would", "said"}
