from __future__ import annotations

import pytest

from tests.evaluate import build
from wirescope.evaluate.load.petrarch import CodedEvent, PetrarchItem
from wirescope.evaluate.load.plover import Actor, PloverItem
from wirescope.evaluate.results import Scored
from wirescope.evaluate.score.events import score_petrarch, score_plover
from wirescope.records import DocumentRecord


def _values(scored: Scored) -> dict[str, float | None]:
    return {m.key: m.value for m in scored.metrics}


def _petrarch() -> list[tuple[PetrarchItem, DocumentRecord]]:
    text = "The US leader met Chinese officials in Beijing."
    doc = build.document(text, "p1")
    us = build.entity(doc, "us", "gpe", build.at(text, "US"))
    china = build.entity(doc, "cn", "norp", build.at(text, "Chinese officials"))
    meet = build.event(doc, "e1", "CONSULT", build.at(text, "met"), actors=("us",),
                       targets=("cn",))
    noise = build.event(doc, "e2", "ASSAULT", build.at(text, "Beijing"))
    first = PetrarchItem(document=doc, events=(
        CodedEvent(code="042", source="USA", target="CHN"),
        CodedEvent(code="010", source="USA", target="---"),  # a statement: no PLOVER type
    ))
    quiet = build.document("Nothing happened.", "p2")
    rebels_text = "Rebels attacked Syrian troops."
    rebels = build.document(rebels_text, "p3")
    return [
        (first, build.record(doc, entities=(us, china), events=(meet, noise))),
        (PetrarchItem(document=quiet, events=()), build.record(quiet)),
        (PetrarchItem(document=rebels, events=(CodedEvent(code="190", source="---REB",
                                                          target="SYR"),)),
         build.record(rebels)),
    ]


def test_events_score_petrarch() -> None:
    scored = score_petrarch(_petrarch())
    values = _values(scored)
    assert values["type.precision"] == 0.5 and values["type.recall"] == 0.5
    assert values["type.f1"] == 0.5
    assert values["actor.accuracy"] == 1.0  # ---REB has no country: not scored
    assert values["target.accuracy"] == 0.5
    assert {m.key: m.support for m in scored.metrics}["actor.accuracy"] == 1
    assert scored.notes == ("1 gold events coded CAMEO 01 (statements) have no PLOVER type",)


def _plover() -> list[tuple[PloverItem, DocumentRecord]]:
    text = "Gunmen attacked a police post."
    doc = build.document(text, "g1")
    gunmen = build.entity(doc, "gm", "organization", build.at(text, "Gunmen"))
    attack = build.event(doc, "e1", "ASSAULT", build.at(text, "attacked"), actors=("gm",),
                         mode="firearms")
    first = PloverItem(document=doc, type="ASSAULT", mode="firearms",
                       sources=(Actor(text="Gunmen", code="---REB", span=(0, 6)),),
                       targets=(Actor(text="a police post", code="---COP", span=(16, 29)),))
    demand_text = "They demanded a vote."
    demand = build.document(demand_text, "g2")
    request = build.event(demand, "e1", "REQUEST", build.at(demand_text, "demanded"))
    second = PloverItem(document=demand, type="DEMAND", mode=None, sources=(), targets=())
    return [(first, build.record(doc, entities=(gunmen,), events=(attack,))),
            (second, build.record(demand, events=(request,)))]


def test_events_score_plover_accepts_current_names_of_legacy_types() -> None:
    values = _values(score_plover(_plover()))
    assert values["type.f1"] == 1.0
    assert values["actor.accuracy"] == 1.0
    assert values["target.accuracy"] == 0.0  # the attack has no target
    assert values["mode.accuracy"] == 1.0


@pytest.mark.parametrize("scorer", ["petrarch", "plover"])
def test_events_score_no_predictions(scorer: str) -> None:
    if scorer == "petrarch":
        pairs = [(item, build.record(item.document)) for item, _ in _petrarch()]
        values = _values(score_petrarch(pairs))
    else:
        pairs2 = [(item, build.record(item.document)) for item, _ in _plover()]
        values = _values(score_plover(pairs2))
    assert values["type.recall"] == 0.0 and values["type.precision"] == 0.0
    assert values["actor.accuracy"] == 0.0
