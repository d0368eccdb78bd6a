"""Speed of each stage, as ratios against a baseline measured in the same run.

    python benchmarks/run.py [--docs N]

Machines here are noisy, so every figure is a ratio to a reference measured seconds
apart on the same texts: the spaCy pass alone for preparation, preparation alone for
the whole ingest job. Texts come from ``../shared/bench/stories/ecbplus-dev.jsonl``
when present, else from the test corpus repeated with variations.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsweave.brief import build_brief
from newsweave.brief.align import align
from newsweave.cluster import StoryIndex, cluster_batch
from newsweave.dedup import Deduplicator
from newsweave.execution.ingest import ingest_paths
from newsweave.extract.embeddings import CachedEmbedder, load_encoder
from newsweave.extract.nlp import load_nlp
from newsweave.model import Document
from newsweave.pipeline import prepare_documents
from newsweave.store import Store

REPO = Path(__file__).resolve().parents[1]
BENCH_FILE = REPO.parent / "shared" / "bench" / "stories" / "ecbplus-dev.jsonl"


def load_documents(n: int) -> list[Document]:
    """``n`` documents from the ECB+ dev set, or from the test corpus."""
    if BENCH_FILE.is_file():
        rows = [json.loads(line) for line in BENCH_FILE.open(encoding="utf-8")][:n]
        return [Document(origin=f"ecb/{r['id']}", content=r["text"], format="text",
                         title=r.get("title"), source=r.get("source") or r["id"]) for r in rows]
    texts = [p.read_text() for p in sorted((REPO / "tests" / "corpus").glob("*.txt"))]
    texts += [p.read_text() for p in sorted((REPO / "tests" / "corpus").glob("*.md"))]
    return [Document(origin=f"corpus:{i}", content=f"{texts[i % len(texts)]}\nVariant {i}.",
                     format="text") for i in range(n)]


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def write_jsonl(docs: list[Document], folder: Path) -> Path:
    path = folder / "docs.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps({"title": d.title, "text": d.content}) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=200)
    args = parser.parse_args()
    docs = load_documents(args.docs)
    nlp = load_nlp()
    rows: list[tuple[str, float, str, float]] = []

    spacy_s = timed(lambda: list(nlp.pipe((d.content for d in docs), batch_size=32)))
    prepared: list = []
    prep_s = timed(lambda: prepared.extend(prepare_documents(docs)))
    rows.append(("prepare (clean + annotate)", prep_s, "spaCy pipe alone", spacy_s))

    articles = [a for a in prepared if not hasattr(a, "reason")]
    dedup_s = timed(lambda: _dedup(articles))
    batch_s = timed(lambda: cluster_batch(articles))
    stream_s = timed(lambda: _stream(articles))
    rows.append(("dedup find+add", dedup_s, "prepare", prep_s))
    rows.append(("cluster stream", stream_s, "cluster batch", batch_s))

    rows.extend(_brief_rows(articles, prep_s))

    with tempfile.TemporaryDirectory() as tmp:
        path = write_jsonl(docs, Path(tmp))
        with Store(Path(tmp) / "b.db") as store:
            ingest_s = timed(lambda: ingest_paths(store, [str(path)]))
            rerun_s = timed(lambda: ingest_paths(store, [str(path)]))
    rows.append(("ingest job (all phases)", ingest_s, "prepare", prep_s))
    rows.append(("ingest rerun (unchanged)", rerun_s, "ingest job", ingest_s))
    print_table(rows, len(docs))


def _brief_rows(articles: list, prep_s: float) -> list[tuple[str, float, str, float]]:
    """Briefs of the batch's stories: alignment with a cold embedding cache (every
    sentence the prefilter keeps goes through the model), then with a warm one."""
    stories: dict[str, list] = {}
    labels = cluster_batch(articles)
    for article in articles:
        stories.setdefault(labels[article.id], []).append(article)
    embedder = CachedEmbedder()
    load_encoder()  # model loading is a one-off per process, not per brief
    align_s = timed(lambda: [align(s, embedder) for s in stories.values()])
    cold = embedder.computed
    warm_s = timed(lambda: [align(s, embedder) for s in stories.values()])
    brief_s = timed(lambda: [build_brief("s", s, embedder) for s in stories.values()])
    sentences = sum(len(a.sentences) for a in articles)
    print(f"{len(stories)} stories, {sentences} sentences, {cold} embedded "
          f"({cold / max(sentences, 1):.0%})", file=sys.stderr)
    return [("align, cold cache", align_s, "prepare", prep_s),
            ("align, warm cache", warm_s, "align, cold cache", align_s),
            ("briefs (warm cache)", brief_s, "prepare", prep_s)]


def _dedup(articles: list) -> None:
    d = Deduplicator()
    for a in articles:
        if d.find(a) is None:
            d.add(a)


def _stream(articles: list) -> None:
    index = StoryIndex()
    for a in articles:
        index.assign(a)


def print_table(rows: list[tuple[str, float, str, float]], n: int) -> None:
    out = sys.stdout
    out.write(f"{n} documents\n")
    out.write(f"{'stage':<28} {'seconds':>8} {'docs/s':>8}  {'ratio':>6}  baseline\n")
    for name, secs, base_name, base_s in rows:
        ratio = secs / base_s if base_s else float("nan")
        out.write(f"{name:<28} {secs:>8.2f} {n / secs:>8.1f}  {ratio:>6.2f}  x {base_name}\n")


if __name__ == "__main__":
    main()
