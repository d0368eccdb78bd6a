"""A story's brief as a task any executor can run, away from the store.

The task carries the story's articles and the stored embeddings of their sentences
and titles; it returns the brief with the embeddings it had to compute, which the
single writer saves in the same transaction as the brief. Texts the task finds no
stored embedding for (the masked contexts conflicts compare) are embedded in the
worker, as a first build embeds everything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsweave.brief import build_brief
from newsweave.extract.embeddings import CachedEmbedder, VectorStore, text_key
from newsweave.model import Article, Brief


@dataclass(frozen=True, slots=True)
class BriefTask:
    """What building one story's brief needs."""

    story_id: str
    articles: tuple[Article, ...]
    vectors: dict[str, bytes]  # stored embeddings by ``text_key``


@dataclass(frozen=True, slots=True)
class BuiltBrief:
    """One story's brief and the embeddings computed for it (to be stored)."""

    story_id: str
    articles: tuple[Article, ...]
    brief: Brief
    vectors: dict[str, bytes]


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """Embeddings read from the store before the task left it."""

    stored: dict[str, bytes]

    def vectors(self, keys: Sequence[str]) -> dict[str, bytes]:
        return {k: self.stored[k] for k in keys if k in self.stored}


def brief_task(store: VectorStore, story_id: str, articles: Sequence[Article]) -> BriefTask:
    """The task for ``story_id``, with the stored embeddings of its sentences and titles."""
    texts = [s.text for a in articles for s in a.sentences]
    texts += [a.title for a in articles if a.title]
    keys = list(dict.fromkeys(text_key(t) for t in texts))
    return BriefTask(story_id, tuple(articles), store.vectors(keys))


def run_brief_task(task: BriefTask) -> BuiltBrief:
    """Build the brief (in a worker or here); touches no store."""
    embedder = CachedEmbedder(_Snapshot(task.vectors))
    brief = build_brief(task.story_id, task.articles, embedder)
    return BuiltBrief(task.story_id, task.articles, brief, embedder.take_pending())
