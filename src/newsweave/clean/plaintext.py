"""Boilerplate removal for text without markup, line by line.

A page saved as text keeps its menus, share buttons, sign-in prompts, related links
and comment threads as lines around the article. The article is the densest run of
prose lines: each line is scored (long, punctuated, stop-word-rich lines gain; short,
capitalised, menu-like or boilerplate-phrased lines lose), the contiguous run with the
highest total is kept (maximum-sum segment, so boilerplate that clusters at the top and
bottom falls outside), its tail is cut at a comment/sign-in/related-links section, and
boilerplate lines left inside are dropped.

Every constant below was calibrated on ``plaintext/aeb-text.jsonl`` (181 pages, shingle
F1 of ``newsweave.evaluate.plaintext``) and checked for token retention on clean texts
(``stories/*.jsonl``, ``conflicts/dev.jsonl``). After changing one, re-run
``tests/gates/test_gate_plaintext.py`` and ``tests/clean/test_bench_cleaning.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from newsweave.clean.normalize import normalize_text

# --- line scores (Kadane weights) -------------------------------------------------
# A punctuated line scores its word count minus PROSE_OFFSET: a 5-word sentence is
# roughly neutral, a 30-word paragraph strongly positive. On aeb-text, punctuated lines
# of 5-7 words are article text 36% of the time, of 21-40 words 77%.
PROSE_OFFSET = 4.0
# Lines without terminal punctuation: 1-4 words are article text 5-6% of the time
# (menus, buttons), so each costs a little; a subheading inside the article costs less
# than the paragraphs around it gain, so the segment runs through it.
SHORT_PENALTY = 1.0
# A long line ending with a colon introduces a quote or list inside the article;
# short ones are labels ("Share this:", "jdoe says:").
COLON_PROSE_MIN_WORDS = 10
# Extra cost of a menu-like line (most words capitalised, no punctuation).
MENU_PENALTY = 1.0
MENU_CAPITALISED_SHARE = 0.7  # share of capitalised words that makes a line menu-like
# A punctuated line with this share of capitalised words is a headline list or a legal
# notice rather than prose: on aeb-text, lines at >= 0.5 hold 2202 non-article words
# against 1665 article words; F1 0.917 at 0.5, 0.912 at 0.7, 0.911 without the rule.
PROSE_MAX_CAPITALISED_SHARE = 0.5
# Unpunctuated lines of this many words or more are neutral (headlines, long captions,
# prose that lost its full stop): on aeb-text 28% of 21-40 word ones are article text.
LONG_UNPUNCTUATED_WORDS = 15
# Boilerplate phrasing (share, sign in, cookies, ...) or a line repeated across the
# corpus: strongly negative so the segment bridges it only for a long paragraph beyond.
# aeb-text F1: 0.909 at 6, 0.917 at 20, 0.912 at 40 (recall drops: inline share bars).
BOILER_PENALTY = 20.0
# Phrase rules apply to short lines only: "declined to comment." in a long sentence is
# article text. On the 1,380 clean bench texts the only lines flagged as boilerplate
# are the 10 forum lines that end seed 000.
BOILER_PHRASE_MAX_WORDS = 15
# Chinese and Japanese are written without spaces: a run of this many CJK characters
# counts as one word (Chinese words average 1.5-2 characters, Japanese kana words more).
CJK_CHARS_PER_WORD = 2.0  # aeb-text F1 0.917 (3.0: 0.919; counting runs as one word: 0.915)
# --- stop words --------------------------------------------------------------------
# Prose is rich in function words, lists of names and tags are not. Applied only when
# the whole document uses these stop words (Latin-script European languages), so
# Korean or Russian pages are not penalised.
DOC_STOPWORD_MIN = 0.12  # document-level share of stop words that enables the check
# A punctuated line below this share is scored as unpunctuated (a list of names or tags
# with a full stop). aeb-text F1 moves by < 0.001 between 0.08 and 0.2: a safety net.
LINE_STOPWORD_MIN = 0.08
LINE_STOPWORD_MIN_WORDS = 8  # shorter lines are too short for a reliable share
# A long unpunctuated line this rich in stop words is prose that lost its full stop
# (aeb-text F1 0.918 at 0.4; 0.3: 0.917 with more recall, less precision; off: 0.917).
UNPUNCTUATED_PROSE_STOPWORDS = 0.4
# --- corpus repetition ------------------------------------------------------------------
# A short line seen in this many documents of the batch is site furniture ("Advertisement",
# "Share this article"). Long punctuated lines are exempt: syndicated copies share prose.
# aeb-text F1 0.917 at 3 (2: 0.921, but two syndicated copies would lose a shared
# subheading; without the rule: 0.912).
REPEAT_MIN_DOCS = 3
REPEAT_MAX_WORDS = 12
# --- tail cut --------------------------------------------------------------------------
# A related-links header ends the article when the segment's prose after it is at most
# this share of the prose before it: a header near the top, or an inline "Related" box
# followed by the rest of the article, does not cut.
TAIL_CUT_MAX_AFTER = 0.5  # aeb-text F1 0.917 (0.25: same; 1.0: 0.914; never: 0.896)
# ... or when a listing follows it: at least LISTING_MIN_DATELINES lines that are only a
# date or an age ("Tuesday November 19, 2019", "3 hours ago"), one per teaser, within
# the next LISTING_WINDOW lines. An article has one dateline, near its top.
LISTING_MIN_DATELINES = 3  # aeb-text F1 0.917 (2: same; without the rule: 0.913)
LISTING_WINDOW = 12
TAIL_HEADER_MAX_WORDS = 8
# Comment-thread headers split the page into blocks; the article is the best segment of
# the first block whose best segment scores at least this much. A thread can outscore
# the article, so the first substantial block wins; a "Comment" share button above the
# article leaves only a standfirst before it, which scores less.
COMMENT_BLOCK_MIN_SCORE = 40.0  # aeb-text F1 0.917 (20: 0.907; 80: 0.912)
RELATED_SECTION, COMMENT_SECTION = 1, 2
# Below this segment score there is no clear article region (a one-sentence ECB+ text,
# a page of lists): every line that is neither boilerplate nor menu-like is kept.
MIN_SEGMENT_SCORE = 10.0

_TERMINAL = ".!?…。！？"
# Closing quotes and brackets after a full stop still end a sentence; "(185)" does not.
_CLOSERS = "\"'”’»)]*"
_WORD = re.compile(r"\w+")
# Han, kana and hangul: scripts written without spaces between words.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")

_STOPWORD_TEXT = """
    the of and to in a is that for on with as was it by at from he she they his her be
    are have has had not this which an or but were been will would said its their who
    we you i our there about after into more than also over when
    der die das und den des dem ein eine ist nicht zu von mit sich auf für im auch es
    le la les et des du un une est dans pour que qui pas sur au avec ce il elle
    el los las y en del que por con una para es lo se al su como más
    o os as do da dos das um uma em no na com não por para se que é
    il di che e della per non si sono gli nel alla delle anche
    de het een van en is dat op te zijn niet met voor
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# Calls to action that are site furniture even when phrased as a sentence ("Already
# have an account? Sign in here."). Kept narrow: news prose says "declined to comment".
_CALL_TO_ACTION = re.compile(
    r"""(?ix)
    \b(sign[\ -]?(in|up)|log[\ -]?in|create\ an\ account|already\ have\ an\ account|
       (leave|post|add|write)\ a\ (comment|reply)|no\ comments|to\ leave\ a\ comment|
       cookies?|subscribe|newsletter|all\ rights\ reserved|copyright|click\ here|
       share\ (this|on|your)|follow\ us|terms\ of\ (use|service)|privacy\ policy|
       you\ need\ to\ be\ a\ member)\b|©
    """
)
# Short unpunctuated lines that are site furniture in any outlet: sharing, accounts,
# cookies, subscriptions, comments, copyright, navigation.
_BOILER = re.compile(
    r"""(?ix)
    \b(share|tweet|e-?mail\ this|print\ this|pin\ it|whatsapp|facebook|twitter|linkedin|
       instagram|pinterest|reddit|flipboard|rss|follow\ us|
       sign[\ -]?(in|up|out)|log[\ -]?(in|out)|register|create\ an\ account|my\ account|
       password|already\ have\ an\ account|member(s|ship)?\b|
       cookie|privacy|terms\ (of|and)|gdpr|consent|
       subscribe|subscription|newsletter|unsubscribe|
       comment(s|ing|ed)?\b|reply|replies|leave\ a|
       copyright|all\ rights\ reserved|©|
       advertisement|sponsored|related|recommended|read\ more|see\ more|more\ from|
       you\ may\ also|you\ might\ also|trending|most\ popular|most\ read|
       click\ here|skip\ to|back\ to\ top|jump\ to|loading|javascript|
       image\ credit|photo\ credit|getty\ images|
       edited\ by|posted\ by|updated)
    """
)
# Headers that open a comment thread: they almost never occur inside an article, so
# they cut as soon as some prose precedes them.
_COMMENT_HEADER = re.compile(
    r"""(?ix)
    ^\W*(\d+\s+)?(responses?|comments?|replies|reactions?|kommentare?|commentaires?|
        comentários?|comentarios?|commenti|komentarze?|комментари\w*|отзывы)\b(\W|\s+to\b|$)|
    ^\W*(top\ rated\ |recommended\ |reader\ |view\ all\ |show\ )?comments?\W*$|
    ^\W*(leave|post|add|write)\ (a|your)\ (comment|reply)|
    ^\W*(join|start)\ the\ (discussion|conversation)|
    (sign|log)\ in\ to\ (comment|reply)|\b(says|wrote|said):$
    """
)
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# A line that is only a date or an age: the byline date of a teaser in a listing.
_DATELINE = re.compile(
    rf"""(?ix)^\W*(
    ((mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?
    ({_MONTH}\s+\d{{1,2}}(st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\.?\s+{_MONTH},?\s+\d{{4}}|
     \d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}})
    (,?\s+(at\s+)?\d{{1,2}}[:.]\d{{2}}(\s*[ap]\.?m\.?)?(\s+[a-z]{{2,4}})?)?|
    \d+\s*(s|m|h|d|sec|secs|min|mins|minutes?|hours?|hrs?|days?|weeks?)\s+ago
    )\W*$"""
)
# Headers that open the section after an article: related links, sign-in prompts.
_TAIL_HEADER = re.compile(
    r"""(?ix)
    ^\W*(\d+\s+)?(recommended\ comments|comments?|leave\ a\ (comment|reply)|
    (join|start)\ the\ (discussion|conversation)|discussion|
    related(\ (articles?|stories|posts|news|content|coverage))?|
    (you\ (may|might)\ also\ like)|(more|also)\ (from|on|in)\b.*|read\ (more|next)|
    more(\ \w+){1,4}|top\ stories(\ in\ \w+)?|about\ the\ author|sources?|
    artigos\ relacionados|articles?\ (connexes|similaires)|ähnliche\ artikel|
    leggi\ anche|das\ könnte\ sie\ auch\ interessieren|похожие\ \w+|
    recommended(\ for\ you)?|most\ (popular|read)|trending(\ now)?|
    sign\ in\ to\ comment.*|create\ an\ account.*|edited\ by\b.*|
    share\ (this|the)\ (article|story|post).*|tags?|filed\ under.*)\W*$
    """
)


