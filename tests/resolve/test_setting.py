"""The town an article is set in: the one it mentions most, not a building named after one;
where its local agency serves when it names no town by itself."""

from __future__ import annotations

import dataclasses

import pytest

from wirescope.extractors.places.lexicon import names_a_building
from wirescope.records import Document, DocumentRecord, Place, PlaceUse, Span
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


def _agency(id_: str, name: str, text: str, lat: float) -> Place:
    """A place named only as a local agency's jurisdiction ("the Juneau Police Department")."""
    named = _place(id_, name, text, lat)
    return dataclasses.replace(named, mentions=(), uses=tuple(
        PlaceUse(span=m, use="agency") for m in named.mentions))


@pytest.mark.parametrize(
    ("text", "towns", "agencies", "setting"),
    [
        # an article that names no town by itself is set where its local agency serves
        ("The Juneau Police Department said a student was shot at his home.", [],
         ["Juneau"], "Juneau"),
        ("Corpus Christi Police Officers responded. Corpus Christi Police said more.", [],
         ["Corpus Christi"], "Corpus Christi"),
        # ... but a town it names by itself comes first, however often the agency is named
        ("Riverside Police said. Riverside Police added. The man lived in Moreno Valley.",
         ["Moreno Valley"], ["Riverside"], "Moreno Valley"),
    ],
)
def test_setting_is_where_the_local_agency_serves_when_no_town_is_named(
        text: str, towns: list[str], agencies: list[str], setting: str) -> None:
    places = (*(_place(f"t{i}", n, text, 40.0 + i) for i, n in enumerate(towns)),
              *(_agency(f"a{i}", n, text, 30.0 + i) for i, n in enumerate(agencies)))
    found = _setting(DocumentRecord(document=Document(id="d", text=text), places=places))
    assert found is not None and found.name == setting
