"""Text that quotes tags stays text; HTML documents and fragments stay HTML."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from newsweave.clean import clean_documents
from newsweave.ingest import read_paths
from newsweave.ingest.sniff import MIN_MARKUP_SHARE, markup_share, sniff_format
from newsweave.model import Article, Document

SECURITY_STORY = (
    "Forum flaw let attackers run code in readers' browsers\n\n"
    "Researchers said on Tuesday that attackers had hidden a <script> tag inside the "
    "comment form of a popular forum. Because the site copied comments into a <div> "
    "without escaping them, every visitor's browser ran the attacker's code.\n\n"
    '"A single <p> tag should never be able to do this," said the lead researcher, '
    "who asked that the forum not be named until it is fixed. The payload, "
    "<script>alert(document.cookie)</script>, is a classic test that any filter "
    "should catch.\n\n"
    "The forum's owners said a patch would ship on Friday and that no passwords were "
    "taken. Users were told to clear their browser's cookies.\n"
)
QUOTED_WORDS = ("<script>", "<div>", "<p>", "alert(document.cookie)")
FRAGMENT = (
    '<p>The city council approved the new budget on Monday.</p>\n<p>The mayor said '
    'the money would go to <a href="/schools">schools</a> and roads.</p>'
)
PAGE = (
    '<?xml version="1.0" encoding="utf-8"?>\n<!-- saved from a browser -->\n'
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x">\n'
    "<html><head><title>Budget</title></head><body>"
    "<p>The city council approved the new budget on Monday.</p></body></html>"
)


def _only(path: Path) -> Document:
    (item,) = read_paths([str(path)])
    assert isinstance(item, Document), item
    return item


@pytest.mark.parametrize("name", ["story.txt", "story.md", "story", "story.txt.gz"])
def test_a_story_quoting_tags_is_read_as_text_and_keeps_them(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    data = SECURITY_STORY.encode()
    if name.endswith(".gz"):
        data = gzip.compress(data)
    path.write_bytes(data)
    doc = _only(path)
    assert doc.format == "text"
    assert all(word in doc.content for word in QUOTED_WORDS)


def test_a_jsonl_text_field_quoting_tags_is_text_through_cleaning(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({"title": "Forum flaw", "text": SECURITY_STORY}) + "\n")
    doc = _only(path)
    assert doc.format == "text"
    (article,) = clean_documents([doc])
    assert isinstance(article, Article)
    assert all(word in article.text for word in QUOTED_WORDS)


@pytest.mark.parametrize("name", ["page.txt", "page.md", "page"])
def test_html_documents_are_html_whatever_the_suffix(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(PAGE)
    assert _only(tmp_path / name).format == "html"


def test_a_fragment_that_markup_dominates_is_html(tmp_path: Path) -> None:
    (tmp_path / "fragment.txt").write_text(FRAGMENT)
    assert _only(tmp_path / "fragment.txt").format == "html"
    (tmp_path / "dump.jsonl").write_text(json.dumps({"content": FRAGMENT}) + "\n")
    assert _only(tmp_path / "dump.jsonl").format == "html"


def test_html_suffix_stays_html_even_for_prose_quoting_a_tag(tmp_path: Path) -> None:
    (tmp_path / "story.html").write_text(SECURITY_STORY)
    assert _only(tmp_path / "story.html").format == "html"


def test_markdown_opening_with_a_comment_is_text() -> None:
    note = "<!-- draft: check figures -->\n# Budget\n\nThe council approved it on Monday.\n"
    assert sniff_format(note, ".md") == "text"


@pytest.mark.parametrize(
    ("text", "low"),
    [
        (SECURITY_STORY, True),
        ("Hackers injected <script> and </script> pairs around a <b>bold</b> note.", True),
        ("Use <b>bold</b> and <i>italic</i> tags.", True),
        (FRAGMENT, False),
        ("<div><p>One.</p><p>Two <a href='/x'>link</a></p></div>", False),
    ],
)
def test_markup_share_separates_prose_from_fragments(text: str, low: bool) -> None:
    assert (markup_share(text) < MIN_MARKUP_SHARE) is low


def _bench_shares(bench: Path) -> None:
    """Markup shares on the evaluation data, per half, behind ``MIN_MARKUP_SHARE``."""
    from newsweave.evaluate.base import split_half
    from newsweave.ingest.sniff import SNIFF_CHARS, is_html_document

    texts: dict[str, list[float]] = {"a": [], "b": []}
    for name in ("plaintext/aeb-text.jsonl", "stories/ecbplus-dev.jsonl",
                 "stories/newswcl50.jsonl", "conflicts/dev.jsonl",
                 "roundups/neus-train.jsonl", "roundups/neus-val.jsonl"):
        for record in _records(bench / name):
            bodies = [(record["id"], record.get("text"))]
            bodies += [(f"{record['id']}/{i}", d.get("text"))
                       for i, d in enumerate(record.get("documents") or [])]
            for key, body in bodies:
                if body:
                    texts[split_half(key)].append(markup_share(body[:SNIFF_CHARS]))
    pages: dict[str, list[float]] = {"a": [], "b": []}  # non-documents only
    documents = 0
    for key, page in _bench_pages(bench):
        head = page[:SNIFF_CHARS]
        if is_html_document(head):
            documents += 1
        else:
            pages[split_half(key)].append(markup_share(head))
    print(f"pages opening as documents: {documents}")
    for half in "ab":
        print(f"half {half}: {len(texts[half])} texts, highest share "
              f"{max(texts[half]):.3f}; other pages {sorted(round(s, 3) for s in pages[half])}")
        for threshold in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
            html = sum(s >= threshold for s in pages[half])
            wrong = sum(s >= threshold for s in texts[half])
            print(f"  {threshold}: other pages html {html}/{len(pages[half])}, texts html {wrong}")


def _bench_pages(bench: Path) -> list[tuple[str, str]]:
    """(id, page) of pages/aeb.jsonl and pages/trafilatura-eval."""
    found = []
    for record in _records(bench / "pages" / "aeb.jsonl"):
        found.append((record["id"], record["html"]))
    root = bench / "pages" / "trafilatura-eval"
    for record in _records(root / "annotations.jsonl"):
        raw = gzip.decompress((root / record["html_file"]).read_bytes())
        found.append((record["id"], raw.decode("utf-8", errors="replace")))
    return found


def _records(path: Path) -> list[dict[str, Any]]:
    """The JSON Lines records of ``path`` (split on newlines only)."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


if __name__ == "__main__":
    import sys

    _bench_shares(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/bench"))
