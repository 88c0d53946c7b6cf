"""The shipped place data: every supplement entry is sourced; Syria's governorates."""

from __future__ import annotations

import pytest

from wirescope.gazetteer.data import (
    admin1_points,
    country_points,
    data_digest,
    supplement,
    syria_governorates,
)


def test_data_supplement_entries_are_sourced_and_placed() -> None:
    entries = supplement()
    assert entries
    ids = {e.id for e, _ in entries}
    for entry, _aliases in entries:
        assert entry.source == "supplement"
        assert entry.id < 0 and entry.geonameid is None
        # a place within one governorate names it; a region may span several (Darfur) and a
        # sea or ocean lies in no country
        if entry.kind != "area":
            assert entry.country_code and entry.admin1_code
        assert entry.country_code or entry.kind == "area"
        # a place without its own point names what contains it
        assert entry.located or entry.within in ids or entry.within is None


def test_data_supplement_file_gives_a_source_for_every_place() -> None:
    import json
    from importlib import resources

    raw = json.loads(resources.files("wirescope.data").joinpath(
        "places", "supplement.json").read_text("utf-8"))
    assert all(p.get("source", "").strip() for p in raw["places"])


@pytest.mark.parametrize(
    ("code", "name"),
    [("01", "Al-Hasakah"), ("07", "Deir ez-Zor"), ("08", "Rif Dimashq"), ("09", "Aleppo"),
     ("13", "Damascus"), ("14", "Tartus")],
)
def test_data_syria_governorates_by_geonames_code(code: str, name: str) -> None:
    assert syria_governorates()[code].name == name


def test_data_syria_has_fourteen_governorates() -> None:
    assert sorted(syria_governorates()) == [f"{i:02d}" for i in range(1, 15)]


@pytest.mark.parametrize(
    ("iso", "point"),
    [("US", (39.76, -98.5)), ("SY", (35.0, 38.0)), ("RU", (60.0, 100.0))],
)
def test_data_country_points_are_geonames_points(iso: str, point: tuple[float, float]) -> None:
    assert country_points()[iso] == point


def test_data_country_points_are_on_the_globe() -> None:
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180
               for lat, lon in country_points().values())


def test_data_digest_changes_the_index_signature() -> None:
    from wirescope.gazetteer import build

    assert build.signature().endswith(f"-d{data_digest()}") and len(data_digest()) == 8


@pytest.mark.parametrize(
    ("region", "point"),
    [
        # a representative point inside the region, not the centre of its towns' bounding
        # box (Ontario's lay 375 km south, England's in the Midlands)
        (("CA", "08"), (50.0007, -86.001)),  # Ontario
        (("GB", "ENG"), (52.531, -1.2649)),  # England
        (("AU", "04"), (-22.1647, 144.5845)),  # Queensland
    ],
)
def test_data_admin1_points_by_geonames_code(region: tuple[str, str],
                                             point: tuple[float, float]) -> None:
    assert admin1_points()[region] == point


@pytest.mark.parametrize(
    "region",
    [
        ("US", "NY"),  # the source's point is New York City's, not the state's
        ("AF", "13"),  # Kabul: the source's point is the city's
    ],
)
def test_data_admin1_points_leave_out_failed_checks(region: tuple[str, str]) -> None:
    assert region not in admin1_points()


def test_data_admin1_points_are_on_the_globe_and_sourced() -> None:
    import json
    from importlib import resources

    raw = json.loads(resources.files("wirescope.data").joinpath(
        "places", "admin1_points.json").read_text("utf-8"))
    assert raw["source"].strip() and raw["licence"]
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180
               for lat, lon in admin1_points().values())
    assert len(admin1_points()) > 2000
