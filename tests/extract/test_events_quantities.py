"""Quantities: each form of number, each unit and victim category, and what is no count."""

from __future__ import annotations

import pytest

from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord, Event, Quantity


def _quantities(pipeline: Pipeline, text: str) -> list[tuple[Quantity, str]]:
    (record,) = pipeline.run([Document(id="qty", text=text)])
    assert isinstance(record, DocumentRecord)
    return [(q, text[q.span.start : q.span.end]) for e in record.events for q in e.quantities]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (value, low, high, qualifier, surface)
        ("Air strikes killed 12 civilians.", (12, None, None, None, "12 civilians")),
        ("Air strikes killed 1,200 people.", (1200, None, None, None, "1,200 people")),
        ("Air strikes killed at least 12 civilians.",
         (12, 12, None, "at_least", "at least 12 civilians")),
        ("Air strikes killed more than 30 people.",
         (30, 30, None, "more_than", "more than 30 people")),
        ("Air strikes killed some 40 fighters.", (40, None, None, "about", "some 40 fighters")),
        ("Air strikes killed about 25 people.", (25, None, None, "about", "about 25 people")),
        ("Air strikes killed up to 50 people.", (50, None, 50, "up_to", "up to 50 people")),
        ("Air strikes killed nearly 20 people.", (20, None, 20, "nearly", "nearly 20 people")),
        ("Air strikes killed sixty people.", (60, None, None, None, "sixty people")),
        ("Air strikes killed twenty-five soldiers.",
         (25, None, None, None, "twenty-five soldiers")),
        ("Air strikes killed two hundred people.", (200, None, None, None, "two hundred people")),
        ("Air strikes killed twenty one people.", (21, None, None, None, "twenty one people")),
        # ACLED's vague numbers: tens 10, dozens 12, hundreds 100.
        ("Air strikes killed tens of people.", (10, 10, None, "vague", "tens of people")),
        ("Air strikes killed dozens of civilians.",
         (12, 12, None, "vague", "dozens of civilians")),
        ("Air strikes killed hundreds of people.", (100, 100, None, "vague", "hundreds of people")),
        ("Air strikes killed several civilians.",
         (None, None, None, "vague", "several civilians")),
    ],
)
def test_events_quantity_forms(pipeline: Pipeline, text: str,
                               expected: tuple[float | None, float | None, float | None,
                                               str | None, str]) -> None:
    ((quantity, surface),) = _quantities(pipeline, text)
    assert (quantity.value, quantity.low, quantity.high, quantity.qualifier, surface) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Air strikes killed 12 civilians.", [("killed", "civilians")]),
        ("Air strikes killed 12 people.", [("killed", "civilians")]),
        ("Air strikes killed 9 militants.", [("killed", "combatants")]),
        ("The strike killed 25 members of the Nusra Front.", [("killed", "combatants")]),
        ("Shelling of the town wounded 15 children and 4 women.",
         [("injured", "children"), ("injured", None), ("injured", "women")]),  # and the total
        ("The air strike killed 9 people, including 4 children.",
         [("killed", "civilians"), ("killed", "children")]),
        ("The army captured 20 militants.", [("captured", "combatants")]),
        ("The fighting displaced 3,000 residents.", [("displaced", "civilians")]),
        ("Rebels gathered 6,000 fighters near the city.", [("fighters", "combatants")]),
        ("Sixty armed groups accepted the ceasefire.", [("groups", None)]),
        ("The bombardment killed 48 people and left 100 injured.",
         [("killed", "civilians"), ("injured", None)]),
        ("The blast killed one soldier and wounded two others.",
         [("killed", "combatants"), ("injured", "combatants")]),
        # weapons counted in a casualty clause are weapons; a bomber is a person
        ("Terrorists fired more than 20 rocket shells on the town, killing two people.",
         [("shells", None), ("killed", "civilians")]),
        ("Rebels fired 13 mortars at the base, wounding three soldiers.",
         [("injured", "combatants")]),
        ("Two suicide bombers were killed at the checkpoint.", [("killed", "combatants")]),
        # ... and events counted are events
        ("Two attacks killed 12 people in Idlib.", [("attacks", None), ("killed", "civilians")]),
        ("Police said 2 shootings on Main Street left a man wounded.",
         [("shootings", None), ("injured", "civilians")]),
        ("The strikes caused 12 deaths.", [("killed", None)]),
        # ... and places and groups counted are places and groups
        ("Shelling hit three villages, killing five people.",
         [("settlements", None), ("killed", "civilians")]),
        ("Police investigate a shooting case spanning two counties that left a man dead.",
         [("settlements", None), ("killed", "civilians")]),
    ],
)
def test_events_quantity_units_and_categories(pipeline: Pipeline, text: str,
                                              expected: list[tuple[str, str | None]]) -> None:
    got = [(q.unit, q.category) for q, _ in _quantities(pipeline, text)]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "Air strikes hit 35 percent of the town.",
        "The offensive began in 2015 and hit the town.",
        "Rebels attacked the town, a 72-hour truce notwithstanding.",
        "Rebels shelled the town 20 km from the border.",
        "The air strikes killed a third of the fighters.",
        # One person by the article alone counts only as a casualty.
        "A woman said the air strikes hit the town.",
        "Rebels attacked a civilian area of the town.",
        # an address is no count
        "Gunmen opened fire in the 1200 block of Main Street.",
        # a number ending a name (a station), a decimal, an age: no one counted
        "Police shot at the car - WMC Action News 5 - Memphis, Tennessee",
        "Gunmen shot at a bus, WHIO TV 7 and 95.7 WHIO Radio reported.",
        "Gunmen shot at the house of Omar Khalil, 35, on Monday.",
        "Police shot at a truck - KSLA News 12 Shreveport, Louisiana",
        # counts of a charge are charges, not victims
        "He was charged with murder and 14 counts of aggravated battery with a firearm.",
        "He faces three counts of murder.",
        "He was charged with two counts of attempted murder in the shooting.",
        # a shot fired is a gunshot, not a person shot
        "One shot was fired into the air during the protest.",
        "Witnesses heard a single shot before the car sped away.",
    ],
)
def test_events_quantity_not_counts(pipeline: Pipeline, text: str) -> None:
    assert _quantities(pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a distance is a measure, however it is qualified: the people are counted alone
        ("A marksman shot the gunman from over 100 yards away.", [(1.0, "hit")]),
        ("Police killed the suspect from more than 200 feet away.", [(1.0, "killed")]),
        ("A sniper wounded two soldiers from about 800 metres.", [(2.0, "injured")]),
        ("Police fired at the convoy from more than 500 yards.", []),
    ],
)
def test_events_quantity_measure_is_no_count(pipeline: Pipeline, text: str,
                                             expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for q, _ in _quantities(pipeline, text)] == expected


