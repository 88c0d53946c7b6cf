"""Name keys: spelling and transliteration variants meet on one key."""

from __future__ import annotations

import pytest

from wirescope.gazetteer.names import fold, is_latin, key, keys, skeleton


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Deir ez-Zor", "Dayr az Zawr"),
        ("Deir Ezzor", "Deir al-Zour"),
        ("Sheikh Maqsood", "Shaykh Maqsud"),
        ("Cheikh Maqsoud", "Sheikh Maqsood"),
        ("Khan Tuman", "Khān Ţūmān"),
        ("Raqqa", "Ar Raqqah"),
        ("Hama", "Ḩamāh"),
        ("Idleb", "Idlib"),
        ("Homs", "Hims"),
        ("Hasakeh", "Al Ḩasakah"),
        ("Zerba", "az-Zirbah"),
        ("Qamishli", "Al Qāmishlī"),
    ],
)
def test_names_variants_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("al-Eis", "eis"),
        ("Deir ez-Zor", "dayr zor"),
        ("Dar‘ā", "dara"),
        ("Sheikh Maqsood", "shaykh maqsood"),
        ("As", "as"),  # a name that is only an article stays itself
        ("Democratic Republic of the Congo", "democratic republic of congo"),
        ("The Hague", "the hague"),  # only an inner "the" goes
        ("Aleppo The", "aleppo the"),  # a run into the next sentence is not "Aleppo"
    ],
)
def test_names_key_drops_articles_and_unifies_titles(name: str, expected: str) -> None:
    assert key(name) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [("Aleppo", "Halab"), ("Homs", "Hama"), ("Damascus", "Daraa"), ("Idlib", "Latakia")],
)
def test_names_different_places_keep_different_skeletons(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Ḩalab", "halab"), ("Al-Nusra's", "al nusras"), ("  Tell  Abyad ", "tell abyad")],
)
def test_names_fold(name: str, expected: str) -> None:
    assert fold(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"), [("Aleppo", True), ("Ḩalab", True), ("حلب", False), ("Алеппо", False)]
)
def test_names_is_latin(name: str, expected: bool) -> None:
    assert is_latin(name) is expected


def test_names_keys_is_key_and_skeleton() -> None:
    assert keys("Dayr az Zawr") == (key("Dayr az Zawr"), skeleton("Dayr az Zawr"))


@pytest.mark.parametrize(
    ("name", "other", "close"),
    [
        ("Idleb", "idlib", True),
        ("Sweida", "suwayda", True),
        ("Deir Ezzor", "dayr zawr", True),
        ("Qamishly", "qamishli", True),
        ("Tartous", "tartus", True),
        ("al-Midan", "mayadin", False),  # shares only the skeleton "mdn"
        ("al-Qosour", "qusayr", False),
        ("Qaboun", "kobane", False),
        ("Joubar", "yabrud", False),
        ("Madaya", "mandalay", False),
    ],
)
def test_names_similarity_tells_transliterations_from_coincidences(
        name: str, other: str, close: bool) -> None:
    from wirescope.extractors.places.resolve import LOOSE_VARIANT
    from wirescope.gazetteer.names import similarity

    assert (similarity(name, other) >= LOOSE_VARIANT) is close
