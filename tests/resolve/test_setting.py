"""The town an article is set in: the one it mentions most, not a building named after one."""

from __future__ import annotations

import pytest

from wirescope.extractors.places.lexicon import names_a_building
from wirescope.records import Document, DocumentRecord, Place, Span
from wirescope.resolve.reports import _setting


def _place(id_: str, name: str, text: str, lat: float) -> Place:
    starts = [i for i in range(len(text)) if text.startswith(name, i)]
    return Place(id=id_, document_id="d", extractor="t", name=name, lat=lat, lon=-87.6,
                 country_code="US", admin1="Illinois", geonameid=None, precision="town",
                 mentions=tuple(Span(start=i, end=i + len(name)) for i in starts))


@pytest.mark.parametrize(
    ("text", "setting"),
    [
        # the hospital's name does not make the story's town
        ("CHICAGO — Two men were shot. One was taken to Mount Sinai Hospital, the other to "
         "Mount Sinai Hospital too, and a third walked to Mount Sinai Medical.", "CHICAGO"),
        # a town named more often than another is the setting
        ("Mount Sinai residents heard shots. Mount Sinai police came. CHICAGO — later.",
         "Mount Sinai"),
        ("A boy was taken to Hofstra University. Hofstra University said. Nassau police and "
         "Nassau officers came.", "Nassau"),
    ],
)
def test_setting_is_the_town_not_a_building_named_after_it(text: str, setting: str) -> None:
    names = ["CHICAGO", "Mount Sinai", "Hofstra", "Nassau"]
    places = tuple(_place(f"p{i}", n, text, 40.0 + i) for i, n in enumerate(names) if n in text)
    record = DocumentRecord(document=Document(id="d", text=text), places=places)
    found = _setting(record)
    assert found is not None and found.name == setting


@pytest.mark.parametrize(
    ("text", "end", "building"),
    [
        ("taken to Mount Sinai Hospital.", 20, True),
        ("at Hofstra University, police said", 10, True),
        ("at the Lake Shore Apartments", 17, True),
        ("Chicago police said", 7, False),
        ("in Chicago.", 10, False),
    ],
)
def test_setting_names_a_building(text: str, end: int, building: bool) -> None:
    assert names_a_building(text, end) is building
