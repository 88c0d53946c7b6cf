from __future__ import annotations

import codecs

import pytest

from wirescope.errors import BINARY, EMPTY, NOT_UTF8, InputError
from wirescope.ingest.text import content_id, decode_text, with_headline


@pytest.mark.parametrize(
    ("data", "encoding", "expected"),
    [
        (b"Aleppo shelled.", "utf-8", "Aleppo shelled."),
        (b"\xef\xbb\xbfAleppo", "utf-8", "Aleppo"),  # BOM dropped
        ("Sergeï".encode("cp1252"), "cp1252", "Sergeï"),
        ("“quoted”\n".encode(), "utf-8", "“quoted”\n"),  # text kept as is, spans stay true
        # a byte-order mark, or UTF-16's pattern of NULs, says the encoding: no "binary"
        ("Sergeï in Aleppo".encode("utf-16"), "utf-8", "Sergeï in Aleppo"),
        (codecs.BOM_UTF16_BE + "Sergeï".encode("utf-16-be"), "utf-8", "Sergeï"),
        ("Sergeï in Aleppo".encode("utf-16-le"), "utf-8", "Sergeï in Aleppo"),
        ("Sergeï in Aleppo".encode("utf-16-be"), "utf-8", "Sergeï in Aleppo"),
        ("Sergeï".encode("utf-32"), "utf-8", "Sergeï"),
        # --encoding is a fallback: a UTF-8 file of a cp1252 batch is not garbled
        ("Sergeï".encode(), "cp1252", "Sergeï"),
    ],
)
def test_text_decode_accepts(data: bytes, encoding: str, expected: str) -> None:
    assert decode_text(data, encoding) == expected


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", EMPTY),
        (b"  \n\t ", EMPTY),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BINARY),
        (b"caf\xe9 in Damascus", NOT_UTF8),
    ],
)
def test_text_decode_rejects_with_code(data: bytes, code: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_text(data)
    assert caught.value.code == code


def test_text_content_id_is_stable_and_distinct() -> None:
    assert content_id("a") == content_id("a")
    assert content_id("a") != content_id("b")
    assert content_id("a").startswith("doc-")


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        # the headline is read first, a blank line before the body
        ("Teen injured in accidental shooting", "Police said the boy, 14, was hit in the arm.",
         "Teen injured in accidental shooting\n\nPolice said the boy, 14, was hit in the arm."),
        # a body that repeats its headline (after a dateline, in other case or punctuation)
        # is read as it is
        ("Suicide bomber kills 4 in Assad clan's hometown",
         "Sun 22 Feb 2015 Suicide bomber kills 4 in Assad clans hometown. A suicide bomber...",
         "Sun 22 Feb 2015 Suicide bomber kills 4 in Assad clans hometown. A suicide bomber..."),
        ("MAN SHOT ON MAIN STREET", "Man shot on Main Street\nA man was shot on Tuesday.",
         "Man shot on Main Street\nA man was shot on Tuesday."),
        # no headline, or only blanks
        (None, "A man was shot on Tuesday.", "A man was shot on Tuesday."),
        ("  ", "A man was shot on Tuesday.", "A man was shot on Tuesday."),
        # a headline the body repeats only far down is still read first
        ("Man shot", "x" * 400 + " Man shot", "Man shot\n\n" + "x" * 400 + " Man shot"),
    ],
)
def test_text_headline_read_with_body(title: str | None, body: str, expected: str) -> None:
    assert with_headline(title, body) == expected


def test_text_not_utf8_offers_the_detected_encoding_without_applying_it() -> None:
    data = "Caf\u00e9 shelled in Damascus, killing three people on Monday.".encode("cp1252")
    with pytest.raises(InputError) as caught:
        decode_text(data)
    assert caught.value.code == NOT_UTF8
    assert "--encoding cp125" in str(caught.value) and "Café shelled" in str(caught.value)
    assert decode_text(data, "cp1252").startswith("Café shelled")  # applied when asked


def test_text_encoding_named_for_a_file_overrides_utf8_first() -> None:
    from wirescope.ingest import IngestOptions

    options = IngestOptions(encoding="cp1252", named_encodings=(("*.csv", "cp1251"),
                                                                ("old/a.txt", "latin-1")))
    assert options.encoding_for("data/b.csv") == ("cp1251", True)
    assert options.encoding_for("old/a.txt") == ("latin-1", True)
    assert options.encoding_for("new/a.txt") == ("cp1252", False)
    # bytes that are valid UTF-8 are read in the named encoding all the same
    data = "Ã©".encode("latin-1")  # "é" in UTF-8 bytes, i.e. b"\xc3\xa9"
    assert decode_text("é".encode(), "latin-1", named=True) == data.decode("latin-1")
    assert decode_text("é".encode(), "latin-1") == "é"  # a fallback only where UTF-8 fails
