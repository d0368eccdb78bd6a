"""Word shingles and their MinHash signature: the sketch layer of near-duplicate search."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import numpy as np
from datasketch import LeanMinHash, MinHash

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


@cache
def signature_version() -> str:
    """What a stored signature must match to be reused: hash scheme, seed and width.

    A datasketch release that changes its hashing changes the scheme name, and the
    signatures stored before are then recomputed rather than compared across schemes.
    """
    return f"{_scheme()}:{_dtype().str}:{MINHASH_SEED}:{NUM_PERM}:{SHINGLE_SIZE}"


def signature_bytes(sketch: MinHash) -> bytes:
    """A signature's hash values as little-endian bytes, for the store."""
    return bytes(np.asarray(sketch.hashvalues).astype(_dtype().newbyteorder("<")).tobytes())


def signature_from_bytes(data: bytes) -> MinHash:
    """A stored signature back (without re-hashing any shingle)."""
    values = np.frombuffer(data, dtype=_dtype().newbyteorder("<")).astype(_dtype())
    return LeanMinHash(seed=MINHASH_SEED, hashvalues=values, scheme=_scheme())


@cache
def _scheme() -> str:
    """The hash scheme datasketch uses for new signatures."""
    return str(signature("").scheme)


@cache
def _dtype() -> np.dtype[np.unsignedinteger]:
    """The integer type of a signature's hash values under that scheme."""
    kind: np.dtype[np.unsignedinteger] = np.dtype(signature("").hashvalues.dtype)
    return kind


def exact_jaccard(a: str, b: str) -> float:
    """Exact shingle Jaccard of two texts (for calibration and tests)."""
    sa, sb = shingles(a), shingles(b)
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)
