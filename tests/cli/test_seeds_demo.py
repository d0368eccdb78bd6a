"""What `make demo` must show on the two seed articles, checked on the JSON brief."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsweave.cli.main import cli
from newsweave.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BOILERPLATE = ("Edited by KARL", "Recommended Comments", "Create an account",
               "sign in to comment", "Sign In Now", "Register a new account")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    tmp = tmp_path_factory.mktemp("demo")
    db = tmp / "demo.db"
    result = CliRunner().invoke(cli, ["run", str(EXAMPLES), "--out", str(tmp / "out"),
                                      "--db", str(db)])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp / "out" / "report.json").read_text(encoding="utf-8"))
    assert len(report) == 1, "both seeds tell one story"
    return report[0], db


def texts(statements: list[dict[str, Any]]) -> list[str]:
    return [s["text"] for s in statements]


def test_troop_numbers_conflict_with_both_sentences_quoted(
    demo: tuple[dict[str, Any], Path]
) -> None:
    brief, _ = demo
    troops = [c for c in brief["conflicts"]
              if {s["value"] for s in c["sides"]} == {"5,200", "6,000"}]
    assert len(troops) == 1
    sides = troops[0]["sides"]
    assert len({s["citation"]["article_id"] for s in sides}) == 2
    for side in sides:
        assert side["value"] in side["citation"]["text"]
    assert troops[0]["reason"]
    flagged = {s["value"] for c in brief["conflicts"] for s in c["sides"]}
    assert not flagged & {"400", "17", "$80m"}, "look-alikes are not conflicts"


def test_single_source_and_agreed_facts(demo: tuple[dict[str, Any], Path]) -> None:
    brief, _ = demo
    single = " ".join(texts(brief["single_source"]))
    for fact in ("17-year presence", "$80m bounty"):
        assert fact in single
    assert "parliament voted" not in single  # both outlets report the vote
    assert "Parliament passed a motion" not in single
    for statement in brief["agreed"]:
        assert len({c["article_id"] for c in statement["citations"]}) >= 2


def test_soleimani_spellings_are_one_person(demo: tuple[dict[str, Any], Path]) -> None:
    brief, _ = demo
    people = [g for g in brief["entities"] if g["label"] == "PERSON"]
    merged = [g for g in people
              if any("Soleimani" in v for v in (g["name"], *g["variants"]))
              and any("Solemani" in v for v in (g["name"], *g["variants"]))]
    assert len(merged) == 1


def test_summary_is_short_and_every_sentence_cited(demo: tuple[dict[str, Any], Path]) -> None:
    brief, db = demo
    assert 1 <= len(brief["summary"]) <= 5
    with Store(db, readonly=True) as store:
        for statement in brief["summary"] + brief["agreed"] + brief["single_source"]:
            assert statement["citations"]
            for c in statement["citations"]:
                article = store.article(c["article_id"])
                assert article is not None
                assert article.text[c["start"]:c["end"]] == c["text"]


def test_no_forum_boilerplate_anywhere(demo: tuple[dict[str, Any], Path]) -> None:
    brief, _ = demo
    dumped = json.dumps(brief)
    for phrase in BOILERPLATE:
        assert phrase not in dumped
