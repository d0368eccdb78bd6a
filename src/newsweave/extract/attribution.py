"""Attribution: who says each statement, and which sentences are pieces of a quotation.

A brief must not present an official's words, or a blog an outlet quotes, as the
outlet's own facts. ``find_quotes`` finds two kinds of attributed statement:

- ``direct``: words inside quotation marks (``quote_marks``). A short verbless
  quotation ("the so-called “deal”") is a term, not a statement, and is skipped.
  The speaker is the subject of the nearest reporting verb outside the marks in the
  quotation's first or last sentence ("“...,” he said", "X said: “...”"), else of
  an "X said:" sentence just before it, else (when it opens its sentence) the
  speaker of the quotation before it in the same paragraph ("“A,” he said. “B.”";
  of the quotations in half "a" of conflicts/dev.jsonl with no reporting verb of
  their own, 75 sit inside a sentence, nearly all scraps of the outlet's own).
- ``reported``: the clause a reporting verb governs at the top of its sentence
  ("X said (that) ...", "..., X told reporters") and the rest of a sentence holding
  "according to X".

Speakers come from the dependency parse (``speakers``). The helpers at the end
(``speaker_of``, ``is_quote_fragment``, ``is_mostly_quoted``) read an annotated
``Article`` and tell the brief whose claim a sentence is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from newsweave.extract.quote_marks import Quotation
from newsweave.extract.speakers import (
    QuoteContext,
    Span,
    is_reporting,
    overlap,
    subject_of,
    trim_span,
    verb_speaker,
)
from newsweave.model import Article, Mention, Quote, Sentence
from newsweave.model.article import QuoteKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# A quotation of at most this many words, with no verb and no sentence-final
# punctuation, is a term in marks ("the so-called “deal”", a nickname, a title) or a
# few words inside a reported sentence, not a statement. Of the 236 such quotations
# of up to 10 words in conflicts/dev.jsonl half "a", 217 have at most 4 words; read
# by hand those are all terms or scraps; of the 8 of 5 words, 3 are a book title
# ("All the President's Men") and 5 scraps of reported speech; the 11 of 6 to 10
# words are mostly longer scraps a speaker is named for ("a substantial cache of
# arms and equipment"), worth keeping, and titles, which the capitals rule catches.
TERM_MAX_WORDS = 5
# A reported clause mostly (over half) inside quotation marks is already a direct
# quote; set by that meaning, not calibrated.
REPORTED_MAX_QUOTED = 0.5
# By definition: a sentence is mostly quoted when over half of it is in marks.
MOSTLY_QUOTED_SHARE = 0.5

TITLE_SMALL_WORD = 4  # "of", "the", "with", "from" stay lower case in a title
_FINAL = (".", "!", "?")  # a quotation ending so is a sentence, not a term
_CLOSING = " \"'”’)"
_WORD = re.compile(r"\w+")

_Attribution = tuple[Span, bool]  # the speaker's span; whether the sentence reports it


def find_quotes(
    doc: Doc, sentences: Sequence[Sentence], mentions: Sequence[Mention]
) -> tuple[Quote, ...]:
    """Direct and reported statements of ``doc`` with their speakers, in text order.

    ``sentences`` and ``mentions`` are the article's (spans into ``doc.text``); every
    quote and speaker span indexes ``doc.text`` exactly.
    """
    ctx = QuoteContext.build(doc, sentences, mentions)
    found = [*_direct_quotes(ctx), *_reported_quotes(ctx)]
    return tuple(sorted(found, key=lambda q: (q.start, q.kind)))


def _direct_quotes(ctx: QuoteContext) -> Iterable[Quote]:
    last: tuple[int, _Attribution | None] = (-1, None)  # paragraph start, its speaker
    paragraph, seen = 0, 0  # the text before ``seen`` has been searched for newlines
    for q in ctx.quotations:
        if _is_term(ctx, q):
            continue
        paragraph = ctx.text.rfind("\n", seen, q.open_start) + 1 or paragraph
        seen = q.open_start
        found = _quote_speaker(ctx, q)
        if found is None and last[0] == paragraph and _opens_sentence(ctx, q):
            found = last[1]
        last = (paragraph, found)
        yield _quote(ctx, (q.start, q.end), "direct", found)


def _quote(ctx: QuoteContext, span: Span, kind: QuoteKind, found: _Attribution | None) -> Quote:
    start, end = span
    sentence = ctx.sentence_at(start)
    if found is None:
        return Quote(start, end, ctx.text[start:end], kind, sentence=sentence)
    (a, b), main = found
    return Quote(start, end, ctx.text[start:end], kind, ctx.text[a:b], a, b, sentence, main)


def _is_term(ctx: QuoteContext, q: Quotation) -> bool:
    """A name, title or scrap in marks rather than a quoted statement."""
    words = ctx.text[q.start : q.end]
    if words.rstrip(_CLOSING).endswith(_FINAL):
        return False
    if _is_title(words):
        return True
    if len(_WORD.findall(words)) > TERM_MAX_WORDS:
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in ctx.tokens(q.start, q.end))


def _is_title(words: str) -> bool:
    """Every word longer than a function word capitalised: a title or a name."""
    long_words = [w for w in _WORD.findall(words) if len(w) > TITLE_SMALL_WORD and w.isalpha()]
    return len(long_words) >= 2 and all(w[0].isupper() for w in long_words)


def _quote_speaker(ctx: QuoteContext, q: Quotation) -> _Attribution | None:
    """The subject of the nearest reporting verb beside the quotation, if any."""
    first, last = ctx.sentence_at(q.open_start), ctx.sentence_at(q.close_end - 1)
    before = ctx.tokens(ctx.sentences[first].start, q.open_start)
    after = ctx.tokens(q.close_end, ctx.sentences[last].end)  # the closing mark's sentence
    near = [(q.open_start - t.idx, t) for t in before] + [(t.idx - q.close_end, t) for t in after]
    found = _first_speaker(ctx, [t for _, t in sorted(near, key=lambda p: p[0])])
    if found is None and first > 0 and _opens_sentence(ctx, q):
        intro = ctx.sentences[first - 1]
        if intro.text.rstrip().endswith(":"):
            found = _first_speaker(ctx, reversed(ctx.tokens(intro.start, intro.end)))
            found = None if found is None else (found[0], True)
    return found


def _opens_sentence(ctx: QuoteContext, q: Quotation) -> bool:
    """Whether a quotation starts its sentence: a quoted sentence, not a scrap in one."""
    return not ctx.text[ctx.sentences[ctx.sentence_at(q.open_start)].start : q.open_start].strip()


def _first_speaker(ctx: QuoteContext, tokens: Iterable[Token]) -> _Attribution | None:
    for tok in tokens:
        if is_reporting(tok) and not ctx.quoted(tok.idx):
            speaker = verb_speaker(ctx, tok)
            if speaker is not None:
                return speaker, _heads_sentence(tok)
    return None


def _heads_sentence(verb: Token) -> bool:
    """Whether a verb carries its sentence's main clause ("X said", "..., and X said")."""
    return verb.dep_ == "ROOT" or (verb.dep_ in ("conj", "parataxis") and verb.head.dep_ == "ROOT")


