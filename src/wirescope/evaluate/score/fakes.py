"""FA-KES: one event per article. The prediction for an article is read from its *lead
event* as the product records it (``lead_event``; :mod:`wirescope.extractors.incidents` chooses
it): the scorer holds no logic of its own about which event or place an article is about.

* governorate: the admin-1 (else the name) of the lead event's place — its own, or the one
  its incident's other mentions give it (``place_from``); no answer when it has none;
* date: the day of the event's time (``value``, else ``start``) when it names a whole
  calendar day, compared with the gold day;
* report_date: the article's own day (its publication date, else its dateline), compared
  with the same gold day. FA-KES's ``date`` is documented as the event's date, but on the
  dev split it is the article's day far more often than the day the text gives its lead
  event ("killed on Friday" in a Saturday dateline: gold Saturday); the two figures side by
  side show how much of the ``date`` gap is that reading of the gold;
* date_stated: an upper bound, not a prediction: whether the gold day is any day the
  article's time expressions resolve to (value, start or end; the dateline anchors them).
  No choice of event or expression can score ``date`` above it;
* perpetrator: the first of the event's actors whose name maps to a FA-KES category (a
  state or state forces without a telling name go by their country);
* cause of death: the event's ACLED sub-event type, PLOVER mode or type, mapped by
  :data:`wirescope.evaluate.labels.CAUSES`;
* casualties: killed quantities of the main event summed by category (civilians,
  combatants -> noncivilians, children, women); 0 when the event counts none, no answer
  when there is no event.

Gold "unknown" perpetrators and causes are not scored (support shows how many are).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from wirescope.evaluate import labels
from wirescope.evaluate.load.fakes import FakesItem
from wirescope.evaluate.metrics import Accuracy
from wirescope.evaluate.results import Metric, Miss, Scored
from wirescope.evaluate.score.lookup import event_entities, event_place, rng, times
from wirescope.extractors.times import document_anchor
from wirescope.records import DocumentRecord, Event

KILLED_UNITS = frozenset({"killed", "dead", "deaths", "death", "fatalities", "people killed"})
CATEGORY = {"civilians": "civilians", "civilian": "civilians", "combatants": "noncivilians",
            "combatant": "noncivilians", "noncivilians": "noncivilians",
            "children": "children", "child": "children", "women": "women", "woman": "women"}
FIELDS = ("governorate", "date", "report_date", "perpetrator", "cause")
_WHOLE_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T|$)")


def killed(event: Event) -> dict[str, int]:
    counts: dict[str, int] = {"civilians": 0, "noncivilians": 0, "children": 0, "women": 0}
    for qty in event.quantities:
        value = qty.value if qty.value is not None else qty.low
        category = CATEGORY.get((qty.category or "").casefold())
        if value is None or category is None or qty.unit.casefold() not in KILLED_UNITS:
            continue
        counts[category] += int(value)
    return counts


def kills(event: Event) -> bool:
    """Does the event count anyone killed?"""
    return sum(killed(event).values()) > 0


def main_event(record: DocumentRecord) -> Event | None:
    """The article's lead event, as the product chose it (``lead_event``)."""
    return next((e for e in record.events if e.id == record.lead_event), None)


def predict_governorate(record: DocumentRecord, event: Event | None) -> str | None:
    """The governorate of the lead event's place (its own, or its incident's)."""
    place = event_place(record, event) if event else None
    if place is None or place.country_code not in (None, "SY"):
        return None
    return labels.governorate(place.admin1) or labels.governorate(place.name)


def predict_date(record: DocumentRecord, event: Event) -> str | None:
    """The day of the event's time (its value, else its start), only when that is a whole
    calendar day: a week, a month or a partial value (``XXXX-WXX-5``) names no day, and
    the first day of a week or month is not the day of the event."""
    time = times(record).get(event.time) if event.time else None
    day = (time.value or time.start) if time is not None else None
    return day[:10] if day and _WHOLE_DAY.match(day) else None


def stated_days(record: DocumentRecord) -> set[str]:
    """Every calendar day the record's time expressions resolve to."""
    return {v[:10] for t in record.times for v in (t.value, t.start, t.end)
            if v and _WHOLE_DAY.match(v)}


def report_date(record: DocumentRecord) -> str | None:
    """The article's own day: its publication date, else the dateline among the record's
    time expressions."""
    anchor = document_anchor(record.document, record.times)
    if anchor is None or (anchor.source == "dateline" and anchor.time is None):
        return None
    return anchor.day.isoformat()


def predict(record: DocumentRecord) -> dict[str, str | None]:
    event = main_event(record)
    prediction: dict[str, str | None] = {name: None for name in FIELDS}
    prediction["governorate"] = predict_governorate(record, event)
    prediction["report_date"] = report_date(record)
    if event is None:
        return prediction
    prediction["date"] = predict_date(record, event)
    for entity in event_entities(record, event.actors):
        state = entity.type == "state" or entity.actor_type == "state forces"
        if found := labels.perpetrator(entity.name, state_of=entity.country if state else None):
            prediction["perpetrator"] = found
            break
    prediction["cause"] = labels.cause(event.acled_sub_event_type, event.mode, event.type)
    for category, value in killed(event).items():
        prediction[category] = str(value)
    return prediction


def score(pairs: Sequence[tuple[FakesItem, DocumentRecord]]) -> Scored:
    scores = {name: Accuracy() for name in (*FIELDS, "date_stated", "civilians",
                                            "noncivilians", "children", "women")}
    misses: list[Miss] = []
    for item, record in pairs:
        predicted = predict(record)
        gold_day = item.date.isoformat() if item.date else None
        predicted["date_stated"] = gold_day if gold_day in stated_days(record) else None
        event = main_event(record)
        gold: dict[str, str | None] = {
            "governorate": item.governorate or None,
            "date": gold_day,
            "report_date": gold_day,
            "date_stated": gold_day,
            "perpetrator": item.actor if item.actor not in ("", "unknown") else None,
            "cause": item.cause if item.cause not in ("", "unknown") else None,
        }
        gold.update({name: None if n is None else str(n) for name, n in item.casualties})
        for name, accuracy in scores.items():
            expected = gold[name]
            if expected is None:
                continue
            ok = predicted.get(name) == expected
            accuracy.add(ok)
            if not ok:
                misses.append(Miss(
                    document_id=item.document.id, text=item.document.text, field=name,
                    expected=expected, got=predicted.get(name) or "-",
                    span=rng(event.span) if event else None,
                ))
    metrics: list[Metric] = [acc.metric(name) for name, acc in scores.items()]
    return Scored(metrics=tuple(metrics), misses=tuple(misses))
