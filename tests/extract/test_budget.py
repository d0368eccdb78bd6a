"""Per-article limits on annotation: a size limit and a time budget, each a one-line
rejection that leaves the rest of the batch annotated."""

from __future__ import annotations

import pytest

from newsweave import pipeline
from newsweave.extract.annotate import annotate_each
from newsweave.extract.budget import NotAnnotated
from newsweave.extract.nlp import MAX_CHARS
from newsweave.model import Article, Document, Rejection, article_id

SHORT = (
    "The harbour board said on Monday that 40 boats had been moved.\n"
    "“We expect the storm by noon,” said Ana Ruiz, its spokeswoman."
)
LONG_PARAGRAPH = (
    "Crews in Porto cleared 12 roads on Tuesday, the city said, and 300 homes were "
    "without power for a second night.\n"
)


class TickingClock:
    """A clock that moves one second at every reading, whatever the work done."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def article(text: str, origin: str) -> Article:
    return Article(id=article_id(text), text=text, origin=origin)


def test_an_article_over_its_budget_stops_between_chunks_and_the_rest_go_on() -> None:
    long_text = LONG_PARAGRAPH * 40  # 40 lines: a chunk each at 150 characters a chunk
    batch = [article(SHORT, "a.txt"), article(long_text, "long.txt"), article(SHORT + " ", "b.txt")]
    results = list(annotate_each(batch, budget_s=12, clock=TickingClock(), chunk_chars=150))
    first, stopped, last = results
    assert isinstance(first, Article) and first.origin == "a.txt" and first.quotes
    assert isinstance(last, Article) and last.origin == "b.txt" and last.quotes
    assert isinstance(stopped, NotAnnotated) and stopped.article.origin == "long.txt"
    # The budget starts at one reading and each chunk's check is the next: 13 seconds
    # have passed after the 13th chunk, long before the 40th, and the reason says so.
    assert "parsing chunk 13 of 40" in stopped.reason
    assert "12 s budget" in stopped.reason and "\n" not in stopped.reason


def test_a_text_over_the_size_limit_is_not_parsed() -> None:
    huge = article("word " * (MAX_CHARS // 5) + "end", "huge.txt")
    clock = TickingClock()
    (result,) = annotate_each([huge], clock=clock)
    assert isinstance(result, NotAnnotated)
    assert f"{MAX_CHARS:,} character limit" in result.reason
    assert clock.now <= 1  # given up before any parsing


def test_the_pipeline_rejects_over_budget_articles_with_the_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docs = [Document(origin=f"{i}.txt", content=SHORT + f" Item {i}.", format="text")
            for i in range(3)]
    assert all(isinstance(r, Article) for r in pipeline.prepare_documents(docs))
    monkeypatch.setattr(pipeline, "ANNOTATION_BUDGET_S", 0.0)
    rejected = list(pipeline.prepare_documents(docs))
    assert [r.origin for r in rejected] == ["0.txt", "1.txt", "2.txt"]
    assert all(isinstance(r, Rejection) for r in rejected)
    reason = rejected[0].reason if isinstance(rejected[0], Rejection) else ""
    assert reason.startswith("annotation stopped after") and "budget" in reason
    assert "\n" not in reason
