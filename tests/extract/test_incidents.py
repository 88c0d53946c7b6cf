"""Within one article: which mentions are one incident, and which incident is the lead."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.factories import full_record
from wirescope.extractors import incidents
from wirescope.ingest.text import with_headline
from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord

PUBLISHED = dt.date(2016, 5, 27)


def _record(pipeline: Pipeline, text: str) -> DocumentRecord:
    (record,) = pipeline.run([Document(id="t", text=text, published=PUBLISHED)])
    assert isinstance(record, DocumentRecord), record
    return record


def _incidents(record: DocumentRecord) -> list[list[str]]:
    """Triggers grouped by incident, in text order."""
    text = record.document.text
    groups: dict[str, list[str]] = {}
    for ev in record.events:
        if ev.incident is not None:
            groups.setdefault(ev.incident, []).append(ev.span.surface(text))
    return list(groups.values())


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # a weaponless casualty report is the attack just told
    ("Air strikes hit a market in Aleppo on Tuesday. At least 12 people were killed.", 1),
    # a detail with no place or day of its own continues the incident
    ("A man was shot on Main Street in Tulsa on Sunday night. He died at the hospital.", 1),
    # ... in the next paragraph too
    ("Air strikes hit a crowded market in Aleppo on Tuesday, the Observatory said.\n\n"
     "The Observatory said 30 people were wounded in the strikes.", 1),
    # the same stated day, one mention naming no place: one incident
    ("Ketron Nathan, a father of three, was shot and killed early Sunday in a shooting at "
     "the Jumbo Pocket Sports Bar in Arlington.", 1),
    ("Two men were shot on Saturday night, police said. Officers found one of them at a gas "
     "station in Tulsa on Saturday.", 1),
    # ... but not two different death tolls of that day
    ("Air strikes killed five people in Idlib on Monday. Shelling killed three civilians on "
     "Monday.", 2),
    # ... and a killer's own death is no other toll: one more dead of the incident
    ("Three people were killed in a shooting on Main Street in Tulsa on Sunday. The gunman "
     "then turned the gun on himself.", 1),
    ("A man shot and killed his two children at a home in Tulsa. He then took his own "
     "life.", 1),
    ("Police said the gunman killed four people at the factory in Tulsa. The shooter "
     "later ended his own life in a nearby field.", 1),
    ("Seven people were injured in a shooting at a nightclub on Sunday. Teasley said it "
     "brought back memories from February 2005 when her husband was murdered at a "
     "nightclub.", 2),
    ("Two men were shot outside a bar on Friday night. Last summer, one man was killed and "
     "eight people were injured when two men opened fire on a group at the same bar.", 2),
    # ... a period that holds the day is no other incident
    ("A man was shot on Main Street on May 3. He died in May at the hospital.", 1),
    # two places apart are two incidents
    ("Air strikes killed five people in Idlib on Monday. In Hama, shelling killed three "
     "civilians.", 2),
    # the same count in the same place, on two days, is two incidents
    ("Gunmen killed two soldiers in Daraa on Monday. On Thursday, gunmen killed two "
     "policemen in Daraa.", 2),
    # a territory change and a bombing are different families
    ("Militants seized the village of Zerba on Monday. Separately, a car bomb exploded in "
     "Damascus on Tuesday, killing seven people.", 2),
])
def test_incidents_within_article(pipeline: Pipeline, text: str, expected: int) -> None:
    record = _record(pipeline, text)
    assert len(_incidents(record)) == expected, _incidents(record)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The army will strike Idlib tomorrow, the minister said.",
    "Russia threatened to conduct air strikes against the militants.",
    "The two sides agreed on a ceasefire in Aleppo on Friday.",
])
def test_incidents_plans_threats_and_statements_are_none(pipeline: Pipeline,
                                                          text: str) -> None:
    record = _record(pipeline, text)
    assert all(ev.incident is None for ev in record.events)
    assert record.lead_event is None and record.lead_via is None


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "via"), [
    ("Air strikes hit a market in Aleppo on Tuesday. At least 12 people were killed.",
     "killed", "first_victims"),
    # a count that names its victims is the incident's own report, a bare toll a summary
    ("The death toll in Idlib rose to 50 on Monday. Seven civilians were killed in an air "
     "strike on a market in Maarat al-Numan on Monday.", "killed in an air strike",
     "first_victims"),
    ("Four children were killed when shells hit a school in Douma on Sunday.",
     "killed when shells hit", "first_victims"),
    ("Shelling on Douma on Sunday left 14 dead.", "Shelling on Douma on Sunday left 14 dead",
     "first_fatal"),
    # no one killed: the first mention that counts people hurt or shot
    ("Deputies in Ellsworth County are investigating a reported accidental shooting. \n\n"
     "Police found a teenage boy injured with a gunshot wound to the chest.",
     "injured with a gunshot wound",
     "first_casualties"),
    ("Police responded to a shooting on Mayview Drive on Tuesday.\n\nA family member said "
     "two men had been shot.", "shot", "first_casualties"),
    # an arrest "in connection with the shooting" is a report about the shooting
    ("Police arrested a man on Friday in connection with the shooting of a teenager in "
     "Dallas.", "shooting", "first_violence"),
    ("Militants seized the village of Zerba on Monday. Separately, a car bomb exploded in "
     "Damascus on Tuesday, killing seven people.", "exploded in Damascus on Tuesday, killing",
     "first_victims"),
])
def test_incidents_lead_event(pipeline: Pipeline, text: str, trigger: str, via: str) -> None:
    record = _record(pipeline, text)
    lead = next(ev for ev in record.events if ev.id == record.lead_event)
    assert lead.span.surface(text) == trigger
    assert record.lead_via == via
    assert lead.incident is not None


def _headed(pipeline: Pipeline, title: str, body: str) -> DocumentRecord:
    text = with_headline(title, body)
    (record,) = pipeline.run([Document(id="h", text=text, title=title, published=PUBLISHED)])
    assert isinstance(record, DocumentRecord), record
    return record


@pytest.mark.model
@pytest.mark.parametrize(("title", "body", "joined"), [
    # a headline tells the body's incident that gives its count ...
    ("Air strikes kill 26 people in Idlib",
     "A photo shows a damaged building. Air strikes on a hospital in Idlib on Tuesday killed "
     "26 people.", "Air strikes on a hospital"),
    # ... else the one at its place ...
    ("Man shot dead in Tulsa",
     "Police in Dallas arrested a man on Monday. In Tulsa, a man was shot on Main Street on "
     "Sunday night.", "shot"),
    # ... whoever the headline's capitals name ("Barrel" read as an actor)
    ("Barrel bomb attack kills 11 children in Syrias Aleppo",
     "Fifteen civilians, among them 11 children, were killed in a barrel bomb attack on the "
     "eastern neighbourhoods of Aleppo on Thursday.", "killed in a barrel bomb attack"),
])
def test_incidents_headline_joins_the_incident_it_tells(
        pipeline: Pipeline, title: str, body: str, joined: str) -> None:
    record = _headed(pipeline, title, body)
    text = record.document.text
    top = len(title)
    heads = {ev.incident for ev in record.events if ev.span.end <= top and ev.incident}
    told = {ev.incident for ev in record.events
            if ev.span.start > top and ev.span.surface(text).startswith(joined)}
    assert heads and heads <= told, _incidents(record)
    # the body tells the lead; the headline's words never replace it
    lead = next(ev for ev in record.events if ev.id == record.lead_event)
    assert lead.span.start > top and record.lead_via != "headline"


@pytest.mark.model
@pytest.mark.parametrize(("title", "body", "trigger", "via"), [
    # the body incident that gives the headline's count is the article's, though a killing
    # it recalls counts a death first
    ("Shooting that injured eight was act of retaliation, police say",
     "Police said the attack was in retaliation for a Labor Day shooting that left one "
     "person dead.\n\nEight people were injured in the shooting on Preston Street on "
     "Saturday evening.", "injured", "headline_count"),
    ("Five teens shot after basketball tournament",
     "A man was killed on Elm Street last month, police said.\n\nFive teens were shot on "
     "Saturday evening after a basketball tournament in Memphis.", "shot", "headline_count"),
    ("3 dead, 2 hurt in shooting at Bristol home",
     "The victim's brother was killed in 2014, neighbours said.\n\nThree people were killed "
     "and two were hurt when a gunman opened fire at a home in Bristol on Friday.",
     "killed", "headline_count"),
    # a lone victim's count tells no incident apart: the usual order
    ("Man shot dead in Tulsa",
     "A woman was killed in Dallas on Monday.\n\nIn Tulsa, a man was shot dead on Main "
     "Street on Sunday.", "killed", "first_victims"),
    # a headline count the body never gives again: the usual order
    ("Four shot in weekend violence",
     "Two men were killed in a shooting on Elm Street on Saturday, police said.",
     "killed", "first_victims"),
])
def test_incidents_lead_is_the_incident_that_tells_the_headlines_count(
        pipeline: Pipeline, title: str, body: str, trigger: str, via: str) -> None:
    record = _headed(pipeline, title, body)
    text = record.document.text
    lead = next(ev for ev in record.events if ev.id == record.lead_event)
    assert lead.span.start > len(title), _incidents(record)
    assert lead.span.surface(text).startswith(trigger), _incidents(record)
    assert record.lead_via == via, _incidents(record)


@pytest.mark.model
@pytest.mark.parametrize(("title", "body"), [
    ("Teen injured in accidental shooting", "Windy with thunderstorms this morning. High 67F."),
    ("Two killed in Chicago shooting", "Sign in using your profile. Related stories below."),
    # a body whose only incident is no violence (a video list's arrest) tells no story
    ("Six injured in shooting at Fort Worth party",
     "11:30\n\nTwo views of Jacqueline Craig's arrest: see the bodycam and cell phone videos."),
    ("Three killed in attack on Aleppo market",
     "Watch: police arrest two protesters outside the embassy. More videos below."),
])
def test_incidents_headline_is_the_lead_of_a_page_without_story(
        pipeline: Pipeline, title: str, body: str) -> None:
    record = _headed(pipeline, title, body)
    lead = next(ev for ev in record.events if ev.id == record.lead_event)
    assert lead.span.end <= len(title) and record.lead_via == "headline"


@pytest.mark.model
def test_incidents_share_the_place_within_an_incident(pipeline: Pipeline) -> None:
    text = "Air strikes hit a market in Aleppo on Tuesday. At least 12 people were killed."
    record = _record(pipeline, text)
    strike, killed = record.events
    assert killed.place == strike.place and killed.place_from == strike.id


@pytest.mark.parametrize(("factuality", "sub_type", "family"), [
    ("asserted", "Shelling/artillery/missile attack", "violence"),
    ("ongoing", "Armed clash", "violence"),
    ("denied", "Attack", "violence"),
    ("planned", "Air/drone strike", None),
    ("threatened", "Air/drone strike", None),
    ("hypothetical", "Attack", None),
    ("asserted", "Agreement", None),
    ("asserted", "Arrests", "coercion"),
    ("asserted", "Government regains territory", "territory"),
])
def test_incidents_family(factuality: str, sub_type: str, family: str | None) -> None:
    event = dataclasses.replace(full_record().events[0], factuality=factuality,
                                acled_sub_event_type=sub_type)
    assert incidents.family(event) == family


def test_incidents_ids_are_stable_and_failures_recorded(pipeline: Pipeline) -> None:
    record = full_record()
    first, second = incidents.finish(record), incidents.finish(record)
    assert first == second
    assert first.lead_event == "ev1" and first.lead_via == "first_victims"
    assert first.events[0].incident == incidents.incident_id("doc-1", "ev1")
    assert first.events[1].incident is None  # a threat is no incident
