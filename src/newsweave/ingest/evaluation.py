"""How well raw page bytes are decoded: non-ASCII gold snippets found after decoding.

``pages/trafilatura-eval`` ships each page as its raw bytes (gzip, never re-encoded)
with ``with`` snippets that must appear in the article. A snippet that contains a
non-ASCII character survives only a correct decoding, so the share of such snippets
found in the decoded page's visible text measures the decoder. Snippets a correct
decoding still misses (split by markup) lower every decoder alike; compare methods.
"""

from __future__ import annotations

import gzip
import html
import re
from collections.abc import Callable
from pathlib import Path

from charset_normalizer import from_bytes

from newsweave.errors import InputError
from newsweave.evaluate.base import EvalReport, read_jsonl
from newsweave.ingest.decode import decode_bytes

Decoder = Callable[[bytes, str], str]

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def visible_text(page: str) -> str:
    """Page text with tags dropped, entities resolved and whitespace collapsed."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", page)))


def _utf8_replace(data: bytes, origin: str) -> str:
    """Baseline: UTF-8 with U+FFFD for anything else."""
    return data.decode("utf-8", errors="replace")


def _charset_normalizer_only(data: bytes, origin: str) -> str:
    """Baseline: charset-normalizer's best guess alone (UTF-8 when it has none)."""
    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", errors="replace")


def evaluate_decoding(
    bench_dir: Path, limit: int | None = None, decoder: Decoder = decode_bytes
) -> EvalReport:
    """Score ``decoder`` on ``pages/trafilatura-eval``.

    Args:
        bench_dir: the evaluation data folder (``../shared/bench``).
        limit: score only every n-th page so that about ``limit`` pages are read
            (deterministic subsample), or all pages when None.
        decoder: the function under test; ``decode_bytes`` by default.

    Returns:
        An ``EvalReport`` with ``non_ascii_recall`` (share of non-ASCII ``with``
        snippets found), ``recall`` (all snippets) and ``rejected`` (pages the decoder
        refused).
    """
    root = bench_dir / "pages" / "trafilatura-eval"
    records = list(read_jsonl(root / "annotations.jsonl"))
    step = max(1, len(records) // limit) if limit else 1
    found = total = found_na = total_na = rejected = 0
    for record in records[::step]:
        raw = gzip.decompress((root / record["html_file"]).read_bytes())
        try:
            text = visible_text(decoder(raw, record["html_file"]))
        except InputError:
            rejected += 1
            text = ""
        for snippet in record["with"]:
            hit = _SPACE.sub(" ", snippet.strip()) in text
            found += hit
            total += 1
            if not snippet.isascii():
                found_na += hit
                total_na += 1
    return EvalReport(
        kind="decode",
        items=len(records[::step]),
        metrics={
            "non_ascii_recall": found_na / max(1, total_na),
            "recall": found / max(1, total),
            "rejected": float(rejected),
            "non_ascii_snippets": float(total_na),
        },
    )


def main() -> None:
    """Print the decoder's scores beside a UTF-8-only baseline."""
    import sys

    bench = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/bench")
    decoders: tuple[tuple[str, Decoder], ...] = (
        ("decode_bytes", decode_bytes),
        ("utf8-replace", _utf8_replace),
        ("charset-normalizer", _charset_normalizer_only),
    )
    for name, decoder in decoders:
        report = evaluate_decoding(bench, decoder=decoder)
        cells = "  ".join(f"{k}={v:.4f}" for k, v in report.metrics.items())
        print(f"{name:18} pages={report.items}  {cells}")


if __name__ == "__main__":
    main()
