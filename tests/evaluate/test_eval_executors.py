"""``newsweave eval`` gives the same predictions and figures on every executor."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsweave.clean import clean_documents
from newsweave.cli.main import cli
from newsweave.execution import preparation
from newsweave.execution.executor import LocalExecutor
from newsweave.execution.preparation import clean_together, prepare_groups
from newsweave.model import Document, to_json
from newsweave.pipeline import prepare_documents


def doc(doc_id: str, text: str, source: str) -> dict[str, Any]:
    return {"id": doc_id, "title": None, "text": text, "source": source}


def mention(doc_id: str, value: str, start: int) -> dict[str, Any]:
    return {"doc": doc_id, "field": "text", "value": value, "start": start,
            "end": start + len(value)}


EVENTS: list[dict[str, Any]] = [  # two events written for this test
    {"id": "quay-fire",
     "documents": [
         doc("q1", "Police said 12 people were hurt in the fire at the Portwell quay on "
                   "Monday. Firefighters fought the blaze for six hours.", "Daily One"),
         doc("q2", "Police said 18 people were hurt in the fire at the Portwell quay on "
                   "Monday. The blaze was put out after six hours.", "Daily Two"),
     ],
     "conflicts": [{"type": "count", "borderline": False, "subject": "hurt",
                    "mentions": [mention("q1", "12 people", 12),
                                 mention("q2", "18 people", 12)]}],
     "compatible": []},
    {"id": "library-reopens",
     "documents": [
         doc("l1", "The Linden library reopened on Saturday after repairs that cost 1.2 "
                   "million euros, mayor Tomas Brandt said.", "Daily One"),
         doc("l2", "Linden's library reopened on Saturday; the repairs cost 1.5 million "
                   "euros, according to mayor Tomas Brandt.", "Daily Three"),
     ],
     "conflicts": [], "compatible": []},
]

PAGES: list[dict[str, Any]] = [  # two pages written for this test
    {"id": f"page-{i}", "url": f"https://outlet.example/{i}",
     "html": f"<html><body><nav>Home | World | Sport</nav><article><h1>{title}</h1>"
             f"<p>{body}</p><p>{body} It was the second time this year.</p></article>"
             "<footer>Copyright Outlet</footer></body></html>",
     "gold_text": f"{title} {body} {body} It was the second time this year."}
    for i, (title, body) in enumerate([
        ("River floods old town", "The river Aller flooded the old town of Linden on "
                                  "Tuesday night, and 40 houses were evacuated."),
        ("Crane falls at docks", "A container crane fell at the port of Portwell, "
                                 "injuring four dock workers, the harbour authority said."),
    ])
]

PLAINTEXT: list[dict[str, Any]] = [  # the same pages saved as text, with their furniture
    {"id": f"text-{page['id']}", "url": page["url"],
     "text": "Home | World | Sport\n\n" + page["gold_text"] + "\n\nCopyright Outlet",
     "gold_text": page["gold_text"]}
    for page in PAGES
]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def evaluate(kind: str, file: Path, out: Path, *options: str) -> tuple[list[str], str]:
    """The metric lines ``eval`` prints (timing and notes naming files aside) and the
    predictions written."""
    result = CliRunner().invoke(cli, ["eval", kind, str(file), "--predictions", str(out),
                                      *options])
    assert result.exit_code == 0, result.output
    metrics = [line for line in result.output.splitlines()
               if line.startswith("  ") and not line.startswith("  note:")]
    return metrics, out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("kind", "records"), [
    ("conflicts", EVENTS), ("pages", PAGES), ("plaintext", PLAINTEXT)])
def test_local_and_processes_give_the_same_figures(
    kind: str, records: list[dict[str, Any]], tmp_path: Path,
) -> None:
    file = write_jsonl(tmp_path / "dev.jsonl", records)
    local = evaluate(kind, file, tmp_path / "local.jsonl", "--executor", "local")
    spread = evaluate(kind, file, tmp_path / "spread.jsonl",
                      "--executor", "processes", "--workers", "2")
    assert spread == local
    predictions = [json.loads(line) for line in local[1].splitlines()]
    assert len(predictions) == 2
    if kind == "conflicts":  # the figures measure something: the fire's toll conflicts
        assert predictions[0]["conflicts"]
    else:
        assert all("Linden" in p["text"] or "Portwell" in p["text"] for p in predictions)


def documents(count: int, prefix: str) -> list[Document]:
    return [Document(origin=f"{prefix}-{i}", format="text", source=f"Outlet {i % 2}",
                     content=f"Story {prefix} number {i}\n\nThe council of Karvik met on "
                             f"Monday and approved {i + 3} new bus lines, the mayor said.")
            for i in range(count)]


def test_groups_prepared_in_slices_equal_each_group_prepared_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(preparation, "PREPARE_SLICE", 2)  # groups span several slices
    groups = [documents(5, "a"), [], documents(1, "b")]
    got = list(prepare_groups(groups, LocalExecutor()))
    assert [[to_json(r) for r in g] for g in got] == [
        [to_json(r) for r in prepare_documents(g)] for g in groups]


def test_cleaning_in_slices_equals_cleaning_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preparation, "PREPARE_SLICE", 2)
    docs = documents(5, "c")
    assert [to_json(r) for r in clean_together(docs, LocalExecutor())] == [
        to_json(r) for r in clean_documents(docs)]
