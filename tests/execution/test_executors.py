"""Every executor gives the same articles, stories, ids and briefs; a failing item
costs only itself."""

from __future__ import annotations

import importlib
import math
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

from newsweave.cli.main import cli
from newsweave.execution import ingest as job
from newsweave.execution import preparation
from newsweave.execution.executor import (
    Executor,
    LocalExecutor,
    ProcessExecutor,
    WorkerDied,
    get_executor,
)
from newsweave.execution.ingest import IngestSummary, ingest_paths
from newsweave.execution.workers import load_models
from newsweave.model import to_json
from newsweave.store import Store

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "corpus"
EXAMPLES = REPO / "examples"

TEXTS = {  # short articles written for this test: two stories, one copy, one stub
    "harbour-a.txt": (
        "Harbour crane collapses in Portwell\n\n"
        "A container crane collapsed at the port of Portwell on Tuesday, injuring "
        "four dock workers, the harbour authority said. Director Mara Olsen said "
        "the crane, installed in 2009, had passed an inspection in March. Shipping "
        "at two of the six berths was halted while engineers checked the quay."
    ),
    "harbour-b.txt": (
        "Four hurt as crane falls at Portwell docks\n\n"
        "Four workers were hurt when a crane fell at the Portwell container port on "
        "Tuesday. The harbour authority's director, Mara Olsen, said the crane had "
        "been inspected in March. Two berths were closed and ships were sent to "
        "the nearby terminal at Keldby."
    ),
    "harbour-copy.txt": (
        "Harbour crane collapses in Portwell\n\n"
        "A container crane collapsed at the port of Portwell on Tuesday, injuring "
        "four dock workers, the harbour authority said. Director Mara Olsen said "
        "the crane, installed in 2009, had passed an inspection in March. Shipping "
        "at two of the six berths was halted while engineers checked the quay."
    ),
    "library.txt": (
        "Linden library reopens after flood repairs\n\n"
        "The public library of Linden reopened on Saturday after eight months of "
        "repairs that cost 1.2 million euros, mayor Tomas Brandt said. Water from "
        "the river Aller flooded its basement in January, destroying 30,000 books."
    ),
    "stub.txt": "Ok.",
}

# A module of functions the workers import by name: spawned processes import a
# function to run it, and tests/ is not importable from them.
FRAGILE = '''
import os

def square_or_die(x):
    if x == 3:
        os._exit(1)  # the worker dies, as one killed for its memory would
    return x * x


def prepare_or_die(pair):
    from newsweave.execution.preparation import prepare_slice

    batch, die = pair
    if die:
        os._exit(1)
    return prepare_slice(batch)
'''


@pytest.fixture(scope="module")
def fragile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    folder = tmp_path_factory.mktemp("fragile")
    (folder / "nw_fragile_items.py").write_text(FRAGILE, encoding="utf-8")
    sys.path.insert(0, str(folder))  # spawned workers start with this sys.path
    try:
        yield importlib.import_module("nw_fragile_items")
    finally:
        sys.path.remove(str(folder))
        sys.modules.pop("nw_fragile_items", None)


@pytest.fixture(scope="module")
def processes() -> Iterator[ProcessExecutor]:
    executor = ProcessExecutor(2, load_models)
    yield executor
    executor.close()


@pytest.fixture(scope="module")
def bare() -> Iterator[ProcessExecutor]:
    """Two workers without models preloaded: restarted often by the tests of dying."""
    executor = ProcessExecutor(2)
    yield executor
    executor.close()


@pytest.fixture(scope="module")
def ray_executor() -> Iterator[Executor]:
    pytest.importorskip("ray", reason="the ray extra is not installed (pip install "
                                      "'newsweave[ray]')")
    executor = get_executor("ray", 2, initializer=load_models)
    yield executor
    executor.close()


@pytest.fixture(params=["local", "processes", "ray"])
def executor(request: pytest.FixtureRequest) -> Executor:
    return named(request, request.param)


@pytest.fixture(params=["processes", "ray"])
def parallel(request: pytest.FixtureRequest) -> Executor:
    return named(request, request.param)


def named(request: pytest.FixtureRequest, name: str) -> Executor:
    if name == "local":
        return LocalExecutor()
    found: Executor = request.getfixturevalue(
        "processes" if name == "processes" else "ray_executor")
    return found


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("texts")
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder), str(CORPUS), str(EXAMPLES)]


# Documents per ingest batch and per preparation task in these tests: several
# batches, each in several slices, in flight on different workers at once.
SMALL_BATCH, SMALL_SLICE = 5, 2


def outcome_of(db: Path, inputs: list[str], executor: Executor) -> tuple[Any, ...]:
    """Everything an ingest leaves: summary counts, articles, stories, ids and briefs."""
    with pytest.MonkeyPatch.context() as patch, Store(db) as store:
        patch.setattr(job, "INGEST_CHUNK", SMALL_BATCH)
        patch.setattr(preparation, "PREPARE_SLICE", SMALL_SLICE)
        summary = ingest_paths(store, inputs, executor=executor)
        articles = sorted(to_json(a) for a in store.articles())
        stories = sorted(to_json(s) for s in store.stories())
        briefs = sorted(to_json(b) for s in store.stories() if (b := store.brief(s.id)))
    return counts(summary), articles, stories, briefs


