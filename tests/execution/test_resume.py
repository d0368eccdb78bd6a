"""A stopped ingest resumes to the stories and ids of an uninterrupted run.

The records are dated so that a batch folds them in another order than the file's,
and one of them is rejected when cleaned: how the remaining inputs are cut into
batches then decides which article opens a story, and so the story's id.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.execution.revisionkit import CORRECTED, EVENTS, HARBOUR, QUAKE, snapshot, write_jsonl

from newsweave.clean import clean_documents
from newsweave.execution import ingest as job
from newsweave.execution import preparation
from newsweave.execution.ingest import ingest_paths
from newsweave.model import Article, Document, content_id
from newsweave.pipeline import prepare_documents
from newsweave.store import Store

BATCH = 2  # small batches, so that a few records span several of them


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(job, "INGEST_CHUNK", BATCH)


@pytest.fixture
def clean_run(tmp_path: Path, small_batches: None) -> tuple[Path, job.IngestSummary]:
    source = write_jsonl(tmp_path / "events.jsonl", EVENTS)
    with Store(tmp_path / "clean.db") as store:
        summary = ingest_paths(store, [str(source)])
    return tmp_path / "clean.db", summary


def kill_at(monkeypatch: pytest.MonkeyPatch, call: int) -> None:
    """Make the ``call``-th batch preparation raise as a kill would stop it."""
    real = prepare_documents
    calls = {"n": 0}

    def dying(docs, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == call:
            raise KeyboardInterrupt
        return real(docs, **kwargs)

    monkeypatch.setattr(preparation, "prepare_documents", dying)


def test_the_records_exercise_the_order(clean_run: tuple[Path, job.IngestSummary]) -> None:
    db, summary = clean_run
    assert summary.rejected and summary.rejected[0][0].endswith(":1")
    with Store(db) as store:
        sizes = sorted(len(s.article_ids) for s in store.stories())
        assert sizes == [1, 2, 2]
        # the ferry story is named after the earlier-dated record, read second
        (opener,) = [a.id for a in store.articles() if a.source == "Island Times"]
        assert content_id("s", opener) in {s.id for s in store.stories()}


@pytest.mark.parametrize("call", [2, 3])
def test_killed_run_resumes_to_the_clean_stories_and_ids(
    clean_run: tuple[Path, job.IngestSummary], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, call: int,
) -> None:
    with Store(clean_run[0]) as store:
        expected = snapshot(store)
    source = tmp_path / "events.jsonl"
    kill_at(monkeypatch, call)
    with Store(tmp_path / "killed.db") as store, pytest.raises(KeyboardInterrupt):
        ingest_paths(store, [str(source)])
    monkeypatch.undo()
    monkeypatch.setattr(job, "INGEST_CHUNK", BATCH)
    with Store(tmp_path / "killed.db") as store:
        assert 0 < store.count("articles") < 5
        summary = ingest_paths(store, [str(source)])
        assert summary.unchanged > 0
        assert snapshot(store) == expected


def test_prefix_then_all_inputs_equals_all_at_once(
    clean_run: tuple[Path, job.IngestSummary], tmp_path: Path
) -> None:
    with Store(clean_run[0]) as store:
        expected = snapshot(store)
    folder = tmp_path / "grown"
    folder.mkdir()
    source = folder / "events.jsonl"
    with Store(tmp_path / "grown.db") as store:
        write_jsonl(source, EVENTS[:BATCH])  # what a run stopped after one batch stored
        ingest_paths(store, [str(source)])
        write_jsonl(source, EVENTS)
        ingest_paths(store, [str(source)])
        assert snapshot(store) == expected


def test_a_document_is_cleaned_as_among_its_batch() -> None:
    furniture = "Follow Example News on Lumen"
    paragraph = ("The council approved the new budget on Monday after a long debate "
                 "about road repairs and school meals in the northern districts. ")
    docs = [Document(f"d{i}.txt", f"{paragraph * 2}\n{furniture}\n{paragraph} Item {i}.",
                     "text") for i in range(4)]
    batch = clean_documents(docs)
    alone = clean_documents(docs[:1])
    among = list(prepare_documents(docs[:1], context=docs))
    assert isinstance(batch[0], Article) and isinstance(alone[0], Article)
    assert furniture in alone[0].text and furniture not in batch[0].text
    assert isinstance(among[0], Article) and among[0].id == batch[0].id


def test_a_revision_in_a_stopped_run_resumes_to_the_same_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_batches: None
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a-quake.txt").write_text(QUAKE, encoding="utf-8")
    write_jsonl(folder / "b-events.jsonl", EVENTS)
    with Store(tmp_path / "first.db") as store:
        ingest_paths(store, [str(folder)])
    (folder / "a-quake.txt").write_text(CORRECTED, encoding="utf-8")
    (folder / "c-harbour.txt").write_text(HARBOUR, encoding="utf-8")
    shutil.copy(tmp_path / "first.db", tmp_path / "whole.db")
    with Store(tmp_path / "whole.db") as store:
        summary = ingest_paths(store, [str(folder)])
        expected = snapshot(store)
    assert (summary.revised, summary.new) == (1, 1)
    kill_at(monkeypatch, 2)
    with Store(tmp_path / "first.db") as store, pytest.raises(KeyboardInterrupt):
        ingest_paths(store, [str(folder)])
    monkeypatch.undo()
    monkeypatch.setattr(job, "INGEST_CHUNK", BATCH)
    with Store(tmp_path / "first.db") as store:
        ingest_paths(store, [str(folder)])
        assert snapshot(store) == expected


FURNITURE = "Sign up for the Planet newsletter today\nFollow the Daily Planet on every app\n"
PAGES = [
    "The river rose two metres overnight and the old bridge was closed to traffic. "
    "Engineers will inspect the piers on Friday before any decision on reopening.",
    "The city council approved a new budget for the harbour after a long debate. "
    "The vote was close and the mayor promised a review of the spending next year.",
    "A new library opened in the north of the town with ten thousand books on its shelves. "
    "Children queued from early morning to borrow the first volumes on opening day.",
]


def page(text: str) -> str:
    furniture = "".join(f"<p>{line}</p>" for line in FURNITURE.splitlines())
    return (f"<html><head><title>Town news</title></head><body><article><h1>Town news</h1>"
            f"<p>{text}</p>{furniture}</article></body></html>")


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_a_document_prepared_alone_is_cleaned_as_among_its_batch(fmt: str) -> None:
    docs = [Document(origin=f"page{i}.{fmt}", format=fmt, source="Daily Planet",
                     content=page(text) if fmt == "html" else f"{text}\n{FURNITURE}")
            for i, text in enumerate(PAGES)]
    together = list(prepare_documents(docs, context=docs))
    alone = list(prepare_documents(docs[2:], context=docs))
    assert isinstance(together[2], Article) and isinstance(alone[0], Article)
    assert alone[0].text == together[2].text
    assert alone[0].id == together[2].id
    assert "newsletter" not in alone[0].text