def _reported_quotes(ctx: QuoteContext) -> Iterable[Quote]:
    for tok in ctx.doc:
        if not is_reporting(tok) or ctx.quoted(tok.idx):
            continue
        content = _reported_content(ctx, tok)
        if content is None or ctx.quoted_share(content) > REPORTED_MAX_QUOTED:
            continue
        speaker = verb_speaker(ctx, tok)
        if speaker is None and _is_writer(ctx, tok):
            continue
        yield _quote(ctx, content, "reported", None if speaker is None else (speaker, True))


def _is_writer(ctx: QuoteContext, verb: Token) -> bool:
    """Whether the writer reports in the first person ("I think that ...")."""
    subject = subject_of(verb, lambda t: not ctx.quoted(t.idx))
    return subject is not None and subject.lower_ in ("i", "we")


def _reported_content(ctx: QuoteContext, verb: Token) -> Span | None:
    """What a reporting verb reports, when it attributes its sentence's main claim.

    The clause it governs at the top of the sentence ("X said (that) ..."), or the
    rest of the sentence around an aside ("according to X", ", X said,", or a
    "..., X said." that the parser split off as a sentence of its own).
    """
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    aside = verb.dep_ == "parataxis" or (verb.dep_ == "ROOT" and clause is None)
    if verb.lemma_.lower() == "accord" or aside:
        return _aside_content(ctx, verb)
    top = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    if not top or clause is None:
        return None
    tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i)]
    sentence = ctx.sentences[ctx.sentence_at(verb.idx)]
    start = max(min(t.idx for t in tokens), sentence.start)
    end = min(max(t.idx + len(t) for t in tokens), sentence.end)
    return trim_span(ctx.text, start, end)


