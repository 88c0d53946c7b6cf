"""Places: toponyms resolved with honest precision (real model, default gazetteer)."""

from __future__ import annotations

import re

import pytest

from wirescope import samples
from wirescope.extractors.places import precision_of
from wirescope.geo import distance_km
from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord, Place


def _extract(pipeline: Pipeline, text: str) -> DocumentRecord:
    (record,) = pipeline.run([Document(id="t", text=text)])
    assert isinstance(record, DocumentRecord)
    return record


def _place(record: DocumentRecord, surface: str, occurrence: int = 0) -> Place | None:
    text = record.document.text
    start = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)][
        occurrence]
    for place in record.places:
        if any(m.start == start and m.end == start + len(surface) for m in place.mentions):
            return place
    return None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "name", "precision", "admin1"),
    [
        ("Rebels shelled Aleppo on Friday.", "Aleppo", "Aleppo", "town", "Aleppo"),
        ("Fighting continued in Syria's Aleppo province.", "Aleppo", "Aleppo", "region", "Aleppo"),
        ("Air strikes hit the provinces of Aleppo and Idlib.", "Idlib", "Idlib", "region",
         "Idlib"),
        ("Clashes were reported in Dayr az Zawr on Monday.", "Dayr az Zawr", "Deir ez-Zor",
         "town", "Deir ez-Zor"),
        ("Shells fell on the town of Douma near Damascus.", "Douma", "Dūmā", "town",
         "Rif Dimashq"),
        ("The convoy crossed into Turkey.", "Turkey", "Turkey", "country", None),
        ("Air raids hit Raqa and its outskirts.", "Raqa", "Raqqa", "region", "Raqqa"),
        ("Jets struck army positions on the Golan Heights.", "Golan Heights", "Golan Heights",
         "region", "Quneitra"),
        ("The army killed 60 militants in Deir Ezour.", "Deir Ezour", "Deir ez-Zor", "region",
         "Deir ez-Zor"),
        ("Snow closed schools in Buffalo on Monday.", "Buffalo", "Buffalo", "town", "New York"),
        # AP Stylebook state abbreviations after a town (the sentence's period aside)
        ("Snow closed schools in Wichita, Kan., on Monday.", "Kan.", "Kansas", "region",
         "Kansas"),
        ("The storm reached Baltimore, Md., by noon.", "Md.", "Maryland", "region", "Maryland"),
        # an AP abbreviation's period is part of it; a postal code's is the sentence's
        ("The fire broke out in Fresno, Calif., on Sunday.", "Calif.", "California", "region",
         "California"),
        ("A man from Wheeling, W.Va. was arrested.", "W.Va.", "West Virginia", "region",
         "West Virginia"),
        ("She moved to Austin, TX.", "TX", "Texas", "region", "Texas"),
        # A region's name that a city bears only as an alternate (Bihar Sharif) is the region
        ("Bird flu spread in Bihar and Kerala.", "Bihar", "Bihār", "region", "Bihār"),
        # A bare name shared by a large city and a province abroad is the city
        ("Israeli air strikes hit Gaza on Friday.", "Gaza", "Gaza", "town", "Gaza"),
        # where an attack falls: the object of "on" after an attack noun, whatever the
        # tagger made of the name (Aleppo: NORP, Douma: PERSON)
        ("Twelve people were killed in an air strike on Aleppo, the monitor said.", "Aleppo",
         "Aleppo", "town", "Aleppo"),
        ("Russian jets carried out raids on Idlib overnight.", "Idlib", "Idlib", "town",
         "Idlib"),
        ("The bombardment on Douma killed 20 people.", "Douma", "Dūmā", "town", "Rif Dimashq"),
        # Curated spellings and places the default gazetteer lacks (the supplement)
        ("News of the Ghoutta massacre surfaced on Wednesday.", "Ghoutta", "Eastern Ghouta",
         "region", "Rif Dimashq"),
        ("Militants gathered in Dabiq.", "Dabiq", "Dabiq", "region", "Aleppo"),
        # a place inside a run the tagger took for a person's name stays a place when the run
        # ends in a building word, or when the place is well known by its own name
        ("Islamist gunmen killed 21 tourists at the popular Bardo Museum in the Tunisian "
         "capital.", "Bardo", "Le Bardo", "town", "Tunis"),
        ("Rebels in the coastal regions Aleppo Hama and Idlib announced a truce.", "Hama",
         "Hama", "region", "Hama"),
        # a bare name shared by a large city and a district abroad is the city
        ("Toledo man indicted on murder charge.", "Toledo", "Toledo", "town", "Ohio"),
        # a small place the text puts in a town it does not lie in is that town's part
        ("Five people were shot in the Feltonville neighborhood of Philadelphia on Sunday.",
         "Feltonville", "Feltonville", "town", "Pennsylvania"),
        ("A man was shot in Kensington in Philadelphia on Sunday.", "Kensington",
         "Kensington", "town", "Pennsylvania"),
    ],
)
def test_places_resolve_with_precision_and_admin1(
    pipeline: Pipeline, text: str, surface: str, name: str, precision: str, admin1: str | None
) -> None:
    place = _place(_extract(pipeline, text), surface)
    assert place is not None
    assert (place.name, place.precision, place.admin1) == (name, precision, admin1)
    assert place.raw_name == surface


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Washington's negative response angered Moscow officials.", "Washington"),
        ("Moscow offered to deliver joint airstrikes.", "Moscow"),
        ("Sergey Rudskoy said Friday that the ceasefire holds.", "Rudskoy"),
        ("Syrian soldiers repelled the attack.", "Syrian"),
        ("Fighters moved from Deir to the front.", "Deir"),
        ("The group claims a state in the Levant.", "Levant"),
        # a place name inside a person's name of two or more words, and the person's whole
        # name after a preposition, are no places
        ("PD: Ariel Smith jailed for accidental shooting of himself and a woman Sunday",
         "Ariel"),
        ("According to Linda Daily, director of the center, the line opened Monday.",
         "Linda"),
        ("Circuit Court Judge Casey Manning ruled the city did have a contract.", "Casey"),
        ("Mayor David Cook presented a proclamation recognizing the program.", "Cook"),
        # a city's police or transit, not Metro in Lampung, Indonesia
        ("Metro police said the man was shot twice in the chest.", "Metro"),
        ("Also watching was Paul Allen, a co-founder of the software company.", "Paul"),
        ("The names came from AIG chief executive Edward Liddy through a subpoena.",
         "Edward Liddy"),
        # a bare direction word is a part of a city, not a place of its own ("Southwest"
        # is not Dubai's Sector 5 by an alternate name)
        ("Police are investigating a shooting in Southwest that left six hurt.", "Southwest"),
        ("A man was shot in Northeast on Sunday night.", "Northeast"),
        # a person an attack falls on is its target, not a place
        ("The attack on Jane Smith was captured on video.", "Smith"),
        ("Police said the attack on Michael Brown happened late Sunday.", "Brown"),
    ],
)
def test_places_reject_actors_and_adjectives(pipeline: Pipeline, text: str, surface: str
                                             ) -> None:
    assert _place(_extract(pipeline, text), surface) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surname"),
    [
        # a surname the text goes on to use alone is the person, not a county or a town
        ("Michael Smith, 49, was charged with theft. Smith was released on bond.", "Smith"),
        ("Mayor David Cook presented a proclamation. Cook thanked the volunteers.", "Cook"),
    ],
)
def test_places_a_persons_surname_alone_is_the_person(pipeline: Pipeline, text: str,
                                                     surname: str) -> None:
    record = _extract(pipeline, text)
    assert not [p for p in record.places if any(m.surface(text) == surname
                                                for m in p.mentions)]