def test_events_quantity_subset_is_not_summed(pipeline: Pipeline) -> None:
    got = [(q.value, q.category) for q, _ in _quantities(
        pipeline, "At least 30 people including 24 civilians were killed by air strikes.")]
    assert got == [(30, None), (24, "civilians")]


def test_events_quantity_by_reference(pipeline: Pipeline) -> None:
    got = _quantities(pipeline, "We estimate that the groups possessed about 80,000 fighters, "
                                "of whom 28,000 have already been eliminated.")
    assert [(q.value, q.unit, q.category, s) for q, s in got] == [
        (28000, "killed", "combatants", "28,000")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A subset named by an unmarked person noun is among the whole, not besides it.
        ("He said at least 31 people were killed including two medics.",
         [(31, "civilians"), (2, None)]),
        ("Air strikes killed 44 civilians including one rescue worker.",
         [(44, "civilians"), (1, None)]),
        # A subset named by its category still leaves the generic whole unmarked.
        ("At least 30 people including 24 civilians were killed by air strikes.",
         [(30, None), (24, "civilians")]),
        ("The blast killed 15 people including five policemen.",
         [(15, None), (5, "combatants")]),
    ],
)
def test_events_quantity_subsets(pipeline: Pipeline, text: str,
                                 expected: list[tuple[float, str | None]]) -> None:
    got = [(q.value, q.category) for q, _ in _quantities(pipeline, text) if q.unit == "killed"]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The doers of an attack are not its victims.
        ("At least 30 Kurdish fighters were killed when two suicide bombers detonated "
         "their trucks.", [(30, "killed", "combatants")]),
        # Combatants named as extremists or loyalists.
        ("The fighting left at least 11 extremists dead.", [(11, "killed", "combatants")]),
        ("The fighting killed 129 loyalists.", [(129, "killed", "combatants")]),
    ],
)
def test_events_quantity_victims(pipeline: Pipeline, text: str,
                                 expected: list[tuple[float, str, str | None]]) -> None:
    got = [(q.value, q.unit, q.category) for q, _ in _quantities(pipeline, text)
           if q.unit == "killed"]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A running toll of a period is no incident, even when a weapon is its subject.
        ("Since Thursday bombing has killed 44 civilians.", False),
        ("The bombardment since mid-February which has killed 132 civilians continued.", False),
        ("Reporters counted 66 journalists killed in 2014.", False),
        ("Air strikes killed 300 people during the past month.", False),
        ("Clashes have killed thousands of fighters this year.", False),
        # ... a total as it stands at a date, or from one year to another
        ("Citywide, 100 people were killed as of June 15, according to police statistics.",
         False),
        ("At least 100 children were killed in unintentional shootings between December, "
         "2012, and December, 2013.", False),
        ("Six people were killed between 2010 and 2012 in the county.", False),
        ("Two men were killed between 1 and 2 a.m. Sunday.", True),
        ("A man was killed as officers arrived on Sunday.", True),
        # ... or over a span of hours
        ("Six people were shot over a 24-hour period in Chicago.", False),
        ("Nine people were wounded during the past week.", False),
        # ... nor a toll spread over several incidents
        ("Six people were shot in three separate incidents on Friday night.", False),
        ("Twenty people were shot in 12 incidents across the city.", False),
        ("Two men were killed in several shootings over the weekend.", False),
        # ... over a weekend or a whole city
        ("Three people were wounded in weekend shootings in Chicago.", False),
        ("Two men were killed in shootings across the South Side over the weekend.", False),
        ("Fifteen people were wounded in shootings citywide on Saturday.", False),
        ("Fifteen people were wounded citywide on Saturday.", False),
        # ... a count of attacks up to the day of writing, or spread across an area
        ("So far this year, 1,200 people have been shot in Chicago.", False),
        ("At least 2,300 people have been shot in the city this year.", False),
        ("To date, 41 people have been shot in Flint.", False),
        ("Since the start of 2016, 41 children have been shot in Louisville.", False),
        ("Six people, including two boys, were wounded in Chicago shootings Sunday.", False),
        ("Three people were wounded in shootings on Sunday.", False),
        ("4 Wounded In Chicago Shootings Tuesday", False),
        ("Two men were killed in the shootings at the mall on Sunday.", True),
        ("More than 40 people were shot over the holiday weekend across the city.", False),
        ("Nine people were shot across Baltimore on Saturday.", False),
        ("A man was shot last month on Oak Street.", True),
        ("A man was shot across the street from his home.", True),
        # ... a headline's list of tolls too, its counts the participles' subjects
        ("4 killed, 16 wounded in Wednesday shootings across Chicago", False),
        ("Two killed, 9 wounded in weekend shootings across the South Side", False),
        ("5 Dead, 17 Wounded In Weekend Shootings", False),  # title case
        ("Two dead, 12 hurt in separate shootings on the East Side", False),
        ("3 killed, 5 wounded in shooting at Chicago party", True),
        ("Man shot in weekend shooting on South Side", True),
        # ... or told in the clause of the several incidents' noun
        ("Police are investigating three separate shootings that left four people wounded.",
         False),
        ("The five shootings that wounded 15 people in Norfolk were not related.", False),
        ("The two shootings that killed 3 people on Sunday were unrelated.", False),
        ("Four shootings which wounded six people happened overnight.", False),
        ("The shooting that left four people wounded happened overnight.", True),
        ("The three suicide bombings that killed 40 people shook the city.", True),
        # An incident stays.
        ("Bombing killed 44 civilians on Thursday.", True),
        ("Six people were shot in a shooting at a party on Friday night.", True),
        ("At least 25 people were killed in three suicide bombings on Sunday.", True),
        ("An air strike killed 12 people in Idlib.", True),
        ("A man was killed in a shooting over the weekend.", True),
        ("Two men died in the shooting on Friday.", True),
        ("A woman died on Sunday after she was shot in Tulsa.", True),
        ("Five civilians were killed in airstrikes on Douma.", True),  # one raid's strikes
    ],
)
def test_events_quantity_running_totals(pipeline: Pipeline, text: str, kept: bool) -> None:
    """An incident's toll is an event's; a running total or a toll of several incidents is
    no event but a tally, its counts kept (not lost) where no incident counts them."""
    (record,) = pipeline.run([Document(id="qty", text=text)])
    assert isinstance(record, DocumentRecord)

    def tolls(events: tuple[Event, ...]) -> list[float | None]:
        return [q.value for e in events for q in e.quantities
                if q.unit in ("killed", "injured", "hit")]

    assert bool(tolls(record.events)) is kept
    assert bool(tolls(record.tallies)) is not kept
    assert all(t.tally and t.incident is None for t in record.tallies)
    assert [t.id for t in record.tallies] == [f"tl{n}" for n in
                                               range(1, len(record.tallies) + 1)]
    assert not any(e.tally for e in record.events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "of them" takes the victims named before, unless they are counted already.
        ("The army clashed with the terrorists killing 16 of them.", [(16, "combatants")]),
        ("Air raids killed 1102 people and 234 of them were children.",
         [(1102, "civilians"), (234, None)]),
    ],
)
def test_events_quantity_pronouns(pipeline: Pipeline, text: str,
                                  expected: list[tuple[float, str | None]]) -> None:
    got = [(q.value, q.category) for q, _ in _quantities(pipeline, text) if q.unit == "killed"]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ACLED codes "a woman was killed" as one fatality.
        ("A woman was killed when a shell hit the market.", [(1, "killed", "women", "A woman")]),
        ("The air strike killed a child and wounded 4 people.",
         [(1, "killed", "children", "a child"), (4, "injured", "civilians", "4 people")]),
        ("An elderly man was wounded in the shelling.", [(1, "injured", "civilians",
                                                         "An elderly man")]),
        # A title-case headline verb the tagger took for a name, and a number it labelled
        # a date under a dateline.
        ("03-04-2016 Syrian Army Retakes Qaryatain City in Homs Kills over 50 Terrorists in "
         "Hama.", [(50, "killed", "combatants", "over 50 Terrorists")]),
        # A nominal killing counts its victims like the verb.
        ("The group released a video of the killing of two activists.",
         [(2, "killed", "civilians", "two activists")]),
    ],
)
def test_events_quantity_one_person_and_nominal_killing(
        pipeline: Pipeline, text: str, expected: list[tuple[float, str, str, str]]) -> None:
    got = [(q.value, q.unit, q.category, surface) for q, surface in _quantities(pipeline, text)]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one victim in the singular, described: ACLED's one fatality
        ("A 23-year-old man was shot and killed Sunday night in north St. Louis.",
         [(1.0, "killed", "civilians")]),
        ("A police officer was killed and two deputies were wounded near a casino.",
         [(1.0, "killed", "combatants"), (2.0, "injured", "combatants")]),
        ("Police said the victim, a 19-year-old man, died at the scene.",
         [(1.0, "killed", "civilians")]),
        # coordinated predicates: the gravest counts, "fatally" kills
        ("A teenager was fatally shot on Saturday.", [(1.0, "killed", "children")]),
        ("A man was stabbed and wounded on Main Street.", [(1.0, "injured", "civilians")]),
        ("Two men were shot and killed and a woman was wounded.",
         [(2.0, "killed", "civilians"), (1.0, "injured", "women")]),
        # a coordinated verb with its own object is about someone else
        ("Gunmen shot two people and killed a guard in Aleppo on Monday.",
         [(2.0, "hit", "civilians"), (1.0, "killed", "combatants")]),
        # the active subject of a killing verb is who kills, not a victim
        ("A suicide bomber killed four people at a checkpoint in Aleppo.",
         [(4.0, "killed", "civilians")]),
        ("Two gunmen killed five civilians in Daraa on Monday.",
         [(2.0, "fighters", "combatants"), (5.0, "killed", "civilians")]),
        # nor is the agent of a passive: who was killed (or shot) by them is
        ("The woman was killed by three gunmen on Sunday.",
         [(1.0, "killed", "women"), (3.0, "fighters", "combatants")]),
        ("A 17-year-old was standing on the corner when he was shot by two men, police said.",
         [(1.0, "hit", None), (2.0, "men", "civilians")]),
        ("Two people were wounded by gunmen in the city.", [(2.0, "injured", "civilians")]),
        # a passive coordinated with the doer's verb befalls the doer, not the object
        ("The suspect shot at officers and was killed.", [(1.0, "killed", "civilians")]),
        ("The gunman shot two men and was wounded by police.",
         [(1.0, "injured", "combatants"), (2.0, "hit", "civilians")]),
        ("The gunman shot two men and fled.", [(2.0, "hit", "civilians")]),
        ("Gunmen shot and killed two men.", [(2.0, "killed", "civilians")]),
        # a person named with a title takes the title's category
        ("Deputy Brad Garafola was killed in the ambush.", [(1.0, "killed", "combatants")]),
        ("Tre Edwards was killed on Sunday.", [(1.0, "killed", None)]),
        # ... but whoever dies is the victim
        ("A woman died after shelling hit her house in Douma.", [(1.0, "killed", "women")]),
        ("Three children died in the attack.", [(3.0, "killed", "children")]),
    ],
)
def test_events_quantity_who_is_a_victim(
        pipeline: Pipeline, text: str, expected: list[tuple[float, str, str | None]]) -> None:
    found = [(q.value, q.unit, q.category) for q, _ in _quantities(pipeline, text)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One person named in the singular is one casualty, however the text names them:
        # a description with "the", a possessive, an age, a name, "he"/"she".
        ("The 17-year-old was killed in a shooting on Friday morning.",
         [(1.0, "killed", "The 17-year-old")]),
        ("The boy was wounded when gunfire hit the house.", [(1.0, "injured", "The boy")]),
        ("His friend died at the hospital two days later.", [(1.0, "killed", "His friend")]),
        ("Alexon Moya, 16, died at Nassau University Medical Center on Friday.",
         [(1.0, "killed", "Alexon Moya")]),
        ("Police said he was killed by a stray bullet.", [(1.0, "killed", "he")]),
        ("A man was shot in the leg and she was injured by broken glass.",
         [(1.0, "injured", "she")]),
        ("Officers found that a 2-year-old had died of a gunshot wound.",
         [(1.0, "killed", "a 2-year-old")]),
        # a copula takes its subject to the predicate adjective
        ("By the time officers arrived, a 20-year-old man was dead in the street.",
         [(1.0, "killed", "a 20-year-old man")]),
        ("The victim was pronounced dead at the scene.", [(1.0, "killed", "The victim")]),
        # however many words describe the person after the article: an age, a home town
        ("A 16-year-old Rocky Mount boy was wounded Sunday.",
         [(1.0, "injured", "A 16-year-old Rocky Mount boy")]),
        ("A 16-year-old Chicago man was wounded Sunday.",
         [(1.0, "injured", "A 16-year-old Chicago man")]),
        # a headline's first word the tagger reads as an interjection ("Boy" as "Oh")
        ("Boy wounded in accidental shooting", [(1.0, "injured", "Boy")]),
        ("Boy killed in crash on Elm Street", [(1.0, "killed", "Boy")]),
        # no one person: a group, a denied predicate, no casualty, a doer
        ("The family was killed in the fire.", []),
        ("He was not injured in the crash.", []),
        ("No officer was hurt during the shootout.", []),
        ("The boy said the gunman fled on foot.", []),
        ("He shot and killed his neighbour on Sunday.", [(1.0, "killed", "his neighbour")]),
        # a person is a casualty of their own clause only: the pilot is not killed twice
        ("Militants killed a government pilot when he was forced to eject from his plane.",
         [(1.0, "killed", "a government pilot")]),
        ("The teenager who was wounded in the shooting is in stable condition.",
         [(1.0, "injured", "The teenager")]),
        # a graver fate in the clause beats what describes the person
        ("A man who was wounded in a shooting last week has died.",
         [(1.0, "killed", "A man")]),
        ("A woman injured in the blast died in hospital.", [(1.0, "killed", "A woman")]),
        # ... not for whoever is only the object of a killing verb ("killed 16 others
        # injured": a headline's two counts, the parse joining them)
        ("28 September 2016 One person killed 16 others injured in terrorists rocket attacks "
         "in Aleppo.", [(16.0, "injured", "16 others")]),
        # survivors are hurt, not killed; a supposed death counts no one; a noun alone
        # ("victim") is no casualty without a predicate
        ("All four victims survived the shooting and were in stable condition.",
         [(4.0, "injured", "four victims")]),
        ('"She could have been dead today," her mother said.', []),
        ("Paramedics wheeled a young victim to an ambulance after the shooting.", []),
        # "another" and "the other" standing alone are one person more
        ("One man was killed and another was wounded in the shooting.",
         [(1.0, "killed", "One man"), (1.0, "injured", "another")]),
        ("Teen killed, another wounded in St. Paul shooting",
         [(1.0, "killed", "Teen"), (1.0, "injured", "another")]),
        ("Police said one person died and another was taken to the hospital.",
         [(1.0, "killed", "one person"), (1.0, "injured", "another")]),
        ("Two teens were shot; one died and the other was wounded.",
         [(1.0, "killed", "one"), (1.0, "injured", "the other")]),
        # ... never a thing, nor anyone but a casualty
        ("Another shooting left a man dead on Monday.", [(1.0, "killed", "a man")]),
        ("Police arrested one suspect and are looking for another.", []),
    ],
)
def test_events_quantity_one_person_in_the_singular(
        pipeline: Pipeline, text: str, expected: list[tuple[float, str, str]]) -> None:
    got = [(q.value, q.unit, surface) for q, surface in _quantities(pipeline, text)
           if q.unit in ("killed", "injured")]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # shot or stabbed, the outcome unsaid: hit
        ("A 3-year-old was shot in South Toledo on Sunday.", [(1.0, "hit", "A 3-year-old")]),
        ("Two men were stabbed outside a bar early Sunday.", [(2.0, "hit", "Two men")]),
        ("Police shot the suspect after he opened fire on officers.",
         [(1.0, "hit", "the suspect")]),
        # the outcome said beside it counts instead: the gravest coordinated predicate, a
        # fatal adverb on the verb or on a part of the count
        ("A man was shot and wounded on Main Street.", [(1.0, "injured", "A man")]),
        ("A man was shot and killed on Main Street.", [(1.0, "killed", "A man")]),
        ("Three people were shot Tuesday night, one fatally.",
         [(3.0, "hit", "Three people"), (1.0, "killed", "one")]),
        # the subject suffers: a reflexive object, a headline's passive without "were"
        ("A police officer accidentally shot himself in the leg on Wednesday.",
         [(1.0, "hit", "A police officer")]),
        ("Woman killed on birthday, four others shot in Washington Heights.",
         [(1.0, "killed", "Woman"), (4.0, "hit", "four others")]),
        ("Two soldiers killed in ambush near Idlib.", [(2.0, "killed", "Two soldiers")]),
        # ... but whoever fires at, back or first is no victim
        ("The gunman shot at police before fleeing.", []),
        ("Police said the suspect shot first.", []),
        ("He shot and killed his neighbour on Sunday.", [(1.0, "killed", "his neighbour")]),
        # an age set off by commas is no count
        ("The boy was shot by another youth, 10, on Friday.", [(1.0, "hit", "The boy")]),
        ("Jamal Smith, 19, was stabbed in the back.", [(1.0, "hit", "Jamal Smith")]),
        ("Two others died: Larkin and Treavon Lewis, 22", [(2.0, "killed", "Two others"),
                                                            (1.0, "killed", "Larkin")]),
        ("Police: Ohioan shot himself and son, 10, while cleaning gun",  # the age is no
         [(1.0, "hit", "himself"), (2.0, "hit", "himself and son"), (1.0, "hit", "son")]),
        # a title-case verb before the number is no name
        ("Gunman Killed 5 In Dallas", [(5.0, "killed", "5")]),
        # "to death" kills; a wound suffered or a patient's state injures
        ("Teen shot to death in Roswell apartment complex.", [(1.0, "killed", "Teen")]),
        ("A man was stabbed to death outside a bar on Main Street.",
         [(1.0, "killed", "A man")]),
        ("A 13-year-old is in stable condition Friday after being shot in Elliston.",
         [(1.0, "injured", "A 13-year-old")]),
        ("The victim suffered a gunshot wound to the leg in the shooting.",
         [(1.0, "hit", "The victim")]),  # a wound named by its weapon: hit, outcome unsaid
        ("A 3-year-old sustained a fatal, self-inflicted wound on Sunday.",
         [(1.0, "killed", "A 3-year-old")]),
        ("He sustained non-life-threatening injuries in the shooting.",
         [(1.0, "injured", "He")]),
        ("Two men were shot in the attack and are in critical condition.",
         [(2.0, "injured", "Two men")]),
        # a complement's own outcome; a clause with a subject of its own keeps its people
        ("Police said a man was found shot to death in his home on Wednesday.",
         [(1.0, "killed", "a man")]),
        ("Four juveniles were injured by gunfire after a fight broke out between more than a "
         "dozen teens.", [(4.0, "injured", "Four juveniles")]),
        # a reflexive object is the subject's own: "shot and killed himself" kills him
        ("A 4-year-old boy accidentally shot and killed himself on Sunday.",
         [(1.0, "killed", "A 4-year-old boy")]),
        ("The suspect shot and killed himself as officers approached.",
         [(1.0, "killed", "The suspect")]),
        # "to death" on any of the coordinated verbs
        ("The teen was beaten and shot to death.", [(1.0, "killed", "The teen")]),
        ("A man was robbed, beaten and stabbed to death on Sunday.", [(1.0, "killed", "A man")]),
        # hurt; a wound suffered or suffered from; taken to a hospital, or with a wound
        ("A 13-year-old boy was hurt while playing with a round of live ammunition.",
         [(1.0, "injured", "A 13-year-old boy")]),
        ("Two people were hurt in the shooting.", [(2.0, "injured", "Two people")]),
        ("An 11-year-old boy suffered gunshot wounds in Enid on Monday.",
         [(1.0, "hit", "An 11-year-old boy")]),
        ("Police found the man suffering from a gunshot wound after the shooting.",
         [(1.0, "hit", "the man")]),
        ("The 16-year-old was taken to UMC with life-threatening injuries.",
         [(1.0, "injured", "The 16-year-old")]),
        ("The victim was rushed to a hospital after the shooting.",
         [(1.0, "injured", "The victim")]),
        ("A shooting sent a 13-year-old boy to a hospital with critical injuries.",
         [(1.0, "injured", "a 13-year-old boy")]),
        ("Two women were airlifted to a trauma center after the shooting.",
         [(2.0, "injured", "Two women")]),
        ("A woman remains in the hospital after the shooting on Friday.",
         [(1.0, "injured", "A woman")]),
        ("Two victims are still in the hospital after the shooting.",
         [(2.0, "injured", "Two victims")]),
        ("Another man was shot in the back and treated and released from the hospital.",
         [(1.0, "injured", "Another man")]),
        ("The boy was released from the hospital on Monday after the shooting.",
         [(1.0, "injured", "The boy")]),
        ("The man was taken to Mercy Hospital, where he died, after the shooting.",
         [(1.0, "killed", "The man"), (1.0, "killed", "he")]),
        # ... or where a clause after the hospital says so
        ("An ambulance crew took him to the hospital for treatment where he died.",
         [(1.0, "killed", "him")]),
        ("He was rushed to the hospital, where he was pronounced dead.",
         [(1.0, "killed", "He")]),
        ("Medics took the boy to Mercy Hospital for surgery, where he died hours later.",
         [(1.0, "killed", "the boy"), (1.0, "killed", "he")]),
        # ... or where the same sentence goes on to say that he (she) died
        ("He was rushed to hospital but police confirmed that he died shortly afterwards.",
         [(1.0, "killed", "he")]),
        ("She was taken to Grady Hospital and she died there on Tuesday.",
         [(1.0, "killed", "she")]),
        ("He was taken to the hospital, but she died at the scene.",
         [(1.0, "injured", "He"), (1.0, "killed", "she")]),
        # victims: hit, unless a crime word or what describes them says more
        ("Officers located four victims suffering from gunshot wounds outside the restaurant.",
         [(4.0, "hit", "four victims")]),
        ("Officers found four victims suffering from non-life-threatening injuries.",
         [(4.0, "injured", "four victims")]),
        ("Four victims were found dead in the home, all with gunshot wounds.",
         [(4.0, "killed", "Four victims")]),
        ("Police found two shooting victims running from the scene after the shooting.",
         [(2.0, "hit", "two shooting victims")]),
        ("Police said two homicide victims were found in the house after the shooting.",
         [(2.0, "killed", "two homicide victims")]),
        ("One victim is being treated for life-threatening injuries after the shooting.",
         [(1.0, "injured", "One victim")]),
        ("Three other victims received gunshot wounds in the shooting.",
         [(3.0, "hit", "Three other victims")]),
        ("A 54-year-old man had a gunshot wound to the back after the shooting.",
         [(1.0, "hit", "A 54-year-old man")]),
        # fired at a venue or a named place: where they were hit, not what was aimed at
        ("Two teens accidentally shot at Valencia Park birthday party",
         [(2.0, "hit", "Two teens")]),
        ("Two men were shot at a party on Saturday.", [(2.0, "hit", "Two men")]),
        ("Three people shot at a bar in Midtown early Sunday.",
         [(3.0, "hit", "Three people")]),
        # a headline's participle the tagger took for a noun or a name, after a number or
        # a person: people hit
        ("Police: 4 shot in northwest Atlanta.", [(4.0, "hit", "4")]),
        ("Five Shot During Party At Kankakee Banquet Hall", [(5.0, "hit", "Five")]),
        ("4-month-old baby shot while in mother's arms in DeKalb County",
         [(1.0, "hit", "baby")]),
        ("16-year-old shot outside of club in east Charlotte, police say",
         [(1.0, "hit", "16-year-old")]),
        # succumbing to injuries is dying of them
        ("The woman succumbed to her injuries on Sunday.", [(1.0, "killed", "The woman")]),
        ("The boy was taken to a hospital, where he later succumbed to his wounds.",
         [(1.0, "killed", "The boy"), (1.0, "killed", "he")]),
        # struck, hit or grazed by a bullet or gunfire: hit
        ("A 5-year-old girl was struck in the right hand by an apparent stray bullet "
         "Wednesday evening.", [(1.0, "hit", "A 5-year-old girl")]),
        ("A man was hit by gunfire outside a bar.", [(1.0, "hit", "A man")]),
        ("A pedestrian was struck by a car on Main Street.", []),
        # a title-case headline's person noun the tagger took for a name
        ("Man killed in Akron home", [(1.0, "killed", "Man")]),
        ("Man slain in Akron home", [(1.0, "killed", "Man")]),
        ("Woman Shot On South Side", [(1.0, "hit", "Woman")]),
        # ... or one a headline gives with an age, however it is parsed
        ("Boy, 14, fatally shot in O'Fallon Park neighborhood", [(1.0, "killed", "Boy")]),
        ("Boy, 14, shot dead in O'Fallon Park neighborhood", [(1.0, "killed", "Boy")]),
        ("Woman, 33, critically injured in shooting", [(1.0, "injured", "Woman")]),
        ("Girl, 5, wounded in drive-by shooting", [(1.0, "injured", "Girl")]),
        ("Man, 22, charged in shooting", []),
        # ... but not one standing after a number of its phrase (a plural the headline
        # left singular)
        ("Mon Oct 31 2016 Over 50 Jaysh Al Fateh Terrorist Killed in Clashes with Syrian "
         "Army.", []),
        # a person a clause describes takes its gravest predicate
        ("Police named a 14-year-old girl who was shot and killed last week.",
         [(1.0, "killed", "a 14-year-old girl")]),
        ("Police named a man who was shot and wounded on Friday.",
         [(1.0, "injured", "a man")]),
        # the casualty word right after a count or a person, however the headline parsed
        ("1 Dead, 6 Hurt After Shooting At Baby's Birthday Party",
         [(1.0, "killed", "1 Dead"), (6.0, "injured", "6")]),
        ("3 Killed, 2 Wounded In Overnight Shooting",
         [(3.0, "killed", "3"), (2.0, "injured", "2")]),
        ("Two dead, three injured in shooting at bar",
         [(2.0, "killed", "Two"), (3.0, "injured", "three")]),
        ("A shooting in San Bernardino left one man dead and four seriously wounded.",
         [(1.0, "killed", "one man"), (4.0, "injured", "four")]),
        ("Two men shot and killed in Oakland", [(2.0, "killed", "Two men")]),
        ("Teen shot dead in Chicago", [(1.0, "killed", "Teen")]),
        # ... not a word with an object or aimed at someone
        ("Two gunmen shot a guard at the gate.", [(1.0, "hit", "a guard")]),
        ("Two men shot at police officers on Sunday.", []),
        # where on the body it hit makes a headline's subject the victim
        ("Man shot in leg at Sig Sauer's Epping training facility", [(1.0, "hit", "Man")]),
        ("Randolph County deputy shot in Wedowee, standoff over", [(1.0, "hit", "deputy")]),
        ("Teen shot in the head at Valley Mall on Friday", [(1.0, "hit", "Teen")]),
        # a clause's subject the parser hung on "after"
        ("Police are investigating after a 4-year-old was shot in the hand at the hotel.",
         [(1.0, "hit", "a 4-year-old")]),
        ("Police arrived after the man was killed.", [(1.0, "killed", "the man")]),
        ("The officer was not injured in the shooting.", []),
        # a patient's state right after the person: injured
        ("Police: Woman critical after being accidently shot in face",
         [(1.0, "injured", "Woman")]),
        ("Teen in serious condition after shooting in Dayton", [(1.0, "injured", "Teen")]),
        ("Two men critical after shooting at party", [(2.0, "injured", "Two men")]),
        ("A man in good spirits said the shooting was an accident.", []),
        # headline clauses joined by a comma: each person by their own participle
        ("Chicago deacon killed, boy wounded on family's couch: report",
         [(1.0, "killed", "deacon"), (1.0, "injured", "boy")]),
        ("Man killed, woman hurt in Eastside shooting",
         [(1.0, "killed", "Man"), (1.0, "injured", "woman")]),
        # who dies by their own hand is counted, once
        ("Avoyelles Parish man kills 7-year-old daughter, himself",
         [(1.0, "killed", "daughter"), (1.0, "killed", "himself")]),
        ("The shooter then shot and killed himself.", [(1.0, "killed", "himself")]),
        ("The gunman shot two people before the suspect took his own life.",
         [(2.0, "hit", "two people"), (1.0, "killed", "his own life")]),
        ("A man fatally shot himself after the standoff.", [(1.0, "killed", "A man")]),
        # more people the parser coordinated with the verb before: their own verb counts them
        ("Three people were killed and at least 12 more were wounded in the shooting at the "
         "park.", [(3.0, "killed", "Three people"), (12.0, "injured", "at least 12")]),
        ("One person died and two more were hurt.",
         [(1.0, "killed", "One person"), (2.0, "injured", "two")]),
        ("Two people were killed and five more were injured.",
         [(2.0, "killed", "Two people"), (5.0, "injured", "five")]),
        # who recovers was hurt and lived: injured; what is recovered is no one hurt
        ("A man is recovering after being shot in the leg on Sunday.",
         [(1.0, "injured", "A man")]),
        ("Two men are recovering after they were shot outside a bar.",
         [(2.0, "injured", "Two men")]),
        ("The boy is recovering at a local hospital after the shooting.",
         [(1.0, "injured", "The boy")]),
        ("Police recovered three weapons and 200 rounds of ammunition after the shooting.", []),
        ("Investigators recovered two shell casings at the scene of the shooting.", []),
        # the idioms of a death by one's own hand count it by their words, once
        ("Police say the father shot his daughter then turned the gun on himself.",
         [(1.0, "hit", "his daughter"), (1.0, "killed", "himself")]),
        ("The woman opened fire on her family and then turned the gun on herself.",
         [(1.0, "killed", "herself")]),
        ("The gunman killed two people. He then took his own life.",
         [(2.0, "killed", "two people"), (1.0, "killed", "his own life")]),
        ("The shooter killed two people before he committed suicide.",
         [(2.0, "killed", "two people"), (1.0, "killed", "suicide")]),
        ("Officers said the man ended his own life inside the home.",
         [(1.0, "killed", "his own life")]),
        ("Colorado woman kills 5-year-old son, self",
         [(1.0, "killed", "son"), (1.0, "killed", "self")]),
        ("Man kills wife, self in Tulsa home", [(1.0, "killed", "wife"), (1.0, "killed", "self")]),
        ("The soldier killed the rebel in self-defense.", [(1.0, "killed", "the rebel")]),
        # ... not a death the clause only aims at, nor one it denies
        ("He attempted to kill himself.", []),
        ("He threatened to take his own life before police arrived.", []),
        ("The man tried to commit suicide in jail.", []),
        ("Police said she did not take her own life.", []),
        # ... nor a surrender
        ("The suspect turned himself in to police on Monday.", []),
        ("Christopher McNeely turned himself into police Thursday morning.", []),
        ("She defended herself with a knife.", []),
        # a number dialled is no count
        ("Neighbors dialed 911 after two men were shot.", [(2.0, "hit", "two men")]),
        ("A woman called 911 to report that her son had been shot.",
         [(1.0, "hit", "her son")]),
        # an age after a count, a station's or a case's number, is no count
        ("Three other men, two eighteen years old, one nineteen, were also shot.",
         [(3.0, "hit", "Three other men")]),
        ("Four shot in Broad Ripple; shooter claims self-defense - 13 WTHR Indianapolis",
         [(4.0, "hit", "Four")]),
        ("Two men were shot on Main Street - 8 News NOW", [(2.0, "hit", "Two men")]),
        ("Randy Lee Jones, 21, Killed; Three Injured in North St. Louis (Homicide No. 75)",
         [(1.0, "killed", "Randy Lee Jones"), (3.0, "injured", "Three")]),
        # half a dozen is six
        ("A half-dozen people were shot overnight.", [(6.0, "hit", "half-dozen people")]),
        ("Police said half a dozen people were shot.",
         [(6.0, "hit", "half a dozen people")]),
        # a range of a measure is no count
        ("The boy was shot three to four times at close range.", [(1.0, "hit", "The boy")]),
        # an age compared is no count
        ("Around 7 p.m., a boy younger than 12 was shot in the complex.",
         [(1.0, "hit", "a boy")]),
        ("Two victims older than 60 were wounded in the shooting.",
         [(2.0, "injured", "Two victims")]),
        # a list of ages is no count
        ("Three other men, ages 25, 26, and 33, were injured in the shooting.",
         [(3.0, "injured", "Three other men")]),
        ("Two women, aged 19 and 23, were shot outside the club.", [(2.0, "hit", "Two women")]),
        # ... nor one without "ages", set off by a comma after the people it describes
        ("The other two boys, 12 and 16, were taken to the hospital with gunshot wounds.",
         [(2.0, "injured", "two boys")]),
        ("Two men, 19 and 22, were shot outside the club.", [(2.0, "hit", "Two men")]),
        ("Three teens, 15, 16 and 17, were wounded in the shooting.",
         [(3.0, "injured", "Three teens")]),
        ("Police said two men were killed and 3 others, 12 and 16, wounded.",
         [(2.0, "killed", "two men"), (3.0, "injured", "3 others")]),
        ("Gunmen shot two men, 19 and 22, outside the club.", [(2.0, "hit", "two men")]),
        # ... "one … the other" each with an age: the "one" is no count either
        ("Two teenagers, one 16 and the other 17, were injured Monday afternoon.",
         [(2.0, "injured", "Two teenagers")]),
        ("Two men, one 25 and another 30, were killed in the shooting.",
         [(2.0, "killed", "Two men")]),
        # a number naming a road or a flat is no count
        ("A driver was shot on Interstate 78 in Upper Saucon Township.",
         [(1.0, "hit", "A driver")]),
        ("A woman was stabbed in Apartment 4 of the building on Sunday.",
         [(1.0, "hit", "A woman")]),
        ("A woman was killed in apartment 304.", [(1.0, "killed", "A woman")]),
        # ... nor a house number
        ("Luan Le, 16, was shot to death today inside his 427 Wilclay Dr home.",
         [(1.0, "killed", "Luan Le")]),
        ("Four of his relatives had been fatally shot inside the family's home, 4601 SE 79.",
         [(4.0, "killed", "Four of his relatives")]),
        ("Police said 3 Texas men were killed.", [(3.0, "killed", "3 Texas men")]),
        # shot dead, beaten dead: killed (left for dead: hit, and lived)
        ("A woman was shot dead on Friday in the city, police said.",
         [(1.0, "killed", "A woman")]),
        ("Gunmen shot dead a woman on Friday.", [(1.0, "killed", "a woman")]),
        ("Three men were shot dead on Friday.", [(3.0, "killed", "Three men")]),
        ("A man was found shot dead in his car.", [(1.0, "killed", "A man")]),
        ("A man was shot and left for dead.", [(1.0, "hit", "A man")]),
        # killed or injured: hurt, the outcome of each unsaid (no death is claimed)
        ("Three people were killed or injured in the attack.",
         [(3.0, "hit", "Three people")]),
        ("Dozens of civilians were killed or wounded by the shelling.",
         [(12.0, "hit", "Dozens of civilians")]),
        ("Four soldiers were wounded or killed in the ambush.",
         [(4.0, "hit", "Four soldiers")]),
        ("Twelve people were shot and killed or wounded in Chicago.",
         [(12.0, "hit", "Twelve people")]),
        ("Two people were shot and killed and three wounded.",
         [(2.0, "killed", "Two people"), (3.0, "injured", "three")]),
        # incidents counted are no people
        ("Two men were killed and a woman was wounded in a shooting that police linked to "
         "three separate incidents.", [(2.0, "killed", "Two men"), (1.0, "injured", "a woman")]),
        # a parent "of three" is one person: the number is their children
        ("A father of three was shot and killed at a gas station.",
         [(1.0, "killed", "A father")]),
        ("A mother-of-two was shot dead in her home.", [(1.0, "killed", "A mother")]),
        ("A grandmother of 12 was killed by a stray bullet.",
         [(1.0, "killed", "A grandmother")]),
        # ... while a family of six is six
        ("A family of six was killed in the fire the gunman set.",
         [(6.0, "killed", "six")]),
        # a projectile that struck a person hit them; one that struck a thing hit no one
        ("A stray bullet struck an 11-year-old girl in her bedroom.",
         [(1.0, "hit", "an 11-year-old girl")]),
        ("The bullet struck him in the leg.", [(1.0, "hit", "him")]),
        ("Gunfire hit two houses on Elm Street.", []),
    ],
)
def test_events_quantity_hit_and_its_outcome(
        pipeline: Pipeline, text: str, expected: list[tuple[float, str, str]]) -> None:
    got = [(q.value, q.unit, surface) for q, surface in _quantities(pipeline, text)
           if q.unit in ("killed", "injured", "hit")]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a crime named by its count of victims counts them
        ("Police are investigating a double homicide in north Memphis.",
         [(2.0, "killed", None, "double homicide")]),
        ("Two teens were identified in the double fatal shooting.",
         [(2.0, "killed", None, "double fatal shooting")]),
        ("Officers responded to a triple shooting on the South Side.",
         [(3.0, "hit", None, "triple shooting")]),
        # a murder-suicide: the victim and the killer, at least
        ("Police say the deaths were a murder-suicide.",
         [(2.0, "killed", "at_least", "murder-suicide")]),
        # a fatal or deadly crime: someone was killed, one at least
        ("Police investigate a fatal shooting in Akron.",
         [(1.0, "killed", "at_least", "fatal shooting")]),
        ("Family says deadly homeless shelter shooting was accidental",
         [(1.0, "killed", "at_least", "deadly homeless shelter shooting")]),
        ("Officers responded to the fatal stabbing on Main Street.",
         [(1.0, "killed", "at_least", "fatal stabbing")]),
        # ... not a plural (several of them), nor a fatal thing that is no crime
        ("The city saw three deadly shootings last week.", []),
        ("A fatal crash closed the highway.", []),
        # ... nor one said not to be fatal
        ("Police investigate a non-fatal shooting in Akron.", []),
        ("He was arrested in 2007 for a non-fatal stabbing in Coney Island.", []),
        # a double bombing counts bombings, not victims
        ("A double suicide bombing hit the market.", []),
        # the killing of one person named: that person
        ("He was charged with murder in the killing of his wife.",
         [(1.0, "killed", None, "his wife")]),
    ],
)
def test_events_quantity_crime_named_by_its_victims(
        pipeline: Pipeline, text: str, expected: list[tuple[float, str, str | None, str]]
        ) -> None:
    got = [(q.value, q.unit, q.qualifier, surface) for q, surface in _quantities(pipeline, text)
           if q.unit in ("killed", "injured", "hit")]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "unit", "total"),
    [
        # victims listed together: the list's total
        ("A woman was killed in a shooting Sunday night that also wounded her brother and "
         "4-year-old daughter in Joliet.", "injured", 2.0),
        ("Police are looking for the people responsible for a drive-by shooting that injured "
         "three adults and an 11-year-old child.", "injured", 4.0),
        ("A man and a woman were killed in the air strike on Douma.", "killed", 2.0),
        # counts listed together: their total beside the parts
        ("The strikes killed 12 civilians and 3 fighters.", "killed", 15.0),
        ("David Conley is accused of killing six children and two adults.", "killed", 8.0),
        # one victim alone: no total
        ("The strikes killed 12 civilians in Douma.", "killed", None),
        # people broken down into their parts: the people are the total, no sum
        ("When officers arrived, 13 people, 11 males and two females, were located with "
         "gunshot wounds.", "hit", None),
        ("Police said 13 people, 11 males and two females, were injured at the party.",
         "injured", None),
        ("The strike killed six children and two adults.", "killed", 8.0),
        # ... or people named by no sex, parted by sex
        ("The five adult victims, three men and two women, all received non-life threatening "
         "injuries.", "injured", None),
        ("Police say the two other teens, one female and one male, were wounded.", "injured",
         None),
        ("Gunmen killed two men, a woman and a girl.", "killed", 4.0),
    ],
)
def test_events_quantity_total_of_a_list_of_victims(
        pipeline: Pipeline, text: str, unit: str, total: float | None) -> None:
    found = [(q, surface) for q, surface in _quantities(pipeline, text) if q.unit == unit]
    totals = [q.value for q, surface in found if q.category is None and " and " in surface]
    assert totals == ([total] if total is not None else [])


