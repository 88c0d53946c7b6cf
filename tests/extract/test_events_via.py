"""Each event says which rule typed it (``via``): the trigger's sense, the weapon, the
sides, a retyping by factuality, or the attack a weaponless report refers back to."""

from __future__ import annotations

import pytest

from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord


@pytest.mark.parametrize(("text", "trigger", "sub_type", "via"), [
    # the trigger's own sense decides
    ("Rebels clashed with government troops near the town.", "clashed", "Armed clash",
     "sense:clash"),
    ("Russian warplanes carried out air strikes on the town.", "air strikes",
     "Air/drone strike", "sense:air_strike"),
    ("Militants kidnapped three aid workers.", "kidnapped", "Abduction/forced disappearance",
     "sense:abduction"),
    # the weapon named around a plain attack
    ("The attack was carried out with mortars.", "attack",
     "Shelling/artillery/missile attack", "weapon:heavy-weapons"),
    ("Insurgents attacked the village with rockets.", "attacked",
     "Shelling/artillery/missile attack", "weapon:heavy-weapons"),
    ("A grenade attack wounded two policemen.", "grenade attack wounded", "Grenade", "grenade"),
    # who acted, or who was hit
    ("Government forces bombed the market.", "bombed", "Air/drone strike", "aerial:state"),
    ("The Syrian army recaptured the town of Palmyra.", "recaptured",
     "Government regains territory", "territory:state"),
    ("Militants took over the village.", "took over", "Non-state actor overtakes territory",
     "territory:non_state"),
    ("Soldiers shot dead three protesters.", "shot dead", "Excessive force against protesters",
     "victims:protester"),
    ("Police dispersed the protesters.", "dispersed", "Protest with intervention",
     "protesters"),
    ("Gunmen opened fire on the two armies' positions, and a firefight followed.",
     "firefight", "Armed clash", "clash"),
    ("Protesters blocked the main road.", "blocked", "Peaceful protest", "block:protest"),
    # a promise, a threat, a refusal: retyped, and saying so
    ("The rebels vowed to storm the city.", "vowed", None, "commissive:threat"),
    ("The government promised to withdraw its troops.", "promised", None,
     "commissive:promise"),
    ("The group threatened to attack the city.", "threatened", None, "content"),
    ("The army will not accept the proposal.", "accept", None, "refusal"),
    # a weaponless death typed by the attack it refers back to
    ("A car bomb exploded in the market on Sunday. Two people were killed.", "killed",
     "Remote explosive/landmine/IED", "antecedent"),
])
def test_events_via_names_the_rule_that_typed(pipeline: Pipeline, text: str, trigger: str,
                                              sub_type: str | None, via: str) -> None:
    (record,) = pipeline.run([Document(id="via", text=text)])
    assert isinstance(record, DocumentRecord)
    found = {text[e.span.start:e.span.end]: e for e in record.events}
    event = found[trigger]
    assert (event.acled_sub_event_type, event.via) == (sub_type, via)