@dataclass(frozen=True, slots=True)
class LineStats:
    """In how many documents of a corpus each normalised line occurs."""

    doc_counts: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    documents: int = 0

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> LineStats:
        """Count, for each normalised line, the documents of ``texts`` holding it."""
        counts: Counter[str] = Counter()
        n = 0
        for text in texts:
            n += 1
            counts.update({_line_key(line) for line in text.split("\n")} - {""})
        return cls(doc_counts=MappingProxyType(dict(counts)), documents=n)

    def count(self, line: str) -> int:
        """Documents holding this line (after normalisation)."""
        return self.doc_counts.get(_line_key(line), 0)


def _line_key(line: str) -> str:
    """The form under which lines are compared across documents."""
    return " ".join(normalize_text(line).casefold().split())


@dataclass(frozen=True, slots=True)
class _Line:
    """One non-blank line with its score and flags."""

    index: int  # position in the original line list
    words: int
    score: float
    boiler: bool
    tail: int  # 0: none, RELATED_SECTION or COMMENT_SECTION header
    dateline: bool = False  # the line is only a date, time or age


def _capitalised_share(tokens: list[str]) -> float:
    """Share of alphabetic words that start with a capital (1.0 when there are none)."""
    alpha = [t for t in tokens if t[:1].isalpha()]
    if not alpha:
        return 1.0
    return sum(t[:1].isupper() for t in alpha) / len(alpha)