@pytest.mark.model
def test_places_unknown_name_takes_its_container(pipeline: Pipeline) -> None:
    text = "Militants continue attacks on the Bustan Qasr and Zahraa neighborhoods in " \
           "northern Aleppo, the ministry said."
    record = _extract(pipeline, text)
    place = _place(record, "Zahraa")
    assert place is not None
    assert place.resolved_via == "container" and place.name == "Zahraa"
    assert place.geonameid is None and place.admin1 == "Aleppo"
    assert place.precision == "town" and place.geo_precision == 2
    aleppo = _place(record, "Aleppo")
    assert aleppo is not None and (place.lat, place.lon) == (aleppo.lat, aleppo.lon)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # One name, one place: the first mention has no container, a later one does.
        ("The death toll from strikes in the opposition-held city of Al Quriyah has risen to "
         "82. Three raids on the region of Al-Quriyah southeast of Deir Ezzor city killed 58.",
         "Al Quriyah", "Al-Quriyah"),
    ],
)
def test_places_unresolved_mention_takes_its_namesakes_place(
    pipeline: Pipeline, text: str, first: str, second: str,
) -> None:
    record = _extract(pipeline, text)
    early, late = _place(record, first), _place(record, second)
    assert late is not None and late.admin1 == "Deir ez-Zor"
    assert early is late  # one place, both mentions


@pytest.mark.model
def test_places_unplaced_unknown_name_stays_unresolved(pipeline: Pipeline) -> None:
    record = _extract(pipeline, "Fighters were seen in Qwertzabad yesterday.")
    place = _place(record, "Qwertzabad")
    if place is not None:  # recognised as a place, but nothing says where it is
        assert (place.lat, place.lon, place.precision, place.geo_precision) == (
            None, None, None, None)
        assert place.resolved_via == "unresolved"


@pytest.mark.parametrize(
    ("kind", "contained", "expected"),
    [("town", False, ("town", 1)), ("town", True, ("town", 2)),
     ("admin1", False, ("region", 3)), ("admin1", True, ("region", 3)),
     ("admin2", False, ("district", 2)), ("country", False, ("country", 3)),
     ("section", False, ("point", 1))],
)
def test_places_precision_of_kind(kind: str, contained: bool, expected: tuple[str, int]
                                  ) -> None:
    assert precision_of(kind, contained) == expected  # type: ignore[arg-type]