def counts(summary: IngestSummary) -> tuple[Any, ...]:
    return (summary.read, summary.new, summary.duplicates, summary.unchanged,
            sorted(summary.rejected), sorted(summary.stories_touched))


@pytest.fixture(scope="module")
def local_outcome(tmp_path_factory: pytest.TempPathFactory,
                  inputs: list[str]) -> tuple[Any, ...]:
    db = tmp_path_factory.mktemp("local") / "n.db"
    return outcome_of(db, inputs, LocalExecutor())


def test_every_executor_ingests_the_same(
    parallel: Executor, inputs: list[str], local_outcome: tuple[Any, ...], tmp_path: Path,
) -> None:
    _, articles, stories, briefs = local_outcome
    assert len(articles) >= 8 and len(stories) >= 2 and len(briefs) == len(stories)
    assert outcome_of(tmp_path / "n.db", inputs, parallel) == local_outcome


def test_results_come_in_input_order(executor: Executor) -> None:
    items = list(range(40))
    assert list(executor.map(math.factorial, items)) == [math.factorial(i) for i in items]


def test_an_item_that_raises_is_reported_for_itself(executor: Executor) -> None:
    def note(item: float, exc: BaseException) -> float:
        assert isinstance(exc, ValueError)
        return -item

    got = list(executor.map(math.sqrt, [4.0, -1.0, 9.0, 16.0], on_error=note))
    assert got == [2.0, 1.0, 3.0, 4.0]


def test_without_on_error_the_failing_item_raises(executor: Executor) -> None:
    results = executor.map(math.sqrt, [4.0, -1.0, 9.0])
    assert next(results) == 2.0
    with pytest.raises(ValueError):
        next(results)


def failures(got: list[Any]) -> list[int]:
    return [i for i, x in enumerate(got) if isinstance(x, BaseException)]


def kept_or_failure(item: int, exc: BaseException) -> Any:
    return exc


def test_a_dying_worker_costs_only_its_item(bare: ProcessExecutor,
                                            fragile: ModuleType) -> None:
    got = list(bare.map(fragile.square_or_die, range(8), on_error=kept_or_failure))
    assert failures(got) == [3]
    assert isinstance(got[3], WorkerDied)
    assert [x for i, x in enumerate(got) if i != 3] == [i * i for i in range(8) if i != 3]
    assert list(bare.map(math.factorial, [5])) == [120]  # the workers were replaced


def test_a_dying_ray_worker_costs_only_its_item(ray_executor: Executor) -> None:
    import os

    def square_or_die(x: int) -> int:  # pickled by value: Ray workers need no import
        if x == 3:
            os._exit(1)
        return x * x

    got = list(ray_executor.map(square_or_die, range(8), on_error=kept_or_failure))
    assert failures(got) == [3]
    assert isinstance(got[3], WorkerDied)
    assert [x for i, x in enumerate(got) if i != 3] == [i * i for i in range(8) if i != 3]


def test_a_slice_lost_with_its_worker_rejects_only_its_documents(
    bare: ProcessExecutor, fragile: ModuleType, inputs: list[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(job, "INGEST_CHUNK", len(TEXTS))  # one batch ...
    monkeypatch.setattr(preparation, "PREPARE_SLICE", 1)  # ... of one-document tasks
    dying = str(Path(inputs[0]) / "library.txt")
    with Store(tmp_path / "n.db") as store:
        summary = ingest_paths(store, inputs[:1], executor=Killing(bare, fragile, dying))
        origins = {a.origin for a in store.articles()}
    lost = [origin for origin, reason in summary.rejected if "WorkerDied" in reason]
    assert lost == [dying]
    assert dying not in origins
    assert str(Path(inputs[0]) / "harbour-b.txt") in origins
    assert len(origins) == summary.new >= 2


class Killing:
    """Prepares slices on ``executor``; the worker given ``origin``'s slice dies."""

    def __init__(self, executor: ProcessExecutor, fragile: ModuleType, origin: str) -> None:
        self.executor, self.fragile, self.origin = executor, fragile, origin

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any],
            on_error: Callable[[Any, BaseException], Any] | None = None) -> Iterator[Any]:
        if fn is not preparation.prepare_slice or on_error is None:  # the briefs
            return self.executor.map(fn, items, on_error)
        marked = ((b, any(d.origin == self.origin for d in b.todo)) for b in items)
        return self.executor.map(self.fragile.prepare_or_die, marked,
                                 on_error=lambda pair, exc: on_error(pair[0], exc))

    def close(self) -> None:
        """The wrapped executor is closed by its fixture."""


def test_ray_missing_is_one_line_naming_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now fails
    db = tmp_path / "n.db"
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--db", str(db),
                                      "--executor", "ray", "--workers", "2"])
    assert result.exit_code == 1
    assert "pip install 'newsweave[ray]'" in result.output
    assert not db.exists()  # refused before the store was opened
