"""Factuality: one row per class, and the PLOVER retyping it brings."""

from __future__ import annotations

import pytest

from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord, Event


def _event(pipeline: Pipeline, text: str, trigger: str) -> Event:
    (record,) = pipeline.run([Document(id="fact", text=text)])
    assert isinstance(record, DocumentRecord)
    found = [e for e in record.events if trigger in text[e.span.start : e.span.end]]
    assert found, f"no event {trigger!r} in {[e.type for e in record.events]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "trigger", "factuality"),
    [
        ("Government forces shelled the town on Monday.", "shelled", "asserted"),
        ("Rebels continue to shell the city.", "shell", "ongoing"),
        ("Government forces are shelling the district.", "shelling", "ongoing"),
        ("Systematic shelling of Damascus continues.", "shelling", "ongoing"),
        ("Russian jets will strike the terrorists' positions tomorrow.", "strike", "planned"),
        ("The army is preparing an offensive on the city.", "offensive", "planned"),
        ("We reserve the right to conduct airstrikes against the militants.", "airstrikes",
         "threatened"),
        ("The minister warned that the army would attack the town.", "attack", "threatened"),
        ("Militants tried to capture the power plant.", "capture", "attempted"),
        ("The offensive ended in a failed bid to retake the base.", "retake", "attempted"),
        ("The ministry denied that its jets bombed the hospital.", "bombed", "denied"),
        ("The army did not shell the village.", "shell", "negated"),
        ("There were no airstrikes on the town.", "airstrikes", "negated"),
        ("If the truce collapses, the army could attack the city.", "attack", "hypothetical"),
        ("Strikes can be delivered against their outposts.", "Strikes", "hypothetical"),
        # a cause is no plan: "due to" the attack, it happened
        ("Three civilians were killed due to the shelling of the town.",
         "killed due to the shelling", "asserted"),
        ("Many were wounded due to heavy bombardment of the district.",
         "wounded due to heavy bombardment", "asserted"),
        ("Two children died as a result of the air strike on the school.", "died",
         "asserted"),
        # ... while "due to" with its verb is a plan
        ("Troops are due to withdraw from the city next week.", "withdraw", "planned"),
        ("The army is set to launch an offensive on the city.", "offensive", "planned"),
    ],
)
def test_events_factuality_classes(pipeline: Pipeline, text: str, trigger: str,
                                   factuality: str) -> None:
    assert _event(pipeline, text, trigger).factuality == factuality


@pytest.mark.parametrize(
    ("text", "trigger", "kind", "factuality"),
    [
        # A threat is PLOVER's THREATEN, the act it names threatened.
        ("We reserve the right to conduct airstrikes.", "airstrikes", "THREATEN",
         "threatened"),
        ("The governor will impose a curfew on the city.", "impose", "THREATEN", "threatened"),
        ("Iran threatened to shell Iraqi towns unless Baghdad gave in.", "threatened",
         "THREATEN", "threatened"),
        # Future cooperation is AGREE; a refusal is REJECT, and it did happen.
        ("The United Nations will provide food aid to the refugees.", "provide", "AGREE",
         "planned"),
        ("Syria says it will not accept any more refugees.", "accept", "REJECT", "asserted"),
        # A planned attack stays an attack.
        ("Russian jets will strike the terrorists' positions tomorrow.", "strike", "ASSAULT",
         "planned"),
    ],
)
def test_events_factuality_retypes(pipeline: Pipeline, text: str, trigger: str, kind: str,
                                   factuality: str) -> None:
    event = _event(pipeline, text, trigger)
    assert (event.type, event.factuality) == (kind, factuality)


def test_events_condition_of_a_threat_is_not_threatened(pipeline: Pipeline) -> None:
    event = _event(pipeline, "Iran threatened to shell Iraqi towns unless Baghdad accepted "
                             "its conditions.", "accepted")
    assert event.factuality == "hypothetical"
