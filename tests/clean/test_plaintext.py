"""strip_boilerplate on invented pages: menus, sharing, sign-in prompts, comment threads."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsweave.clean.plaintext import LineStats, strip_boilerplate

ARTICLE = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic "
    "after engineers found corrosion in two of its main supports.",
    "The decision, taken by 31 votes to 9, follows a report that estimated repairs would "
    "cost at least 14 million euros and take until the end of next year.",
    "Harbour reopening plan",
    "Local businesses said the closure would add up to forty minutes to delivery routes, "
    "and the chamber of commerce asked the council to publish a timetable for the works.",
    "A spokesperson for the transport department declined to comment on the estimate.",
]
HEADER = ["Home", "News", "Sport", "Weather", "Sign in", "Subscribe", "Search"]
SHARE = ["Share this article", "Facebook", "Twitter", "Email"]
FORUM_TAIL = [
    "Edited by MARTA",
    "Recommended Comments",
    "There are no comments to display.",
    "Create an account or sign in to comment",
    "You need to be a member in order to leave a comment",
    "Sign up for a new account in our community. It's easy!",
    "Already have an account? Sign in here.",
]
COMMENTS = [
    "12 Comments",
    "riverwatcher says:",
    "March 3, 2021 at 9:14 am",
    "About time they did something, that bridge has been shaking for years and everyone "
    "in the neighbourhood knew it was only a matter of time before something gave way.",
    "anna_k says:",
    "March 3, 2021 at 10:02 am",
    "I drive over it every day and I really do not understand why the repairs were not "
    "started last summer when the first cracks were reported in the local paper.",
]


def _page(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part)


def test_keeps_article_and_drops_menus_and_forum_tail() -> None:
    out = strip_boilerplate(_page(HEADER, ARTICLE, SHARE, FORUM_TAIL)).split("\n")
    assert out == ARTICLE


def test_comment_thread_after_article_is_cut() -> None:
    out = strip_boilerplate(_page(HEADER, ARTICLE, COMMENTS))
    assert out.split("\n") == ARTICLE


def test_paragraph_breaks_are_kept_once() -> None:
    text = "\n\n\n".join(ARTICLE)
    assert strip_boilerplate(text) == "\n\n".join(ARTICLE)


def test_clean_article_is_kept_whole() -> None:
    text = "\n".join(ARTICLE)
    assert strip_boilerplate(text) == text


def test_lines_repeated_across_documents_are_boilerplate() -> None:
    furniture = "Harbour Daily weekend edition"
    pages = [_page(ARTICLE[:2], [furniture], ARTICLE[2:]) for _ in range(3)]
    stats = LineStats.from_texts(pages)
    assert stats.count(furniture) == 3 and stats.documents == 3
    assert furniture not in strip_boilerplate(pages[0], stats)
    assert furniture in strip_boilerplate(pages[0])


def test_only_boilerplate_gives_empty_text() -> None:
    assert strip_boilerplate(_page(HEADER, SHARE, FORUM_TAIL[3:])) == ""
    assert strip_boilerplate("") == ""


def test_non_english_prose_is_kept() -> None:
    german = [
        "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke für den Schwerverkehr "
        "zu sperren, nachdem Ingenieure Korrosion an zwei Stützen gefunden hatten.",
        "Die Reparatur soll nach einem Gutachten mindestens 14 Millionen Euro kosten und "
        "bis zum Ende des nächsten Jahres dauern.",
    ]
    assert strip_boilerplate(_page(HEADER, german, SHARE)).split("\n") == german


TEASERS = [
    "More Harbour Daily",
    "Ferry timetable changes for the winter",
    "Tom Reyes",
    "Tuesday November 19, 2019",
    "The ferry operator will run fewer crossings from December as fuel costs rise "
    "and passenger numbers fall, the company said in a statement on Monday.",
    "School roof repairs finished early",
    "Ana Ruiz",
    "Monday November 18, 2019",
    "Repairs to the roof of the primary school in the old town were finished two weeks "
    "early and under budget, the education department said on Friday afternoon.",
    "Market square to get new lighting",
    "Tom Reyes",
    "Monday November 18, 2019",
    "The market square will get new street lighting next spring after the council "
    "approved a plan that replaces the old lamps with cheaper and brighter ones.",
]


def test_teaser_listing_after_related_header_is_cut() -> None:
    assert strip_boilerplate(_page(ARTICLE, TEASERS)).split("\n") == ARTICLE


def test_inline_related_box_does_not_cut_the_article() -> None:
    box = ["Related", "Bridge inspections to double next year"]
    text = _page(ARTICLE[:2], box, ARTICLE[2:])
    out = strip_boilerplate(text).split("\n")
    assert ARTICLE[-1] in out and ARTICLE[0] in out


def test_unspaced_cjk_prose_counts_as_prose() -> None:
    japanese = [
        "市議会は火曜日、技術者が主要な支柱の二本に腐食を発見したことを受けて、古い港の橋を大型車両に対して閉鎖することを決定した。",
        "修理には少なくとも千四百万ユーロがかかり、来年末までかかる見込みだと報告書は推定している。",
    ]
    assert strip_boilerplate(_page(HEADER, japanese, SHARE)).split("\n") == japanese


@given(st.lists(st.sampled_from([*ARTICLE, *HEADER, *SHARE, *FORUM_TAIL, ""]), max_size=30))
def test_output_lines_are_input_lines_in_order(lines: list[str]) -> None:
    out = [line for line in strip_boilerplate("\n".join(lines)).split("\n") if line]
    it = iter(lines)
    assert all(any(line == x for x in it) for line in out)
