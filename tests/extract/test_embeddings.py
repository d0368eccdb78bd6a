"""The packaged sentence embedding model: files as recorded, vectors that mean something."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from newsweave.errors import NewsweaveError
from newsweave.extract import embeddings
from newsweave.extract.embeddings import (
    DIMENSIONS,
    MODEL_SHA256,
    TOKENIZER_PATH,
    TOKENIZER_SHA256,
    CachedEmbedder,
    load_encoder,
    model_path,
    text_key,
)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_model_and_tokenizer_files_match_their_recorded_hashes() -> None:
    assert _sha256(TOKENIZER_PATH) == TOKENIZER_SHA256
    assert _sha256(model_path()) == MODEL_SHA256


def test_a_changed_file_is_refused_with_the_fix(tmp_path: Path) -> None:
    bad = tmp_path / "tokenizer.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(NewsweaveError, match="reinstall newsweave"):
        embeddings._checked(bad, TOKENIZER_SHA256)


def test_vectors_are_unit_length_and_paraphrases_are_closer_than_other_facts() -> None:
    encoder = load_encoder()
    vectors = encoder.encode([
        "The parliament voted to expel all foreign troops from the country.",
        "Lawmakers passed a motion demanding the removal of foreign soldiers.",
        "The central bank raised interest rates by half a point.",
    ])
    assert vectors.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_batches_do_not_change_a_vector() -> None:
    encoder = load_encoder()
    text = "Rescue teams searched the rubble through the night."
    alone = encoder.encode([text])[0]
    padded = encoder.encode([text, "A much longer sentence " * 10])[0]
    assert np.allclose(alone, padded, atol=1e-4)


class _Counting:
    """An encoder stand-in that counts what it is asked to embed."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.seen.extend(texts)
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        out[:, 0] = 1.0
        return out


class _Shelf:
    def __init__(self) -> None:
        self.saved: dict[str, bytes] = {}

    def vectors(self, keys: list[str]) -> dict[str, bytes]:
        return {k: self.saved[k] for k in keys if k in self.saved}


def test_cache_embeds_each_text_once_and_persisted_vectors_are_reused() -> None:
    fake = _Counting()
    shelf = _Shelf()
    first = CachedEmbedder(shelf, encoder=lambda: fake)  # type: ignore[arg-type, return-value]
    first.embed(["a b c", "d e f", "a b c"])
    assert fake.seen == ["a b c", "d e f"]
    shelf.saved.update(first.take_pending())
    assert set(shelf.saved) == {text_key("a b c"), text_key("d e f")}
    second = CachedEmbedder(shelf, encoder=lambda: fake)  # type: ignore[arg-type, return-value]
    out = second.embed(["d e f", "g h i"])
    assert fake.seen == ["a b c", "d e f", "g h i"]
    assert out.shape == (2, DIMENSIONS) and out[0, 0] == 1.0
    assert second.computed == 1
