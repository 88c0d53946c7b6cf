from __future__ import annotations

import pytest

from wirescope.evaluate import cameo


@pytest.mark.parametrize(
    ("code", "expected"),
    [("042", "CONSULT"), ("0841", "CONCEDE"), ("190", "ASSAULT"), ("1124", "ACCUSE"),
     ("010", None), ("99", None)],
)
def test_cameo_plover_of_cameo(code: str, expected: str | None) -> None:
    assert cameo.plover_of_cameo(code) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [("FIGHT", {"FIGHT", "ASSAULT"}), ("demand", {"DEMAND", "REQUEST"}), ("AGREE", {"AGREE"})],
)
def test_cameo_plover_names(label: str, expected: set[str]) -> None:
    assert cameo.plover_names(label) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [("USAGOV", "USA"), ("RUS", "RUS"), ("---REB", None), ("IGOCOPITP", None)],
)
def test_cameo_country_of_actor(code: str, expected: str | None) -> None:
    assert cameo.country_of_actor(code) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("U.S. forces", {"USA"}), ("the US leader", {"USA"}), ("Moscow", {"RUS"}),
     ("Georgian and Russian troops", {"GEO", "RUS"}), ("Usama", set()), ("us", set())],
)
def test_cameo_countries_in(name: str, expected: set[str]) -> None:
    assert cameo.countries_in(name) == expected
