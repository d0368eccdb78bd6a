"""HTML extraction speed against trafilatura, cost of each added part, hostile pages, memory.

    python benchmarks/page_speed.py [--pages 120] [--memory-pages 10000] [--limit-s 60]

1. Speed: the first ``--pages`` pages of ``../shared/bench/pages/aeb.jsonl`` (read
   from the bench, never copied), each step timed over the same pages in this one
   process, CPU seconds (the machines are shared; wall time follows their load):
   trafilatura's ``bare_extraction`` with metadata (the reference), newsweave's
   ``extract_page`` with and without its second opinion, the second opinion's parts
   (jusText, trafilatura's precision pass), furniture removal over the batch and
   mojibake repair of the texts, and the whole clean stage (``clean_documents``).
2. Hostile pages, each cleaned in a fresh subprocess under a ``--limit-s`` wall-clock
   limit: deeply nested tags, megabytes of script around a short article, and a 50 MB
   page; the row says what came out (article or the rejection reason) and how long
   (wall seconds of ``to_article`` on it, after a small page has warmed the process).
3. Memory: ``--memory-pages`` pages cleaned one batch of 100 at a time in a fresh
   subprocess (the dev pages repeated in turn: the bench holds fewer real pages),
   with the resident memory after each tenth and the peak (``VmHWM``), in MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
AEB = ROOT.parent / "shared" / "bench" / "pages" / "aeb.jsonl"
BATCH = 100  # pages per clean_documents call in the memory run, as an ingest batch
PARAGRAPH = ("The harbour authority reopened the northern quay on Tuesday after three weeks "
             "of repairs to the sea wall, which a winter storm had breached in two places. ")


def _pages(limit: int) -> list[dict[str, Any]]:
    pages = []
    with AEB.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                pages.append(json.loads(line))
            if len(pages) >= limit:
                break
    return pages


def _cpu(step: Callable[[], object]) -> float:
    started = time.process_time()
    step()
    return time.process_time() - started


def speed_rows(pages: list[dict[str, Any]]) -> list[tuple[str, float]]:
    """CPU seconds of each step over ``pages``."""
    import trafilatura

    from newsweave.clean import clean_documents, strip_site_furniture
    from newsweave.clean.html import PRECISE_OPTIONS, extract_page, trafilatura_config
    from newsweave.clean.normalize import repair_mojibake
    from newsweave.clean.vote import justext_paragraphs
    from newsweave.model import Article, Document

    docs = [Document(origin=f"aeb:{i}", content=p["html"], format="html", url=p.get("url"))
            for i, p in enumerate(pages)]
    extract_page(docs[0].content, docs[0].url)  # imports and caches outside the timing
    cleaned: list[Any] = []
    rows = [
        ("trafilatura bare_extraction + metadata", _cpu(lambda: [trafilatura.bare_extraction(
            d.content, url=d.url, config=trafilatura_config(), with_metadata=True) for d in docs])),
        ("newsweave extract_page, no second opinion", _cpu(lambda: [extract_page(
            d.content, d.url, second_opinion=False) for d in docs])),
        ("newsweave extract_page", _cpu(lambda: [extract_page(d.content, d.url) for d in docs])),
        ("  part: jusText paragraphs", _cpu(lambda: [justext_paragraphs(d.content) for d in docs])),
        ("  part: trafilatura precision pass", _cpu(lambda: [trafilatura.bare_extraction(
            d.content, url=d.url, config=trafilatura_config(), **PRECISE_OPTIONS) for d in docs])),
        ("newsweave clean_documents (whole stage)",
         _cpu(lambda: cleaned.extend(clean_documents(docs)))),
    ]
    articles = [a for a in cleaned if isinstance(a, Article)]
    rows.append(("  part: furniture removal", _cpu(lambda: strip_site_furniture(articles))))
    rows.append(("  part: mojibake repair", _cpu(lambda: [repair_mojibake(a.text)
                                                          for a in articles])))
    return rows


def print_speed(rows: list[tuple[str, float]], pages: int) -> None:
    reference = rows[0][1]
    print(f"\n## Speed over {pages} aeb pages (CPU seconds, one process)\n")
    print("| step | CPU s | pages/s | speed vs trafilatura |\n|---|---:|---:|---:|")
    for name, seconds in rows:
        rate = pages / seconds if seconds else float("inf")
        print(f"| {name} | {seconds:.1f} | {rate:.2f} | {reference / seconds:.2f}x |")


def _hostile_pages() -> Iterator[tuple[str, str]]:
    paragraphs = "".join(f"<p>{PARAGRAPH}It was day {day} of the works, the engineers said.</p>"
                         for day in range(1, 16))
    article = f"<article><h1>Quay reopens</h1>{paragraphs}</article>"
    yield "nested tags (100,000 divs deep)", (
        f"<html><body>{'<div>' * 100_000}{article}{'</div>' * 100_000}</body></html>")
    script = "<script>var x = '" + "a" * 4_000_000 + "';</script>"
    yield "4 MB of script around an article", f"<html><body>{script}{article}{script}</body></html>"
    filler = "<p>" + "filler text " * 1_000 + "</p>"
    yield "50 MB page", "<html><body>" + filler * (50_000_000 // len(filler)) + article + "</html>"


def _clean_one_from_stdin() -> None:
    """Child process: clean the page on stdin, print what came out."""
    from newsweave.clean import to_article
    from newsweave.model import Article, Document

    html = sys.stdin.read()
    warm = f"<html><body><article><p>{PARAGRAPH * 3}</p></article></body></html>"
    to_article(Document(origin="warm.html", content=warm, format="html"))  # imports, caches
    started = time.perf_counter()
    result = to_article(Document(origin="hostile.html", content=html, format="html"))
    outcome = (f"article, {len(result.text):,} chars" if isinstance(result, Article)
               else f"rejected: {result.reason}")
    print(json.dumps({"outcome": outcome, "seconds": time.perf_counter() - started}))


def print_hostile(limit_s: float) -> None:
    print(f"\n## Hostile pages (fresh process each, limit {limit_s:.0f} s wall)\n")
    print("| page | size | outcome | seconds |\n|---|---:|---|---:|")
    for name, html in _hostile_pages():
        started = time.perf_counter()
        try:
            done = subprocess.run([sys.executable, __file__, "--child-clean"], input=html,
                                  capture_output=True, text=True, timeout=limit_s, check=False)
            lines = done.stdout.strip().splitlines()
            result = json.loads(lines[-1]) if lines else {
                "outcome": f"crashed: {done.stderr.strip().splitlines()[-1:]}", "seconds": 0.0}
        except subprocess.TimeoutExpired:
            result = {"outcome": "over the limit", "seconds": time.perf_counter() - started}
        print(f"| {name} | {len(html) / 1e6:.1f} MB | {result['outcome']} | "
              f"{result['seconds']:.1f} |")


def _memory_from_args(total: int, pages: int) -> None:
    """Child process: clean ``total`` pages in batches, print RSS checkpoints and peak."""
    from newsweave.clean import clean_documents
    from newsweave.model import Document

    source = _pages(pages)
    checkpoints = []
    for start in range(0, total, BATCH):
        batch = [source[(start + i) % len(source)] for i in range(min(BATCH, total - start))]
        clean_documents([Document(origin=f"p{start + i}", content=p["html"], format="html",
                                  url=p.get("url")) for i, p in enumerate(batch)])
        if (start + BATCH) % max(BATCH, total // 10) == 0 or start + BATCH >= total:
            with open("/proc/self/statm") as fh:
                rss_mb = int(fh.read().split()[1]) * resource.getpagesize() / 1e6
            checkpoints.append((min(start + BATCH, total), round(rss_mb)))
    # VmHWM, not ru_maxrss: Linux carries the forking parent's peak over into a child's
    # ru_maxrss, and the parent held the hostile pages.
    with open("/proc/self/status") as fh:
        peak_kb = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
    print(json.dumps({"checkpoints": checkpoints, "peak_mb": round(peak_kb * 1024 / 1e6)}))


def print_memory(total: int, pages: int) -> None:
    done = subprocess.run([sys.executable, __file__, "--child-memory", str(total), str(pages)],
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"\n## Memory: {total:,} pages ({pages} real aeb pages repeated), "
          f"batches of {BATCH}\n")
    print("| pages cleaned | resident MB |\n|---:|---:|")
    for count, rss in result["checkpoints"]:
        print(f"| {count:,} | {rss} |")
    print(f"\npeak resident memory: {result['peak_mb']} MB")


def main() -> None:
    if sys.argv[1:2] == ["--child-clean"]:
        _clean_one_from_stdin()
        return
    if sys.argv[1:2] == ["--child-memory"]:
        _memory_from_args(int(sys.argv[2]), int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=120)
    parser.add_argument("--memory-pages", type=int, default=10_000)
    parser.add_argument("--limit-s", type=float, default=60.0)
    args = parser.parse_args()
    pages = _pages(args.pages)
    print_speed(speed_rows(pages), len(pages))
    print_hostile(args.limit_s)
    if args.memory_pages:
        print_memory(args.memory_pages, len(pages))


if __name__ == "__main__":
    main()
