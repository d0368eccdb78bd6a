"""The ingest job end to end on the test corpus: folding, stories, idempotence, resume."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.execution import ingest as job
from newsweave.execution import preparation
from newsweave.execution.ingest import ingest_paths
from newsweave.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
FILES = sorted(p.name for p in CORPUS.iterdir())


def snapshot(store: Store) -> tuple[frozenset[str], frozenset[frozenset[str]], frozenset[str]]:
    """Articles, story partition and story ids: what must not change on a rerun."""
    stories = store.stories()
    return (
        frozenset(a.id for a in store.articles()),
        frozenset(frozenset(s.article_ids) for s in stories),
        frozenset(s.id for s in stories),
    )


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("db") / "n.db"
    with Store(db) as store:
        summary = ingest_paths(store, [str(CORPUS)])
    assert (summary.read, summary.new, summary.duplicates) == (7, 5, 2)
    assert summary.rejected == []
    return db


def test_duplicates_fold_with_their_outlets(ingested: Path) -> None:
    with Store(ingested) as store:
        rates = [a for a in store.articles() if "Norway" in (a.title or "")]
        folded = max(rates, key=lambda a: len(a.sightings))
        assert set(folded.sources) == {
            "markets-daily.example", "finance-mirror.example", "Nordic Wire"}


def test_stories_split_events_of_one_kind(ingested: Path) -> None:
    with Store(ingested) as store:
        sizes = sorted(len(s.article_ids) for s in store.stories())
        assert sizes == [1, 2, 2]
        by_headline = {s.headline: s for s in store.stories()}
        assert any("Noto" in h for h in by_headline)
        assert store.stale_stories() == []


def test_rerun_changes_nothing(ingested: Path) -> None:
    with Store(ingested) as store:
        before = snapshot(store)
        summary = ingest_paths(store, [str(CORPUS)])
        assert (summary.new, summary.duplicates, summary.unchanged) == (0, 0, 7)
        assert snapshot(store) == before
        assert store.count("sightings") == 2


def test_briefs_show_conflict_and_not_lookalikes(ingested: Path) -> None:
    with Store(ingested) as store:
        briefs = {s.id: store.brief(s.id) for s in store.stories()}
        quake = next(b for b in briefs.values() if b and "Calama" in str(b.summary))
        values = {side.value for c in quake.conflicts for side in c.sides}
        assert {"12", "15"} <= values
        assert not any("400" in v for v in values)
        rates = next(b for b in briefs.values() if b and "4.5 percent" in str(b.summary))
        assert rates.conflicts == ()
        for b in briefs.values():
            assert b is not None
            for st_ in (*b.summary, *b.agreed, *b.single_source):
                for c in st_.citations:
                    art = store.article(c.article_id)
                    assert art is not None and art.text[c.start:c.end] == c.text


def test_killed_run_resumes_to_the_same_state(
    ingested: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(ingested) as store:
        expected = snapshot(store)
    monkeypatch.setattr(job, "INGEST_CHUNK", 2)
    calls = {"n": 0}
    real = preparation.prepare_documents

    def dying(docs, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(docs, **kwargs)

    db = tmp_path / "k.db"
    monkeypatch.setattr(preparation, "prepare_documents", dying)
    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        ingest_paths(store, [str(CORPUS)])
    monkeypatch.setattr(preparation, "prepare_documents", real)
    with Store(db) as store:
        assert 0 < store.count("inputs") < 7
        ingest_paths(store, [str(CORPUS)])
        assert snapshot(store)[:2] == expected[:2]
        assert store.stale_stories() == []


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])
@given(order=st.permutations(FILES), cut=st.integers(0, len(FILES)))
def test_ingest_in_parts_equals_ingest_at_once(
    ingested: Path, tmp_path_factory: pytest.TempPathFactory, order: list[str], cut: int
) -> None:
    with Store(ingested) as store:
        expected = snapshot(store)
    folder = tmp_path_factory.mktemp("parts")
    paths = []
    for name in order:
        shutil.copy(CORPUS / name, folder / name)
        paths.append(str(folder / name))
    with Store(folder / "p.db") as store:
        ingest_paths(store, paths[:cut])
        ingest_paths(store, paths[cut:])
        ingest_paths(store, paths)
        got = snapshot(store)
    assert got[0] == expected[0]
    assert got[1] == expected[1]


def test_citations_name_every_outlet_that_ran_a_folded_copy(ingested: Path) -> None:
    with Store(ingested) as store:
        folded = max(store.articles(), key=lambda a: len(a.sightings))
        story = store.story_of(folded.id)
        assert story is not None
        brief = store.brief(story)
        assert brief is not None
        citing = [s for s in (*brief.summary, *brief.agreed, *brief.single_source)
                  if any(c.article_id == folded.id for c in s.citations)]
        assert citing
        for statement in citing:
            assert set(folded.sources) <= set(statement.sources)


def test_briefs_keep_sentence_embeddings_and_a_rebuild_reuses_them(ingested: Path,
                                                                    tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(ingested, db)
    with Store(db) as store:
        assert store.count("sentence_vectors") > 0
        for story in store.stories():
            store.mark_stale(story.id)
        embedder = job.CachedEmbedder(store)
        assert job.refresh_briefs(store, embedder)
        assert embedder.computed == 0
