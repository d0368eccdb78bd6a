"""sniff_format: content beats the suffix."""

from __future__ import annotations

import pytest

from newsweave.ingest.sniff import is_feed, sniff_format

PAGE = "<!DOCTYPE html><html><head><title>Storm</title></head><body><p>Rain.</p></body></html>"
FRAGMENT = '<div class="story"><p>Officials said on Monday.</p><p>More <a href="/x">here</a>.</p>'
PROSE = "Officials said on Monday that the storm had passed.\nRoads reopened by noon."
LINES = '{"title": "A", "text": "One."}\n{"title": "B", "text": "Two."}\n'
PRETTY = '{\n  "title": "A",\n  "text": "One."\n}\n'


@pytest.mark.parametrize(
    ("head", "suffix", "expected"),
    [
        (PAGE, ".txt", "html"),
        (FRAGMENT, ".txt", "html"),
        (PAGE, "", "html"),
        (PROSE, ".html", "text"),
        (PROSE, ".txt", "text"),
        (LINES, ".json", "jsonl"),
        (LINES, ".txt", "jsonl"),
        (PRETTY, ".jsonl", "json"),
        ('[{"text": "One."}]', ".jsonl", "json"),
        ("[\n  {\n", ".txt", "json"),
        ("\ufeff" + LINES, ".jsonl", "jsonl"),
        ("", ".html", "html"),
        ("", ".xyz", "text"),
        ('{"text": "a line cut short by the he', ".jsonl", "jsonl"),
        ("<p>One paragraph only.</p>", ".HTML", "html"),
    ],
)
def test_sniff_format(head: str, suffix: str, expected: str) -> None:
    assert sniff_format(head, suffix) == expected


def test_prose_quoting_a_tag_or_brackets_stays_text() -> None:
    assert sniff_format("Use the <b> tag, wrote <jane@example.com>.\nThanks.", ".txt") == "text"
    assert sniff_format("[Reuters] - Markets fell on Monday.", ".txt") == "text"


def test_is_feed() -> None:
    assert is_feed('<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>')
    assert is_feed('<feed xmlns="http://www.w3.org/2005/Atom"><title>X</title></feed>')
    assert not is_feed(PAGE)
    assert not is_feed("<html><body><p>Subscribe to our <feed > today</p></body></html>")
    assert not is_feed(PROSE)
