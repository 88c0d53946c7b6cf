"""Events: the samples' acceptance, arguments, claims and the record invariants."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wirescope import samples
from wirescope.export import from_contract, to_contract, validate
from wirescope.extractors import names
from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord, Event
from wirescope.store import SQLiteStore

SAMPLE_000 = "000_8dde5e3359083d7f"
SAMPLE_002 = "002_78a8e296ec90cd12"


def _run(pipeline: Pipeline, text: str) -> DocumentRecord:
    (record,) = pipeline.run([Document(id="ev", text=text)])
    assert isinstance(record, DocumentRecord)
    return record


def _sample(pipeline: Pipeline, doc_id: str) -> DocumentRecord:
    (document,) = [d for d in samples.load() if d.id == doc_id]
    (record,) = pipeline.run([document])
    assert isinstance(record, DocumentRecord)
    return record


def _trigger(record: DocumentRecord, event: Event) -> str:
    return record.document.text[event.span.start : event.span.end]


def _at(record: DocumentRecord, words: str, trigger: str) -> Event:
    """The event whose sentence holds ``words`` and whose trigger holds ``trigger``."""
    text = record.document.text
    found = [e for e in record.events if e.sentence is not None
             and words in text[e.sentence.start : e.sentence.end]
             and trigger in _trigger(record, e)]
    assert found, f"no event {trigger!r} in the sentence with {words!r}"
    return found[0]


def _place_name(record: DocumentRecord, event: Event) -> str | None:
    return next((p.name for p in record.places if p.id == event.place), None)


def _speaker(record: DocumentRecord, event: Event) -> str | None:
    quotes = {q.id: q for q in record.quotes}
    return quotes[event.attributed_to].speaker if event.attributed_to else None


def test_events_extractor_is_registered_and_default(pipeline: Pipeline) -> None:
    assert "events.rules.v1" in names()
    assert "events.rules.v1" in [e.name for e in pipeline.extractors]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkish artillery shelled Kurdish positions and militants attacked the village.",
         [("ASSAULT", "shelled"), ("ASSAULT", "attacked")]),
        ("The army arrested ten activists, and rebels kidnapped two journalists.",
         [("COERCE", "arrested"), ("ASSAULT", "kidnapped")]),
        ("Russia proposed a ceasefire while Turkey deployed troops to the border.",
         [("AGREE", "proposed"), ("MOBILIZE", "deployed")]),
    ],
)
def test_events_several_per_sentence(pipeline: Pipeline, text: str,
                                     expected: list[tuple[str, str]]) -> None:
    record = _run(pipeline, text)
    assert [(e.type, _trigger(record, e)) for e in record.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # headline verbs the tagger took for nouns: an age before a participle, a verb in
        # -s with a pronoun object, a participle the lemmatiser left as it is
        ("16-year-old shot outside of club in east Charlotte, police say",
         [("ASSAULT", "shot")]),
        ("3-year-old kills herself with loaded gun in Lemoore", [("ASSAULT", "kills")]),
        ("Boy slain in apparent gun accident identified", [("ASSAULT", "slain")]),
        # a plural noun with a determiner stays a noun
        ("The kills of the season were counted by the hunters.", []),
    ],
)
def test_events_headline_verbs_the_tagger_took_for_nouns(
        pipeline: Pipeline, text: str, expected: list[tuple[str, str]]) -> None:
    record = _run(pipeline, text)
    assert [(e.type, _trigger(record, e)) for e in record.events] == expected


@pytest.mark.parametrize("notice", [
    "Sign in using your wsoc profile",
    "Click on the button below to set up your account or log in if you already have one.",
    "Visit us and sign in to update your profile and keep up to date with mobile alerts.",
])
def test_events_none_in_the_sites_notices(pipeline: Pipeline, notice: str) -> None:
    """What the page says to its reader about the site ("sign in", "set up your account")
    holds no event; the article around it keeps its own."""
    text = "A man was shot on Main Street on Sunday, police said.\n\n" + notice
    record = _run(pipeline, text)
    assert [(e.type, _trigger(record, e)) for e in record.events] == [("ASSAULT", "shot")]


def test_events_none_in_a_list_of_links(pipeline: Pipeline) -> None:
    """Related headlines and video titles on the page are not the article's events."""
    text = ("A man was shot on Main Street on Sunday night, police said.\n\n"
            "RELATED ARTICLES\n+ Woman killed in crash on I-65\n"
            "+ Neighbor describes moments before police shot, killed man\n"
            "+ Two men stabbed outside a bar identified")
    record = _run(pipeline, text)
    assert [_trigger(record, e) for e in record.events] == ["shot"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The United States urged Russia to withdraw its troops.", ("REQUEST", "urged")),
        ("Iran threatened to shell Iraqi towns.", ("THREATEN", "threatened")),
        ("Hungary agreed to cooperate with Romania.", ("AGREE", "agreed")),
        ("Pakistan refused to deploy peacekeepers in Iraq.", ("REJECT", "refused")),
        ("Students staged a hunger strike to demand reforms.", ("PROTEST", "hunger strike")),
        ("The minister telephoned his counterpart to discuss the crisis.",
         ("CONSULT", "telephoned")),
    ],
)
def test_events_speech_act_absorbs_its_content(pipeline: Pipeline, text: str,
                                               kept: tuple[str, str]) -> None:
    record = _run(pipeline, text)
    assert [(e.type, _trigger(record, e)) for e in record.events] == [kept]


