"""Event typing with actors and targets: PETRARCH2 (CAMEO) and the PLOVER GSR.

Gold events of a sentence are paired one-to-one with predicted events of a compatible PLOVER
type (see :mod:`wirescope.evaluate.cameo`); that pairing gives the type P/R/F1. Actor and
target accuracy are over gold events that name one: right when the paired event (if any)
has an actor (target) that is the gold one —

* PETRARCH2: the entity's ``country`` is the gold actor's country, or its name or a
  mention names it (CAMEO codes without a country, such as ``---REB`` or ``IGO…``, are
  not scored);
* PLOVER: an entity mention overlaps the gold actor text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from wirescope.evaluate.cameo import (
    ALPHA2,
    countries_in,
    country_of_actor,
    plover_names,
    plover_of_cameo,
)
from wirescope.evaluate.load.petrarch import PetrarchItem
from wirescope.evaluate.load.plover import Actor, PloverItem
from wirescope.evaluate.metrics import PRF, Accuracy
from wirescope.evaluate.results import Miss, Scored
from wirescope.evaluate.score.lookup import clip, event_entities, rng, surfaces
from wirescope.evaluate.spans import match, overlaps
from wirescope.records import DocumentRecord, Entity, Event


def pair_by_type(gold_types: Sequence[str], events: Sequence[Event]) -> dict[int, Event]:
    """Gold index -> the predicted event paired with it (same type, one-to-one)."""
    def weight(gold: str, event: Event) -> float:
        return 1.0 if event.type.upper() in plover_names(gold) else 0.0

    return {g: events[p] for g, p in match(gold_types, events, weight)}


def _names_country(record: DocumentRecord, country: str) -> Callable[[Entity], bool]:
    """The entity belongs to ``country`` (its ``country`` field) or names it."""
    def test(entity: Entity) -> bool:
        if entity.country and ALPHA2.get(entity.country.upper()) == country:
            return True
        return any(country in countries_in(s) for s in surfaces(record, entity))

    return test


def _has_entity(
    record: DocumentRecord, event: Event | None, role: str, test: Callable[[Entity], bool]
) -> bool:
    if event is None:
        return False
    ids = event.actors if role == "actor" else event.targets
    return any(test(entity) for entity in event_entities(record, ids))


def _names(record: DocumentRecord, event: Event | None, role: str) -> str:
    if event is None:
        return "no event"
    ids = event.actors if role == "actor" else event.targets
    return clip([e.name for e in event_entities(record, ids)])


def score_petrarch(pairs: Sequence[tuple[PetrarchItem, DocumentRecord]]) -> Scored:
    types, unmapped = PRF(), 0
    roles = {"actor": Accuracy(), "target": Accuracy()}
    misses: list[Miss] = []
    for item, record in pairs:
        gold = [(e, t) for e in item.events if (t := plover_of_cameo(e.code)) is not None]
        unmapped += len(item.events) - len(gold)
        paired = pair_by_type([t for _, t in gold], record.events)
        types.add_matched(len(gold), len(record.events), len(paired))
        text, doc_id = item.document.text, item.document.id
        for index, (coded, plover) in enumerate(gold):
            event = paired.get(index)
            if event is None:
                got = clip([e.type for e in record.events])
                misses.append(Miss(document_id=doc_id, text=text, field="type",
                                   expected=f"{plover} (CAMEO {coded.code})", got=got))
            for role, code in (("actor", coded.source), ("target", coded.target)):
                country = country_of_actor(code)
                if country is None:
                    continue
                ok = _has_entity(record, event, role, _names_country(record, country))
                roles[role].add(ok)
                if not ok:
                    misses.append(Miss(document_id=doc_id, text=text, field=role,
                                       expected=f"{code} in {plover}",
                                       got=_names(record, event, role)))
    metrics = (*types.metrics("type"), *(acc.metric(r) for r, acc in roles.items()))
    notes = (f"{unmapped} gold events coded CAMEO 01 (statements) have no PLOVER type",)
    return Scored(metrics=metrics, misses=tuple(misses), notes=notes if unmapped else ())


def _overlapping(record: DocumentRecord, gold: Sequence[Actor]) -> Callable[[Entity], bool]:
    spans = [a.span for a in gold if a.span is not None]
    return lambda entity: any(overlaps(rng(m), s) for m in entity.mentions for s in spans)


def score_plover(pairs: Sequence[tuple[PloverItem, DocumentRecord]]) -> Scored:
    types = PRF()
    roles = {"actor": Accuracy(), "target": Accuracy(), "mode": Accuracy()}
    misses: list[Miss] = []
    for item, record in pairs:
        paired = pair_by_type([item.type], record.events)
        types.add_matched(1, len(record.events), len(paired))
        event = paired.get(0)
        text, doc_id = item.document.text, item.document.id
        if event is None:
            misses.append(Miss(document_id=doc_id, text=text, field="type", expected=item.type,
                               got=clip([e.type for e in record.events])))
        for role, gold in (("actor", item.sources), ("target", item.targets)):
            located = [a for a in gold if a.span is not None]
            if not located:
                continue
            ok = _has_entity(record, event, role, _overlapping(record, located))
            roles[role].add(ok)
            if not ok:
                misses.append(Miss(document_id=doc_id, text=text, field=role,
                                   expected=clip([a.text for a in located]),
                                   got=_names(record, event, role), span=located[0].span))
        if item.mode:
            ok = event is not None and (event.mode or "").casefold() == item.mode.casefold()
            roles["mode"].add(ok)
    metrics = (*types.metrics("type"), *(acc.metric(r) for r, acc in roles.items()))
    return Scored(metrics=metrics, misses=tuple(misses))
