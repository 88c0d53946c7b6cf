from __future__ import annotations

import pytest

from tests.evaluate import build
from wirescope.evaluate import geo
from wirescope.evaluate.load.toponyms import GeoItem, Toponym
from wirescope.evaluate.score.places import score
from wirescope.geo import distance_km
from wirescope.records import DocumentRecord

TEXT = "Shelling in Aleppo and Homs province; Camp X and Idlib too. Paris reacted."
HOMS = (34.73, 36.72)


def _pairs() -> list[tuple[GeoItem, DocumentRecord]]:
    doc = build.document(TEXT)
    gold = GeoItem(document=doc, toponyms=(
        Toponym(span=build.at(TEXT, "Aleppo"), name="Aleppo", lat=36.2, lon=37.13),
        Toponym(span=build.at(TEXT, "Homs"), name="Homs", lat=HOMS[0], lon=HOMS[1]),
        Toponym(span=build.at(TEXT, "Camp X"), name="Camp X", lat=None, lon=None),
        Toponym(span=build.at(TEXT, "Idlib"), name="Idlib", lat=35.93, lon=36.63),
    ))
    record = build.record(doc, places=(
        build.place(doc, "p1", build.at(TEXT, "Aleppo"), lat=36.2, lon=37.13),
        build.place(doc, "p2", build.at(TEXT, "Homs province"), lat=0.0, lon=0.0),
        build.place(doc, "p3", build.at(TEXT, "Paris"), lat=48.85, lon=2.35),
    ))
    return [(gold, record)]


def test_places_score_recognition_and_resolution() -> None:
    values = {m.key: m.value for m in score(_pairs()).metrics}
    homs_error = distance_km(*HOMS, 0.0, 0.0)
    assert values["toponyms.exact.precision"] == pytest.approx(1 / 3)
    assert values["toponyms.exact.recall"] == 0.25
    assert values["toponyms.overlap.precision"] == pytest.approx(2 / 3)
    assert values["toponyms.overlap.recall"] == 0.5
    # recognised toponyms with coordinates: Aleppo (0 km) and Homs (far off)
    assert values["geocoding.acc161"] == 0.5
    assert values["geocoding.median_km"] == pytest.approx(homs_error / 2)
    # every located gold toponym: Idlib was missed and counts as the worst error
    assert values["geocoding_all.acc161"] == pytest.approx(1 / 3)
    assert values["geocoding_all.median_km"] == pytest.approx(homs_error)
    assert values["geocoding_all.auc"] == pytest.approx(geo.auc([0.0, homs_error,
                                                                  geo.MAX_ERROR_KM]))


def test_places_score_no_predictions() -> None:
    gold, _ = _pairs()[0]
    values = {m.key: m.value for m in score([(gold, build.record(gold.document))]).metrics}
    assert values["toponyms.overlap.f1"] == 0.0
    assert values["geocoding.acc161"] == 0.0 and values["geocoding.median_km"] is None
    assert values["geocoding_all.median_km"] == geo.MAX_ERROR_KM
    assert values["geocoding_all.auc"] == 1.0


def test_places_score_no_gold() -> None:
    doc = build.document(TEXT)
    record = build.record(doc, places=(build.place(doc, "p", build.at(TEXT, "Paris")),))
    values = {m.key: m.value for m in score([(GeoItem(document=doc, toponyms=()),
                                             record)]).metrics}
    assert values["toponyms.exact.precision"] == 0.0 and values["toponyms.exact.recall"] == 0.0
    assert values["geocoding.auc"] is None