@pytest.mark.parametrize(
    ("text", "kind", "mode"),
    [
        ("Iran threatened to shell Iraqi towns.", "THREATEN", "violence"),
        ("The militants vowed to attack the city.", "THREATEN", "violence"),
        ("The government threatened to impose a curfew.", "THREATEN", "restrict"),
        ("The envoy urged the rebels to release the hostages.", "REQUEST", "yield"),
        ("The ministers offered to hold talks next week.", "AGREE", None),
    ],
)
def test_events_speech_act_mode_from_content(pipeline: Pipeline, text: str, kind: str,
                                             mode: str | None) -> None:
    (event,) = _run(pipeline, text).events
    assert (event.type, event.mode) == (kind, mode)


@pytest.mark.parametrize(
    ("text", "actors", "targets"),
    [
        ("Turkish artillery shelled Kurdish militia positions.",
         ["kb-turkey-armed-forces"], ["Kurdish"]),
        ("Russian warplanes bombed Al-Nusra Front positions near Idlib.",
         ["kb-russia-aerospace-forces"], ["kb-al-nusra"]),
        ("Al-Nusra Front was attacked by the Syrian Army.", ["kb-syria-army"], ["kb-al-nusra"]),
        ("The United States urged Russia to withdraw.", ["kb-us-government"],
         ["kb-russia-government"]),
    ],
)
def test_events_actors_and_targets_are_canonical_entities(
        pipeline: Pipeline, text: str, actors: list[str], targets: list[str]) -> None:
    record = _run(pipeline, text)
    (event,) = record.events
    names_ = {e.id: e.name for e in record.entities}
    got_targets = [t if t.startswith("kb-") else names_[t] for t in event.targets]
    assert list(event.actors) == actors
    assert got_targets == targets


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # who used the weapon or carried out the attack, said in a participle clause after it
        ("Twelve civilians were killed by shelling carried out by regime forces on Douma.",
         ["kb-syria-army"]),
        ("Twelve people were killed in air strikes carried out by Russian warplanes on Idlib.",
         ["kb-russia-aerospace-forces"]),
        ("Five people were killed by a roadside bomb planted by Islamic State militants near "
         "Raqqa.", ["kb-islamic-state"]),
        ("A car bomb belonging to ISIS exploded in Azaz, killing 10.", ["kb-islamic-state"]),
        # ... or in the attack noun the trigger took in: its "by" phrase, its modifiers
        ("At least six civilians were killed in shelling by regime forces on the "
         "neighborhood on Sunday.", ["kb-syria-army"]),
        ("Syrian government air strikes killed at least 42 people in Idlib province.",
         ["kb-syria-government"]),
        ("Twelve people were killed in Russian air strikes on Idlib.", ["kb-russia-government"]),
        ("A US-led coalition airstrike killed at least 18 civilians on Tuesday in Raqqa.",
         ["kb-us-led-coalition"]),
        # ... and no agent where nothing says who
        ("Twelve people were killed in shelling on Douma.", []),
    ],
)
def test_events_agent_is_who_used_the_weapon(
        pipeline: Pipeline, text: str, actors: list[str]) -> None:
    record = _run(pipeline, text)
    (event,) = record.events
    assert list(event.actors) == actors


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # where the weapon's user is based is not where the event is ...
        ("At least four people were killed in airstrikes carried out by the regime in Syria.",
         None),
        ("Two civilians were killed by shells fired by rebels in Idlib.", None),
        # ... the event's own place is
        ("Two civilians were killed in Aleppo by shells fired by rebels in Idlib.", "Aleppo"),
        # ... and where the subject of the event is, is
        ("Iraqis in Tikrit demonstrated on Friday.", "Tikrīt"),
    ],
)
def test_events_place_is_not_where_the_weapon_user_is(
        pipeline: Pipeline, text: str, place: str | None) -> None:
    record = _run(pipeline, text)
    assert [_place_name(record, e) for e in record.events] == [place]


