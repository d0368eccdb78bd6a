"""The cost of a small ingest into a large store, and the start-up of the read commands.

    python benchmarks/store_scaling.py [--sizes 0,1000,5000] [--batch 10]
        [--before /tmp/oldnw/src] [--work /tmp/store_scaling] [--repeat 3]

For each store size N the table gives the wall seconds of ``ingest`` of the same
``--batch`` new articles (a JSON Lines file: reading, preparing, folding, assigning
stories, building the touched briefs; models loaded and warmed first, outside the
timing) into a store already holding N articles, and its ratio to the empty store
(the target is 1.5 or less). Then the start-up of ``newsweave stories`` and
``newsweave brief STORY`` on the largest store (whole process, best of five).
``--before SRC`` measures another source tree side by side in the same run (for
example the last commit, from ``git archive HEAD | tar -x -C /tmp/oldnw``).

The texts are real, read from ``../shared/bench``: the measured batch and one warm-up
article are the first records of ``stories/ecbplus-dev.jsonl``; the stores are filled
with the rest of it, then the documents of ``roundups/neus-train.jsonl``. Past what
those hold (about 8,000 texts), copy k of a text gets the line ``(copy k)`` appended,
a light perturbation that makes it a distinct article. They are undated, so the time
window prunes nothing: the worst case for story assignment. Stores are filled through
the ingest job's own fold step from articles prepared once (cached in ``--work``),
with the embedding of every sentence cached, as ``ingest`` would have left it; their
briefs are not built (the measured ingest builds those of the stories it touches).
Best of ``--repeat`` runs, each on a fresh copy of the store.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsweave.store import Store

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
HERE_SRC = Path(__file__).resolve().parents[1] / "src"
RESERVED = 11  # the measured batch (up to 10) and one warm-up article
FILL_CHUNK = 64  # articles folded per transaction while filling, as the ingest job does


def bench_records() -> list[dict[str, str | None]]:
    """Bench texts in a fixed order: ECB+ dev, then every NeuS train document."""
    records = []
    with (BENCH / "stories" / "ecbplus-dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            records.append({"title": r.get("title"), "text": r.get("text") or r.get("title")})
    with (BENCH / "roundups" / "neus-train.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            for d in json.loads(line)["documents"]:
                records.append({"title": d.get("title"), "text": d.get("text") or d.get("title")})
    return [r for r in records if r["text"]]


def texts(count: int) -> list[dict[str, str | None]]:
    """``count`` records, copies lightly perturbed past what the bench holds."""
    base = bench_records()
    out = []
    for i in range(count):
        r, copy = base[i % len(base)], i // len(base)
        text = r["text"] if copy == 0 else f"{r['text']}\n(copy {copy})"
        out.append({"title": r["title"], "text": text, "source": f"outlet-{i % 7}"})
    return out


def write_jsonl(path: Path, records: list[dict[str, str | None]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def worker_prepare(pool: Path, out: Path) -> None:
    """Prepare every record of ``pool`` once (the fill step reads them from ``out``)."""
    from newsweave.ingest import read_paths
    from newsweave.model import Article, to_json
    from newsweave.pipeline import prepare_documents

    docs = [d for d in read_paths([str(pool)]) if not hasattr(d, "reason")]
    partial = out.with_name(out.name + ".tmp")  # a killed run leaves no truncated cache
    with partial.open("w", encoding="utf-8") as fh:
        for doc, art in zip(docs, prepare_documents(docs), strict=True):  # type: ignore[arg-type]
            if isinstance(art, Article):
                fh.write(json.dumps({"doc": to_json(doc), "article": to_json(art)}) + "\n")
    partial.replace(out)
    print(json.dumps({"prepared": len(docs)}))


def worker_fill(prepared: Path, db: Path, size: int) -> None:
    """A store of ``size`` articles, folded by the ingest job of the tree on the path."""
    from newsweave.execution import ingest as job
    from newsweave.model import Article, Document, from_json
    from newsweave.store import Store

    rows: list[tuple[Document, Article]] = []
    with prepared.open(encoding="utf-8") as fh:
        for line in fh:
            if len(rows) == size:
                break
            r = json.loads(line)
            rows.append((from_json(Document, r["doc"]), from_json(Article, r["article"])))
    with Store(db) as store:
        state = job._FoldState.load(store)
        summary = job.IngestSummary()
        for start in range(0, len(rows), FILL_CHUNK):
            part = rows[start:start + FILL_CHUNK]
            job._fold_chunk(store, state, [d for d, _ in part], [a for _, a in part], summary)
        with store.transaction():
            store.conn.execute("UPDATE stories SET stale = 0")  # briefs left unbuilt
        warm_embeddings(store)
    print(json.dumps({"stored": len(rows), "new": summary.new, "duplicates": summary.duplicates}))


def warm_embeddings(store: Store) -> None:
    """Cache every stored sentence's embedding, as building the briefs would have."""
    from newsweave.extract.embeddings import CachedEmbedder

    embedder = CachedEmbedder(store)
    articles = list(store.articles())
    for start in range(0, len(articles), FILL_CHUNK):
        part = articles[start:start + FILL_CHUNK]
        embedder.embed([s.text for a in part for s in a.sentences] +
                       [a.title for a in part if a.title])
        with store.transaction():
            store.put_vectors(embedder.take_pending())


