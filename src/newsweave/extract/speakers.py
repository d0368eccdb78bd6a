"""Speakers: the person or body a reporting verb attributes its statement to.

The speaker of a reporting verb comes from the dependency parse: its subject
(climbing "smiled and said", "was quoted as saying"), its agent, or the object of
"according to"; a named appositive stands for a role noun ("a spokesman, John
Smith,"); the entity mention the subject falls in gives the name as written. A
"he", "she" or "it" continues the topic of the sentences before it (centering): the
nearest earlier main clause whose subject names a person (an organisation for "it")
gives the name, else the pronoun is kept.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsweave.extract.quote_marks import Quotation, find_quotations
from newsweave.lexicon import SPEECH_VERBS
from newsweave.model import Mention, Sentence
from newsweave.model.article import EntityLabel

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Sentences before a pronoun speaker searched for the name it stands for. On 30
# pronoun speakers of conflicts/dev.jsonl half "a" read by hand: 22 right, 7 left as
# the pronoun, 1 wrong name (1: 17/12/1, 2: 20/9/1, 3: 21/8/1, 5 and 8: as 4).
# Walking past a clause whose subject is another name gets 23 right but 2 wrong at
# 4 (5 wrong at 8); the unique-name-in-window rule tried first got 14 right at 2.
PRONOUN_LOOKBACK = 4
MAX_CLIMB = 3  # verbs climbed for a subject: "was quoted as saying" needs 3

PRONOUN_LABELS: dict[str, EntityLabel] = {"he": "PERSON", "she": "PERSON", "it": "ORG"}
# Subjects that name no one else: expletives ("it was reported"), relatives, and the
# writer ("I say that ...", outside quotation marks: the outlet's own view).
NO_SPEAKER = frozenset({"it", "there", "this", "that", "which", "who", "i", "we"})
# Dependants cut from a speaker phrase: they describe the speaker, not name it.
CUT_DEPS = frozenset({"appos", "relcl", "acl", "punct", "advcl", "parataxis", "cc"})
CLIMB_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp", "prep"})
NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_TITLE_GAP = re.compile(r"\.? +")
_EDGE = " \t\n,;:.!?-–—\"'“”‘’()[]"

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class QuoteContext:
    """What attribution reads: the parse, the sentences, the names and the marks."""

    doc: Doc
    text: str  # doc.text, which spaCy rebuilds from the tokens at every access
    sentences: Sequence[Sentence]
    mentions: Sequence[Mention]  # in text order
    quotations: tuple[Quotation, ...]  # in text order, never overlapping
    # Sentence, mention and quotation starts, for bisection.
    starts: list[int]
    mention_starts: list[int]
    opens: list[int]

    @classmethod
    def build(
        cls, doc: Doc, sentences: Sequence[Sentence], mentions: Sequence[Mention]
    ) -> QuoteContext:
        text = str(doc.text)
        ordered = sorted(mentions, key=lambda m: m.start)
        quotations = find_quotations(text)
        return cls(doc, text, sentences, ordered, quotations, [s.start for s in sentences],
                   [m.start for m in ordered], [q.open_start for q in quotations])

    def sentence_at(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)

    def quoted(self, offset: int) -> bool:
        i = bisect_right(self.opens, offset) - 1
        return i >= 0 and offset < self.quotations[i].close_end

    def quoted_share(self, span: Span) -> float:
        inside = 0
        # Quotations never overlap, so those ending after the span starts are the
        # last ones opening before it ends: walk back from there.
        i = bisect_right(self.opens, span[1] - 1)
        while i > 0 and self.quotations[i - 1].close_end > span[0]:
            i -= 1
            inside += overlap(span, (self.quotations[i].open_start, self.quotations[i].close_end))
        return inside / max(span[1] - span[0], 1)

    def tokens(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="contract")
        return [] if span is None else list(span)

    def mention_at(self, offset: int) -> Mention | None:
        i = bisect_right(self.mention_starts, offset) - 1
        found = self.mentions[i] if i >= 0 else None
        return found if found is not None and offset < found.end else None


def is_reporting(tok: Token) -> bool:
    """Whether a token is a reporting verb (``lexicon.SPEECH_VERBS``, "according to")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in SPEECH_VERBS:
        return False
    return tok.lemma_.lower() != "accord" or according_object(tok) is not None


def according_object(tok: Token) -> Token | None:
    """The object of "according to X", or None for another use of "accord"."""
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    return None if to is None else next((c for c in to.children if c.dep_ == "pobj"), None)


