"""HTML main-text extraction scored on ``pages/``: two formats, two metrics.

- ``pages/aeb.jsonl`` (``html``, ``gold_text``): shingle precision, recall and F1 of
  the article-extraction benchmark (``newsweave.evaluate.shingles``).
- ``pages/trafilatura-eval/annotations.jsonl`` (``with``, ``without``, raw page bytes
  in ``html/<id>.html.gz`` beside it): a ``with`` snippet found in the extracted text
  is a true positive, missing a false negative; a ``without`` snippet found is a false
  positive. Matching is substring search after collapsing every whitespace run (in
  the text and in the snippet) to one space, as trafilatura's evaluation does.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path

from newsweave.clean import to_article
from newsweave.errors import InputError
from newsweave.evaluate.base import EvalReport, Record, Writer
from newsweave.evaluate.shingles import aggregate, score_page
from newsweave.ingest.decode import decode_bytes
from newsweave.model import Article, Document

SNIPPET_FORMAT_FILE = "annotations.jsonl"


def _extract(html: str, origin: str, url: str | None) -> str:
    """The cleaned article text of one page, empty when it is rejected."""
    result = to_article(Document(origin=origin, content=html, format="html", url=url))
    return result.text if isinstance(result, Article) else ""


def _squash(text: str) -> str:
    """Whitespace runs collapsed to one space."""
    return " ".join(text.split())


def run(records: Iterable[Record], write: Writer, path: Path) -> EvalReport:
    """Extract every page of ``path`` and score it (format chosen by the file).

    Writes ``{"id", "text"}`` per page. For ``annotations.jsonl`` the page bytes are
    read from beside the file and decoded with ``decode_bytes``; see the module
    docstring for both metrics.
    """
    if path.name == SNIPPET_FORMAT_FILE:
        return _run_snippets(records, write, path)
    scores = []
    empty = 0
    for index, record in enumerate(records):
        origin = f"{path}:{index + 1}"
        text = _extract(str(record.get("html") or ""), origin, record.get("url"))
        empty += not text
        write({"id": record.get("id"), "text": text})
        scores.append(score_page(str(record.get("gold_text") or ""), text))
    metrics = aggregate(scores)
    metrics["empty"] = float(empty)
    return EvalReport(kind="pages", items=len(scores), metrics=metrics)


def _page_text(record: Record, root: Path) -> tuple[str, str | None]:
    """Extracted text of one trafilatura-eval page, and why it is empty if it is."""
    file = root / str(record["html_file"])
    try:
        html = decode_bytes(gzip.decompress(file.read_bytes()), str(file))
    except InputError as exc:
        return "", str(exc)
    return _extract(html, str(file), record.get("url")), None


def _run_snippets(records: Iterable[Record], write: Writer, path: Path) -> EvalReport:
    """Snippet precision/recall on trafilatura's evaluation set."""
    tp = fn = fp = tn = pages = 0
    problems: list[str] = []
    for record in records:
        text, problem = _page_text(record, path.parent)
        if problem:
            problems.append(problem)
        write({"id": record.get("id"), "text": text})
        flat = _squash(text)
        found_with = sum(_squash(s) in flat for s in record.get("with") or [])
        found_without = sum(_squash(s) in flat for s in record.get("without") or [])
        tp += found_with
        fn += len(record.get("with") or []) - found_with
        fp += found_without
        tn += len(record.get("without") or []) - found_without
        pages += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    total = tp + fn + fp + tn
    metrics = {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "accuracy": (tp + tn) / total if total else 0.0,
        "pages": float(pages),
    }
    notes = [f"{len(problems)} pages not decoded, first: {problems[0]}"] if problems else []
    return EvalReport(kind="pages-snippets", items=pages, metrics=metrics, notes=notes)
