"""Reports: what an article's incident is compared on (people it is about)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from wirescope.records import Document, DocumentRecord, Entity, Event, Place, Span, TimeExpr
from wirescope.resolve.reports import ages, reports

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
