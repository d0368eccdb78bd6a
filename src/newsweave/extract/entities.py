"""Named entities from the spaCy parse, mapped to the project's labels with a key.

spaCy's numeric and temporal types (DATE, CARDINAL, MONEY, ...) are left to the
quantity and date extractors; only names are kept here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsweave.extract.nlp import doc_text
from newsweave.model import Mention
from newsweave.model.article import EntityLabel

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

LABELS: dict[str, EntityLabel] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "NORP",
    "EVENT": "EVENT",
}

# Titles and honorifics dropped from a person's key, so "Gen. Soleimani" keys as
# "soleimani". Only the abbreviated ones are dropped from other labels: "General
# Motors" and "Justice Department" keep their first word, while "Gen Solemani"
# (spaCy sometimes tags a titled name ORG) still loses its title.
SHORT_TITLES = (
    "gen", "lt", "col", "maj", "capt", "adm", "sgt", "mr", "mrs", "ms", "dr", "prof",
    "sen", "rep", "gov", "rev", "brig", "cmdr", "supt",
)  # fmt: skip
HONORIFICS = (
    *SHORT_TITLES, "general", "colonel", "major", "captain", "admiral", "miss",
    "professor", "president", "vice", "prime", "minister", "senator",
    "representative", "governor", "sir", "dame", "lord", "lady", "king", "queen",
    "prince", "princess", "sheikh", "ayatollah", "pope", "reverend", "judge",
    "justice", "secretary", "chancellor", "mayor",
)  # fmt: skip
_TITLES_BY_LABEL = {"PERSON": frozenset(HONORIFICS)}
_SHORT_TITLE_SET = frozenset(SHORT_TITLES)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_ACRONYM = re.compile(r"(?:\w\.)+\w?\.?")  # "u.s.", "u.k", "d.c."
_EDGE_PUNCT = "\"'“”‘’()[]{}<>,.;:!?-–—*#"
# Characters a span may not start or end with; spaCy sometimes includes them.
_SPAN_EDGE = " \t\n\"'“”‘’()[],;:!?-–—*#"


def find_entities(doc: Doc) -> tuple[Mention, ...]:
    """Name mentions of ``doc`` with project labels and normalised keys.

    Spans are spaCy's entity spans trimmed of edge punctuation and possessives,
    so ``doc.text[m.start:m.end] == m.text`` always holds; mentions whose key is
    empty after normalisation are dropped.
    """
    out: list[Mention] = []
    text = doc_text(doc)
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        mention = _mention(text, ent, label)
        if mention is not None:
            out.append(mention)
    return tuple(out)


def _mention(text: str, ent: Span, label: EntityLabel) -> Mention | None:
    """A mention from one spaCy span, or None when nothing name-like is left."""
    start, end = ent.start_char, ent.end_char
    while start < end and text[start] in _SPAN_EDGE:
        start += 1
    while end > start and text[end - 1] in _SPAN_EDGE:
        end -= 1
    match = _POSSESSIVE.search(text[start:end])
    if match is not None and match.start() > 0:
        end = start + match.start()
    surface = text[start:end]
    key = entity_key(surface, label)
    if not key:
        return None
    return Mention(start, end, surface, label, key)


def entity_key(surface: str, label: EntityLabel = "PERSON") -> str:
    """Normalised form: casefolded, no leading article, possessive, punctuation or title.

    Acronym dots go too, so "U.S." and "US" share the key "us". Titles are
    stripped in full from people ("President", "Gen.") and only in their
    abbreviated forms from other labels.
    """
    titles = _TITLES_BY_LABEL.get(label, _SHORT_TITLE_SET)
    words = [_clean_word(w) for w in surface.casefold().split()]
    words = [w for w in words if w]
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[0].rstrip(".") in titles:
        words = words[1:]
    return " ".join(words)


def _clean_word(word: str) -> str:
    """One casefolded word without edge punctuation, possessive or acronym dots."""
    word = word.strip(_EDGE_PUNCT)
    if len(word) > 2:
        word = _POSSESSIVE.sub("", word)
    if _ACRONYM.fullmatch(word):
        word = word.replace(".", "")
    return word.strip(_EDGE_PUNCT)
