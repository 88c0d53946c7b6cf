from __future__ import annotations

import pytest

from wirescope.evaluate import labels


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Aleppo", "aleppo"), ("Aleppo Governorate", "aleppo"), ("Deir ez-Zor", "deir ezzor"),
     ("Dar'a", "daraa"), ("Rif Dimashq", "damascus"), ("Al-Hasakah", "hasakeh"),
     ("Latakia", "lattakia"), ("Paris", None), (None, None), ("", None)],
)
def test_labels_governorate(name: str | None, expected: str | None) -> None:
    assert labels.governorate(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Syrian Arab Army", "syrian government or russian troops"),
     ("Russian warplanes", "syrian government or russian troops"),
     ("IS", "the organization of the islamic state in iraq and the levant - isis"),
     ("Daesh", "the organization of the islamic state in iraq and the levant - isis"),
     ("Syrian Democratic Forces", "self administration forces"),
     ("Jabhat al-Nusra", "al-nusra front"),
     ("US-led coalition", "international coalition forces"),
     ("Free Syrian Army", "armed opposition groups"),
     ("this is us", None), ("the villagers", None)],
)
def test_labels_perpetrator(name: str, expected: str | None) -> None:
    assert labels.perpetrator(name) == expected


@pytest.mark.parametrize(
    ("attributes", "expected"),
    [(("Shelling/artillery/missile attack", None), "shelling"),
     ((None, "Suicide bomb"), "explosion"), (("ASSAULT", "firearms"), "shooting"),
     ((None, "chemical weapon"), "chemical and toxic gases"), (("PROTEST",), None)],
)
def test_labels_cause(attributes: tuple[str | None, ...], expected: str | None) -> None:
    assert labels.cause(*attributes) == expected