def _aside_content(ctx: QuoteContext, verb: Token) -> Span | None:
    """The longer side of the sentence around the phrase of an attributing aside."""
    phrase = list(verb.subtree)
    a, b = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    sentence = ctx.sentences[ctx.sentence_at(verb.idx)]
    sides = [trim_span(ctx.text, sentence.start, a), trim_span(ctx.text, b, sentence.end)]
    found = [s for s in sides if s is not None]
    return max(found, key=lambda s: s[1] - s[0]) if found else None


def speaker_of(article: Article, sentence_index: int) -> str | None:
    """Who the main claim of a sentence is attributed to; None for the outlet's own.

    A statement the sentence as a whole reports ("X said ...", "“...,” X said")
    gives its speaker; so does a quotation the sentence is mostly made of or is a
    fragment of. A quoted scrap inside the outlet's own claim does not.
    """
    s = article.sentences[sentence_index]
    reported = [q for q in article.quotes if q.kind == "reported" and q.sentence == sentence_index]
    if reported:
        return reported[0].speaker
    direct = _direct_in(article, s)
    if not (is_mostly_quoted(article, sentence_index)
            or is_quote_fragment(article, sentence_index)):
        direct = [q for q in direct if q.main_claim]
    if not direct:
        return None
    return max(direct, key=lambda q: overlap((q.start, q.end), (s.start, s.end))).speaker


def is_quote_fragment(article: Article, sentence_index: int) -> bool:
    """Whether a sentence is a piece of a longer quotation and names no speaker itself.

    It lies wholly inside a quotation (only marks, spaces and punctuation outside it)
    that starts or ends in another sentence: not a statement that stands on its own.
    """
    s = article.sentences[sentence_index]
    if any(s.start <= q.speaker_start < s.end for q in article.quotes):
        return False
    text = article.text
    for q in _direct_in(article, s):
        outside = text[s.start : max(s.start, q.start)] + text[min(s.end, q.end) : s.end]
        longer = q.start < s.start or q.end > s.end
        if longer and not any(ch.isalnum() for ch in outside):
            return True
    return False


def is_mostly_quoted(article: Article, sentence_index: int) -> bool:
    """Whether more than half of a sentence's characters are inside quotation marks."""
    s = article.sentences[sentence_index]
    inside = sum(overlap((q.start, q.end), (s.start, s.end)) for q in _direct_in(article, s))
    return inside > MOSTLY_QUOTED_SHARE * len(s.text)


def is_unattributed_quote(article: Article, sentence_index: int) -> bool:
    """Whether a sentence is mostly quotation and names no speaker of it inside
    itself: read alone, nobody is saying it (the speaker is sentences away)."""
    if not is_mostly_quoted(article, sentence_index):
        return False
    s = article.sentences[sentence_index]
    return not any(s.start <= q.speaker_start < s.end for q in _direct_in(article, s))


def _direct_in(article: Article, s: Sentence) -> list[Quote]:
    return [q for q in article.quotes if q.kind == "direct" and q.start < s.end and s.start < q.end]
