"""Stores written for the web tests: two outlets disagreeing, and a hostile article.

Records are built by hand (no annotation pipeline), so the tests are fast and say
exactly which citation, conflict and URL each page must show.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from newsweave.model import (
    Article,
    Brief,
    Citation,
    Conflict,
    ConflictKind,
    ConflictSide,
    Mention,
    Sentence,
    Sighting,
    Statement,
    Story,
    TimelineEntry,
)
from newsweave.store import Store

# Every payload flips the same DOM attribute if it runs; the attribute name is built at
# run time so the escaped page text never contains it.
FLIP = "document.documentElement.setAttribute('data-'+'pwn'+'ed','1')"
HOSTILE_TITLE = f"<script>{FLIP}</script>Harbour fire"
HOSTILE_TEXT = (f'The fire <img src=x onerror="{FLIP}"> destroyed 12 boats. '
                f'<a href="javascript:{FLIP}">More</a> Crews worked all night.')
HOSTILE_URL = f"javascript:{FLIP}"


def article(aid: str, text: str, source: str, *, title: str, url: str | None,
            published: str) -> Article:
    sentences = []
    at = 0
    for part in text.split(". "):
        start = text.index(part, at)
        end = min(len(text), start + len(part) + 1)
        sentences.append(Sentence(start, end, text[start:end]))
        at = end
    return Article(id=aid, text=text, origin=f"{source}.txt", title=title, source=source,
                   published=published, url=url, sentences=tuple(sentences))


def cite(a: Article, fragment: str) -> Citation:
    """The sentence of ``a`` that holds ``fragment``."""
    at = a.text.index(fragment)
    s = next(s for s in a.sentences if s.start <= at < s.end)
    return Citation(a.id, a.label, s.start, s.end, s.text)


def side(a: Article, value: str) -> ConflictSide:
    at = a.text.index(value)
    return ConflictSide(value, at, at + len(value), cite(a, value))


@dataclass(frozen=True)
class Seeded:
    path: Path
    story_id: str
    hostile_story_id: str
    north: Article
    south: Article
    hostile: Article


def brief_of(story: Story, summary: list[Citation],
           conflicts: tuple[Conflict, ...] = ()) -> Brief:
    statements = tuple(Statement(c.text, (c,)) for c in summary)
    return Brief(story_id=story.id, headline=story.headline, sources=story.sources,
                 article_ids=story.article_ids, summary=statements, agreed=(),
                 single_source=statements[1:], conflicts=conflicts, entities=(),
                 numbers=(), dates=(),
                 timeline=(TimelineEntry(story.first_date or "", True, statements[0]),))


def _put(store: Store, story: Story, articles: list[Article], brief: Brief) -> None:
    for a in articles:
        store.put_article(a)
        store.assign(a.id, story.id)
    store.put_story(story, brief)


def seed(path: Path, extra_stories: int = 0) -> Seeded:
    north = article("a-north", "The storm killed 12 people on Monday. Power was cut in "
                    "Alder Bay.", "North Post", title="Storm hits Alder Bay",
                    url="https://north.example/storm", published="2026-03-02")
    at = north.text.index("Alder Bay")
    north = replace(north, mentions=(Mention(at, at + 9, "Alder Bay", "PLACE", "alder bay"),))
    south = article("a-south", "Officials said 15 people died in the storm. Schools stay "
                    "closed.", "South Herald", title="Storm toll rises",
                    url="https://south.example/toll", published="2026-03-03")
    hostile = article("a-hostile", HOSTILE_TEXT, "Evil <b>Outlet</b>", title=HOSTILE_TITLE,
                      url=HOSTILE_URL, published="2026-01-10")
    storm = Story("s-storm", ("a-north", "a-south"), "Storm hits Alder Bay",
                  ("North Post", "South Herald"), "2026-03-02", "2026-03-03")
    fire = Story("s-fire", ("a-hostile",), HOSTILE_TITLE, ("Evil <b>Outlet</b>",),
                 "2026-01-10", "2026-01-10")
    conflict = Conflict(ConflictKind.COUNT, "storm deaths", "12 against 15 dead",
                        (side(north, "12"), side(south, "15")))
    with Store(path) as store, store.transaction():
        _put(store, storm, [north, south], brief_of(
            storm, [cite(north, "killed"), cite(south, "Schools")],
            (conflict,)))
        _put(store, fire, [hostile], brief_of(
            fire, [cite(hostile, "destroyed"), cite(hostile, "Crews")],
            (Conflict(ConflictKind.COUNT, HOSTILE_TITLE, HOSTILE_TEXT,
                      (side(hostile, "12"), side(hostile, "12"))),)))
        store.add_sighting("a-south", Sighting("copies/west.txt", "West Daily",
                                               "https://west.example/toll"))
        store.add_sighting("a-hostile", Sighting("copies/evil.txt", None, HOSTILE_URL))
        for i in range(extra_stories):
            text = f"Filler report number {i} about a quiet council meeting."
            a = article(f"a-fill{i:04d}", text, f"Outlet {i % 7}", title=f"Council {i}",
                        url=None, published=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}")
            s = Story(f"s-fill{i:04d}", (a.id,), f"Council meeting {i}", (a.label,),
                      a.published, a.published)
            _put(store, s, [a], brief_of(s, [cite(a, "Filler")]))
    return Seeded(path, "s-storm", "s-fire", north, south, hostile)
