"""The shipped place data: every supplement entry is sourced; Syria's governorates."""

from __future__ import annotations

import pytest

from wirescope.gazetteer.data import supplement, syria_governorates


def test_data_supplement_entries_are_sourced_and_placed() -> None:
    entries = supplement()
    assert entries
    ids = {e.id for e, _ in entries}
    for entry, _aliases in entries:
        assert entry.source == "supplement"
        assert entry.id < 0 and entry.geonameid is None
        assert entry.country_code and entry.admin1_code
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
