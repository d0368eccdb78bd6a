"""Mojibake repair in normalisation: wrongly decoded text fixed, correct text untouched."""

from __future__ import annotations

from ftfy.badness import is_bad
from hypothesis import example, given
from hypothesis import strategies as st

from newsweave.clean import to_article
from newsweave.clean.normalize import looks_like_mojibake, normalize_text, repair_mojibake
from newsweave.model import Article, Document

# Written for these tests: accents, curly quotes, a euro sign and a dash.
CORRECT = (
    "It’s the café’s “best” year: sales rose to 5 € million — up 12 %.\n\n"
    "Zürich, São Paulo and Łódź were next; the Maître d’hôtel said «très bien»."
)


def _as_cp1252_mojibake(text: str) -> str:
    """``text`` as a reader sees it when UTF-8 bytes are decoded as Windows-1252."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


def test_correct_text_is_byte_identical() -> None:
    assert repair_mojibake(CORRECT) == CORRECT
    assert normalize_text(CORRECT).encode("utf-8") == CORRECT.encode("utf-8")


def test_apostrophe_and_accent_mojibake_repaired() -> None:
    assert normalize_text("The mayorâ€™s cafÃ© reopened.") == "The mayor’s café reopened."


def test_whole_paragraph_decoded_wrongly_is_repaired() -> None:
    broken = _as_cp1252_mojibake("Le café est fermé depuis l’été, dit-elle.")
    assert broken != "Le café est fermé depuis l’été, dit-elle."
    assert normalize_text(broken) == "Le café est fermé depuis l’été, dit-elle."


def test_only_the_broken_line_changes() -> None:
    text = "Prices in € rose — it’s true.\nthe councilâ€™s vote"
    assert normalize_text(text) == "Prices in € rose — it’s true.\nthe council’s vote"


def test_quote_with_c1_control_repaired_before_controls_are_dropped() -> None:
    # "”" is E2 80 9D in UTF-8; read as Latin-1 its last byte is the C1 control \x9d.
    assert normalize_text("â€œYesâ€\x9d, she said.") == "“Yes”, she said."


def test_titles_are_repaired_text_and_html() -> None:
    body = "The harbour bridge in Portmere reopened on Monday after six weeks of repairs."
    doc = Document(origin="a.jsonl:1", content=body, format="text", title="Portmereâ€™s bridge")
    article = to_article(doc)
    assert isinstance(article, Article) and article.title == "Portmere’s bridge"
    html = f"<html><head><title>CafÃ© news</title></head><body><article><p>{body} {body}</p>" \
           "</article></body></html>"
    page = to_article(Document(origin="p.html", content=html, format="html", title=None))
    assert isinstance(page, Article)
    assert page.title is not None and "Ã" not in page.title


@given(st.text())
@example("naïve ŒUVRE œ café")
@example("a\x85b Ã© Â£5")
def test_prefilter_never_hides_mojibake_from_ftfy(text: str) -> None:
    assert looks_like_mojibake(text) == is_bad(text)


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_normalize_with_repair_is_idempotent(text: str) -> None:
    once = normalize_text(_as_cp1252_mojibake(text))
    assert normalize_text(once) == once
