from __future__ import annotations

import pytest

from tests.evaluate import build
from wirescope.evaluate.load.re3d import GoldEntity, GoldRelation, Re3dItem
from wirescope.evaluate.score.entities import score

TEXT = "U.S. forces advise the SDF in Syria on Monday."
US, SDF, SYRIA = build.at(TEXT, "U.S. forces"), build.at(TEXT, "SDF"), build.at(TEXT, "Syria")
GOLD = Re3dItem(
    document=build.document(TEXT),
    entities=(GoldEntity(span=US, type="Organisation", confidence=1.0),
              GoldEntity(span=SDF, type="Organisation", confidence=0.0),
              GoldEntity(span=SYRIA, type="Location", confidence=1.0),
              GoldEntity(span=build.at(TEXT, "Monday"), type="Temporal", confidence=1.0)),
    relations=(GoldRelation(type="CommWith", source=US, target=SDF),
               GoldRelation(type="CommWith", source=SDF, target=US)),
)


def _values() -> dict[str, float]:
    doc = GOLD.document
    entities = (
        build.entity(doc, "us", "organization", US),
        build.entity(doc, "sdf", "person", SDF),  # right span, wrong type
        build.entity(doc, "sy", "gpe", SYRIA),
        build.entity(doc, "adv", "person", build.at(TEXT, "advise")),
    )
    syria = build.place(doc, "p1", SYRIA)  # the same span as the gpe: one prediction
    events = (
        build.event(doc, "e1", "CONSULT", build.at(TEXT, "advise"), actors=("us",),
                    targets=("sdf",)),
        build.event(doc, "e2", "ASSAULT", build.at(TEXT, "advise"), actors=("sdf",),
                    targets=("sy",)),
    )
    record = build.record(doc, entities=entities, places=(syria,), events=events)
    return {m.key: m.value or 0.0 for m in score([(GOLD, record)]).metrics}


def test_entities_score_spans_types_and_relations() -> None:
    values = _values()
    assert values["spans.exact.precision"] == 0.75 and values["spans.exact.recall"] == 1.0
    assert values["typed.precision"] == 0.5
    assert values["typed.recall"] == pytest.approx(2 / 3)
    assert values["typed.organization.recall"] == 0.5
    assert values["typed.location.recall"] == 1.0
    assert values["typed.person.recall"] == 0.0  # no gold person: 0 of 0
    # CommWith: the gold pair is listed both ways, counted once, found by the CONSULT event
    assert values["relations.CommWith.f1"] == 1.0
    assert values["relations.FightingAgainst.precision"] == 0.0  # a prediction with no gold
    assert values["relations.FightingAgainst.recall"] == 0.0


def test_entities_score_no_predictions() -> None:
    values = {m.key: m.value for m in score([(GOLD, build.record(GOLD.document))]).metrics}
    assert values["spans.overlap.recall"] == 0.0 and values["typed.f1"] == 0.0
    assert values["relations.CommWith.recall"] == 0.0