@pytest.mark.parametrize(("text", "released"), [
    # a patient released from care is no captive's release; a prisoner's release is one
    ("The boy was released from the hospital on Monday after the shooting.", False),
    ("Two victims were discharged from the trauma center on Friday.", False),
    ("Rebels released 20 prisoners from the central prison on Monday.", True),
    ("The journalist was released from custody after two days.", True),
    ("Twelve detainees were released from the detention center on Monday.", True),
])
def test_events_release_from_care_is_no_release(pipeline: Pipeline, text: str,
                                                released: bool) -> None:
    (record,) = pipeline.run([Document(id="rel", text=text)])
    assert isinstance(record, DocumentRecord)
    triggers = [text[e.span.start:e.span.end].lower() for e in record.events]
    assert any(t.startswith(("released", "discharged")) for t in triggers) is released


@pytest.mark.parametrize(("text", "expected"), [
    # victims belong to their own predicate, not to the verb that governs them
    ("Police are investigating two people shot this morning near Greenway Road.",
     [("shot", 2.0, "hit")]),
    ("Police are investigating after a 4-year-old was shot in the hand.",
     [("shot", 1.0, "hit")]),
    ("Deputies are investigating after two men were shot and killed on Elm Street.",
     [("shot and killed", 2.0, "killed")]),
    ("Officers found three people who had been stabbed.", [("stabbed", 3.0, "hit")]),
    # ... a clause on them that is no casualty is not theirs
    ("A drone strike on Monday killed at least eight members of Hezbollah fighting "
     "alongside the army in Syria.", [("drone strike on Monday killed", 8.0, "killed")]),
    # ... and those a clause says did it are no victims of it
    ("Police arrested two men who shot a woman on Monday.",
     [("arrested", 2.0, "captured"), ("shot", 1.0, "hit")]),
    ("Two men who shot a woman on Monday were killed by police on Tuesday.",
     [("shot", 1.0, "hit"), ("killed", 2.0, "killed")]),
])
def test_events_quantity_belongs_to_the_victims_own_predicate(
        pipeline: Pipeline, text: str, expected: list[tuple[str, float, str]]) -> None:
    (record,) = pipeline.run([Document(id="qty", text=text)])
    assert isinstance(record, DocumentRecord)
    got = [(text[e.span.start : e.span.end], q.value, q.unit)
           for e in record.events for q in e.quantities]
    assert got == expected
