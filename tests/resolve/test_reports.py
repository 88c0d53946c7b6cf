"""Reports: what an article's incident is compared on (people it is about)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

import pytest

from wirescope.records import Document, DocumentRecord, Entity, Event, Place, Span, TimeExpr
from wirescope.resolve.reports import Report, ages, reports, set_apart

PUBLISHED = dt.date(2016, 5, 27)
TEXT = ("{name} was shot on Main Street on Sunday, police said.\n\n"
        "Check your spam folder for the verification email.")


@pytest.mark.parametrize(("name", "about"), [
    ("Tre Edwards", ("tre edwards",)),  # a person named in full
    ("Mary Ann Smith-Jones", ("mary ann smith-jones",)),
    ("Cameron", ()),  # a lone word may be anyone: no key to link reports at any date
    ("Spam", ()),  # … or page furniture the tagger took for a person
])
def test_reports_people_are_named_in_full(name: str, about: tuple[str, ...]) -> None:
    text = TEXT.format(name=name)
    shot = text.index("shot")
    person = Entity(id="p1", document_id="d", extractor="t", name=name, type="person",
                    actor_type=None, mentions=(Span(start=0, end=len(name)),))
    event = Event(id="ev1", document_id="d", extractor="t", type="ASSAULT", mode="firearms",
                  acled_event_type="Violence against civilians", acled_sub_event_type="Attack",
                  actors=(), targets=("p1",), place=None, time=None, factuality="asserted",
                  attributed_to=None, quantities=(), span=Span(start=shot, end=shot + 4),
                  incident="inc-1")
    record = DocumentRecord(document=Document(id="d", text=text), entities=(person,),
                            events=(event,), lead_event="ev1")
    (report,) = reports(record)
    assert report.people == about


@pytest.mark.parametrize(("text", "expected"), [
    ("A 17-year-old was shot on Main Street.", {17}),
    ("Tre Edwards, 17, and a 40 year old man were shot.", {17, 40}),
    ("Two men, aged 19 and 23, were shot.", {19}),
    ("The victims, ages 25, were shot.", {25}),
    ("A 3-year-old boy and a 2-month-old girl were hurt.", {3}),
    ("Police said 17 people were shot in 2016.", set()),  # a count, a year: no age
])
def test_reports_ages_people_are_given(text: str, expected: set[int]) -> None:
    assert ages(text) == expected


def _place(pid: str, name: str, lat: float, lon: float, precision: str,
           mentions: int) -> Place:
    return Place(id=pid, document_id="d", extractor="t", name=name, lat=lat, lon=lon,
                 country_code="US", admin1=None, geonameid=None,
                 precision=precision,  # type: ignore[arg-type]
                 mentions=tuple(Span(start=i, end=i + 1) for i in range(mentions)))


TULSA = ("Tulsa", 36.15, -95.99)


@pytest.mark.parametrize(("places", "expected"), [
    # the finest place near where the article is set ...
    ([_place("p1", *TULSA, "town", 3), _place("p2", "Pine Street", 36.16, -95.95, "point", 1)],
     "Pine Street"),
    # ... not a finer one the gazetteer put in another state
    ([_place("p1", *TULSA, "town", 3), _place("p2", "Landing", 40.91, -74.67, "point", 1)],
     "Tulsa"),
    # with nothing near the setting, the finest there is
    ([_place("p2", "Landing", 40.91, -74.67, "point", 1)], "Landing"),
])
def test_reports_place_is_the_finest_near_the_setting(places: list[Place],
                                                      expected: str) -> None:
    text = "A man was shot in the city on Sunday, police said."
    shot = text.index("shot")
    events = tuple(Event(id=f"ev{i}", document_id="d", extractor="t", type="ASSAULT",
                         mode="firearms", acled_event_type="Violence against civilians",
                         acled_sub_event_type="Attack", actors=(), targets=(), place=p.id,
                         time=None, factuality="asserted", attributed_to=None, quantities=(),
                         span=Span(start=shot, end=shot + 4), incident="inc-1")
                   for i, p in enumerate(places))
    record = DocumentRecord(document=Document(id="d", text=text), places=tuple(places),
                            events=events, lead_event="ev0")
    (report,) = reports(record)
    assert report.place_name == expected


def _in(pid: str, name: str, precision: str, admin1: str | None,
        country: str = "US") -> Place:
    return dataclasses.replace(_place(pid, name, 30.0, -90.0, precision, 1), admin1=admin1,
                               country_code=country)


JEFFERSON = _in("p1", "Jefferson", "town", "Georgia")


@pytest.mark.parametrize(("others", "region", "country"), [
    # a town of a name many states hold: the gazetteer's pick is no region the text gives
    ([], False, False),
    ([_in("p2", "Georgia", "region", "Georgia")], True, True),  # "Jefferson, Ga."
    ([_in("p2", "United States", "country", None)], False, True),
    # another state named is not the report's
    ([_in("p2", "Louisiana", "region", "Louisiana")], False, True),
    ([_in("p2", "Georgia", "country", None, "GE")], False, False),  # the country Georgia
])
def test_reports_name_the_region_when_the_text_does(others: list[Place], region: bool,
                                                    country: bool) -> None:
    (report,) = _placed([JEFFERSON, *others])
    assert (report.names_region, report.names_country) == (region, country)


@pytest.mark.parametrize(("place", "region"), [
    (_in("p1", "Aleppo", "town", "Aleppo", "SY"), True),  # a town of its region's name
    (_in("p1", "New York", "town", "New York"), True),
    (_in("p1", "Idlib Governorate", "region", "Idlib", "SY"), True),
    (_in("p1", "Al-Bab", "town", "Aleppo", "SY"), False),
])
def test_reports_a_region_named_by_its_town_or_itself(place: Place, region: bool) -> None:
    (report,) = _placed([place])
    assert report.names_region is region
    assert report.names_country is region


def _placed(places: list[Place]) -> list[Report]:
    """The reports of a one-event article whose event is at the first place."""
    text = "A man was shot in the city on Sunday, police said."
    shot = text.index("shot")
    event = Event(id="ev0", document_id="d", extractor="t", type="ASSAULT", mode="firearms",
                  acled_event_type="Violence against civilians", acled_sub_event_type="Attack",
                  actors=(), targets=(), place=places[0].id, time=None,
                  factuality="asserted", attributed_to=None, quantities=(),
                  span=Span(start=shot, end=shot + 4), incident="inc-1")
    record = DocumentRecord(document=Document(id="d", text=text), places=tuple(places),
                            events=(event,), lead_event="ev0")
    return list(reports(record))


def _time(tid: str, text: str, start: int, value: str) -> TimeExpr:
    return TimeExpr(id=tid, document_id="d", extractor="t", text="x",
                    span=Span(start=start, end=start + 1), value=value, start=value, end=value,
                    precision="day")


@pytest.mark.parametrize(("times", "stated", "expected"), [
    # the incident's mentions state no day: the first past day of the story
    ([("t1", 40, "2016-05-26"), ("t2", 60, "2016-05-20")], None, ("2016-05-26", "t1")),
    # a day after the article's own is no day a past incident happened on
    ([("t1", 40, "2016-06-03"), ("t2", 60, "2016-05-26")], None, ("2016-05-26", "t2")),
    # outside the story (page furniture after it): none
    ([("t1", 200, "2016-05-26")], None, (None, None)),
    # a day a mention states: no story day
    ([("t1", 40, "2016-05-26")], "t1", (None, None)),
])
def test_reports_story_day_when_no_mention_states_one(
        times: list[tuple[str, int, str]], stated: str | None,
        expected: tuple[str | None, str | None]) -> None:
    text = ("A man was shot on Main Street, police said.\n\n" + "x" * 60 +
            " It happened on Thursday afternoon, police said. On Friday they said more." + "\n\n"
            + "y" * 200)
    shot = text.index("shot")
    found = tuple(_time(tid, text, start, value) for tid, start, value in times)
    event = Event(id="ev1", document_id="d", extractor="t", type="ASSAULT", mode="firearms",
                  acled_event_type="Violence against civilians", acled_sub_event_type="Attack",
                  actors=(), targets=(), place=None, time=stated, factuality="asserted",
                  attributed_to=None, quantities=(), span=Span(start=shot, end=shot + 4),
                  incident="inc-1")
    second = dataclasses.replace(event, id="ev2", span=Span(start=70, end=74), time=None)
    record = DocumentRecord(document=Document(id="d", text=text, published=PUBLISHED),
                            times=found, events=(event, second), lead_event="ev1")
    (report,) = reports(record)
    assert (report.story_day, report.story_time) == expected


def _report(lead: bool, day: str | None, place: tuple[str, float, float] | None,
            setting: tuple[str, float, float] | None = None) -> Report:
    name, lat, lon = place or (None, None, None)
    where = setting or (None, None, None)
    return Report(document="d", local=f"inc-{lead}", event="ev", events=("ev",), lead=lead,
                  family="violence", type="ASSAULT", acled_event_type=None,
                  acled_sub_event_type=None, day=day, published="2016-05-27",
                  place_name=name, lat=lat, lon=lon, country_code="US" if place else None,
                  precision="town" if place else None, setting_name=where[0],
                  setting_lat=where[1], setting_lon=where[2])


BROKEN_ARROW = ("Broken Arrow", 36.05, -95.79)  # 20 km from Tulsa
DALLAS = ("Dallas", 32.78, -96.80)


@pytest.mark.parametrize(("lead", "side", "apart"), [
    # the lead retold: its day, its place (or near it, or where the article is set)
    (_report(True, "2016-05-26", TULSA), _report(False, "2016-05-26", TULSA), False),
    (_report(True, None, TULSA), _report(False, "2016-05-27", TULSA), False),  # published
    (_report(True, "2016-05-26", None, TULSA), _report(False, "2016-05-26", TULSA), False),
    (_report(True, "2016-05-26", DALLAS, TULSA), _report(False, "2016-05-26", TULSA), False),
    # another day, or a place away from the lead's and the article's
    (_report(True, "2016-05-26", TULSA), _report(False, "2016-05-20", TULSA), True),
    (_report(True, "2016-05-26", TULSA, TULSA), _report(False, "2016-05-26", DALLAS), True),
    (_report(True, "2016-05-26", TULSA, TULSA), _report(False, "2016-05-26", BROKEN_ARROW),
     False),  # a suburb: near enough to be the lead told again
])
def test_reports_side_incident_set_apart_from_the_lead(lead: Report, side: Report,
                                                      apart: bool) -> None:
    assert set_apart(side, lead) is apart
    assert dataclasses.replace(side, apart=set_apart(side, lead)).anchored is apart


def test_reports_embed_the_gist_of_each_report_compared_in_one_batch() -> None:
    text = ("A man was shot on Main Street on Sunday, police said. He died later.\n\n"
            "Last year a woman was shot in Dallas, police said.")
    dallas = _place("p2", *DALLAS, "town", 1)
    tulsa = _place("p1", *TULSA, "town", 2)
    first, second = text.index("shot"), text.rindex("shot")
    sentence_one = Span(start=0, end=text.index("\n"))
    sentence_two = Span(start=text.index("Last"), end=len(text))

    def event(eid: str, at: int, sentence: Span, place: str, time: str | None,
              incident: str) -> Event:
        return Event(id=eid, document_id="d", extractor="t", type="ASSAULT", mode="firearms",
                     acled_event_type="Violence against civilians",
                     acled_sub_event_type="Attack", actors=(), targets=(), place=place,
                     time=time, factuality="asserted", attributed_to=None, quantities=(),
                     span=Span(start=at, end=at + 4), sentence=sentence, incident=incident)

    times = (_time("t1", text, 31, "2016-05-22"), _time("t2", text, 80, "2015-05-01"))
    calls: list[list[str]] = []

    def embedder(texts: Sequence[str]) -> list[str]:
        calls.append(list(texts))
        return [f"v{i}" for i in range(len(texts))]

    record = DocumentRecord(
        document=Document(id="d", title="Man shot in Tulsa", text=text, published=PUBLISHED),
        places=(tulsa, dallas), times=times,
        events=(event("ev1", first, sentence_one, "p1", "t1", "inc-1"),
                event("ev2", second, sentence_two, "p2", "t2", "inc-2")),
        lead_event="ev1")
    lead, side = reports(record, embedder)
    assert len(calls) == 1 and calls[0][0].startswith("Man shot in Tulsa. A man was shot")
    assert calls[0][1] == text[sentence_two.start:sentence_two.end]  # no headline
    assert (lead.embedding, side.embedding) == ("v0", "v1") and side.anchored
    # a side report that is not compared gets no embedding
    loose = dataclasses.replace(record, events=(record.events[0], dataclasses.replace(
        record.events[1], time=None)))
    calls.clear()
    lead, side = reports(loose, embedder)
    assert calls == [[calls[0][0]]] and side.embedding is None and not side.anchored
    assert next(reports(record)).embedding is None  # no embedder: no embeddings
