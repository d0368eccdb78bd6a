"""Long texts parsed in chunks: spaCy's memory and time bounded by the chunk, not the text.

spaCy holds about 3.5 MB per KB of the text it parses at once (a 400 KB article
peaked at 1.6 GB) and is slower per character on one long doc than on pieces of it.
A long text is cut at line breaks after a sentence (else other breaks, see ``_BREAKS``)
into chunks parsed one at a time; their parses are joined into one ``Doc`` over the
whole text, so every extractor reads the same offsets as for an unchunked text.
The model reads a few tokens across each cut only when the text is parsed whole, so
a cut can change a label next to it: on 150 KB of stories/*.jsonl articles and two
100 KB synthetic texts, 20 KB chunks changed no annotation; 3 KB chunks (about 115
cuts) changed 8 of some 16,000 (entity labels, speakers and quoted spans by a cut). A text
annotated in chunks and whole is compared in tests/extract/test_scaling.py.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsweave.errors import NewsweaveError
from newsweave.extract.budget import Budget
from newsweave.extract.nlp import doc_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Characters per chunk. spaCy on 200 KB of news-like text, whole and in chunks cut at
# line breaks (seconds, noisy 2-core machine): whole 22; 50 KB 10 to 18; 20 KB 9 to
# 15; 10 KB 14 to 15; batching chunks through nlp.pipe gained nothing. A 20 KB chunk
# adds about 70 MB to the process at its peak. Texts up to this size are not cut.
CHUNK_CHARS = 20_000
# Breaks to cut at, best first: a line that ends a sentence (a cut after a heading
# line parsed the heading apart from its paragraph and lost a name in it), any line
# break, a sentence end, a space. Each ends in the whitespace the chunk ends with.
_BREAKS = (
    re.compile(r"[.!?…][\"'”’)\]]*[ \t]*\n"),
    re.compile(r"\n"),
    re.compile(r"[.!?…][\"'”’)\]]*\s"),
    re.compile(r"\s"),
)
_SPACE_RUN = re.compile(r"\s*")


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Consecutive spans covering ``text``, each of at most about ``size`` characters.

    Each chunk but the last ends at the last break of its second half (see
    ``_BREAKS``) with the whitespace after it, else at ``size``.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start + size // 2, start + size)
        bounds.append((start, end))
        start = end
    if start < len(text) or not bounds:
        bounds.append((start, len(text)))
    return bounds


def _cut(text: str, low: int, high: int) -> int:
    """Where to end a chunk that should end in ``[low, high]``: after the whitespace
    that follows the best break there (the next chunk starts with a word)."""
    cut = -1
    for pattern in _BREAKS:
        cut = _last_space(pattern, text, low, high)
        if cut >= 0:
            break
    if cut < 0:
        return high
    run = _SPACE_RUN.match(text, cut)  # always matches, possibly empty
    return run.end() if run is not None else cut


def _last_space(pattern: re.Pattern[str], text: str, low: int, high: int) -> int:
    """Where the last match of ``pattern`` in ``text[low:high]`` ends in a space, or -1."""
    found = -1
    for m in pattern.finditer(text, low, high):
        found = m.end() - 1
    return found


def parse_in_chunks(
    nlp: Language, text: str, budget: Budget, size: int = CHUNK_CHARS
) -> Doc:
    """One ``Doc`` over ``text``, parsed in chunks of about ``size`` characters; the
    budget checked after each."""
    from spacy.tokens import Doc

    bounds = chunk_bounds(text, size)
    docs: list[Doc] = []
    for i, (start, end) in enumerate(bounds, 1):
        doc = nlp(text[start:end])
        # No extractor reads the model's token vectors (1.5 MB a chunk); an empty copy,
        # as a view would keep them alive.
        doc.tensor = doc.tensor[:0].copy()
        docs.append(doc)
        budget.check(f"parsing chunk {i} of {len(bounds)}")
    # The stub of ``from_docs`` predates its ``exclude`` argument (spaCy 3.3).
    joined = Doc.from_docs(  # type: ignore[call-arg]
        docs, ensure_whitespace=False, exclude=["tensor", "spans", "user_data"]
    )
    if doc_text(joined) != text:  # pragma: no cover - spaCy keeps every character
        raise NewsweaveError("the chunks of a long text do not join back into it")
    return joined
