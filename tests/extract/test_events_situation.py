"""Typing by the whole situation: who attacks (demonstrators, a mob, an armed group, the
state), who is hit, what is exchanged or given up — not the first trigger alone."""

from __future__ import annotations

import pytest

from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord


@pytest.mark.parametrize(("text", "trigger", "plover", "sub_type"), [
    # demonstrators who attack: a violent demonstration (PLOVER PROTEST riot)
    ("Protesters threw stones at police and set cars on fire.", "set", "PROTEST",
     "Violent demonstration"),
    ("Angry demonstrators torched a police station.", "torched", "PROTEST",
     "Violent demonstration"),
    # a clash of demonstrators with the police, whichever side the text names first
    ("Demonstrators clashed with police in the capital.", "clashed", "PROTEST",
     "Violent demonstration"),
    ("Police clashed with protesters outside parliament.", "clashed", "PROTEST",
     "Violent demonstration"),
    # ... while armed sides clash
    ("Government forces clashed with rebels near the town.", "clashed", "ASSAULT",
     "Armed clash"),
    # ... not demonstrators marching, nor force used on them
    ("Thousands of protesters marched through the capital.", "marched", "PROTEST",
     "Peaceful protest"),
    ("Security forces opened fire on protesters, killing five.",
     "opened fire on protesters, killing", "ASSAULT", "Excessive force against protesters"),
    ("Five protesters were shot dead on Friday.", "shot dead", "ASSAULT",
     "Excessive force against protesters"),
    # gunmen who attack protesters: an attack on civilians, not the state's excessive force
    ("Gunmen attacked protesters in the square.", "attacked", "ASSAULT", "Attack"),
    # a mob or an angry crowd: mob violence
    ("A mob attacked a church in the village.", "attacked", "ASSAULT", "Mob violence"),
    ("An angry crowd beat a man to death.", "beat a man to death", "ASSAULT", "Mob violence"),
    # ... not a crowd beside an armed side, nor an armed group's attack
    ("Militants attacked a church in the village.", "attacked", "ASSAULT", "Attack"),
    # an armed group's fighters and militias are non-state: the ground they take too
    ("Kurdish fighters seized the town from the army.", "seized", "ASSAULT",
     "Non-state actor overtakes territory"),
    ("The army recaptured the town from the militias.", "recaptured", "ASSAULT",
     "Government regains territory"),
    # surrenders and prisoner exchanges are agreements
    ("Hundreds of rebels surrendered to the army in Aleppo.", "surrendered", "RETREAT",
     "Agreement"),
    ("The two sides exchanged prisoners on Tuesday.", "exchanged", "RETREAT", "Agreement"),
    ("Hezbollah and the Nusra Front swapped prisoners and bodies.", "swapped", "RETREAT",
     "Agreement"),
    ("The prisoner exchange took place at the border.", "prisoner exchange", "RETREAT",
     "Agreement"),
    # ... while exchanging fire is a clash
    ("The army exchanged fire with the militants.", "exchanged", "ASSAULT", "Armed clash"),
    ("Police and gunmen traded fire for two hours.", "traded", "ASSAULT", "Armed clash"),
    # a grenade or a bomb thrown is an attack with it
    ("A hand grenade was thrown at the patrol.", "thrown", "ASSAULT", "Grenade"),
    ("Unknown assailants hurled a grenade into the police station.", "hurled", "ASSAULT",
     "Grenade"),
    ("Someone threw a bomb at the bus.", "threw", "ASSAULT", "Remote explosive/landmine/IED"),
    # withdrawing is no agreement
    ("The rebels withdrew from the town.", "withdrew", "RETREAT",
     "Non-violent transfer of territory"),
])
def test_events_situation_types(pipeline: Pipeline, text: str, trigger: str, plover: str,
                                sub_type: str | None) -> None:
    (record,) = pipeline.run([Document(id="situation", text=text)])
    assert isinstance(record, DocumentRecord)
    found = {text[e.span.start:e.span.end]: e for e in record.events}
    assert (found[trigger].type, found[trigger].acled_sub_event_type) == (plover, sub_type)


@pytest.mark.parametrize("text", [
    "He threw the ball to his friend.",
    "The minister threw his support behind the plan.",
])
def test_events_situation_throwing_no_weapon_is_no_attack(pipeline: Pipeline,
                                                          text: str) -> None:
    (record,) = pipeline.run([Document(id="situation", text=text)])
    assert isinstance(record, DocumentRecord)
    assert not [e for e in record.events if e.type == "ASSAULT"]
