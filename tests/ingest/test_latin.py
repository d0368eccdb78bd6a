"""Latin-script code pages told apart by their letters: Central European vs cp1252.

The sentences are written for these tests. ``python tests/ingest/test_latin.py``
prints the fits and the decisions behind ``MIN_LETTER_FIT`` (see ``ingest/latin.py``).
"""

from __future__ import annotations

import pytest

from newsweave.ingest import latin
from newsweave.ingest.decode import decode_bytes
from newsweave.ingest.latin import CENTRAL_PAGES, central_european, letter_fit

CENTRAL = {
    "Polish": (
        "Rząd ogłosił w środę, że podwyżka cen energii zostanie odłożona. Minister "
        "powiedział, że gospodarstwa domowe nie zapłacą więcej przed końcem roku, a "
        "źródła węgla są bezpieczne."
    ),
    "Czech": (
        "Vláda ve středu oznámila, že zdražení energií odloží. Ministr řekl, že "
        "domácnosti nebudou platit více až do konce roku a že zásoby uhlí jsou dostatečné."
    ),
    "Slovak": (
        "Vláda v stredu oznámila, že zdraženie energií odloží. Minister povedal, že "
        "domácnosti nebudú platiť viac až do konca roka a zásoby uhlia sú dostatočné."
    ),
    "Hungarian": (
        "A kormány szerdán bejelentette, hogy elhalasztja az energiaárak emelését. A "
        "miniszter szerint a háztartások az év végéig nem fizetnek többet, és a "
        "szénkészletek elegendőek."
    ),
    "Slovene": (
        "Vlada je v sredo sporočila, da bo podražitev energije odložila. Minister je "
        "dejal, da gospodinjstva do konca leta ne bodo plačala več."
    ),
    "Croatian": (
        "Vlada je u srijedu objavila da će odgoditi poskupljenje energije. Ministar je "
        "rekao da kućanstva neće plaćati više, a građani ne trebaju brinuti zbog zime."
    ),
    "Romanian": (
        "Guvernul a anunţat miercuri că majorarea preţurilor la energie va fi amânată. "
        "Ministrul a spus că gospodăriile nu vor plăti mai mult până la sfârşitul anului."
    ),
    "Polish with names": (
        "Prezydent Gdańska spotkał się w piątek z Thomasem Müllerem i François Roux; "
        "rozmowy o budżecie trwały dłużej, niż planowano."
    ),
    "Czech with names": (
        "Starosta Brna se v pátek sešel s Jürgenem Kleinem a Françoisem Duprém; jednání "
        "o rozpočtu trvalo déle, než se čekalo."
    ),
}

WESTERN = {
    "French": (
        "Le gouvernement a annoncé mercredi que la hausse des prix de l’énergie serait "
        "reportée. « Les ménages ne paieront pas davantage avant la fin de l’année », a "
        "déclaré le ministre, très sûr de ses prévisions."
    ),
    "German": (
        "Die Regierung kündigte am Mittwoch an, dass die Erhöhung der Energiepreise "
        "verschoben wird. „Die Haushalte zahlen bis Jahresende nicht mehr“, sagte der "
        "Minister. Die Kohlevorräte seien ausreichend, hieß es."
    ),
    "Spanish": (
        "El gobierno anunció el miércoles que el aumento de los precios de la energía se "
        "aplazará. «Los hogares no pagarán más antes de fin de año», dijo el ministro en "
        "Alcañiz."
    ),
    "Portuguese": (
        "O governo anunciou na quarta-feira que o aumento dos preços da energia será "
        "adiado. As famílias não pagarão mais até ao fim do ano, disse o ministro à "
        "imprensa em São Paulo."
    ),
    "Italian": (
        "Il governo ha annunciato mercoledì che l’aumento dei prezzi dell’energia sarà "
        "rinviato. Le famiglie non pagheranno di più fino alla fine dell’anno, ha detto "
        "il ministro."
    ),
    "Dutch": (
        "De regering heeft woensdag aangekondigd dat de verhoging van de energieprijzen "
        "wordt uitgesteld, ook voor de coöperaties in België."
    ),
    "Danish": (
        "Regeringen meddelte onsdag, at stigningen i energipriserne udskydes. "
        "Husstandene skal ikke betale mere før årets udgang, sagde ministeren i Århus."
    ),
    "Swedish": (
        "Regeringen meddelade på onsdagen att höjningen av energipriserna skjuts upp. "
        "Hushållen ska inte betala mer före årets slut, sade ministern i Göteborg."
    ),
    "Icelandic": (
        "Ríkisstjórnin tilkynnti á miðvikudag að hækkun orkuverðs yrði frestað, þó að "
        "heimilin greiði ekki meira fyrir árslok."
    ),
    "German with names": (
        "Der Bürgermeister von Köln traf am Dienstag Hélène Roux und François Dupré; "
        "die Gespräche über den Haushalt dauerten länger als geplant."
    ),
    "English with names": (
        "Officials in Zürich said Søren Müller and José García met at the Café Noël on "
        "Monday; the €4.5 million deal was signed “without delay”, a spokesman said."
    ),
}


