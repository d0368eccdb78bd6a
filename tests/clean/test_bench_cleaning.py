"""Cleaning on real texts: the seed articles, and clean article texts left intact."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsweave.clean import clean_documents, to_article
from newsweave.clean.normalize import normalize_text
from newsweave.clean.plaintext import LineStats, strip_boilerplate
from newsweave.model import Article, Document

# Share of word tokens strip_boilerplate must keep on already-clean article texts.
# Measured 0.99977 over all 1,380 texts of stories/*.jsonl + conflicts/dev.jsonl.
MIN_RETENTION = 0.99
SUBSAMPLE_STEP = 2  # every 2nd text, in file order (deterministic)
_WORD = re.compile(r"\w+")

pytestmark = pytest.mark.bench


def _clean_texts(bench: Path) -> list[str]:
    """Article texts of the story and conflict sets, in file order."""
    texts = []
    for path in sorted((bench / "stories").glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    with (bench / "conflicts" / "dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                texts += [d["text"] for d in json.loads(line).get("documents", [])]
    return texts


def _seed(bench: Path, prefix: str) -> str:
    (path,) = (bench.parent / "seeds").glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_forum_tail_of_seed_000_is_dropped(bench_dir: Path) -> None:
    text = normalize_text(_seed(bench_dir, "000"))
    lines = [line for line in text.split("\n") if line.strip()]
    cut = lines.index("Edited by KARL")
    assert strip_boilerplate(text).split("\n") == lines[:cut]


def test_every_paragraph_of_seed_004_is_kept(bench_dir: Path) -> None:
    text = normalize_text(_seed(bench_dir, "004"))
    assert strip_boilerplate(text) == text
    art = to_article(Document(origin="004.txt", content=text, format="text"))
    assert isinstance(art, Article) and art.text == text


def test_clean_texts_keep_their_tokens(bench_dir: Path) -> None:
    texts = [normalize_text(t) for t in _clean_texts(bench_dir)[::SUBSAMPLE_STEP]]
    stats = LineStats.from_texts(texts)
    before = sum(len(_WORD.findall(t)) for t in texts)
    after = sum(len(_WORD.findall(strip_boilerplate(t, stats))) for t in texts)
    assert after / before >= MIN_RETENTION


def test_no_clean_text_is_rejected(bench_dir: Path) -> None:
    # Records with an empty body (52 ECB+ headline-only items) never reach cleaning:
    # ingest rejects them for having no body.
    texts = [t for t in _clean_texts(bench_dir) if t.strip()]
    docs = [Document(origin=f"bench:{i}", content=t, format="text") for i, t in enumerate(texts)]
    rejected = [r for r in clean_documents(docs) if not isinstance(r, Article)]
    assert rejected == []