def _is_menu(tokens: list[str]) -> bool:
    """Most words capitalised: a menu entry or a navigation bar."""
    return _capitalised_share(tokens) >= MENU_CAPITALISED_SHARE


def _stop_share(tokens: list[str]) -> float:
    """Share of tokens that are stop words."""
    return sum(t.casefold() in STOPWORDS for t in tokens) / len(tokens) if tokens else 0.0


def _ends_sentence(line: str) -> bool:
    """The line ends like a sentence (full stop, ? ! or …, maybe inside quotes)."""
    return line.rstrip(_CLOSERS)[-1:] in _TERMINAL


def _word_count(tokens: list[str]) -> int:
    """Words in a line; unspaced CJK runs count one word per CJK_CHARS_PER_WORD characters."""
    count = 0
    for token in tokens:
        cjk = len(_CJK.findall(token))
        count += max(1, round(cjk / CJK_CHARS_PER_WORD)) if cjk else 1
    return count


def _score(line: str, tokens: list[str], check_stops: bool, repeated: bool) -> _Line:
    """Score one line (index filled in by the caller)."""
    words = _word_count(tokens)
    stripped = line.strip()
    punctuated = _ends_sentence(stripped) or (
        stripped.endswith(":") and words >= COLON_PROSE_MIN_WORDS
    )
    # Syndicated copies share their sentences, so only non-sentences count as furniture.
    boiler = repeated and words <= REPEAT_MAX_WORDS and not punctuated
    phrase = _CALL_TO_ACTION if punctuated else _BOILER
    boiler = boiler or (words <= BOILER_PHRASE_MAX_WORDS and bool(phrase.search(stripped)))
    tail = 0
    if _COMMENT_HEADER.search(stripped):
        tail = COMMENT_SECTION
    elif words <= TAIL_HEADER_MAX_WORDS and _TAIL_HEADER.match(stripped):
        tail = RELATED_SECTION
    if punctuated and check_stops and words >= LINE_STOPWORD_MIN_WORDS:
        punctuated = _stop_share(tokens) >= LINE_STOPWORD_MIN
    punctuated = punctuated and _capitalised_share(tokens) < PROSE_MAX_CAPITALISED_SHARE
    if boiler:
        score = -BOILER_PENALTY
    elif punctuated:
        score = words - PROSE_OFFSET
    elif words >= LONG_UNPUNCTUATED_WORDS:
        # Prose that lost its full stop keeps the function words of prose.
        prose = check_stops and _stop_share(tokens) >= UNPUNCTUATED_PROSE_STOPWORDS
        score = words - PROSE_OFFSET if prose else 0.0
    else:
        score = -SHORT_PENALTY - (MENU_PENALTY if _is_menu(tokens) else 0.0)
    return _Line(-1, words, score, boiler, tail, bool(_DATELINE.match(stripped)))


