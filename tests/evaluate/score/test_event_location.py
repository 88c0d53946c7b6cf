from __future__ import annotations

from tests.evaluate import build
from wirescope.evaluate.load.event_location import EventLocationItem
from wirescope.evaluate.score.event_location import score


def test_event_location_score_partial_and_spurious_places() -> None:
    text = "Nine were killed in Aziziyah and Homs."
    doc = build.document(text, "a")
    homs = build.place(doc, "p1", build.at(text, "Homs"))
    killed = build.event(doc, "e1", "ASSAULT", build.at(text, "were killed"), place_id="p1")
    first = EventLocationItem(document=doc, verb=build.at(text, "killed"),
                              locations=(build.at(text, "Aziziyah"), build.at(text, "Homs")))
    sea_text = "Boats patrol the sea."
    sea_doc = build.document(sea_text, "b")
    sea = build.place(sea_doc, "p1", build.at(sea_text, "sea"))
    patrol = build.event(sea_doc, "e1", "MOBILIZE", build.at(sea_text, "patrol"),
                         place_id="p1")
    second = EventLocationItem(document=sea_doc, verb=build.at(sea_text, "patrol"),
                               locations=())
    third = EventLocationItem(document=build.document("In the city", "c"), verb=None,
                              locations=())
    scored = score([
        (first, build.record(doc, places=(homs,), events=(killed,))),
        (second, build.record(sea_doc, places=(sea,), events=(patrol,))),
        (third, build.record(third.document)),
    ])
    values = {m.key: (m.value, m.support) for m in scored.metrics}
    assert values["event.recall"] == (1.0, 2)
    assert values["place.precision"] == (0.5, 2)
    assert values["place.recall"] == (0.5, 2)
    assert values["place.f1"] == (0.5, 2)
    assert scored.notes == ("1 sentences without a gold verb are not scored",)
    assert [(m.field, m.expected) for m in scored.misses] == [
        ("place", "Aziziyah"), ("place", "no location")]


def test_event_location_score_no_predictions() -> None:
    text = "Nine were killed in Homs."
    item = EventLocationItem(document=build.document(text), verb=build.at(text, "killed"),
                             locations=(build.at(text, "Homs"),))
    values = {m.key: m.value for m in score([(item, build.record(item.document))]).metrics}
    assert values == {"event.recall": 0.0, "place.precision": 0.0, "place.recall": 0.0,
                      "place.f1": 0.0}