def _use(record: DocumentRecord, surface: str) -> tuple[str, Place] | None:
    """How the first ``surface`` is used — "literal" (a mention) or a use's kind — and its
    place; None when it is no toponym."""
    text = record.document.text
    start = re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", text)
    assert start is not None
    span = (start.start(), start.start() + len(surface))
    for place in record.places:
        if any((m.start, m.end) == span for m in place.mentions):
            return "literal", place
        for use in place.uses:
            if (use.span.start, use.span.end) == span:
                return use.use, place
    return None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "use", "place"),
    [
        # a country or a capital that stands for its state, government or people is a
        # toponym all the same, used for them: the place is named, nothing happens there
        ("Israel said on Monday it would respond to the attack.", "Israel", "metonymy",
         "Israel"),
        ("Relations between Israel and Europe have soured.", "Israel", "metonymy", "Israel"),
        ("Air strikes hit Aleppo on Friday, Damascus said.", "Damascus", "metonymy",
         "Damascus"),
        ("Turkey accused Russia of violating its airspace.", "Russia", "metonymy", "Russia"),
        ("The United States and Russia brokered the truce.", "United States", "metonymy",
         "United States"),
        # ... a capital's name is the seat of government, not the region of that name
        ("Moscow offered to deliver joint airstrikes.", "Moscow", "metonymy", "Moscow"),
        ("Washington's negative response angered Moscow officials.", "Washington",
         "metonymy", "Washington"),
        # where things are or happen stays a literal mention
        ("Russia and Turkey agreed a ceasefire in Syria.", "Syria", "literal", "Syria"),
        ("Rebels shelled Aleppo, killing 12 civilians.", "Aleppo", "literal", "Aleppo"),
        ("Air strikes hit Aleppo on Friday, Damascus said.", "Aleppo", "literal", "Aleppo"),
        # a person's name is neither
        ("Paris Hilton arrived in London on Monday.", "Paris", None, None),
        # a nationality word names its country (a demonym): no place where anything happens
        ("Syrian forces shelled the town on Friday.", "Syrian", "demonym", "Syria"),
        ("Two Palestinians were wounded by Israeli fire.", "Palestinians", "demonym",
         "Palestinian Territory"),
        ("Two Palestinians were wounded by Israeli fire.", "Israeli", "demonym", "Israel"),
        ("The Syrian Observatory for Human Rights said 12 were killed.", "Syrian", "demonym",
         "Syria"),
    ],
)
def test_places_a_name_used_for_its_state_or_people_is_a_use(
        pipeline: Pipeline, text: str, surface: str, use: str | None,
        place: str | None) -> None:
    found = _use(_extract(pipeline, text), surface)
    assert ((found[0], found[1].name) if found else (None, None)) == (use, place)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "use", "admin1"),
    [
        # a place a local agency is named after is its jurisdiction: a use, not a mention
        ("The Juneau Police Department was notified at 9:04 a.m. that a student had been "
         "shot.", "Juneau", "agency", "Alaska"),
        ("Corpus Christi Police Officers responded to a shooting at 2630 Waldron Rd.",
         "Corpus Christi", "agency", "Texas"),
        ("Savannah Chatham Metropolitan Police responded to a shooting on Saturday.",
         "Savannah", "agency", "Georgia"),
        ("Deputies with the Marion County Sheriff's Office found a man shot dead on "
         "Friday.", "Marion County", "agency", None),
        ("A Tulsa PD spokesman said two men were arrested.", "Tulsa", "agency", "Oklahoma"),
        ("Officials at the Springfield Police Department confirmed the arrest.",
         "Springfield", "agency", None),
        # the town itself, and a city's police in lower case, stay mentions
        ("Chicago police said a man was shot in Englewood on Sunday.", "Chicago", "literal",
         "Illinois"),
        ("A man was shot in Tulsa on Friday, police said.", "Tulsa", "literal", "Oklahoma"),
        # a local agency serves a town or a county, never a country of the name
        ("Davis was taken into custody by Lebanon Police after a 5 p.m. call, and held in "
         "the Boone County Jail.", "Lebanon", "agency", None),
        # a country's agencies are no local jurisdiction
        ("U.S. Marshals arrested the suspect in Memphis.", "Memphis", "literal",
         "Tennessee"),
    ],
)
def test_places_a_local_agency_is_named_for_its_jurisdiction(
        pipeline: Pipeline, text: str, surface: str, use: str, admin1: str | None) -> None:
    found = _use(_extract(pipeline, text), surface)
    assert found is not None and found[0] == use
    assert found[1].country_code == "US"  # (each story here is told in the United States)
    if admin1 is not None:
        assert found[1].admin1 == admin1


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "street", "admin1"),
    [
        # a street lies in the town whose agency tells the story, not in a town of its name
        ("Corpus Christi Police Officers responded to a shooting at 2630 Waldron Rd. Upon "
         "arrival officers located a 17 year old male victim.", "Waldron Rd", "Texas"),
        ("The Juneau Police Department said Ryan Mayhew was shot at his home on "
         "Mountainwood Circle on Saturday.", "Mountainwood Circle", "Alaska"),
        ("Savannah Chatham Metropolitan Police responded to a shooting on the 2100 block of "
         "Indiana Avenue after a man was shot.", "Indiana Avenue", "Georgia"),
    ],
)
def test_places_a_street_lies_in_the_agencys_town(pipeline: Pipeline, text: str, street: str,
                                                  admin1: str) -> None:
    record = _extract(pipeline, text)
    found = _use(record, street)
    assert found is not None and found[0] == "literal"
    assert found[1].admin1 == admin1
    assert any(e.place == found[1].id for e in record.events)  # where the shooting was


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Damascus said air strikes killed 12 people.", None),
        ("Damascus said air strikes killed 12 people in Idlib.", "Idlib"),
        ("Moscow said its jets struck targets near Palmyra.", "Tadmur"),
        ("Israel said its jets struck targets on Tuesday.", None),
        ("Israeli jets struck targets in Gaza on Tuesday.", "Gaza"),
        ("Russian warplanes struck the town on Monday.", None),
    ],
)
def test_places_an_event_never_takes_a_metonymic_place(pipeline: Pipeline, text: str,
                                                        where: str | None) -> None:
    record = _extract(pipeline, text)
    places = {p.id: p.name for p in record.places}
    assert [places.get(e.place or "") for e in record.events
            if e.type == "ASSAULT"] == [where]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "is_place"),
    [
        # a word inside a longer name the tagger found is part of that name, not a place
        ("The concert at Symphony Hall drew a large crowd on Saturday.", "Hall", False),
        ("He withdrew the money from Landmark Bank on Main Street.", "Bank", False),
        ("Students at Cora Kelly Elementary School were sent home early.", "Elementary",
         False),
        ("The Jefferson Memorial Hospital said two patients were treated.", "Memorial", False),
        ("A rally was held at Madison Square Garden in New York.", "Garden", False),
        # ... but the place that follows "in"/"of"/a comma stays (and the place a local
        # agency's name begins with: its jurisdiction, a use — see the agency table below)
        ("A rally was held at Madison Square Garden in New York.", "New York", True),
        ("The Arab Red Crescent said aid reached Madaya.", "Madaya", True),
        ("The Free Syrian Army said it shelled positions in Idlib.", "Idlib", True),
        # ... and so does a place after a place's possessive
        ("Hundreds were killed in a nerve gas attack on Syrias Ghouta region.", "Ghouta",
         True),
        ("Shelling hit Aleppo's Sheikh Maqsood district.", "Sheikh Maqsood", True),
        # ... and a street, whatever name it ends
        ("The first bomb was detonated on the Saipatae- Yaha Road, wounding two men.",
         "Yaha Road", True),
    ],
)
def test_places_a_word_inside_a_longer_name_is_no_place(pipeline: Pipeline, text: str,
                                                         surface: str, is_place: bool) -> None:
    assert (_place(_extract(pipeline, text), surface) is not None) is is_place


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        # a dateline: a name in capitals opening a line before the agency, a dash or a
        # colon is where the story was filed, whoever holds the name, whatever the tagger
        # made of the capitals
        ("DAMASCUS (SANA) – Terrorists fired shells on residential areas.", "DAMASCUS",
         "Damascus"),
        ("BEIRUT — Activists said the strikes killed 12.", "BEIRUT", "Beirut"),
        ("HOMS: The army restored security to the area.", "HOMS", "Homs"),
        ("TORRINGTON — A man was arrested on Sunday.", "TORRINGTON", "Torrington"),
        ("MOUNT GILEAD (AP) -- A woman died in a crash.", "MOUNT GILEAD", "Mount Gilead"),
        ("ST. LOUIS • Four men coming from a funeral were shot on Sunday.", "ST. LOUIS",
         "St. Louis"),
        ("FT. MYERS (AP) - A man was shot outside a bar.", "FT. MYERS", "Fort Myers"),
        # ... not a heading in capitals, nor an acronym
        ("UPDATE: The toll rose to 12.", "UPDATE", None),
        ("NATO said its forces withdrew.", "NATO", None),
        # ... nor a heading's label, a common word before a colon
        ("MORE: Four shot, one killed in a park\n\nPolice gave no more details.", "MORE",
         None),
        ("POLICE: Quadruple homicide in Waynesville\n\nThe police found four bodies.",
         "POLICE", None),
        ("STORY: Gunman made a list of victims\n\nThe story was first told on Monday.",
         "STORY", None),
    ],
)
def test_places_a_dateline_is_where_the_story_was_filed(pipeline: Pipeline, text: str,
                                                         surface: str, name: str | None) -> None:
    place = _place(_extract(pipeline, text), surface)
    assert (place.name if place else None) == name


