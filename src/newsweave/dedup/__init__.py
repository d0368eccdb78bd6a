"""Near-duplicate detection: word-shingle MinHash sketches in a banded LSH index."""

from newsweave.dedup.index import NEAR_DUPLICATE_JACCARD, Deduplicator
from newsweave.dedup.shingles import (
    MINHASH_SEED,
    NUM_PERM,
    SHINGLE_SIZE,
    exact_jaccard,
    shingles,
    signature,
    signature_bytes,
    signature_from_bytes,
    signature_version,
)

__all__ = [
    "MINHASH_SEED",
    "NEAR_DUPLICATE_JACCARD",
    "NUM_PERM",
    "SHINGLE_SIZE",
    "Deduplicator",
    "exact_jaccard",
    "shingles",
    "signature",
    "signature_bytes",
    "signature_from_bytes",
    "signature_version",
]
