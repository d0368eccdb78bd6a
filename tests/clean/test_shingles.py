"""The aeb shingle metric on hand-made pages, including its edge cases."""

from __future__ import annotations

import pytest

from newsweave.evaluate.shingles import aggregate, score_page, shingles


def test_shingles_are_token_4grams_with_multiplicity() -> None:
    got = shingles("a b c d a b c d")
    assert got["a b c d"] == 2 and got["b c d a"] == 1 and sum(got.values()) == 5


def test_short_text_is_one_shingle_and_empty_text_none() -> None:
    assert shingles("Hello, world!") == {"Hello world": 1}
    assert not shingles("  ...  ")


def test_perfect_prediction() -> None:
    s = score_page("one two three four five", "one two three four five")
    assert (s.precision, s.recall) == (1.0, 1.0)


def test_extra_boilerplate_lowers_precision_only() -> None:
    gold = "w1 w2 w3 w4 w5 w6"  # 3 shingles
    s = score_page(gold, gold + " share this on facebook now")  # 8 shingles, 3 shared
    assert s.recall == 1.0
    assert s.precision == pytest.approx(3 / 8)
    assert s.tp + s.fp + s.fn == pytest.approx(1.0)


def test_empty_prediction_scores_zero() -> None:
    s = score_page("some gold article text here", "")
    assert (s.precision, s.recall) == (0.0, 0.0)


def test_both_empty_scores_one() -> None:
    s = score_page("", "")
    assert (s.precision, s.recall) == (1.0, 1.0)


def test_prediction_on_empty_gold_scores_zero() -> None:
    s = score_page("", "menu home login")
    assert (s.precision, s.recall) == (0.0, 0.0)


def test_f1_is_harmonic_mean_of_macro_averages() -> None:
    pages = [score_page("a b c d e", "a b c d e"), score_page("a b c d e", "")]
    got = aggregate(pages)
    assert got["precision"] == 0.5 and got["recall"] == 0.5 and got["f1"] == 0.5
    assert aggregate([])["f1"] == 0.0
