"""Typing: every ACLED sub-event type, and PLOVER types and modes by weapon and side."""

from __future__ import annotations

import pytest

from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord, Event


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    (record,) = pipeline.run([Document(id="acled", text=text)])
    assert isinstance(record, DocumentRecord)
    return list(record.events)


@pytest.mark.parametrize(
    ("text", "acled"),
    [
        ("Rebels clashed with government troops near the town.", ("Battles", "Armed clash")),
        ("The Syrian army recaptured the town of Palmyra.",
         ("Battles", "Government regains territory")),
        ("Militants took over the village.", ("Battles", "Non-state actor overtakes territory")),
        ("Russian warplanes carried out air strikes on the town.",
         ("Explosions/Remote violence", "Air/drone strike")),
        ("Turkish artillery shelled Kurdish positions.",
         ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("A roadside bomb exploded near the convoy.",
         ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        ("A suicide bomber blew himself up at a checkpoint.",
         ("Explosions/Remote violence", "Suicide bomb")),
        ("A grenade attack wounded two policemen.", ("Explosions/Remote violence", "Grenade")),
        ("A chemical attack killed dozens of people.",
         ("Explosions/Remote violence", "Chemical weapon")),
        ("Gunmen executed five civilians.", ("Violence against civilians", "Attack")),
        ("Militants kidnapped three aid workers.",
         ("Violence against civilians", "Abduction/forced disappearance")),
        ("Soldiers raped two women.", ("Violence against civilians", "Sexual violence")),
        ("Thousands of students demonstrated in the capital.", ("Protests", "Peaceful protest")),
        ("Police dispersed the protesters.", ("Protests", "Protest with intervention")),
        ("Police fired tear gas at the protesters.",
         ("Protests", "Excessive force against protesters")),
        ("Prisoners rioted in the jail.", ("Riots", "Violent demonstration")),
        ("A mob lynched a man.", ("Riots", "Mob violence")),
        ("The two sides signed a ceasefire agreement.", ("Strategic developments", "Agreement")),
        ("Police arrested ten activists.", ("Strategic developments", "Arrests")),
        ("Five rebel factions merged into a new alliance.",
         ("Strategic developments", "Change to group/activity")),
        ("Soldiers defused a car bomb.", ("Strategic developments", "Disrupted weapons use")),
        ("The army set up a new base near the border.",
         ("Strategic developments", "Headquarters or base established")),
        ("Militants looted shops in the town.",
         ("Strategic developments", "Looting/property destruction")),
        ("Rebels handed over the town to government forces.",
         ("Strategic developments", "Non-violent transfer of territory")),
        ("The governor imposed a curfew on the city.", ("Strategic developments", "Other")),
    ],
)
def test_events_acled_sub_event_types(pipeline: Pipeline, text: str,
                                      acled: tuple[str, str]) -> None:
    (event,) = _events(pipeline, text)
    assert (event.acled_event_type, event.acled_sub_event_type) == acled


@pytest.mark.parametrize(
    ("text", "kind", "mode"),
    [
        ("Russian warplanes struck the market.", "ASSAULT", "aerial"),
        ("Rebels attacked Aleppo using rocket launchers and mortars.", "ASSAULT",
         "heavy-weapons"),
        ("Government forces bombed the town.", "ASSAULT", "aerial"),
        ("Militants bombed the market.", "ASSAULT", "explosives"),
        ("Twelve people were killed in a barrel bomb attack.", "ASSAULT", "aerial"),
        ("The regime killed 1,400 people with chemical weapons.", "ASSAULT", "unconventional"),
        ("A drone strike killed eight fighters.", "ASSAULT", "drone"),
        ("Israel and Jordan held talks in Amman.", "CONSULT", None),
        ("The president visited Moscow.", "CONSULT", "visit"),
        ("The European Union imposed sanctions on Syria.", "SANCTION", "discontinue"),
        ("The army deployed troops to the border.", "MOBILIZE", "troops"),
        ("The rebels released the hostages.", "RETREAT", "release"),
        ("Armed groups observe the ceasefire.", "RETREAT", "ceasefire"),
        ("The minister condemned the attack on the hospital.", "ACCUSE", "disapprove"),
        ("The government lifted the curfew.", "CONCEDE", None),
        ("Doctors donated medicine to the hospital.", "AID", None),
        ("Demonstrators blocked the main road.", "PROTEST", "obstruct"),
    ],
)
def test_events_plover_type_and_mode(pipeline: Pipeline, text: str, kind: str,
                                     mode: str | None) -> None:
    events = _events(pipeline, text)
    assert (events[0].type, events[0].mode) == (kind, mode)


def test_events_casualty_joins_its_attack(pipeline: Pipeline) -> None:
    (event,) = _events(pipeline, "Air strikes hit a market in Idlib on Friday, killing at "
                                 "least 18 people.")
    assert event.acled_sub_event_type == "Air/drone strike"
    assert [(q.value, q.unit) for q in event.quantities] == [(18, "killed")]


def test_events_weaponless_report_takes_the_attack_before(pipeline: Pipeline) -> None:
    strike, killing = _events(pipeline, "An air strike hit a market in Idlib. At least 12 "
                                        "people were killed.")
    assert killing.mode == strike.mode == "aerial"
    assert killing.acled_sub_event_type == "Air/drone strike"


def test_events_war_toll_is_no_event(pipeline: Pipeline) -> None:
    events = _events(pipeline, "More than 280,000 people have been killed since the conflict "
                               "began in 2011.")
    assert events == []


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # A country alone places the event at country precision.
        ("Russian warplanes have increased airstrikes against oil sites in Syria.",
         "airstrikes", "Syria"),
        # A finer place of the sentence inside the country wins.
        ("Rebels shelled a market in Syria's Idlib province.", "shelled", "Idlib"),
        # A destination inside the patient is not where the event happens.
        ("Russian warplanes have increased airstrikes against smuggling routes to Turkey.",
         "airstrikes", None),
        ("Warplanes struck a convoy bound for Idlib.", "struck", None),
        ("Jets bombed Aleppo.", "bombed", "Aleppo"),
        # A place in apposition to the locative's noun ("the capital Baku").
        ("Protesters demonstrated in the capital Baku on Saturday.", "demonstrated", "Baku"),
        ("A policeman was shot outside the regional capital, Grozny.", "shot", "Grozny"),
        # Else where the agents are.
        ("Dozens of Iraqis in Tikrit demonstrated in support of Saddam Hussein.",
         "demonstrated", "Tikrīt"),
        # The place fought over is where the fighting is.
        ("Hundreds were killed in the fight for Hasakeh.", "killed", "Al Ḩasakah"),
        # Coordinated casualties share the cause the parse hangs on the last of them.
        ("At least 13 civilians were killed and over 30 others were wounded on Saturday when "
         "regime forces bombed a market in Douma.", "killed", "Dūmā"),
        # The weapon's own clause is the cause ("shells fired by … on … in Aleppo").
        ("Six civilians were killed and 12 others were injured by rocket shells fired by "
         "terrorist groups on al-Athamiyeh neighborhood in Aleppo city on Tuesday.", "killed",
         "Aleppo"),
        # A subordinate clause of circumstance places an event that names no place.
        ("Three people were killed while shopping at a market in Raqqa.", "killed", "Raqqa"),
        # A generic verb in a relative clause is the attack noun's ("which hit").
        ("Four civilians were killed in an airstrike which hit the town of Saraqib.",
         "killed", "Saraqib"),
        # An event in a "where" clause is at the place the clause describes.
        ("Inspectors will visit the city of Aleppo where the government reported a chemical "
         "attack on March 19.", "chemical attack", "Aleppo"),
        # The object of the clause of circumstance places it too.
        ("He was captured while carrying out an attack in northern Israel in 1979.",
         "captured", "Israel"),
        ("A journalist was shot while filming amid violent protests in Aleppo.", "shot",
         "Aleppo"),
        # A march through a city is in it.
        ("More than 300 activists marched through Kyoto under persistent rain.", "marched",
         "Kyoto"),
        # A locative on the trigger counts across the comma that sets it apart.
        ("Another roadside bomb detonated at about 8:50 a.m. (0450 GMT) near the stadium in "
         "eastern Baghdad.", "detonated", "Baghdad"),
        # A page's keyword list run into the first sentence names no event's place.
        ("Tags Syria Raqqa Aleppo Russia At least 30 people were killed by Russian "
         "airstrikes on Friday.", "killed", None),
    ],
)
def test_events_place_governed_by_the_event(pipeline: Pipeline, text: str, trigger: str,
                                            place: str | None) -> None:
    (record,) = pipeline.run([Document(id="place", text=text)])
    assert isinstance(record, DocumentRecord)
    # The trigger, or a merged mention that starts with it ("killed and … wounded when …").
    event = next(e for e in record.events if e.span.surface(text).startswith(trigger))
    names = {p.id: p.name for p in record.places}
    assert (names.get(event.place) if event.place else None) == place


