"""Evaluate the brief's summary on multi-outlet roundups (NeuS / AllSides).

Each record is one story told by several outlets, with an editor's neutral summary
as reference. The documents go through the product's own pipeline (clean, annotate)
and ``build_brief``; the summary statements joined by spaces are scored against the
reference with ROUGE-1/2/L F1 (``rouge-score``, Porter stemming on), x100, averaged
over records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsweave.brief import build_brief
from newsweave.errors import MissingExtraError
from newsweave.evaluate.base import (
    EvalReport,
    Record,
    Writer,
    document_origin,
    prepared_records,
)
from newsweave.model import Article, Document, Rejection
from newsweave.pipeline import prepare_documents

if TYPE_CHECKING:
    from newsweave.execution.executor import Executor

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")


def _scorer() -> Any:
    """The ROUGE scorer of the ``eval`` extra."""
    try:
        from rouge_score import rouge_scorer
    except ImportError as exc:
        raise MissingExtraError("rouge-score", "eval") from exc
    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def story_documents(record: Record, path: Path) -> list[Document]:
    """The record's documents as plain-text inputs, one outlet each."""
    docs: list[Document] = []
    for i, doc in enumerate(record["documents"]):
        docs.append(Document(
            origin=document_origin(path, record, doc, i),
            content=doc.get("text") or "",
            format="text",
            title=doc.get("title") or None,
            source=doc.get("source") or None,
        ))
    return docs


def summarize_record(record: Record, path: Path) -> tuple[str, int]:
    """The summary text of one record's story, and how many documents were rejected."""
    return summary_of(str(record["id"]), list(prepare_documents(story_documents(record, path))))


def summary_of(story: str, results: Sequence[Article | Rejection]) -> tuple[str, int]:
    """The summary text of one story's prepared documents, and how many were rejected."""
    articles = [r for r in results if isinstance(r, Article)]
    brief = build_brief(story, articles)
    return " ".join(s.text for s in brief.summary), len(results) - len(articles)


def run(records: Iterable[Record], write: Writer, path: Path, *,
        executor: Executor | None = None) -> EvalReport:
    """Score the summaries of ``records`` (roundups JSON Lines read from ``path``).

    Writes ``{"id", "summary"}`` per record and returns ROUGE-1/2/L F1 x100 averaged
    over records (``rouge1``, ``rouge2``, ``rougeL``); a record whose documents are
    all rejected scores 0 with an empty summary. ``executor`` runs the preparation of
    the documents (default: here).
    """
    scorer = _scorer()
    totals = dict.fromkeys(ROUGE_TYPES, 0.0)
    items = rejected = empty = 0
    stories = prepared_records(records, partial(story_documents, path=path), executor)
    for record, results in stories:
        summary, dropped = summary_of(str(record["id"]), results)
        rejected += dropped
        empty += not summary
        write({"id": record["id"], "summary": summary})
        scores = scorer.score(str(record["reference"]), summary)
        for key in ROUGE_TYPES:
            totals[key] += scores[key].fmeasure
        items += 1
    metrics = {key: round(100 * total / max(items, 1), 2) for key, total in totals.items()}
    notes = [f"{rejected} documents rejected by cleaning", f"{empty} empty summaries"]
    return EvalReport(kind="roundups", items=items, metrics=metrics, notes=notes)
