"""Score page metadata (title, outlet, date) against labels.jsonl; see PROTOCOL.md.

Prints the accuracy of newsweave (``newsweave.clean.html.extract_page``) and of
trafilatura's own metadata (``bare_extraction`` with metadata) on the same pages, per
dev set and half. Run from the project root:

    .venv/bin/python evaluation/metadata/score.py [--bench ../shared/bench] [--misses]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from newsweave.clean.html import extract_page
from newsweave.ingest.decode import decode_bytes

HERE = Path(__file__).resolve().parent
FIELDS = ("title", "outlet", "date")
Prediction = dict[str, str | None]
_QUOTES = re.compile(r"[\"'‘’‚“”„«»‹›`´]")
_DASHES = re.compile(r"[‐‑‒–—―]")
# Endings of a domain written as an outlet name ("MacRumors.com"), dropped to compare.
_DOMAIN_END = re.compile(r"\.(?:com|net|org|de|at|ch|co\.uk|uk|fr|it|fi|br|com\.br|info)$")


def norm_title(text: str | None) -> str:
    """Case, quotes, dashes and whitespace folded (PROTOCOL.md, title)."""
    text = unicodedata.normalize("NFKC", text or "").replace("\u00ad", "").casefold()
    text = _DASHES.sub("-", _QUOTES.sub("", text)).replace("…", "...")
    return " ".join(text.split()).strip(" .")


def norm_outlet(text: str | None) -> str:
    """Letters and digits of a name, without a leading "the" or a domain ending."""
    text = _DOMAIN_END.sub("", (text or "").strip().casefold()).removeprefix("www.")
    key = "".join(ch for ch in text if ch.isalnum())
    return key.removeprefix("the")


def correct(field: str, label: dict[str, Any], predicted: str | None) -> bool:
    """Whether ``predicted`` matches the label or one of its alternatives."""
    gold = [label[field], *label.get(f"{field}_also", [])]
    if field == "date":  # a null label: the page states no date, so none is right
        return predicted in gold
    fold = norm_title if field == "title" else norm_outlet
    return bool(predicted) and fold(predicted) in {fold(g) for g in gold}


def load_pages(bench: Path, labels: list[dict[str, Any]]) -> dict[str, tuple[str, str | None]]:
    """id -> (html, url) for the labelled pages."""
    wanted = {lab["id"] for lab in labels}
    pages: dict[str, tuple[str, str | None]] = {}
    with (bench / "pages/aeb.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in wanted:
                pages[rec["id"]] = (rec["html"], rec.get("url"))
    folder = bench / "pages/trafilatura-eval"
    with (folder / "annotations.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in wanted:
                data = gzip.decompress((folder / rec["html_file"]).read_bytes())
                pages[rec["id"]] = (decode_bytes(data, rec["id"]), rec.get("url"))
    return pages


def newsweave(html: str, url: str | None) -> Prediction:
    page = extract_page(html, url)
    if page is None:
        return {"title": None, "outlet": None, "date": None}
    return {"title": page.title, "outlet": page.source, "date": page.published}


def trafilatura_own(html: str, url: str | None) -> Prediction:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return {"title": None, "outlet": None, "date": None}
    date = getattr(doc, "date", None)
    return {"title": getattr(doc, "title", None),
            "outlet": getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
            "date": date[:10] if isinstance(date, str) else None}


SYSTEMS: dict[str, Callable[[str, str | None], Prediction]] = {
    "newsweave": newsweave, "trafilatura": trafilatura_own}


def rows(labels: list[dict[str, Any]], pages: dict[str, tuple[str, str | None]],
         ) -> Iterator[tuple[str, dict[str, Any], Prediction]]:
    for label in labels:
        html, url = pages[label["id"]]
        for name, system in SYSTEMS.items():
            yield name, label, system(html, url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--bench", type=Path, default=HERE.parents[2] / "shared/bench")
    parser.add_argument("--misses", choices=("a", "b"), help="list newsweave's misses on a half")
    args = parser.parse_args()
    with (HERE / "labels.jsonl").open(encoding="utf-8") as fh:
        labels = [json.loads(line) for line in fh if line.strip()]
    pages = load_pages(args.bench, labels)
    hits: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for name, label, pred in rows(labels, pages):
        for group in (f"{label['set']} {label['half']}", f"all {label['half']}", "all"):
            counts = hits[(name, group, "")]
            counts[3] += 1
            for k, field in enumerate(FIELDS):
                ok = correct(field, label, pred[field])
                counts[k] += ok
                if not ok and name == "newsweave" and group == f"all {args.misses}":
                    gold, got = label[field], pred[field]
                    print(f"miss {field} {label['id'][:20]} gold={gold!r} got={got!r}")
    print(f"{'system':<12} {'pages':<22} {'n':>4} {'title':>6} {'outlet':>6} {'date':>6}")
    for (name, group, _), (t, o, d, n) in sorted(hits.items()):
        print(f"{name:<12} {group:<22} {n:>4} {t / n:>6.3f} {o / n:>6.3f} {d / n:>6.3f}")


if __name__ == "__main__":
    main()