def _best_segment(lines: list[_Line]) -> tuple[int, int, float]:
    """Maximum-sum contiguous run of line scores: (first, last + 1, total)."""
    best = (0, 0, 0.0)
    start, run = 0, 0.0
    for i, line in enumerate(lines):
        if run <= 0:
            start, run = i, 0.0
        run += line.score
        if run > best[2]:
            best = (start, i + 1, run)
    return best


def _article_segment(lines: list[_Line]) -> tuple[int, int, float]:
    """Best segment of the first comment-free block that holds most of the prose."""
    bounds = [i for i, line in enumerate(lines) if line.tail == COMMENT_SECTION]
    blocks = zip([0, *(b + 1 for b in bounds)], [*bounds, len(lines)], strict=True)
    found = []
    for lo, hi in blocks:
        first, last, total = _best_segment(lines[lo:hi])
        found.append((lo + first, lo + last, total))
    top = max(found, key=lambda seg: seg[2])
    return next((seg for seg in found if seg[2] >= COMMENT_BLOCK_MIN_SCORE), top)


def _cut_tail(lines: list[_Line], start: int, end: int) -> int:
    """End of the segment moved up to a comment/related header in its second part."""
    prose = [max(0.0, line.score) for line in lines[start:end]]
    total = sum(prose)
    seen = 0.0
    for offset, line in enumerate(lines[start:end]):
        if line.tail == RELATED_SECTION and seen > 0:
            rest = lines[start + offset : start + offset + LISTING_WINDOW]
            listing = sum(x.dateline for x in rest) >= LISTING_MIN_DATELINES
            if listing or total - seen <= seen * TAIL_CUT_MAX_AFTER:
                return start + offset
        seen += prose[offset]
    return end


