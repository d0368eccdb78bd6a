"""Evaluate the brief's agreed and single-source items against readers' verdicts.

No public gold set says which outlets state a fact, so these sections are measured
by pooling (``facts/README.md`` of the evaluation data): every item a brief shows is
judged once by a reader against the articles and the verdict is kept. Each event of
a conflicts-format file is built as one story, its documents prepared as the
conflicts evaluation prepares them (the source of each document is its ``source``
field), and every ``agreed`` and ``single_source`` statement of its brief becomes an
item ``{"kind", "story", "text", "sources"}`` (``story`` is the event id, ``sources``
sorted).

An item takes the verdict of the line with the same kind, story, sources and text
key (lower case, every run of characters other than a-z and 0-9 as one space,
trimmed, first 300 characters). A verdict line may give the SHA-1 of that key
(``text_sha1``) instead of the text, so verdicts kept in this repository copy no
article text.

Metrics per kind (``agreed``, ``single``): ``<kind>_right`` = share right among the
judged items, ``<kind>_judged``, ``<kind>_unjudged``; on every event and on each
fixed half of the events (``agreed_right[a]``, ...). Every item shown counts, so
two items with one key count twice.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from newsweave.brief import build_brief
from newsweave.errors import InputError
from newsweave.evaluate.base import EvalReport, Record, Writer, prepared_records, read_jsonl
from newsweave.evaluate.conflicts import existing, story_documents, with_halves
from newsweave.model import Article, Rejection, Statement
from newsweave.pipeline import prepare_documents

if TYPE_CHECKING:
    from newsweave.execution.executor import Executor

KINDS = ("agreed", "single")
VERDICTS = {"right": True, "wrong": False}
TEXT_KEY_CHARS = 300  # the protocol's key: the first 300 characters of the normalised text
FactKey = tuple[str, str, tuple[str, ...], str]  # kind, story, sorted sources, key digest
Verdicts = dict[FactKey, bool]
Pairs = Sequence[tuple[str, list[Record]]]  # (event id, items of its brief)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def run(records: Iterable[Record], write: Writer, path: Path, *,
        judged: Sequence[Path] | None = None,
        write_unjudged: Writer | None = None,
        executor: Executor | None = None) -> EvalReport:
    """Build the brief of every event of ``records`` and score its facts sections.

    Writes one line per item shown (``{"kind", "story", "text", "sources"}``); items
    no verdict file decides go to ``write_unjudged`` (with ``text_sha1``) for a
    reader. ``judged`` defaults to the evaluation data's own verdicts on this set
    (``shared_verdicts``) when present. ``executor`` runs the preparation of the
    documents (default: here).
    """
    files = list(judged) if judged is not None else existing([shared_verdicts(path)])
    verdicts = load_verdicts(files)
    pairs: list[tuple[str, list[Record]]] = []
    events = prepared_records(records, partial(story_documents, path=path), executor)
    for record, results in events:
        items = items_of(str(record["id"]), results)
        for item in items:
            write(item)
        pairs.append((str(record["id"]), items))
    metrics = with_halves(pairs, lambda p: p[0], lambda part: score(part, verdicts))
    if write_unjudged is not None:
        for item in unjudged(pairs, verdicts):
            write_unjudged(item)
    notes = [f"verdicts from {', '.join(str(f) for f in files) or 'no file'}"]
    return EvalReport(kind="facts", items=len(pairs), metrics=metrics, notes=notes)


def shared_verdicts(path: Path) -> Path:
    """Where the evaluation data keeps facts verdicts on a conflicts-format set:
    ``<bench>/facts/<stem>-judged.jsonl`` beside ``<bench>/conflicts/<stem>.jsonl``."""
    return path.parent.parent / "facts" / f"{path.stem}-judged.jsonl"


def select(records: Iterable[Record], verdicts: Verdicts) -> Iterator[Record]:
    """The events some verdict speaks of; every event when there are no verdicts."""
    stories = {key[1] for key in verdicts}
    return (r for r in records if not stories or str(r["id"]) in stories)


def brief_items(record: Record, path: Path) -> list[Record]:
    """The agreed and single-source items of the brief of one event."""
    return items_of(str(record["id"]), prepare_documents(story_documents(record, path)))


def items_of(story: str, results: Iterable[Article | Rejection]) -> list[Record]:
    """The agreed and single-source items of the brief of one event's prepared documents."""
    brief = build_brief(story, [r for r in results if isinstance(r, Article)])
    return [*(_item("agreed", brief.story_id, s) for s in brief.agreed),
            *(_item("single", brief.story_id, s) for s in brief.single_source)]


def _item(kind: str, story: str, statement: Statement) -> Record:
    return {"kind": kind, "story": story, "text": statement.text,
            "sources": sorted(statement.sources)}


def text_key(text: str) -> str:
    """The protocol's text key: lower case, non-alphanumeric runs as one space, 300 chars."""
    return _NOT_ALNUM.sub(" ", text.lower()).strip()[:TEXT_KEY_CHARS]


def text_digest(text: str) -> str:
    """SHA-1 of the text key: how a verdict names a text without quoting it."""
    return hashlib.sha1(text_key(text).encode("utf-8")).hexdigest()


def item_key(item: Record) -> FactKey:
    return (str(item["kind"]), str(item["story"]),
            tuple(sorted(str(s) for s in item["sources"])), text_digest(str(item["text"])))


def load_verdicts(paths: Iterable[Path]) -> Verdicts:
    """Verdicts of judged files (right -> True); the first file to judge an item decides."""
    verdicts: Verdicts = {}
    for path in paths:
        for n, row in enumerate(read_jsonl(path), 1):
            key, right = _verdict_line(row, f"{path}:{n}")
            verdicts.setdefault(key, right)
    return verdicts


def _verdict_line(row: Record, where: str) -> tuple[FactKey, bool]:
    try:
        digest = str(row["text_sha1"]) if "text" not in row else text_digest(str(row["text"]))
        key = (str(row["kind"]), str(row["story"]),
               tuple(sorted(str(s) for s in row["sources"])), digest)
        verdict = str(row["verdict"])
    except (KeyError, TypeError) as exc:
        raise InputError(where, "a verdict line needs kind, story, sources, text (or "
                         f"text_sha1) and verdict ({exc!r})") from exc
    if key[0] not in KINDS or verdict not in VERDICTS:
        raise InputError(where, f"kind must be one of {KINDS} and verdict one of "
                         f"{tuple(VERDICTS)}, not {key[0]!r} / {verdict!r}")
    return key, VERDICTS[verdict]


def score(pairs: Pairs, verdicts: Verdicts) -> dict[str, float]:
    """Share right, judged and unjudged items of each kind."""
    counts: Counter[tuple[str, bool | None]] = Counter()
    for _, items in pairs:
        for item in items:
            counts[str(item["kind"]), verdicts.get(item_key(item))] += 1
    out: dict[str, float] = {}
    for kind in KINDS:
        right, wrong = counts[kind, True], counts[kind, False]
        out[f"{kind}_right"] = round(right / (right + wrong), 4) if right + wrong else 0.0
        out[f"{kind}_judged"] = float(right + wrong)
        out[f"{kind}_unjudged"] = float(counts[kind, None])
    return out


def unjudged(pairs: Pairs, verdicts: Verdicts) -> Iterator[Record]:
    """Items no verdict decides, with the digest a kept verdict can name them by."""
    for _, items in pairs:
        for item in items:
            if item_key(item) not in verdicts:
                yield {**item, "text_sha1": text_digest(str(item["text"]))}
