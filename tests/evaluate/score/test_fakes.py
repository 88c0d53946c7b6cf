from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.evaluate import build
from wirescope.evaluate.load.fakes import FakesItem
from wirescope.evaluate.score.fakes import (
    killed,
    main_event,
    predict_date,
    predict_governorate,
    report_date,
    score,
)
from wirescope.records import DocumentRecord

GOV = "syrian government or russian troops"
TEXT = "Government forces shelled Aleppo on 4 April, killing 12 civilians and 3 fighters."


def _item(doc_id: str, text: str, *, date: dt.date | None = None, governorate: str = "",
          actor: str = "unknown", cause: str = "unknown",
          casualties: dict[str, int] | None = None) -> FakesItem:
    counts = casualties or {"civilians": 0, "noncivilians": 0, "children": 0, "women": 0}
    return FakesItem(document=build.document(text, doc_id), date=date, governorate=governorate,
                     actor=actor, cause=cause,
                     casualties=tuple((k, v) for k, v in counts.items()))


def _full() -> tuple[FakesItem, DocumentRecord]:
    doc = build.document(TEXT, "a")
    ent = build.entity(doc, "e1", "organization", build.at(TEXT, "Government forces"))
    aleppo = build.place(doc, "p1", build.at(TEXT, "Aleppo"), admin1="Aleppo Governorate")
    when = build.time(doc, "t1", build.at(TEXT, "4 April"), "2017-04-04")
    shelling = build.event(
        doc, "ev1", "ASSAULT", (0, len(TEXT)), actors=("e1",), place_id="p1", time_id="t1",
        sub_event="Shelling/artillery/missile attack",
        quantities=(build.killed(doc, build.at(TEXT, "12 civilians"), 12, "civilians"),
                    build.killed(doc, build.at(TEXT, "3 fighters"), 3, "combatants")))
    item = _item("a", TEXT, date=dt.date(2017, 4, 4), governorate="aleppo", actor=GOV,
                 cause="shelling", casualties={"civilians": 12, "noncivilians": 3,
                                               "children": 0, "women": 0})
    return item, build.record(doc, entities=(ent,), places=(aleppo,), times=(when,),
                              events=(shelling,), lead_event="ev1")


def _no_event() -> tuple[FakesItem, DocumentRecord]:
    text = "Idlib was hit again, Idlib residents said, and Paris condemned it."
    doc = build.document(text, "b")
    idlib = build.place(doc, "p1", build.at(text, "Idlib"), build.at(text, "Idlib", 1),
                        country="SY")
    paris = build.place(doc, "p2", build.at(text, "Paris"), admin1="Ile-de-France",
                        country="FR")
    item = _item("b", text, date=dt.date(2016, 1, 2), governorate="idlib")
    return item, build.record(doc, places=(paris, idlib))


def _values(pairs: list[tuple[FakesItem, DocumentRecord]]) -> dict[str, tuple[float, int]]:
    return {m.field: (m.value or 0.0, m.support) for m in score(pairs).metrics}


def test_fakes_score_everything_right() -> None:
    item, record = _full()
    published = dataclasses.replace(record.document, published=dt.date(2017, 4, 4))
    values = _values([(item, dataclasses.replace(record, document=published))])
    assert values == {name: (1.0, 1) for name in (
        "governorate", "date", "report_date", "date_stated", "perpetrator", "cause",
        "civilians", "noncivilians", "children", "women")}


def test_fakes_score_without_events_guesses_nothing_and_skips_unknown_gold() -> None:
    values = _values([_full(), _no_event()])
    assert values["governorate"] == (0.5, 2)  # no lead event: no place is the article's
    assert values["date"] == (0.5, 2)
    assert values["perpetrator"] == (1.0, 1)  # gold "unknown" is not scored
    assert values["cause"] == (1.0, 1)
    assert values["civilians"] == (0.5, 2)  # no event: no count, even for a gold 0


def test_fakes_score_no_predictions() -> None:
    item, _ = _full()
    values = _values([(item, build.record(item.document))])
    assert {v for v, _ in values.values()} == {0.0}
    misses = score([(item, build.record(item.document))]).misses
    assert {m.field for m in misses} >= {"governorate", "date", "perpetrator"}


@pytest.mark.parametrize(
    ("counts", "expected"),
    [([(5, "civilians"), (2, "civilians"), (1, "children")], (7, 1)),
     ([(4, "women")], (0, 0)), ([], (0, 0))],
)
def test_fakes_killed_sums_by_category(counts: list[tuple[int, str]],
                                       expected: tuple[int, int]) -> None:
    doc = build.document("x" * 20)
    event = build.event(doc, "e", "ASSAULT", (0, 1), quantities=tuple(
        build.killed(doc, (0, 1), n, c) for n, c in counts))
    found = killed(event)
    assert (found["civilians"], found["children"]) == expected


