"""decode_bytes: BOMs, UTF-16 without BOM, legacy encodings, declarations, bad input."""

from __future__ import annotations

import codecs
import random

import pytest

from newsweave.errors import InputError
from newsweave.ingest.decode import (
    BINARY_REASON,
    EMPTY_REASON,
    declared_encoding,
    decode_bytes,
    detect_encoding,
)

ENGLISH = (
    "The minister said “we will not resign” — the budget of €4.5 billion was approved "
    "on Monday after a late-night session in parliament."
)
FRENCH = "Le président a déclaré à la presse qu’il était très satisfait de l’accord signé à Genève."
GERMAN = "Die Regierung hat am Montag in Berlin über die Größe der Förderung für Bürger entschieden"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00"


@pytest.mark.parametrize("text", [ENGLISH, FRENCH, GERMAN])
def test_strict_utf8(text: str) -> None:
    assert decode_bytes(text.encode("utf-8"), "a.txt") == text


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks_are_honoured_and_dropped(bom: bytes, encoding: str) -> None:
    assert decode_bytes(bom + ENGLISH.encode(encoding), "a.txt") == ENGLISH


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(encoding: str) -> None:
    assert decode_bytes(GERMAN.encode(encoding), "a.txt") == GERMAN
    assert detect_encoding(GERMAN.encode(encoding), "a.txt") == encoding


def test_cp1252_curly_quotes_and_euro_sign() -> None:
    assert decode_bytes(ENGLISH.encode("cp1252"), "a.txt") == ENGLISH


@pytest.mark.parametrize("text", [GERMAN, "Café society: naïve résumé façade, à Genève."])
def test_latin1(text: str) -> None:
    assert decode_bytes(text.encode("latin-1"), "a.txt") == text


def test_non_western_legacy_encodings_are_guessed() -> None:
    russian = "Президент заявил журналистам, что правительство приняло окончательное решение."
    assert decode_bytes(russian.encode("cp1251"), "a.txt") == russian
    polish = "Prezydent powiedział, że rząd podjął decyzję w sprawie ustawy o źródłach energii."
    assert decode_bytes(polish.encode("cp1250"), "a.txt") == polish


def test_meta_charset_is_honoured() -> None:
    page = f'<html><head><meta charset="windows-1251"></head><body>{"Москва"}</body></html>'
    assert decode_bytes(page.encode("cp1251"), "a.html") == page
    http_equiv = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">'
    assert declared_encoding(http_equiv.encode()) == "iso8859-2"


def test_xml_declaration_is_honoured() -> None:
    doc = '<?xml version="1.0" encoding="koi8-r"?><rss><title>Новости дня</title></rss>'
    assert decode_bytes(doc.encode("koi8-r"), "a.xml") == doc


def test_declared_latin1_reads_as_cp1252() -> None:
    page = f'<meta charset="iso-8859-1"><p>{ENGLISH}</p>'
    assert decode_bytes(page.encode("cp1252"), "a.html") == page


def test_valid_utf8_wins_over_a_wrong_declaration() -> None:
    page = f'<meta charset="iso-8859-1"><p>{GERMAN}</p>'
    assert decode_bytes(page.encode("utf-8"), "a.html") == page


def test_invalid_or_impossible_declarations_are_ignored() -> None:
    assert declared_encoding(b'<meta charset="no-such-codec">') is None
    assert declared_encoding(b'<meta charset="utf-16">') is None
    assert declared_encoding(b'<meta charset="base64">') is None


def test_utf8_with_a_few_broken_bytes_stays_utf8() -> None:
    data = (GERMAN * 5).encode("utf-8") + b" K\xfcchenblogs"
    text = decode_bytes(data, "a.html")
    assert text.startswith(GERMAN)
    assert "K\ufffdchenblogs" in text


def test_a_trace_of_nul_bytes_is_dropped() -> None:
    data = ("Ordinary page text. " * 400).encode() + b"\x00"
    assert "\x00" not in decode_bytes(data, "a.html")


@pytest.mark.parametrize("data", [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_empty_input(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "empty.txt")
    assert caught.value.reason == EMPTY_REASON
    assert caught.value.origin == "empty.txt"


def test_random_bytes_with_nuls_are_binary() -> None:
    data = random.Random(7).randbytes(4096)
    assert b"\x00" in data
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "noise.bin")
    assert caught.value.reason == BINARY_REASON
    assert "remove it or convert it to text" in str(caught.value)


def test_png_header_is_binary() -> None:
    with pytest.raises(InputError, match="binary file"):
        decode_bytes(PNG_HEADER, "image.txt")


def test_control_characters_are_binary() -> None:
    with pytest.raises(InputError, match="binary file"):
        decode_bytes(bytes(range(1, 32)) * 20, "controls.txt")