@pytest.mark.parametrize(
    ("text", "place", "source"),
    [
        # The lead tells the count, the detail a few sentences on tells where: one incident.
        ("At least four people were killed in airstrikes on Friday. A mosque was also "
         "destroyed. Four civilians were killed in an airstrike on the town of Saraqib.",
         "Saraqib", "killed in an airstrike"),
        # Another count is another incident: no place is borrowed.
        ("At least four people were killed in airstrikes on Friday. A mosque was also "
         "destroyed. Nine civilians were killed in an airstrike on the town of Saraqib.",
         None, None),
        # Too far apart to be told as one incident.
        ("At least four people were killed in airstrikes on Friday. " + "The war goes on. " * 5
         + "Four civilians were killed in an airstrike on the town of Saraqib.", None, None),
    ],
)
def test_events_place_of_the_same_incident_told_again(
        pipeline: Pipeline, text: str, place: str | None, source: str | None) -> None:
    (record,) = pipeline.run([Document(id="retold", text=text)])
    assert isinstance(record, DocumentRecord)
    lead = record.events[0]
    assert lead.span.surface(text).startswith("killed")
    names = {p.id: p.name for p in record.places}
    assert (names.get(lead.place) if lead.place else None) == place
    by_id = {e.id: e for e in record.events}
    got = by_id[lead.place_from].span.surface(text) if lead.place_from else None
    assert (got is not None and source is not None and got.startswith(source.split()[0])
            ) or got == source
    if lead.place_from:
        assert by_id[lead.place_from].place == lead.place