@pytest.mark.parametrize(
    ("text", "place", "located"),
    [
        # a toponym the gazetteer cannot place is still where the text says it happened:
        # the event names it, without coordinates (a coder geocodes it by hand)
        ("The militants killed in Rumaila were Tunisian nationals.", "Rumaila", False),
        ("At least 20 ISIS militants were killed in the recent clashes in Ain Issa.",
         "Ain Issa", False),
        ("At the weekend, the army captured the towns of Nyabibwe and Dutu.", "Nyabibwe", False),
        ("A farmer was shot dead in Kheshkhash, the agency said.", "Kheshkhash", False),
        # ... but a place the gazetteer knows, governing the event as well, comes first
        ("Three soldiers were killed in Kheshkhash and Aleppo.", "Aleppo", True),
        ("Militants were killed in Karachi.", "Karachi", True),
    ],
)
def test_events_place_the_gazetteer_cannot_locate_is_still_named(
        pipeline: Pipeline, text: str, place: str, located: bool) -> None:
    record = _run(pipeline, text)
    places = {p.id: p for p in record.places}
    (event,) = record.events
    found = places[event.place] if event.place else None
    assert found is not None and found.name == place
    assert (found.lat is not None) is located


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a verb the trigger is coordinated with says where
        ("Noor Jehan was shot five times and left for dead in a ditch on the outskirts of "
         "Karachi.", "Karachi"),
        # a clause about the scene or the participants puts them there
        ("She was fatally shot along with her husband at a shop they ran in Colombo.",
         "Colombo"),
        ("A guard was killed at a checkpoint that the army had set up in Homs.", "Homs"),
        ("The gunmen who were hiding in an orchard near Kandahar shot two policemen.",
         "Kandahār"),
        # the operation it happened during took place there
        ("Those inmates were shot during the German occupation of Latvia.", "Latvia"),
        ("Several fighters were wounded during the siege of Kobani.", "‘Ayn al ‘Arab"),
        # a country naming a victim's or a unit's nationality is not where it happened ...
        ("A roadside bomb killed a U.S. adviser in western Afghanistan.", "Afghanistan"),
        ("A bomb hit a U.S. patrol near Duluiyah.", "Duluiyah"),
        ("Gunmen shot a British engineer outside his hotel in Lagos.", "Lagos"),
        # ... nor where a person is from
        ("Four Americans of North Carolina were killed in an ambush in Fallujah.",
         "Al Fallūjah"),
        # ... but a patient that is a place, or is somewhere, places the event
        ("The owner of a posh Sofia restaurant was shot dead.", "Sofia"),
        ("The rebels have captured half of Zaire.", "Zaire"),
        ("An air strike hit a market in Idlib.", "Idlib"),
    ],
)
def test_events_place_from_the_scene_not_a_victims_nationality_or_home(
        pipeline: Pipeline, text: str, place: str) -> None:
    record = _run(pipeline, text)
    assert _place_name(record, record.events[0]) == place


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # an attack noun named after where it happened is there
        ("Police arrested a second suspect in the deadly Lacey-area shooting.", "shooting",
         "Lacey"),
        ("Police have identified the victim of Saturday's Brooklyn shooting.", "shooting",
         "Brooklyn"),
        ("A man was arrested in the Oklahoma City shooting that injured a boy.",
         "shooting that injured",
         "Oklahoma City"),
        ("Survivors of the Orlando nightclub shooting met the governor on Sunday.", "shooting",
         "Orlando"),
        # ... its own locative first
        ("The Brooklyn man was killed in a shooting in Harlem.", "killed in a shooting",
         "Harlem"),
        # ... and a country before it names who struck, not where; a possessive, whose
        ("A U.S. airstrike killed 12 people on Monday.", "airstrike killed", None),
        ("Police are looking for the men responsible for Ariana's shooting.", "shooting",
         None),
        # ... nor a day's name or a state
        ("Police identified the victims of the Independence Day shooting.", "shooting", None),
        ("Police identified the victim of the Texas church shooting.", "shooting", None),
    ],
)
def test_events_place_an_attack_noun_is_named_after(
        pipeline: Pipeline, text: str, trigger: str, place: str | None) -> None:
    record = _run(pipeline, text)
    (event,) = [e for e in record.events if _trigger(record, e) == trigger]
    assert _place_name(record, event) == place


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # an attack noun naming the incident its victims, suspect or survivors are part of
        # reports that the incident happened
        ("Coroner releases identities of Dutterow Road shooting victims", "shooting"),
        ("The shooting suspect was arrested on Monday.", "shooting"),
        ("The bombing victims were buried on Sunday.", "bombing"),
        ("Relatives of the shooting victims gathered outside the court.", "shooting"),
    ],
)
def test_events_attack_noun_before_its_victims_is_the_incident(
        pipeline: Pipeline, text: str, trigger: str) -> None:
    record = _run(pipeline, text)
    assert any(_trigger(record, e) == trigger and e.type == "ASSAULT" for e in record.events)


