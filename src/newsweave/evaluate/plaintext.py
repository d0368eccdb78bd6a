"""Plain-text boilerplate removal scored on ``plaintext/*.jsonl`` (shingle P/R/F1).

Each record's ``text`` (a whole page saved as text) goes through the same batch path
as an ingest of plain-text files: one ``clean_documents`` call over the file, so line
statistics span every page; the kept text is scored against ``gold_text`` with the
article-extraction-benchmark metric (``newsweave.evaluate.shingles``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from newsweave.evaluate.base import EvalReport, Record, Writer
from newsweave.evaluate.shingles import aggregate, score_page
from newsweave.execution.preparation import clean_together
from newsweave.model import Article, Document

if TYPE_CHECKING:
    from newsweave.execution.executor import Executor


def run(records: Iterable[Record], write: Writer, path: Path, *,
        executor: Executor | None = None) -> EvalReport:
    """Clean every record's ``text`` as one batch and score it against ``gold_text``.

    Writes ``{"id", "text"}`` per record (empty text for a rejected page) and returns
    macro precision, recall and F1 over pages plus the number of rejected pages.
    ``executor`` runs the cleaning of each page (default: here).
    """
    items = list(records)
    docs = [
        Document(
            origin=f"{path}:{index + 1}",
            content=str(record.get("text") or ""),
            format="text",
            url=record.get("url"),
        )
        for index, record in enumerate(items)
    ]
    scores = []
    rejected = 0
    for record, result in zip(items, clean_together(docs, executor), strict=True):
        text = result.text if isinstance(result, Article) else ""
        rejected += not isinstance(result, Article)
        write({"id": record.get("id"), "text": text})
        scores.append(score_page(str(record.get("gold_text") or ""), text))
    metrics = aggregate(scores)
    metrics["rejected"] = float(rejected)
    return EvalReport(kind="plaintext", items=len(items), metrics=metrics)
