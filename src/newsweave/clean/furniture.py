"""Site furniture across pages: lines one outlet repeats on many pages of a batch.

A site prints the same strap lines, copyright notices, newsletter prompts and teaser
headings on every page, and an extractor that reads one page at a time cannot tell
them from the article. Among the articles cleaned together, a short line found in
``FURNITURE_MIN_PAGES`` or more texts of the same outlet (and in at least
``FURNITURE_MIN_SHARE`` of them) is furniture and goes. Guards keep real sentences:
long lines are exempt; versions of one text (an update, a copy: texts sharing a long
line) count once; an article that would lose too much is kept whole.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from newsweave.clean.normalize import normalize_text
from newsweave.clean.plaintext import LineStats
from newsweave.model import Article, Rejection, article_id

# Texts of one outlet that must hold a line for it to be furniture. Measured with each
# dev half cleaned as one batch (newsweave eval pages ... --half a), F1 at
# FURNITURE_MAX_WORDS 6 / 12 / 20 / 40 (without the step: aeb a 0.9572, traf. a 0.9266):
#   2: aeb a 0.9572 / 0.9574 / 0.9574 / 0.9574
#      trafilatura-eval a 0.9266 / 0.9266 / 0.9278 / 0.9278
#   3 or 4: no change on either (the halves hold at most two pages of most outlets)
# Every line the step removes at 2 / 20 on both sets and halves is furniture by
# reading ("CLICK HERE TO GET THE ... APP", copyright lines, "DON'T MISS", "___",
# "Subscribe now to our ... edition"). Half b: aeb 0.9624 -> 0.9619 (its gold keeps
# "Originally published on ..." lines), trafilatura-eval 0.9255 unchanged.
FURNITURE_MIN_PAGES = 2
# Lines longer than this (in words) are never furniture, and a shared one makes two
# texts versions of one. 12 misses long app and subscription prompts (and links the
# pages holding them as versions); 40 gains nothing more.
FURNITURE_MAX_WORDS = 20
# In a big batch a short formula sentence ("No one was injured.") recurs across an
# outlet's unrelated stories; furniture is on a good share of its pages. Not reached on
# the dev sets (at most a few pages per outlet), so it is set from that reasoning:
# below 20 texts of an outlet the page count decides.
FURNITURE_MIN_SHARE = 0.1
# An article left with fewer words than this, or with less than this share of its
# words, was mostly repeated text (copies of one wire story): it is kept whole.
FURNITURE_MIN_WORDS_LEFT = 10
FURNITURE_MIN_SHARE_LEFT = 0.5

_WORD = re.compile(r"\w+")


def _outlet(article: Article) -> str | None:
    return " ".join(article.source.casefold().split()) if article.source else None


def _is_long(line: str) -> bool:
    return len(_WORD.findall(line)) > FURNITURE_MAX_WORDS


def _versions(texts: Sequence[str]) -> list[str]:
    """One text per group of versions: texts sharing a long line, joined transitively.

    The lines of a group are pooled, so a short line two versions of one story share
    counts once, as a line of that story.
    """
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, text in enumerate(texts):
        for line in filter(_is_long, text.split("\n")):
            key = " ".join(line.casefold().split())
            parent[root(i)] = root(first.setdefault(key, i))
    groups: dict[int, list[str]] = defaultdict(list)
    for i, text in enumerate(texts):
        groups[root(i)].append(text)
    return ["\n".join(group) for group in groups.values()]


def _stats_by_outlet(articles: Sequence[Article]) -> dict[str, LineStats]:
    """Line statistics over the versions of the texts of each outlet with enough."""
    texts: dict[str, dict[str, str]] = defaultdict(dict)
    for a in articles:
        outlet = _outlet(a)
        if outlet is not None:
            texts[outlet][a.id] = a.text
    stats = {outlet: LineStats.from_texts(_versions(list(by_id.values())))
             for outlet, by_id in texts.items()}
    return {outlet: s for outlet, s in stats.items() if s.documents >= FURNITURE_MIN_PAGES}


def _is_furniture(line: str, stats: LineStats) -> bool:
    count = stats.count(line)
    return (bool(_WORD.search(line)) and not _is_long(line) and count >= FURNITURE_MIN_PAGES
            and count >= FURNITURE_MIN_SHARE * stats.documents)


def _without_furniture(article: Article, stats: LineStats) -> Article:
    lines = article.text.split("\n")
    kept = [line for line in lines if not _is_furniture(line, stats)]
    if len(kept) == len(lines):
        return article
    text = normalize_text("\n".join(kept))
    before, after = len(_WORD.findall(article.text)), len(_WORD.findall(text))
    if after < FURNITURE_MIN_WORDS_LEFT or after < FURNITURE_MIN_SHARE_LEFT * before:
        return article
    return replace(article, id=article_id(text), text=text)


def strip_site_furniture(items: Sequence[Article | Rejection]) -> list[Article | Rejection]:
    """The items with each outlet's repeated short lines removed from its articles.

    Articles are grouped by outlet (``Article.source``, case and spacing folded);
    articles without one, and outlets with fewer than ``FURNITURE_MIN_PAGES`` distinct
    articles in ``items``, are left as they are. Ids follow the new texts.
    """
    stats = _stats_by_outlet([x for x in items if isinstance(x, Article)])
    out: list[Article | Rejection] = []
    for item in items:
        site = stats.get(_outlet(item) or "") if isinstance(item, Article) else None
        out.append(item if site is None or isinstance(item, Rejection)
                   else _without_furniture(item, site))
    return out