@pytest.mark.model
def test_places_sample_002_acceptance(pipeline: Pipeline, samples_dir: object) -> None:
    """Issue 5: Damascus, Idlib, Homs within 30 km; Sheikh Maqsood, Khan Tuman, al-Eis and
    Zerba in Aleppo governorate with an honest precision; Turkey and Syria countries."""
    (document,) = [d for d in samples.load() if d.id.startswith("002_")]
    (record,) = pipeline.run([document])
    assert isinstance(record, DocumentRecord)
    truth = {"Damascus": (33.5102, 36.29128), "Idlib": (35.93062, 36.63393),
             "Homs": (34.72405, 36.72559)}
    for surface, (lat, lon) in truth.items():
        place = _place(record, surface)
        assert place is not None and place.lat is not None and place.lon is not None
        assert distance_km(lat, lon, place.lat, place.lon) <= 30, surface
    for surface in ("Sheikh Maqsood", "Khan Tuman", "al-Eis", "Zerba"):
        place = _place(record, surface)
        assert place is not None, surface
        assert place.country_code == "SY" and place.admin1 == "Aleppo", surface
        assert place.geo_precision in (1, 2, 3) and place.precision is not None
    for surface in ("Turkey", "Syria"):
        place = _place(record, surface)
        assert place is not None and place.precision == "country"
    syrian = [p for p in record.places if p.country_code == "SY" and p.precision != "country"]
    assert syrian and all(p.admin1 for p in syrian)  # every Syrian place has its governorate
    for metonymic in ("Moscow", "Washington"):
        assert _place(record, metonymic) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "kind", "lat", "lon"),
    [
        ("Cases were reported across Africa.", "Africa", "region", 7.1881, 21.09375),
        ("Flights from the United States resumed.", "United States", "country", 39.76, -98.5),
    ],
)
def test_places_continents_and_countries_take_geonames_points(
    pipeline: Pipeline, text: str, surface: str, kind: str, lat: float, lon: float
) -> None:
    place = _place(_extract(pipeline, text), surface)
    assert place is not None and place.precision == kind
    assert place.lat is not None and place.lon is not None
    assert distance_km(lat, lon, place.lat, place.lon) < 1


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "name", "country"),
    [
        # a title word and the name after it are one name, not the bare name
        ("The bird was found in the Eastern province of Prince Edward Island.",
         "Prince Edward Island", "Prince Edward Island", "CA"),
        # a feature word makes a larger place than the town that shares the first word
        ("The ferry sank in the Baltic Sea on Monday.", "Baltic Sea", "Baltic Sea", None),
        ("Cases rose across the Democratic Republic of Congo.",
         "Democratic Republic of Congo", "Democratic Republic of the Congo", "CD"),
        ("Floods hit towns across NSW on Monday.", "NSW", "New South Wales", "AU"),
    ],
)
def test_places_multiword_names_resolve_whole(
    pipeline: Pipeline, text: str, surface: str, name: str, country: str | None
) -> None:
    place = _place(_extract(pipeline, text), surface)
    assert place is not None
    assert (place.name, place.country_code) == (name, country)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a scrape that lost the space before a direction word keeps the known name
        ("Air raids on positions near Kobaninorth Syria killed 35 fighters.",
         [("Kobani", "‘Ayn al ‘Arab"), ("Syria", "Syria")]),
        # a direction word glued to another direction word is one word, not a place
        ("Fighting spread across the Northeastern region.", []),
        ("Rebels advanced along the Southwestern front.", []),
    ],
)
def test_places_glued_direction_word(pipeline: Pipeline, text: str,
                                     expected: list[tuple[str, str]]) -> None:
    record = _extract(pipeline, text)
    assert sorted((text[m.start : m.end], p.name) for p in record.places
                  for m in p.mentions) == sorted(expected)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Samples were sent to Fort Detrick for testing.", "Detrick"),
        ("The bomber blew himself up in the village of Tall Tawil in the Hassakeh province.",
         "Tawil"),
    ],
)
def test_places_title_word_is_not_dropped(pipeline: Pipeline, text: str, bare: str) -> None:
    record = _extract(pipeline, text)
    start = text.index(bare)
    for place in record.places:
        assert all(m.start != start for m in place.mentions), place


