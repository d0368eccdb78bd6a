"""HTML main-text extraction scored on ``pages/``: two formats, two metrics.

- ``pages/aeb.jsonl`` (``html``, ``gold_text``): shingle precision, recall and F1 of
  the article-extraction benchmark (``newsweave.evaluate.shingles``).
- ``pages/trafilatura-eval/annotations.jsonl`` (``with``, ``without``, raw page bytes
  in ``html/<id>.html.gz`` beside it): a ``with`` snippet found in the extracted text
  is a true positive, missing a false negative; a ``without`` snippet found is a false
  positive. Matching is substring search after collapsing every whitespace run (in
  the text and in the snippet) to one space, as trafilatura's evaluation does.

The pages of a set are cleaned together, as one ingest batch is (``clean_documents``):
lines an outlet repeats across its pages count as site furniture.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path

from newsweave.clean import clean_documents
from newsweave.errors import InputError
from newsweave.evaluate.base import EvalReport, Record, Writer
from newsweave.evaluate.shingles import aggregate, score_page
from newsweave.ingest.decode import decode_bytes
from newsweave.model import Article, Document

SNIPPET_FORMAT_FILE = "annotations.jsonl"


def _extract_all(docs: list[Document]) -> list[str]:
    """The cleaned article text of each page, cleaned as one batch; empty when rejected."""
    return [r.text if isinstance(r, Article) else "" for r in clean_documents(docs)]


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
    records = list(records)
    docs = [Document(origin=f"{path}:{index + 1}", content=str(record.get("html") or ""),
                     format="html", url=record.get("url")) for index, record in enumerate(records)]
    for record, text in zip(records, _extract_all(docs), strict=True):
        empty += not text
        write({"id": record.get("id"), "text": text})
        scores.append(score_page(str(record.get("gold_text") or ""), text))
    metrics = aggregate(scores)
    metrics["empty"] = float(empty)
    return EvalReport(kind="pages", items=len(scores), metrics=metrics)


def _page_document(record: Record, root: Path) -> Document | str:
    """One trafilatura-eval page as a document, or why it cannot be decoded."""
    file = root / str(record["html_file"])
    try:
        html = decode_bytes(gzip.decompress(file.read_bytes()), str(file))
    except InputError as exc:
        return str(exc)
    return Document(origin=str(file), content=html, format="html", url=record.get("url"))


def _page_texts(records: list[Record], root: Path) -> tuple[list[str], list[str]]:
    """Extracted text of each page (empty when not decoded) and the decoding problems."""
    read = [_page_document(record, root) for record in records]
    docs = [d for d in read if isinstance(d, Document)]
    texts = iter(_extract_all(docs))
    problems = [d for d in read if isinstance(d, str)]
    return [next(texts) if isinstance(d, Document) else "" for d in read], problems


def _run_snippets(records: Iterable[Record], write: Writer, path: Path) -> EvalReport:
    """Snippet precision/recall on trafilatura's evaluation set."""
    tp = fn = fp = tn = pages = 0
    records = list(records)
    texts, problems = _page_texts(records, path.parent)
    for record, text in zip(records, texts, strict=True):
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
