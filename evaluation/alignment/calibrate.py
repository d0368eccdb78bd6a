"""Fit the alignment's pair model on half "a" of the labelled pairs and print the sweep.

    .venv/bin/python evaluation/alignment/calibrate.py [--bench ../shared/bench]

Prints the logistic weights fitted on half "a" (to copy into
``src/newsweave/brief/align_score.py``), then precision / recall of "same" on both
halves at a range of probability thresholds, and the recall of "same or related" at
a range of support thresholds. Half "b" is never used for fitting: a gap between the
halves means the weights fit examples, not the problem.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from newsweave.brief.align_score import WEIGHTS
from newsweave.evaluate.alignment import ScoredPair, score_pairs
from newsweave.evaluate.base import read_jsonl

HERE = Path(__file__).resolve().parent
NAMES = ("embedding", "word_cosine", "shared", "names", "place_clash", "person_clash",
         "length_ratio", "containment")
REGULARISATION_C = 100.0
ALL_FEATURES = False  # set by --all: fit every candidate feature, not only the model's


def _matrix(scored: list[ScoredPair]) -> tuple[np.ndarray, np.ndarray]:
    rows = [s.features.candidates() if ALL_FEATURES else s.features.vector() for s in scored]
    x = np.array(rows)
    y = np.array([s.label == "same" for s in scored])
    return x, y


def _sweep(p: np.ndarray, y: np.ndarray, thresholds: list[float]) -> list[str]:
    rows = []
    for t in thresholds:
        pred = p >= t
        tp = int((pred & y).sum())
        prec = tp / pred.sum() if pred.sum() else 0.0
        rec = tp / y.sum() if y.sum() else 0.0
        rows.append(f"{t:.2f}: P {prec:.3f} R {rec:.3f} (n={int(pred.sum())})")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", type=Path, default=HERE.parents[1].parent / "shared" / "bench")
    parser.add_argument("--all", action="store_true", help="fit every candidate feature")
    args = parser.parse_args()
    global ALL_FEATURES
    ALL_FEATURES = args.all
    pairs = list(read_jsonl(HERE / "pairs.jsonl"))
    scored, unmapped = score_pairs(pairs, args.bench / "conflicts" / "dev.jsonl")
    print(f"{len(scored)} pairs scored, {unmapped} not found in the cleaned articles")
    halves = {h: [s for s in scored if s.half == h] for h in ("a", "b")}
    xa, ya = _matrix(halves["a"])
    model = LogisticRegression(C=REGULARISATION_C, max_iter=1000).fit(xa, ya)
    print(f"W_BIAS = {model.intercept_[0]:.3f}")
    for name, w in zip(NAMES, model.coef_[0], strict=False):
        print(f"{name:>13} {w:8.3f}")
    thresholds = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
    for half, part in halves.items():
        x, y = _matrix(part)
        print(f"half {half}: {len(part)} pairs, {int(y.sum())} same; fitted model:")
        print("  " + "\n  ".join(_sweep(model.predict_proba(x)[:, 1], y, thresholds)))
        current = np.array([s.probability for s in part])
        print(f"half {half}: weights in the code now {WEIGHTS}:")
        print("  " + "\n  ".join(_sweep(current, y, thresholds)))
        stated = np.array([s.label != "different" for s in part])
        support = np.array([s.support for s in part])
        print(f"half {half}: support recall of same+related at thresholds:")
        print("  " + "\n  ".join(_sweep(support, stated, [0.05, 0.1, 0.15, 0.2, 0.3])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
