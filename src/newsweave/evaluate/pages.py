"""HTML main-text extraction scored on ``pages/``: two formats, two metrics.

- ``pages/aeb.jsonl`` (``html``, ``gold_text``): shingle precision, recall and F1 of
  the article-extraction benchmark (``newsweave.evaluate.shingles``).
- ``pages/trafilatura-eval/annotations.jsonl`` (``with``, ``without``, raw page bytes
  in ``html/<id>.html.gz`` beside it): a ``with`` snippet found in the extracted text
  is a true positive, missing a false negative; a ``without`` snippet found is a false
  positive. Matching is substring search after collapsing every whitespace run (in
  the text and in the snippet) to one space, as trafilatura's evaluation does.

The pages of a set are cleaned together, as one ingest batch is (``clean_documents``):
lines an outlet repeats across its pages count as site furniture. trafilatura alone
(``extract`` with its default settings, as its published figures were made) is scored
in the same run on the same pages, as ``trafilatura_*`` metrics.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from newsweave.clean.html import trafilatura_config
from newsweave.errors import InputError
from newsweave.evaluate.base import EvalReport, Record, Writer
from newsweave.evaluate.shingles import aggregate, score_page
from newsweave.execution.preparation import clean_together
from newsweave.ingest.decode import decode_bytes
from newsweave.model import Article, Document

if TYPE_CHECKING:
    from newsweave.execution.executor import Executor

SNIPPET_FORMAT_FILE = "annotations.jsonl"
# A gold text of this many characters is a real article body: a page holding one must
# never be rejected; ``rejected_articles`` counts those that were.
ARTICLE_BODY_CHARS = range(1_000, 7_001)


def _extract_all(docs: list[Document], executor: Executor | None) -> list[str]:
    """The cleaned article text of each page, cleaned as one batch; empty when rejected."""
    return [r.text if isinstance(r, Article) else "" for r in clean_together(docs, executor)]


def _trafilatura_texts(docs: list[Document]) -> list[str]:
    """trafilatura's own text of each page, default settings; empty when it finds none."""
    import trafilatura

    texts = []
    for doc in docs:
        try:
            text = trafilatura.extract(doc.content, url=doc.url, config=trafilatura_config())
            texts.append(text or "")
        except (ValueError, TypeError, AttributeError, LookupError, RecursionError):
            texts.append("")
    return texts


def _squash(text: str) -> str:
    """Whitespace runs collapsed to one space."""
    return " ".join(text.split())


def run(records: Iterable[Record], write: Writer, path: Path, *,
        executor: Executor | None = None) -> EvalReport:
    """Extract every page of ``path`` and score it (format chosen by the file).

    Writes ``{"id", "text"}`` per page. For ``annotations.jsonl`` the page bytes are
    read from beside the file and decoded with ``decode_bytes``; see the module
    docstring for both metrics. ``executor`` runs the extraction (default: here).
    """
    if path.name == SNIPPET_FORMAT_FILE:
        return _run_snippets(records, write, path, executor)
    scores, reference = [], []
    empty = 0
    records = list(records)
    docs = [Document(origin=f"{path}:{index + 1}", content=str(record.get("html") or ""),
                     format="html", url=record.get("url")) for index, record in enumerate(records)]
    texts = _extract_all(docs, executor)
    for record, text, alone in zip(records, texts, _trafilatura_texts(docs), strict=True):
        empty += not text
        write({"id": record.get("id"), "text": text})
        gold = str(record.get("gold_text") or "")
        scores.append(score_page(gold, text))
        reference.append(score_page(gold, alone))
    metrics = aggregate(scores)
    metrics["empty"] = float(empty)
    metrics["rejected_articles"] = float(sum(
        not text and len(str(record.get("gold_text") or "")) in ARTICLE_BODY_CHARS
        for record, text in zip(records, texts, strict=True)))
    metrics.update({f"trafilatura_{k}": v for k, v in aggregate(reference).items()
                    if k in ("precision", "recall", "f1")})
    return EvalReport(kind="pages", items=len(scores), metrics=metrics)


def _page_document(record: Record, root: Path) -> Document | str:
    """One trafilatura-eval page as a document, or why it cannot be decoded."""
    file = root / str(record["html_file"])
    try:
        html = decode_bytes(gzip.decompress(file.read_bytes()), str(file))
    except InputError as exc:
        return str(exc)
    return Document(origin=str(file), content=html, format="html", url=record.get("url"))


def _page_texts(records: list[Record], root: Path,
                executor: Executor | None) -> tuple[list[str], list[str], list[str]]:
    """Extracted text of each page (empty when not decoded), trafilatura's own text of
    it, and the decoding problems."""
    read = [_page_document(record, root) for record in records]
    docs = [d for d in read if isinstance(d, Document)]
    texts, alone = iter(_extract_all(docs, executor)), iter(_trafilatura_texts(docs))
    problems = [d for d in read if isinstance(d, str)]
    ours = [next(texts) if isinstance(d, Document) else "" for d in read]
    reference = [next(alone) if isinstance(d, Document) else "" for d in read]
    return ours, reference, problems


def _snippet_counts(records: list[Record], texts: list[str]) -> tuple[int, int, int, int]:
    """True positives, false negatives, false positives, true negatives over the pages."""
    tp = fn = fp = tn = 0
    for record, text in zip(records, texts, strict=True):
        flat = _squash(text)
        found_with = sum(_squash(s) in flat for s in record.get("with") or [])
        found_without = sum(_squash(s) in flat for s in record.get("without") or [])
        tp += found_with
        fn += len(record.get("with") or []) - found_with
        fp += found_without
        tn += len(record.get("without") or []) - found_without
    return tp, fn, fp, tn


def _snippet_metrics(tp: int, fn: int, fp: int, tn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    total = tp + fn + fp + tn
    return {"precision": precision, "recall": recall, "f1": f1,
            "accuracy": (tp + tn) / total if total else 0.0}


def _run_snippets(records: Iterable[Record], write: Writer, path: Path,
                  executor: Executor | None) -> EvalReport:
    """Snippet precision/recall on trafilatura's evaluation set."""
    records = list(records)
    texts, reference, problems = _page_texts(records, path.parent, executor)
    for record, text in zip(records, texts, strict=True):
        write({"id": record.get("id"), "text": text})
    metrics = _snippet_metrics(*_snippet_counts(records, texts))
    metrics["pages"] = float(len(records))
    metrics["empty"] = float(sum(not t for t in texts))
    alone = _snippet_metrics(*_snippet_counts(records, reference))
    metrics.update({f"trafilatura_{k}": alone[k] for k in ("precision", "recall", "f1")})
    notes = [f"{len(problems)} pages not decoded, first: {problems[0]}"] if problems else []
    return EvalReport(kind="pages-snippets", items=len(records), metrics=metrics, notes=notes)
