"""The Numbers section lists measures and counts, not ordinals."""

from __future__ import annotations

from newsweave.brief import build_brief
from newsweave.model import Article, Quantity, Sentence, article_id

TEXT = "The army sent 5,200 soldiers. It was the second time this year."


def test_ordinals_are_not_listed_as_numbers() -> None:
    s1, s2 = TEXT.index("The"), TEXT.index("It")
    article = Article(
        id=article_id(TEXT), text=TEXT, origin="a.txt", source="Wire",
        sentences=(Sentence(s1, s2 - 1, TEXT[s1:s2 - 1]), Sentence(s2, len(TEXT), TEXT[s2:])),
        quantities=(
            Quantity(14, 19, "5,200", 5200.0, "count", counted="soldier", sentence=0),
            Quantity(TEXT.index("second"), TEXT.index("second") + 6, "second", 2.0,
                     "ordinal", sentence=1),
        ),
    )
    brief = build_brief("s1", [article])
    assert [(n.text, n.counted) for n in brief.numbers] == [("5,200", "soldier")]
    assert brief.numbers[0].citation.text == "The army sent 5,200 soldiers."