def test_events_attack_noun_before_a_weapon_is_no_event(pipeline: Pipeline) -> None:
    assert not any(e.type == "ASSAULT" for e in _run(
        pipeline, "Attack helicopters flew over the city on Monday.").events)


def test_events_claims_and_own_voice(pipeline: Pipeline) -> None:
    record = _run(pipeline, 'Russian jets struck oil sites on Friday. "Turkish artillery '
                            'continues shelling border settlements," Sergey Rudskoy said.')
    strike = _at(record, "oil sites", "struck")
    shelling = _at(record, "Turkish artillery", "shelling")
    assert strike.attributed_to is None
    assert _speaker(record, shelling) == "kb-sergei-rudskoy"


def test_events_time_is_the_governing_expression(pipeline: Pipeline) -> None:
    record = _run(pipeline, "Since May 20, Russian warplanes have increased airstrikes on "
                            "oil sites. Rebels shelled the city.")
    times = {t.id: t for t in record.times}
    strikes = _at(record, "oil sites", "airstrikes")
    shelling = _at(record, "Rebels shelled", "shelled")
    assert strikes.time is not None and times[strikes.time].text == "May 20"
    assert shelling.time is None  # no date in its sentence: nothing is guessed


@pytest.mark.parametrize(
    ("text", "trigger", "time"),
    [
        # an event named by a noun takes the time of its own phrase or clause ...
        ("Police are investigating a shooting Saturday night in Dayton.", "shooting",
         "Saturday night"),
        ("On Sunday, police responded to a shooting on Elm Street.", "shooting", "Sunday"),
        ("Police on Monday identified the victim of Saturday's shooting.", "shooting",
         "Saturday"),
        ("Police said Sunday that the shooting happened late Saturday.", "shooting",
         "late Saturday"),
        # ... not the day of the saying around what is said of it
        ("According to a NBC report Tuesday morning, Mateen's wife told the FBI she tried "
         "to talk her husband out of the Orlando nightclub shooting.", "shooting", None),
        ("At a rally Saturday, the mayor said the city would never forget the Elm Street "
         "shooting.", "shooting", None),
        # ... nor the day of a later act that names it: an arrest, a charge, a sentence
        ("Two more men were arrested Sunday in connection with the fatal Ocala shooting.",
         "shooting", None),
        ("A man was charged Monday in the shooting of a 5-year-old boy.", "shooting", None),
        ("Police arrested a man Tuesday in Saturday's shooting.", "shooting", "Saturday"),
        ("The man was sentenced Friday for the 2015 killing of his wife.", "killing", "2015"),
    ],
)
def test_events_time_of_an_event_noun_is_its_own_clauses(
        pipeline: Pipeline, text: str, trigger: str, time: str | None) -> None:
    record = _run(pipeline, text)
    (event,) = [e for e in record.events if _trigger(record, e) == trigger]
    times = {t.id: t for t in record.times}
    found = times.get(event.time) if event.time and not event.time_inherited else None
    assert (text[found.span.start : found.span.end] if found else None) == time


def test_events_spans_and_contract(pipeline: Pipeline) -> None:
    record = _run(pipeline, "At least 12 civilians were killed in an air strike on a market "
                            "in Idlib on Tuesday, the monitor said.")
    (event,) = record.events
    text = record.document.text
    assert text[event.span.start : event.span.end] == "killed in an air strike"
    assert event.sentence is not None
    assert text[event.sentence.start : event.sentence.end].startswith("At least 12")
    for quantity in event.quantities:
        assert event.sentence.start <= quantity.span.start < quantity.span.end <= len(text)
    validate(to_contract(record))