def worker_measure(db: Path, warm: Path, batch: Path, repeat: int) -> None:
    """Best wall seconds of ingesting ``batch`` into fresh copies of ``db``."""
    from newsweave.execution.ingest import ingest_paths
    from newsweave.store import Store

    best = float("inf")
    for r in range(repeat):
        copy = db.with_name(f"{db.stem}-run{r}.db")
        shutil.copyfile(db, copy)
        with Store(copy) as store:
            ingest_paths(store, [str(warm)])  # loads and warms the models, untimed
            start = time.perf_counter()
            summary = ingest_paths(store, [str(batch)])
            best = min(best, time.perf_counter() - start)
    print(json.dumps({"seconds": best, "new": summary.new}))


def run_worker(src: Path, *args: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run([sys.executable, __file__, "--worker", *args], env=env,
                          capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def startup(src: Path, db: Path, command: list[str]) -> float:
    """Best wall seconds of a whole read-command process (imports included)."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    code = "import sys; from newsweave.cli.main import main; sys.argv[0] = 'newsweave'; main()"
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, *command, "--db", str(db)], env=env,
                       capture_output=True, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def measure_tree(label: str, src: Path, work: Path, sizes: list[int], batch_size: int,
                 repeat: int) -> dict[str, float]:
    prepared, warm = work / "prepared.jsonl", work / "warm.jsonl"
    batch = work / f"batch{batch_size}.jsonl"
    out: dict[str, float] = {}
    for size in sizes:
        db = work / label / f"store{size}.db"
        if not db.exists():
            db.parent.mkdir(parents=True, exist_ok=True)
            run_worker(src, "fill", str(prepared), str(db), str(size))
        out[str(size)] = run_worker(src, "measure", str(db), str(warm), str(batch),
                                    str(repeat))["seconds"]
        print(f"  {label}: {size} stored, {out[str(size)]:.2f} s", file=sys.stderr)
    largest = work / label / f"store{max(sizes)}-run0.db"
    out["stories"] = startup(src, largest, ["stories"])
    with sqlite3.connect(largest) as conn:  # a story the measured ingest built a brief for
        story = conn.execute("SELECT story_id FROM briefs ORDER BY story_id LIMIT 1").fetchone()
    out["brief"] = startup(src, largest, ["brief", str(story[0])])
    return out


def prepare_pool(work: Path, sizes: list[int], batch_size: int) -> None:
    records = texts(RESERVED + max(sizes))
    write_jsonl(work / f"batch{batch_size}.jsonl", records[:batch_size])
    write_jsonl(work / "warm.jsonl", records[RESERVED - 1:RESERVED])
    prepared, pool = work / "prepared.jsonl", work / "pool.jsonl"
    wanted = "".join(json.dumps(r) + "\n" for r in records[RESERVED:])
    if prepared.exists() and pool.exists() and pool.read_text(encoding="utf-8") == wanted:
        return  # prepared before from the same texts (rejected ones are left out)
    write_jsonl(pool, records[RESERVED:])
    run_worker(HERE_SRC, "prepare", str(pool), str(prepared))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="0,1000,5000")
    parser.add_argument("--batch", type=int, default=10)
    parser.add_argument("--before", type=Path, default=None)
    parser.add_argument("--work", type=Path, default=Path("/tmp/store_scaling"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",")} | {0})
    args.work.mkdir(parents=True, exist_ok=True)
    prepare_pool(args.work, sizes, args.batch)
    trees = [("before", args.before)] if args.before else []
    trees.append(("after", HERE_SRC))
    results = {label: measure_tree(label, src, args.work, sizes, min(args.batch, 10),
                                   args.repeat) for label, src in trees}
    print(f"{args.batch}-article ingest into a store of N articles (best of {args.repeat})")
    print(f"{'stored':>8}" + "".join(f"{t:>12}{'ratio':>8}" for t in results))
    for size in sizes:
        cells = "".join(f"{r[str(size)]:>11.2f}s{r[str(size)] / r['0']:>8.2f}"
                        for r in results.values())
        print(f"{size:>8}{cells}")
    print(f"read-command start-up on the {max(sizes)}-article store (best of 5)")
    for command in ("stories", "brief"):
        print(f"{command:>8}" + "".join(f"{r[command]:>11.2f}s{'':>8}" for r in results.values()))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        name, rest = sys.argv[2], sys.argv[3:]
        if name == "measure":
            worker_measure(Path(rest[0]), Path(rest[1]), Path(rest[2]), int(rest[3]))
        elif name == "fill":
            worker_fill(Path(rest[0]), Path(rest[1]), int(rest[2]))
        else:
            worker_prepare(Path(rest[0]), Path(rest[1]))
    else:
        main()