def test_events_weaponless_report_takes_the_attacks_place(pipeline: Pipeline) -> None:
    text = "An air strike hit a market in Idlib. At least 12 people were killed."
    (record,) = pipeline.run([Document(id="inherit", text=text)])
    assert isinstance(record, DocumentRecord)
    strike, killing = record.events
    assert killing.place == strike.place is not None
    assert killing.place_from == strike.id
    assert strike.place_from is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The government reported a chemical attack on March 19.", ["chemical attack"]),
        ("Thousands marched in Aleppo on 5 March.", ["marched"]),
    ],
)
def test_events_time_expressions_are_no_triggers(pipeline: Pipeline, text: str,
                                                 expected: list[str]) -> None:
    (record,) = pipeline.run([Document(id="month", text=text)])
    assert isinstance(record, DocumentRecord)
    assert [e.span.surface(text) for e in record.events] == expected


@pytest.mark.parametrize(
    ("text", "trigger", "source", "place"),
    [
        # An event placed nowhere but in the operation it happened during.
        ("Sassi was captured during the U.S.-led offensive in Afghanistan.", "captured",
         "offensive", "Afghanistan"),
        # A place that only locates another is not where the event happened.
        ("A policeman in Amara, south of Baghdad, was killed when assailants crept into his "
         "house.", "killed", None, "Amara"),
        ("Four contractors were killed in an ambush in Fallujah, 50 kilometers (30 miles) west "
         "of Baghdad.", "killed", None, "Al Fallūjah"),
        # Alone, the reference point is where the event is (near it).
        ("A soldier was shot in an ambush north of Karbala on Thursday.", "shot", None,
         "Karbala"),
    ],
)
def test_events_place_of_the_operation_and_reference_points(
        pipeline: Pipeline, text: str, trigger: str, source: str | None, place: str) -> None:
    (record,) = pipeline.run([Document(id="op", text=text)])
    assert isinstance(record, DocumentRecord)
    by_id = {e.id: e for e in record.events}
    event = next(e for e in record.events if e.span.surface(text).startswith(trigger))
    names = {p.id: p.name for p in record.places}
    assert event.place is not None and names[event.place] == place
    got = by_id[event.place_from].span.surface(text) if event.place_from else None
    assert got == source