def verb_speaker(ctx: QuoteContext, verb: Token) -> Span | None:
    """The speaker of a reporting verb: its subject, agent or "according to" object."""
    if verb.lemma_.lower() == "accord":
        subject = according_object(verb)
    else:
        subject = subject_of(verb, lambda t: not ctx.quoted(t.idx))
    if subject is None or subject.lower_ in NO_SPEAKER or ctx.quoted(subject.idx):
        return None
    if subject.pos_ == "PRON":
        return _resolve_pronoun(ctx, subject)
    return _phrase(ctx, subject)


def subject_of(verb: Token, outside: Callable[[Token], bool] = lambda t: True) -> Token | None:
    """The subject of a verb or of the verbs it hangs from ("smiled and said").

    ``outside`` rejects candidates (the parser may give a reporting verb a second
    subject from inside the quotation beside it).
    """
    v = verb
    for _ in range(MAX_CLIMB + 1):
        for child in filter(outside, v.children):
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and v.lemma_ == "quote"):
                return child
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        if v.dep_ not in CLIMB_DEPS or v.head.i == v.i:
            return None
        v = v.head
    return None


def _phrase(ctx: QuoteContext, head: Token) -> Span:
    """The speaker as written: a name it falls in, else its phrase without descriptions."""
    if head.ent_type_ not in NAME_ENTS:
        head = next((c for c in head.children if named_appositive(c)), head)
    has_conj = any(c.dep_ == "conj" for c in head.children)
    mention = None if has_conj else ctx.mention_at(head.idx)
    if mention is not None:
        return mention.start, mention.end
    tokens = [head, *(t for c in head.children if c.dep_ not in CUT_DEPS for t in c.subtree)]
    start, end = trim(ctx.text, min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))
    return start, _name_after_title(ctx, end)


def _name_after_title(ctx: QuoteContext, end: int) -> int:
    """The end of a name that a phrase ending in a title runs into ("police Lt. Ann Roe").

    The parser cuts the phrase at a title's full stop; the name after it is the speaker.
    """
    gap = _TITLE_GAP.match(ctx.text, end)
    if gap is None:
        return end
    name = ctx.mention_at(gap.end())
    if name is None or name.start != gap.end() or name.label != "PERSON":
        return end
    return name.end


def named_appositive(tok: Token) -> bool:
    """A name set off by a comma after a role noun ("a spokesman, John Smith,")."""
    first = tok.left_edge
    return (tok.dep_ == "appos" and tok.ent_type_ in NAME_ENTS and first.i > 0
            and first.nbor(-1).text == ",")


def _resolve_pronoun(ctx: QuoteContext, pronoun: Token) -> Span:
    """The name a he/she/it speaker stands for, else the pronoun itself.

    A pronoun subject continues the topic of the sentences before it (centering):
    the nearest earlier main clause whose subject names a person (an organisation
    for "it") gives the name; earlier pronoun subjects carry the chain back.
    """
    label = PRONOUN_LABELS.get(pronoun.lower_)
    here = ctx.sentence_at(pronoun.idx)
    for k in range(here - 1, max(here - PRONOUN_LOOKBACK, 0) - 1, -1):
        if label is None:
            break
        named, found = _main_subject(ctx, ctx.sentences[k], label)
        if found is not None:
            return found
        if named:  # another topic came in between: the pronoun is not resolved
            break
    return pronoun.idx, pronoun.idx + len(pronoun)


def _main_subject(
    ctx: QuoteContext, sentence: Sentence, label: EntityLabel
) -> tuple[bool, Span | None]:
    """Whether the last main clause of a sentence has a subject other than a pronoun,
    and its name when that has ``label``."""
    roots = [t for t in ctx.tokens(sentence.start, sentence.end) if t.dep_ == "ROOT"]
    for root in reversed(roots):
        subject = subject_of(root, lambda t: not ctx.quoted(t.idx))
        if subject is None or subject.pos_ == "PRON":
            continue
        if subject.ent_type_ not in NAME_ENTS:
            subject = next((c for c in subject.children if named_appositive(c)), subject)
        mention = ctx.mention_at(subject.idx)
        if mention is not None and mention.label == label:
            return True, (mention.start, mention.end)
        if mention is None and label == "PERSON" and subject.pos_ == "PROPN":
            return True, _phrase(ctx, subject)
        return True, None
    return False, None


def trim(text: str, start: int, end: int) -> Span:
    trimmed = trim_span(text, start, end)
    return trimmed if trimmed is not None else (start, end)


def trim_span(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return (start, end) if start < end else None


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