@pytest.mark.model
def test_places_unknown_title_name_takes_its_container(pipeline: Pipeline) -> None:
    text = "The bomber blew himself up in the village of Tall Tawil in the Hassakeh province."
    place = _place(_extract(pipeline, text), "Tall Tawil")
    assert place is not None
    assert place.resolved_via == "container" and place.admin1 == "Al-Hasakah"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        # a word in capitals in a line written in lower case: an acronym or a call sign
        ("SWAT team members were called to a home in Gladstone, Missouri.", "SWAT", None),
        ("Deputies waited for SWAT officers before they entered the house.", "SWAT", None),
        ("KING 5 reporter Drew Mikkelsen contributed from Burlington.", "KING", None),
        ("Anyone with information can call Crime Stoppers at 866-LOCKUP.", "LOCKUP", None),
        # ... but a place's abbreviation, a headline in capitals, a dateline are places
        ("Troops from the US and UK arrived on Monday.", "UK", "United Kingdom"),
        ("GUNMAN KILLS THREE IN CHARLESTON\n\nA gunman killed three people.", "CHARLESTON",
         "Charleston"),
        ("Reported at 10:04 MOSCOW (Sputnik) - Officials said two men died.", "MOSCOW",
         "Moscow"),
        ("Snow blankets Kansas. KANSAS CITY, Mo. - Thousands lost power.", "KANSAS CITY",
         "Kansas City"),
        ("Trustees meet. CINCINNATI \x97 The school's trustees are expected to vote.",
         "CINCINNATI", "Cincinnati"),
    ],
)
def test_places_a_word_in_capitals_is_a_place_only_where_capitals_name_places(
        pipeline: Pipeline, text: str, surface: str, name: str | None) -> None:
    place = _place(_extract(pipeline, text), surface)
    assert (place.name if place else None) == name


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Syrian Army Retakes Qaryatain City in Homs Kills over 50 Terrorists in Hama. "
         "Syrian army units killed dozens of terrorists in Hama.", "Kills"),
    ],
)
def test_places_reject_headline_common_words(pipeline: Pipeline, text: str, surface: str
                                             ) -> None:
    assert _place(_extract(pipeline, text), surface) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "country", "admin1", "precision"),
    [
        # a town followed by the region or country containing it: the pair decides both
        ("Three people fell ill in Birmingham, Alabama, on Monday.", "Birmingham", "US",
         "Alabama", "town"),
        ("A boy from Buffalo, New York, caught the flu.", "New York", "US", "New York",
         "region"),
        ("The outbreak may have spread to Warwick in Queensland.", "Warwick", "AU",
         "Queensland", "town"),
        # the name after the comma is a place even when the parser reads an apposition
        ("Scientists in San Jose, California are puzzled.", "California", "US",
         "California", "region"),
        # a major city before its region is the city, not a list of two regions
        ("A patient was admitted to a hospital in Washington, D.C. on Monday.", "Washington",
         "US", "District of Columbia", "town"),
        ("Outbreaks in Georgia, Illinois and Ohio were confirmed.", "Georgia", "US",
         "Georgia", "region"),
        # a state abbreviation that is a name only after a town and a comma (AP style or a
        # postal code): the pair decides the town, and the town's other mentions
        ("NORFOLK, Va. (AP) — A man was shot Sunday in Norfolk, police said.", "Norfolk",
         "US", "Virginia", "town"),
        ("Police in Springfield, Mo., said a man was found dead.", "Springfield", "US",
         "Missouri", "town"),
        ("The shooting at 4th Avenue in Portland, OR 97201 left one dead.", "Portland", "US",
         "Oregon", "town"),
        ("A teen was wounded in Paris, Tex., late Sunday.", "Paris", "US", "Texas", "town"),
        ("A woman died of her wounds in Lancaster, PA.", "Lancaster", "US", "Pennsylvania",
         "town"),
        # a town the gazetteer knows only in another state, followed by the state it is in
        # (a dateline the tagger read as an organisation): a place of that state
        ("Feud prompted shooting\n\nHOWLAND, Ohio (WKBN) – Prosecutors say a man shot five.",
         "HOWLAND", "US", "Ohio", "region"),
        ("A man from Lingle, Wyo., killed his baby before shooting himself.", "Lingle", "US",
         "Wyoming", "region"),
        # a state abbreviation after a name that is also a country's: the town
        ("Boy shoots self\n\nLEBANON, Tenn. (WKRN) – A boy was shot in Lebanon.", "Lebanon",
         "US", "Tennessee", "town"),
        ("A man was killed in Jordan, MN on Sunday.", "Jordan", "US", "Minnesota", "town"),
        # a town and its state, not a list of regions of two countries (a Ghanaian region
        # Savannah, a Senegalese Saint-Louis)
        ("Savannah, Ga. (WJCL) - Metro police say a teen was shot.", "Savannah", "US",
         "Georgia", "town"),
        ("ST. LOUIS, MO (KTVI) - More violence overnight as shots rang out.", "ST. LOUIS",
         "US", "Missouri", "town"),
        ("A man was shot in Athens, Ga., on Friday night.", "Athens", "US", "Georgia", "town"),
        # the region after a town and a comma is the region, even one whose name an actor
        # holds (Washington the government)
        ("The report came from Burlington, Washington, on Monday.", "Washington", "US",
         "Washington", "region"),
        ("The report came from Burlington, Washington, on Monday.", "Burlington", "US",
         "Washington", "town"),
    ],
)
def test_places_town_and_its_container_resolve_together(
    pipeline: Pipeline, text: str, surface: str, country: str, admin1: str, precision: str
) -> None:
    place = _place(_extract(pipeline, text), surface)
    assert place is not None
    assert (place.country_code, place.admin1, place.precision) == (country, admin1, precision)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # GeoNames gives "Philippi" as an old name of Saint Albans, a larger town: the town
        # whose own name it is comes first.
        ("The case was reported in Philippi, West Virginia, United States.", "Philippi",
         "Philippi"),
        # ... and a well-known place's own name is that place, not a smaller namesake that
        # GeoNames also calls so (Cabool, Missouri; the oblast around Moscow), wherever the
        # text is set
        ("Troops from the US and UK arrived in Kabul on Monday.", "Kabul", "Kabul"),
        ("A Texas man was detained in Moscow, officials in Houston said.", "Moscow", "Moscow"),
        ("MOSCOW (Sputnik) - Russian officials said two soldiers died.", "MOSCOW", "Moscow"),
    ],
)
def test_places_own_name_before_a_namesakes_alternate(pipeline: Pipeline, text: str,
                                                      name: str, expected: str) -> None:
    (record,) = pipeline.run([Document(id="primary", text=text)])
    assert isinstance(record, DocumentRecord)
    found = {p.name for p in record.places
             if any(m.surface(text) == name for m in p.mentions)}
    assert found == {expected}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "name", "country", "precision"),
    [
        # a direction word and a known name the gazetteer lacks as a whole: a part of the
        # place the context supports, at its coarser precision, never the bare fragment
        ("The outbreak spread in Kasai Occidental province of the Democratic Republic of "
         "Congo.", "Kasai Occidental", "Kasai Occidental", "CD", "region"),
        ("A man from North Dallas was hospitalised in Texas.", "North Dallas", "North Dallas",
         "US", "town"),
        # a hyphenated direction is one too, not Zambia's North-Western province
        ("Horses were infected at Cattai and Wilberforce in North-Western Sydney.",
         "North-Western Sydney", "North-Western Sydney", "AU", "town"),
        # the context (England) does not support Zimbabwe's Midlands: the listed region holds it
        ("Cases were reported in the West Midlands, England.", "West Midlands",
         "West Midlands", "GB", "region"),
        # an unknown direction name takes the container the text gives, not Nigeria's Plateau
        ("The quake struck the Central Plateau of Haiti.", "Central Plateau",
         "Central Plateau", "HT", "country"),
        # an unknown name before a feature word is one name, not the bare "Delta"
        ("Birds in the Danube Delta in Romania were tested.", "Danube Delta", "Danube Delta",
         "RO", "country"),
        # a small place the text puts in a place of another country is that place's part
        ("Tourists gathered in Piccadilly in central London.", "Piccadilly", "Piccadilly",
         "GB", "town"),
    ],
)
def test_places_parts_and_fragments_keep_honest_precision(
    pipeline: Pipeline, text: str, surface: str, name: str, country: str, precision: str
) -> None:
    record = _extract(pipeline, text)
    place = _place(record, surface)
    assert place is not None
    assert (place.name, place.country_code, place.precision) == (name, country, precision)
    assert place.geo_precision is not None and place.geo_precision >= 2
    # no place for the bare fragment inside the longer name
    inner = surface.split()[-1] if surface.split()[0] in ("North", "West", "Central") else \
        surface.split()[0] if surface != "Piccadilly" else surface
    if inner != surface:
        assert _place(record, inner) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "name", "country", "lat", "lon"),
    [
        # Kenya's former provinces (sourced supplement), not the Rwandan town of Nyanza:
        # placed at their seat's county (Kisumu, Nakuru), keeping their own names
        ("In Kenya, Nyanza recorded the most cases, followed by Rift Valley Province.",
         "Nyanza", "Nyanza", "KE", -0.1380, 34.8982),
        ("In Kenya, Nyanza recorded the most cases, followed by Rift Valley Province.",
         "Rift Valley Province", "Rift Valley Province", "KE", -0.5025, 36.1399),
        # English spellings of Egypt's governorates resolve to the governorate
        ("Cases rose in Menoufia and Daqahliya governorates in Egypt.", "Menoufia",
         "Menoufia", "EG", 30.437, 30.7467),
        ("Cases rose in Menoufia and Daqahliya governorates in Egypt.", "Daqahliya",
         "Daqahliya", "EG", 31.138, 31.8882),
        # "the Pacific" is the ocean, not the town or county of Pacific
        ("Debris was found in the Pacific and the Atlantic.", "Pacific", "Pacific Ocean", None,
         0.0, -160.0),
        ("Debris was found in the Pacific and the Atlantic.", "Atlantic", "Atlantic Ocean",
         None, 0.0, -25.0),
        # an admin-1 region takes its representative point, not its towns' bounding box
        ("New cases were confirmed across Ontario on Monday.", "Ontario",
         "Ontario", "CA", 50.0007, -86.001),
    ],
)
def test_places_regions_and_features_take_their_own_points(
    pipeline: Pipeline, text: str, surface: str, name: str, country: str | None,
    lat: float, lon: float,
) -> None:
    place = _place(_extract(pipeline, text), surface)
    assert place is not None
    assert (place.name, place.country_code) == (name, country)
    assert place.lat is not None and place.lon is not None
    assert distance_km(lat, lon, place.lat, place.lon) < 1


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "street", "not_town"),
    [
        # a street word after a name makes one name: the street, never the town it starts with
        ("Five men were shot on Auburn Avenue in Atlanta on Tuesday.", "Auburn Avenue",
         "Auburn"),
        ("A woman was grazed in a shooting at Hickory View Place in Memphis.",
         "Hickory View Place", "Hickory"),
        ("Shots rang out on Martin Luther King Drive. Memphis police said two men were hurt.",
         "Martin Luther King Drive", "Martin"),
        ("Police closed Bell Street in Atlanta after the shooting.", "Bell Street", "Bell"),
        ("The crash happened on Aurora Road near Cleveland.", "Aurora Road", "Aurora"),
    ],
)
def test_places_a_street_is_not_the_town_it_is_named_after(
        pipeline: Pipeline, text: str, street: str, not_town: str) -> None:
    record = _extract(pipeline, text)
    assert _place(record, not_town) is None
    place = _place(record, street)
    assert place is not None and place.name == street
    # the street lies in the town the text puts it in, else the one it names most
    towns = [p for p in record.places if p.name != street and p.precision == "town"]
    assert towns and (place.lat, place.lon) == (towns[0].lat, towns[0].lon)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "street", "town"),
    [
        # "the N block of NAME": a street of the story's town, even when a town abroad (or
        # elsewhere) bears the name
        ("Officers found the baby in the 5300 block of Aberdeen in Chicago.", "Aberdeen",
         "Chicago"),
        ("Chicago police said the boy was shot in the 2100 block of Kedzie. He was 15.",
         "Kedzie", "Chicago"),
        ("The shooting happened in the 400 block of East Durham in Philadelphia on Sunday.",
         "East Durham", "Philadelphia"),
    ],
)
def test_places_a_name_after_block_of_is_a_street_of_the_story_town(
        pipeline: Pipeline, text: str, street: str, town: str) -> None:
    record = _extract(pipeline, text)
    place, where = _place(record, street), _place(record, town)
    assert place is not None and where is not None
    assert (place.lat, place.lon, place.country_code) == (where.lat, where.lon,
                                                          where.country_code)