def test_fakes_main_event_is_the_records_lead_event() -> None:
    """The scorer reads which event the article is about; it does not choose one."""
    doc = build.document("x" * 30)
    talk = build.event(doc, "t", "CONSULT", (0, 1))
    first = build.event(doc, "a", "ASSAULT", (5, 6),
                        quantities=(build.killed(doc, (5, 6), 2, "civilians"),))
    chosen = main_event(build.record(doc, events=(talk, first), lead_event="t"))
    assert chosen is not None and chosen.id == "t"
    assert main_event(build.record(doc, events=(talk, first))) is None
    assert main_event(build.record(doc)) is None


@pytest.mark.parametrize(
    ("value", "start", "expected"),
    [("2017-04-04", "2017-04-04", "2017-04-04"),
     ("2017-04-04T10:35", "2017-04-04T10:35", "2017-04-04"),  # a clock time names its day
     ("2017-W14", "2017-04-03", None),  # a week names no day, nor does its first day
     ("2017-04", "2017-04-01", None),  # a month names no day
     (None, "2017-04-04", "2017-04-04"),  # no value: the start's day
     ("XXXX-WXX-5", "XXXX-WXX-5", None),  # "Friday" without an anchor names no day
     ("XXXX-04-04", "XXXX-04-04", None),
     (None, None, None)],
)
def test_fakes_predict_date_only_whole_days(value: str | None, start: str | None,
                                            expected: str | None) -> None:
    doc = build.document("Shelling on Friday killed 3.")
    when = dataclasses.replace(build.time(doc, "t", build.at(doc.text, "Friday"), value),
                               start=start)
    event = build.event(doc, "e", "ASSAULT", (0, 8), time_id="t")
    assert predict_date(build.record(doc, times=(when,), events=(event,)), event) == expected


DATELINE = "Sat 04 Jul 2015 An explosion at a mosque on Friday killed at least 25 people."


@pytest.mark.parametrize(
    ("text", "published", "with_times", "expected"),
    [(DATELINE, None, True, "2015-07-04"),  # the dateline the times extractor found
     (DATELINE, None, False, None),  # no time records: nothing was predicted
     (DATELINE, dt.date(2015, 7, 5), False, "2015-07-05"),  # the publication date wins
     ("An explosion on Friday killed 25 people.", None, True, None)],  # no dateline
)
def test_fakes_report_date_is_the_article_day(text: str, published: dt.date | None,
                                              with_times: bool, expected: str | None) -> None:
    doc = dataclasses.replace(build.document(text), published=published)
    found = (build.time(doc, "t0", build.at(text, "Sat 04 Jul 2015"), "2015-07-04"),) if (
        with_times and text.startswith("Sat")) else ()
    assert report_date(build.record(doc, times=found)) == expected


def test_fakes_score_date_is_the_event_day_report_date_the_article_day() -> None:
    doc = build.document(DATELINE, "c")
    head = build.time(doc, "t0", build.at(DATELINE, "Sat 04 Jul 2015"), "2015-07-04")
    friday = build.time(doc, "t1", build.at(DATELINE, "Friday"), "2015-07-03")
    blast = build.event(doc, "ev", "ASSAULT", build.at(DATELINE, "explosion"), time_id="t1",
                        quantities=(build.killed(doc, build.at(DATELINE, "25 people"), 25,
                                                 "civilians"),))
    record = build.record(doc, times=(head, friday), events=(blast,))
    values = _values([(_item("c", DATELINE, date=dt.date(2015, 7, 4)), record)])
    assert values["date"] == (0.0, 1)  # the text dates the blast to Friday
    assert values["report_date"] == (1.0, 1)  # the gold is the dateline's Saturday
    assert values["date_stated"] == (1.0, 1)  # a day the text states


def test_fakes_date_stated_bounds_what_any_choice_could_score() -> None:
    doc = build.document(DATELINE, "d")
    head = build.time(doc, "t0", build.at(DATELINE, "Sat 04 Jul 2015"), "2015-07-04")
    friday = build.time(doc, "t1", build.at(DATELINE, "Friday"), "2015-07-03")
    record = build.record(doc, times=(head, friday))
    values = _values([(_item("d", DATELINE, date=dt.date(2015, 8, 14)), record)])
    assert values["date_stated"] == (0.0, 1)  # a gold day no expression names


@pytest.mark.parametrize(("admin1", "country", "expected"), [
    ("Aleppo", "SY", "aleppo"),
    (None, "SY", "aleppo"),  # the name of a governorate itself
    ("Nineveh", "IQ", None),  # not in Syria: no governorate
])
def test_fakes_governorate_is_the_lead_events_place(admin1: str | None, country: str,
                                                    expected: str | None) -> None:
    text = "10 civilians were killed in rocket attacks on Aleppo."
    doc = build.document(text, "g")
    place = build.place(doc, "p1", build.at(text, "Aleppo"), admin1=admin1, country=country)
    event = build.event(doc, "ev1", "ASSAULT", build.at(text, "killed"), place_id="p1")
    record = build.record(doc, places=(place,), events=(event,), lead_event="ev1")
    assert predict_governorate(record, main_event(record)) == expected