def test_events_sample_002_acceptance(pipeline: Pipeline, samples_dir: Path) -> None:
    record = _sample(pipeline, SAMPLE_002)
    times = {t.id: t for t in record.times}

    strikes = _at(record, "illegal oil production sites and oil smuggling", "airstrikes")
    assert (strikes.type, strikes.mode) == ("ASSAULT", "aerial")
    assert strikes.acled_sub_event_type == "Air/drone strike"
    assert strikes.actors == ("kb-russia-aerospace-forces",)
    assert strikes.time is not None and times[strikes.time].value == "2016-05-20"
    assert _speaker(record, strikes) == "kb-sergei-rudskoy"

    shelling = _at(record, "Turkish artillery units continue", "shell")
    assert shelling.acled_sub_event_type == "Shelling/artillery/missile attack"
    assert shelling.actors == ("kb-turkey-armed-forces",)
    assert shelling.factuality == "ongoing"

    takeover = _at(record, "al-Eis, Khan Tuman and Zerba", "take over")
    assert takeover.acled_sub_event_type == "Non-state actor overtakes territory"

    capture = _at(record, "power plant in Homs", "capture")
    assert capture.factuality == "attempted"

    groups = _at(record, "Sixty armed groups", "accepted")
    assert groups.acled_sub_event_type == "Agreement"
    assert [(q.value, q.unit) for q in groups.quantities] == [(60, "groups")]
    follow = _at(record, "Sixty armed groups", "follow")
    assert (follow.type, follow.mode) == ("RETREAT", "ceasefire")

    settlements = _at(record, "The number of settlements", "sign")
    assert (settlements.type, settlements.acled_sub_event_type) == ("SUPPORT", "Agreement")
    assert [(q.value, q.unit) for q in settlements.quantities] == [(120, "settlements")]


def test_events_sample_000_acceptance(pipeline: Pipeline, samples_dir: Path) -> None:
    record = _sample(pipeline, SAMPLE_000)

    tomorrow = _at(record, "as from tomorrow", "air strikes")
    assert (tomorrow.type, tomorrow.factuality) == ("ASSAULT", "planned")

    force = _at(record, "some 6,000 fighters", "gathered")
    assert force.type == "MOBILIZE"
    (fighters,) = force.quantities
    assert (fighters.value, fighters.unit, fighters.category) == (6000, "fighters", "combatants")
    assert fighters.qualifier == "about"

    eliminated = _at(record, "28,000 (35 percent)", "eliminated")
    assert eliminated.type == "ASSAULT"
    assert [(q.value, q.unit, q.category) for q in eliminated.quantities] == [
        (28000, "killed", "combatants")]
    assert _speaker(record, eliminated) == "kb-evgeny-lukyanov"

    threat = _at(record, "Starting May 25", "airstrikes")
    assert (threat.type, threat.mode, threat.factuality) == ("THREATEN", "violence",
                                                             "threatened")


def test_events_sentence_and_qualifier_round_trip(pipeline: Pipeline, store: SQLiteStore
                                                  ) -> None:
    record = _run(pipeline, "Air strikes killed at least 12 civilians in Idlib on Tuesday.")
    (event,) = record.events
    assert event.sentence is not None and event.quantities[0].qualifier == "at_least"
    assert from_contract(to_contract(record)).events == record.events
    store.put(record, signature="test", run_id=None)
    stored = store.get(record.document.id)
    assert stored is not None and stored.events == record.events


@pytest.mark.parametrize(
    ("text", "published", "time_text", "inherited"),
    [
        ("Wed 05 Apr 2017 Syrian jets struck Khan Sheikhoun, killing 70 people.", None,
         "Wed 05 Apr 2017", True),
        ("Syrian jets struck Khan Sheikhoun on Tuesday, killing 70 people.",
         dt.date(2017, 4, 5), "Tuesday", False),
        ("Syrian jets struck Khan Sheikhoun, killing 70 people.", dt.date(2017, 4, 5), None,
         True),
        ("Syrian jets struck Khan Sheikhoun, killing 70 people.", None, None, False),
    ],
)
def test_events_time_inherits_the_document_anchor(pipeline: Pipeline, text: str,
                                                  published: dt.date | None,
                                                  time_text: str | None,
                                                  inherited: bool) -> None:
    (record,) = pipeline.run([Document(id="t", text=text, published=published)])
    assert isinstance(record, DocumentRecord)
    strike = next(e for e in record.events if e.type == "ASSAULT")
    times = {t.id: t.text for t in record.times}
    assert (times.get(strike.time) if strike.time else None) == time_text
    assert strike.time_inherited is inherited