def _scored_lines(raw: list[str], stats: LineStats | None) -> list[_Line]:
    """Score every non-blank line of a document."""
    tokens = [_WORD.findall(line) for line in raw]
    every = [t for ts in tokens for t in ts]
    check_stops = _stop_share(every) >= DOC_STOPWORD_MIN
    out = []
    for i, (line, toks) in enumerate(zip(raw, tokens, strict=True)):
        if not line.strip():
            continue
        repeated = stats is not None and stats.count(line) >= REPEAT_MIN_DOCS
        scored = _score(line, toks, check_stops, repeated)
        out.append(replace(scored, index=i))
    return out


def _join(raw: list[str], keep: list[int]) -> str:
    """Kept lines joined with newlines, one blank line where the original had any."""
    parts: list[str] = []
    for prev, cur in zip([None, *keep], keep, strict=False):
        if prev is not None and any(not raw[j].strip() for j in range(prev + 1, cur)):
            parts.append("")
        parts.append(raw[cur])
    return "\n".join(parts)


def strip_boilerplate(text: str, stats: LineStats | None = None) -> str:
    """Keep the article lines of a plain text and drop menus, prompts and comments.

    ``stats`` (line counts over the batch, see ``LineStats.from_texts``) lets lines
    repeated across documents count as boilerplate. Returns the kept lines exactly as
    written, joined with ``\\n``, with one blank line where the original had a
    paragraph break; an empty string when nothing looks like article text.
    """
    raw = text.split("\n")
    lines = _scored_lines(raw, stats)
    start, end, total = _article_segment(lines) if lines else (0, 0, 0.0)
    if total < MIN_SEGMENT_SCORE:
        # No clear article region: keep every line that is neither boilerplate nor menu.
        menu = -SHORT_PENALTY - MENU_PENALTY
        return _join(raw, [line.index for line in lines if line.score > menu and not line.boiler])
    end = _cut_tail(lines, start, end)
    keep = [line.index for line in lines[start:end] if not line.boiler]
    return _join(raw, keep)
