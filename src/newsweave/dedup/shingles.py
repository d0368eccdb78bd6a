"""Word shingles and their MinHash signature: the sketch layer of near-duplicate search."""

from __future__ import annotations

import re
import unicodedata

from datasketch import MinHash

NUM_PERM = 128  # permutations per signature: Jaccard estimate s.d. ~0.04 near 0.7
SHINGLE_SIZE = 5  # words per shingle: one changed word breaks at most 5 shingles
MINHASH_SEED = 1  # fixed so that signatures (and therefore folds) are reproducible

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Case-folded word tokens (punctuation and spacing differences do not count)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[str]:
    """The set of ``size``-word shingles; a text shorter than that is one shingle."""
    tokens = words(text)
    if len(tokens) <= size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def signature(text: str) -> MinHash:
    """The seeded MinHash of a text's shingle set."""
    sketch = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED)
    sketch.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return sketch


def exact_jaccard(a: str, b: str) -> float:
    """Exact shingle Jaccard of two texts (for calibration and tests)."""
    sa, sb = shingles(a), shingles(b)
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)
