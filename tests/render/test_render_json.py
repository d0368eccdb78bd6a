"""JSON output: schema-tagged records that round-trip through the codec."""

from __future__ import annotations

import json
from dataclasses import replace

from newsweave.model import Brief, Story, from_dict
from newsweave.render import render_brief, render_report, render_stories


def _keys_sorted(value: object) -> bool:
    if isinstance(value, dict):
        keys = list(value)
        return keys == sorted(keys) and all(_keys_sorted(v) for v in value.values())
    if isinstance(value, list):
        return all(_keys_sorted(v) for v in value)
    return True


def test_brief_round_trips(brief: Brief) -> None:
    text = render_brief(brief, "json")
    data = json.loads(text)
    assert data["schema"] == "newsweave.brief/1"
    assert from_dict(Brief, data) == brief
    assert _keys_sorted(json.loads(text, object_pairs_hook=dict))


def test_non_ascii_and_markup_are_kept_verbatim(brief: Brief) -> None:
    odd = replace(brief, headline="Überschwemmung in Valmora <script>\u2014 \x1b[31m")
    text = render_brief(odd, "json")
    assert "Überschwemmung" in text and "\u2014" in text and "<script>" in text
    assert from_dict(Brief, json.loads(text)) == odd


def test_report_is_a_list_of_tagged_briefs(brief: Brief, bare_brief: Brief) -> None:
    data = json.loads(render_report([brief, bare_brief], "json"))
    assert [d["schema"] for d in data] == ["newsweave.brief/1"] * 2
    assert [from_dict(Brief, d) for d in data] == [brief, bare_brief]
    assert json.loads(render_report([], "json")) == []


def test_stories_round_trip(stories: list[Story]) -> None:
    data = json.loads(render_stories(stories, "json"))
    assert [d["schema"] for d in data] == ["newsweave.story/1"] * 2
    assert [from_dict(Story, d) for d in data] == stories
    assert _keys_sorted(data)
