"""Article preparation (clean + annotate) in this process, in worker processes, on Ray.

    python benchmarks/executors.py [--articles 400] [--small 20] [--workers 2] [--rounds 2]

Reads the first ``--articles`` records of ``../shared/bench/stories/ecbplus-dev.jsonl``
(``NEWSWEAVE_BENCH`` elsewhere) and prepares them as ``newsweave ingest`` does
(``prepare_all``): in batches of ``INGEST_CHUNK`` documents, each cleaned among its
batch and annotated, in tasks of ``PREPARE_SLICE`` documents. Each executor first
prepares the ``--small`` set "cold" (starting its workers, loading their models);
then the executors take turns at ``--rounds`` "warm" runs of each size and the
fastest of each is kept, so that a change in the machine's load falls on all of
them. Speedups are ratios to the local run of the same invocation (whose models are
loaded first too). The small set shows what starting and dispatching cost where
there is little work. "cpu-bound" is the speedup the split allows on otherwise idle
CPUs: the local run's CPU seconds over those of the busiest worker (wall speedups on
a shared machine follow its load, printed above and below the table). Every
executor's results are checked equal to the local ones. Ray needs
``pip install 'newsweave[ray]'``; without it its rows say so.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import TypeVar

from newsweave.evaluate.stories import to_document
from newsweave.execution.executor import Executor, LocalExecutor, OnError, get_executor
from newsweave.execution.ingest import INGEST_CHUNK, PREPARE_SLICE, prepare_all
from newsweave.execution.workers import load_models
from newsweave.model import Document, to_json

T = TypeVar("T")
R = TypeVar("R")
REPO = Path(__file__).resolve().parents[1]
BENCH = Path(os.environ.get("NEWSWEAVE_BENCH", REPO.parent / "shared" / "bench"))
SET = BENCH / "stories" / "ecbplus-dev.jsonl"


def documents(limit: int) -> list[Document]:
    docs: list[Document] = []
    with SET.open(encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            if len(docs) == limit:
                break
            docs.append(to_document(json.loads(line), f"{SET.name}:{line_no}"))
    return docs


def cpu_timed(fn: Callable[[T], R], item: T) -> tuple[int, float, R]:
    """``fn(item)`` with the worker's process id and the CPU seconds it took."""
    started = time.process_time()
    result = fn(item)
    return os.getpid(), time.process_time() - started, result


class Metered:
    """An executor that counts the CPU seconds each worker process spent on tasks."""

    def __init__(self, inner: Executor) -> None:
        self.inner = inner
        self.cpu: defaultdict[int, float] = defaultdict(float)

    def map(self, fn: Callable[[T], R], items: Iterable[T],
            on_error: OnError[T, R] | None = None) -> Iterator[R]:
        def failed(item: T, exc: BaseException) -> tuple[int, float, R]:
            if on_error is None:
                raise exc
            return 0, 0.0, on_error(item, exc)

        for pid, cpu, result in self.inner.map(partial(cpu_timed, fn), items, failed):
            self.cpu[pid] += cpu
            yield result

    def close(self) -> None:
        self.inner.close()


def timed(executor: Executor, docs: list[Document]) -> tuple[float, float, list[str]]:
    """Wall seconds to prepare ``docs`` on ``executor``, the CPU seconds of its busiest
    worker, and the results as JSON."""
    metered = Metered(executor)
    started = time.perf_counter()
    results = list(prepare_all(docs, metered))
    return (time.perf_counter() - started, max(metered.cpu.values()),
            [to_json(r) for r in results])


Timing = tuple[float, float, list[str]]  # wall s, busiest worker's CPU s, results


def local() -> Executor:
    load_models()  # as the workers' initializer does, outside the warm timing
    return LocalExecutor()


def started(runs: dict[str, Callable[[], Executor]], small: list[Document]) -> dict[
        str, tuple[Executor, float]]:
    """Each executor made and run once on ``small``, with the seconds that took."""
    made: dict[str, tuple[Executor, float]] = {}
    for name, make in runs.items():
        begun = time.perf_counter()
        executor = make()
        made[name] = executor, 0.0
        timed(executor, small)
        made[name] = executor, time.perf_counter() - begun
    return made


def best_of(made: dict[str, tuple[Executor, float]], sizes: list[list[Document]],
            rounds: int) -> dict[tuple[str, int], Timing]:
    """The fastest of ``rounds`` warm runs per executor and size, executors taking
    turns so that a change in the machine's load falls on all of them."""
    best: dict[tuple[str, int], Timing] = {}
    for _ in range(rounds):
        for i, docs in enumerate(sizes):
            for name, (executor, _) in made.items():
                run = timed(executor, docs)
                if (name, i) not in best or run[0] < best[name, i][0]:
                    best[name, i] = run
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--small", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    if not SET.is_file():
        sys.exit(f"{SET} not found: set NEWSWEAVE_BENCH to the evaluation data folder")
    docs = documents(args.articles)
    sizes = [docs[:args.small], docs]
    n = args.workers
    runs: dict[str, Callable[[], Executor]] = {
        "local": local,
        f"processes x{n}": lambda: get_executor("processes", n, initializer=load_models),
    }
    if importlib.util.find_spec("ray") is not None:
        runs[f"ray, {n} CPUs"] = lambda: get_executor("ray", n, initializer=load_models)
    print(f"preparation of ecbplus-dev articles, batches of {INGEST_CHUNK} in tasks of "
          f"{PREPARE_SLICE}, {os.cpu_count()} CPUs, best of {args.rounds}, load average "
          f"{os.getloadavg()[0]:.1f}")
    made: dict[str, tuple[Executor, float]] = {}
    try:
        made = started(runs, sizes[0])
        best = best_of(made, sizes, args.rounds)
    finally:
        for executor, _ in made.values():
            executor.close()
    print_table(made, best, sizes)
    if len(runs) == 2:
        print("ray: not installed (pip install 'newsweave[ray]')")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


def print_table(made: dict[str, tuple[Executor, float]], best: dict[tuple[str, int], Timing],
                sizes: list[list[Document]]) -> None:
    small, docs = sizes
    print(f"{'executor':<16} {'cold s':>7} | {'warm s':>7} {'speedup':>8} | "
          f"{'warm s':>7} {'art/s':>6} {'speedup':>8} {'cpu-bound':>9} {'same':>5}")
    print(f"{'':<16} {len(small):>7} | {len(small):>7} articles | {len(docs):>7} articles")
    base_small, base = best["local", 0], best["local", 1]
    for name, (_, cold) in made.items():
        (small_s, _, small_out), (big_s, big_cpu, big_out) = best[name, 0], best[name, 1]
        same = small_out == base_small[2] and big_out == base[2]
        print(f"{name:<16} {cold:>7.2f} | {small_s:>7.2f} {base_small[0] / small_s:>7.2f}x | "
              f"{big_s:>7.2f} {len(docs) / big_s:>6.1f} {base[0] / big_s:>7.2f}x "
              f"{base[1] / big_cpu:>8.2f}x {'yes' if same else 'NO':>5}")


if __name__ == "__main__":
    main()