# Latin-script languages of other code pages: not for this step to decide.
OTHER = {
    "Turkish": (
        "Hükümet çarşamba günü enerji fiyatlarındaki artışın ertelendiğini açıkladı. "
        "Bakan, hanelerin yıl sonuna kadar daha fazla ödemeyeceğini söyledi.",
        "cp1254",
    ),
    "Lithuanian": (
        "Vyriausybė trečiadienį paskelbė, kad energijos kainų didinimas atidedamas. "
        "Ministras sakė, kad namų ūkiai iki metų pabaigos nemokės daugiau.",
        "cp1257",
    ),
    "Latvian": (
        "Valdība trešdien paziņoja, ka enerģijas cenu kāpums tiks atlikts. Ministrs "
        "sacīja, ka mājsaimniecības līdz gada beigām nemaksās vairāk.",
        "cp1257",
    ),
}


@pytest.mark.parametrize("page", ["iso8859-2", "cp1250"])
@pytest.mark.parametrize("language", sorted(CENTRAL))
def test_central_european_text_is_decoded_in_its_own_page(language: str, page: str) -> None:
    text = CENTRAL[language]
    assert decode_bytes(text.encode(page), "a.txt") == text


@pytest.mark.parametrize("language", sorted(WESTERN))
def test_western_cp1252_text_stays_cp1252(language: str) -> None:
    text = WESTERN[language]
    data = text.encode("cp1252")
    assert central_european(data) is None
    assert decode_bytes(data, "a.txt") == text


@pytest.mark.parametrize("language", sorted(OTHER))
def test_other_latin_pages_are_left_to_the_general_guess(language: str) -> None:
    text, page = OTHER[language]
    assert central_european(text.encode(page)) is None


def test_one_telling_letter_in_a_long_text_is_enough() -> None:
    # Only "ő" tells this Hungarian text from cp1252, where it reads "õ".
    text = " ".join([CENTRAL["Hungarian"].replace("elegendőek", "elegendők")] * 5)
    text += " Az árak később emelkednek."
    assert decode_bytes(text.encode("iso8859-2"), "a.txt") == text


def test_polish_read_as_cp1252_fits_no_language() -> None:
    data = CENTRAL["Polish"].encode("iso8859-2")
    wrong, right = letter_fit(data.decode("cp1252")), letter_fit(data.decode("iso8859-2"))
    assert wrong is not None and right == 1.0 and wrong < 0.5


def test_ascii_and_non_latin_text_are_not_judged() -> None:
    assert central_european(b"Plain ASCII news copy.") is None
    russian = "Правительство объявило в среду, что повышение цен отложено."
    assert central_european(russian.encode("cp1251")) is None
    assert decode_bytes(russian.encode("cp1251"), "a.txt") == russian


def _fits() -> None:
    """Print each sentence's letter fit through each page, then decisions per threshold."""
    pages = ("cp1252", *CENTRAL_PAGES)
    cases: list[tuple[str, str, str | None]] = [
        (text, page, page) for text in CENTRAL.values() for page in CENTRAL_PAGES
    ]
    cases += [(text, "cp1252", None) for text in WESTERN.values()]
    cases += [(text, page, None) for text, page in OTHER.values()]
    for text, own, _ in cases:
        data = text.encode(own)
        cells = []
        for page in pages:
            try:
                cells.append(f"{page}={letter_fit(data.decode(page)) or 0:.2f}")
            except UnicodeDecodeError:
                cells.append(f"{page}=undecodable")
        print(f"{text[:24]:24} in {own:9}: " + "  ".join(cells))
    for threshold in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0):
        latin.MIN_LETTER_FIT = threshold
        right = sum(_decided_right(text, own, want) for text, own, want in cases)
        print(f"MIN_LETTER_FIT {threshold}: {right} of {len(cases)} decided right")


def _decided_right(text: str, own: str, want: str | None) -> bool:
    """A Central European text read right by the page chosen; any other left alone."""
    chosen = central_european(text.encode(own))
    if want is None:
        return chosen is None
    return chosen is not None and text.encode(own).decode(chosen) == text


if __name__ == "__main__":
    _fits()
