"""Sentence splitting on the development data: gold sentences, boundaries, titles.

conflicts/dev.jsonl annotates the sentence around every value it lists (384 distinct
sentences of real articles): the share we reproduce exactly, and the share that lies
inside one of our sentences (no boundary cut through it), are gated. On the stories
files, which have no gold segmentation, two proxies gate the splitter:
- boundary recall: of every "word. Capitalised" junction (a lowercase word of 2+
  letters, a period, a space, a capitalised word), the share that ends a sentence
  ("vs." excluded: it is an abbreviation);
- title splits: sentences that end on a title ("Mr.", "Gen.", "Sen.") before a name,
  which are always wrong.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsweave.evaluate.base import read_jsonl
from newsweave.extract.sentences import split_sentences

JUNCTION = re.compile(r"\b(?!vs\.)[a-z]{2,}\.(?= [A-Z][a-z])")
TITLE_END = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Gov|Rep|Lt|Col|Capt|Sgt|Prof|Rev)\.$")
# Measured 2026-11-21: ecbplus-dev 5890/5890 = 1.000, newswcl50 826/827 = 0.9988
# (the miss is "Kim Jong - un." from the bench's detokenised spacing).
RECALL_FLOOR = {"ecbplus-dev": 0.99, "newswcl50": 0.985}
TITLE_SPLITS_MAX = 0  # measured 0 on both files


# Measured 2026-11-21 on conflicts/dev.jsonl: exact 0.966, inside 0.990 (several of
# the misses are gold slips: "Const. Tim Fanning" split after "Const.").
GOLD_EXACT_FLOOR = 0.95
GOLD_INSIDE_FLOOR = 0.975


def gold_sentences(path: Path) -> list[tuple[str, int, int]]:
    """(text, start, end) of every distinct gold sentence in a conflicts file, trimmed."""
    seen: set[tuple[str, str, int, int]] = set()
    out: list[tuple[str, int, int]] = []
    for record in read_jsonl(path):
        texts = {d["id"]: d["text"] for d in record["documents"]}
        for item in record["conflicts"] + record["compatible"]:
            for m in item["mentions"]:
                if m["field"] != "text" or "sentence_start" not in m:
                    continue
                key = (record["id"], m["doc"], m["sentence_start"], m["sentence_end"])
                if key in seen:
                    continue
                seen.add(key)
                text, start, end = texts[m["doc"]], m["sentence_start"], m["sentence_end"]
                raw = text[start:end]
                start += len(raw) - len(raw.lstrip())
                out.append((text, start, start + len(raw.strip())))
    return out


def gold_agreement(gold: list[tuple[str, int, int]]) -> tuple[float, float]:
    """(share reproduced exactly, share lying inside one predicted sentence)."""
    cache: dict[str, list[tuple[int, int]]] = {}
    exact = inside = 0
    for text, start, end in gold:
        if text not in cache:
            cache[text] = [(s.start, s.end) for s in split_sentences(text)]
        spans = cache[text]
        exact += (start, end) in spans
        inside += any(a <= start and end <= b for a, b in spans)
    return exact / len(gold), inside / len(gold)


@pytest.mark.bench
def test_gold_sentences_of_conflicts_dev(bench_dir: Path) -> None:
    exact, inside = gold_agreement(gold_sentences(bench_dir / "conflicts" / "dev.jsonl"))
    assert exact >= GOLD_EXACT_FLOOR
    assert inside >= GOLD_INSIDE_FLOOR


def boundary_proxies(texts: list[str]) -> tuple[float, int]:
    """(boundary recall, number of title splits) over ``texts``."""
    found = total = title_splits = 0
    for text in texts:
        sentences = split_sentences(text)
        ends = {s.end for s in sentences}
        for match in JUNCTION.finditer(text):
            total += 1
            found += match.end() in ends
        title_splits += sum(bool(TITLE_END.search(s.text)) for s in sentences)
    return (found / total if total else 1.0), title_splits


@pytest.mark.bench
@pytest.mark.parametrize("name", sorted(RECALL_FLOOR))
def test_sentence_boundary_gate(bench_dir: Path, name: str) -> None:
    texts = [r["text"] for r in read_jsonl(bench_dir / "stories" / f"{name}.jsonl")]
    recall, title_splits = boundary_proxies(texts)
    assert recall >= RECALL_FLOOR[name]
    assert title_splits <= TITLE_SPLITS_MAX
