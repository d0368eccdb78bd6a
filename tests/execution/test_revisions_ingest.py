"""A corrected article read again is a revision: the brief quotes the correction."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.execution.revisionkit import (
    CORRECTED,
    HARBOUR,
    NEW_FIGURE,
    OLD_FIGURE,
    QUAKE,
    snapshot,
    write_jsonl,
)

from newsweave.execution.ingest import IngestSummary, ingest_paths
from newsweave.model import to_json
from newsweave.store import Store


@dataclass
class Runs:
    db: Path
    folder: Path
    first: IngestSummary
    corrected: IngestSummary
    again: IngestSummary
    copies: IngestSummary


def counts(s: IngestSummary) -> tuple[int, int, int, int, int]:
    return s.new, s.revised, s.duplicates, s.unchanged, len(s.rejected)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    folder = tmp_path_factory.mktemp("news")
    db = folder.parent / f"{folder.name}.db"
    quake = folder / "quake.txt"
    with Store(db) as store:
        quake.write_text(QUAKE, encoding="utf-8")
        first = ingest_paths(store, [str(folder)])
        quake.write_text(CORRECTED, encoding="utf-8")
        corrected = ingest_paths(store, [str(folder)])
        again = ingest_paths(store, [str(folder)])
        (folder / "copy-of-new.txt").write_text(CORRECTED, encoding="utf-8")
        (folder / "copy-of-old.txt").write_text(QUAKE, encoding="utf-8")
        copies = ingest_paths(store, [str(folder)])
    return Runs(db, folder, first, corrected, again, copies)


def test_a_corrected_file_counts_as_revised(runs: Runs) -> None:
    assert counts(runs.first) == (1, 0, 0, 0, 0)
    assert counts(runs.corrected) == (0, 1, 0, 0, 0)
    assert len(runs.corrected.stories_touched) == 1
    assert counts(runs.again) == (0, 0, 0, 1, 0)


def test_every_revision_is_kept_and_the_story_holds_the_latest(runs: Runs) -> None:
    with Store(runs.db) as store:
        lineage = store.find_lineages(str(runs.folder / "quake.txt"))
        assert len(lineage) == 1
        revisions = store.revisions(lineage[0])
        assert [r.number for r in revisions] == [1, 2]
        assert all(r.ingested_at for r in revisions)
        texts = [store.article(r.article_id) for r in revisions]
        assert [t is not None and NEW_FIGURE in t.text for t in texts] == [False, True]
        (story,) = store.stories()
        assert story.article_ids == (revisions[-1].article_id,)
        assert store.count("articles") == 2


def test_the_brief_quotes_the_new_figure(runs: Runs) -> None:
    with Store(runs.db) as store:
        (story,) = store.stories()
        brief = store.brief(story.id)
        assert brief is not None
        text = to_json(brief)
        assert NEW_FIGURE in text and OLD_FIGURE not in text


def test_copies_under_other_names_fold_into_the_latest(runs: Runs) -> None:
    assert counts(runs.copies) == (0, 0, 2, 1, 0)
    with Store(runs.db) as store:
        (story,) = store.stories()
        latest = store.article(story.article_ids[0])
        assert latest is not None
        assert {s.origin.rsplit("/", 1)[-1] for s in latest.sightings} == {
            "copy-of-new.txt", "copy-of-old.txt"}
        quake = store.find_lineages(str(runs.folder / "quake.txt"))
        assert store.find_lineages(str(runs.folder / "copy-of-old.txt")) == quake


def test_rerun_changes_nothing(runs: Runs, tmp_path: Path) -> None:
    db = tmp_path / "again.db"
    shutil.copy(runs.db, db)
    with Store(db) as store:
        before = snapshot(store)
        summary = ingest_paths(store, [str(runs.folder)])
        assert counts(summary) == (0, 0, 0, 3, 0)
        assert snapshot(store) == before


def test_a_file_reused_for_another_article_is_new(tmp_path: Path) -> None:
    path = tmp_path / "today.txt"
    with Store(tmp_path / "s.db") as store:
        path.write_text(QUAKE, encoding="utf-8")
        ingest_paths(store, [str(path)])
        path.write_text(HARBOUR, encoding="utf-8")
        summary = ingest_paths(store, [str(path)])
        assert counts(summary) == (1, 0, 0, 0, 0)
        assert len(store.stories()) == 2
        assert len(store.find_lineages(str(path))) == 2


def test_a_file_put_back_to_its_first_text_is_a_revision(tmp_path: Path) -> None:
    path = tmp_path / "quake.txt"
    with Store(tmp_path / "s.db") as store:
        for text in (QUAKE, CORRECTED, QUAKE):
            path.write_text(text, encoding="utf-8")
            summary = ingest_paths(store, [str(path)])
        assert counts(summary) == (0, 1, 0, 0, 0)
        revisions = store.revisions(store.find_lineages(str(path))[0])
        assert [r.number for r in revisions] == [1, 2, 3]
        assert revisions[0].article_id == revisions[2].article_id
        (story,) = store.stories()
        assert story.article_ids == (revisions[0].article_id,)
        assert counts(ingest_paths(store, [str(path)])) == (0, 0, 0, 1, 0)


def test_a_record_with_a_known_url_is_a_revision(tmp_path: Path) -> None:
    url = "https://news.example/valdoria-quake"
    record = {"source": "Valdoria News", "url": url}
    with Store(tmp_path / "s.db") as store:
        first = write_jsonl(tmp_path / "monday.jsonl", [{**record, "text": QUAKE}])
        ingest_paths(store, [str(first)])
        second = write_jsonl(tmp_path / "tuesday.jsonl", [{**record, "text": CORRECTED}])
        summary = ingest_paths(store, [str(second)])
        assert counts(summary) == (0, 1, 0, 0, 0)
        revisions = store.revisions(store.find_lineages(url)[0])
        assert [r.origin for r in revisions] == [f"{first}:1", f"{second}:1"]