@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "section", "town"),
    [
        # a section of a city named by a direction lies in the story's town, never in the
        # town elsewhere known by that name (Eltingville, New York, is also "South Side")
        ("Two men were shot on the South Side of Chicago on Sunday.", "South Side", "Chicago"),
        ("A man was shot on the West Side on Sunday, Chicago police said.", "West Side",
         "Chicago"),
        ("Four people were wounded in a shooting on the East Side in Columbia.", "East Side",
         "Columbia"),
        ("He was shot on the Near North Side, Chicago police said.", "Near North Side",
         "Chicago"),
        ("Police in Boston said the stabbing happened in the North End.", "North End",
         "Boston"),
        # ... and so does a section named by itself
        ("Two men were shot in Downtown Dayton on Friday.", "Downtown", "Dayton"),
        ("A man was stabbed in Midtown early Sunday, Memphis police said.", "Midtown",
         "Memphis"),
    ],
)
def test_places_a_city_section_lies_in_the_story_town(
        pipeline: Pipeline, text: str, section: str, town: str) -> None:
    record = _extract(pipeline, text)
    place, where = _place(record, section), _place(record, town)
    assert place is not None and where is not None
    assert (place.lat, place.lon, place.country_code) == (where.lat, where.lon,
                                                          where.country_code)


