"""A time budget per article, checked between the steps of its annotation.

Annotation costs time in proportion to the text (``benchmarks/annotation_scaling.py``),
so the size limit (``nlp.MAX_CHARS``) bounds what an ordinary text costs; the budget
bounds what any text costs, whatever in it an extractor handles badly. It is counted
in CPU seconds of the annotating thread, so a machine busy with other work does not
push a legitimate article over it (three annotations at once on a busy 2-core
machine each took four times as long as one alone). It is checked after each chunk
spaCy parses and after each extractor, never by interrupting one: nothing is killed,
an article over its budget is given up with the reason, and the rest of its batch
goes on. It can overrun by at most one step: on texts at the size limit the slowest
extractor took 6 s on prose and 53 s on a bare list of 330,000 figures.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from newsweave.errors import NewsweaveError
from newsweave.model import Article

# CPU seconds one article may take to annotate. A legitimate long article costs
# little: the longest text of the evaluation sets (57 KB, plaintext/aeb-text.jsonl)
# 2.5 s. News prose costs about 0.05 s per KB on these 2-core machines (a text of
# 2,000,000 characters, the size limit, about 105 s); text dense in tokens costs up
# to twice that (at the size limit: every word in quotation marks 187 s, a bare list
# of figures 134 s). 300 s lets any text up to the size limit through with half as
# much again to spare, and stops one that costs three times ordinary prose of the
# longest size accepted.
ANNOTATION_BUDGET_S = 300.0

Clock = Callable[[], float]


class BudgetExceeded(NewsweaveError):
    """Raised between two steps of an annotation whose budget is spent."""

    def __init__(self, step: str, seconds: float, budget_s: float) -> None:
        super().__init__(f"over the {budget_s:g} s budget after {step} ({seconds:.1f} s)")
        self.step = step
        self.seconds = seconds
        self.budget_s = budget_s


class Budget:
    """The time one article has spent, against its limit."""

    __slots__ = ("_clock", "_start", "limit_s")

    def __init__(
        self, limit_s: float, clock: Clock = time.thread_time, spent: float = 0.0
    ) -> None:
        self.limit_s = limit_s
        self._clock = clock
        self._start = clock() - spent

    def elapsed(self) -> float:
        return self._clock() - self._start

    def check(self, step: str) -> None:
        """Raise ``BudgetExceeded`` when the time is up, naming the step just done."""
        elapsed = self.elapsed()
        if elapsed > self.limit_s:
            raise BudgetExceeded(step, elapsed, self.limit_s)


@dataclass(frozen=True, slots=True)
class NotAnnotated:
    """An article annotation gave up on, and why (one line)."""

    article: Article
    reason: str

    @classmethod
    def over_budget(cls, article: Article, exc: BudgetExceeded) -> NotAnnotated:
        return cls(
            article,
            f"annotation stopped after {exc.seconds:.0f} s, over its {exc.budget_s:g} s "
            f"budget, at {exc.step} ({len(article.text):,} characters): split the text "
            "into smaller articles",
        )