@pytest.mark.model
@pytest.mark.parametrize(("text", "section"), [
    # ... and with no town named, the section is unresolved, not a town elsewhere
    ("Five wounded in East Side shooting", "East Side"),
    ("Two men were shot on the South Side early Sunday.", "South Side"),
    ("Jury Returns with Verdict in Downtown Double Homicide", "Downtown"),
])
def test_places_a_city_section_of_no_named_town_is_unresolved(pipeline: Pipeline, text: str,
                                                              section: str) -> None:
    record = _extract(pipeline, text)
    assert [(p.name, p.lat, p.lon) for p in record.places] == [(section, None, None)]


@pytest.mark.model
@pytest.mark.parametrize(("text", "street", "near", "km"), [
    # no town named: the street lies at the place its name starts with, if that is one
    ("A bomb went off on the Yala Road, wounding two rangers on patrol.", "Yala Road",
     (6.54, 101.28), 60),
    ("Gunmen opened fire on a bus on Kandahar Road, killing the driver.", "Kandahar Road",
     (31.61, 65.71), 60),
])
def test_places_a_street_in_a_text_naming_no_town_lies_where_its_name_says(
        pipeline: Pipeline, text: str, street: str, near: tuple[float, float],
        km: float) -> None:
    place = _place(_extract(pipeline, text), street)
    assert place is not None and place.lat is not None and place.lon is not None
    assert distance_km(place.lat, place.lon, *near) <= km
