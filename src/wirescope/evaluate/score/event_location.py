"""Event -> place linking (Halterman's event_location): the gold verb names the event, the
gold locations where it happened.

* ``event.recall``: gold verbs covered by a predicted event span;
* ``place``: the place of that event (the predicted event overlapping the verb most), its
  mentions compared with the gold locations by overlap, one-to-one: P/R/F1 over spans.
  A sentence whose event happened nowhere named has no gold location: any place
  predicted for it is a false positive.
"""

from __future__ import annotations

from collections.abc import Sequence

from wirescope.evaluate.load.event_location import EventLocationItem
from wirescope.evaluate.metrics import PRF, Accuracy
from wirescope.evaluate.results import Miss, Scored
from wirescope.evaluate.score.lookup import event_place, rng
from wirescope.evaluate.spans import Range, match, overlap
from wirescope.records import DocumentRecord, Event


def event_at(record: DocumentRecord, verb: Range) -> Event | None:
    best = max(record.events, key=lambda e: overlap((rng(e.span),), (verb,)), default=None)
    if best is None or overlap((rng(best.span),), (verb,)) == 0:
        return None
    return best


def score(pairs: Sequence[tuple[EventLocationItem, DocumentRecord]]) -> Scored:
    found, places = Accuracy(), PRF()
    misses: list[Miss] = []
    skipped = 0
    for item, record in pairs:
        if item.verb is None:
            skipped += 1
            continue
        doc_id, text = item.document.id, item.document.text
        event = event_at(record, item.verb)
        found.add(event is not None)
        place = event_place(record, event) if event else None
        predicted = [rng(m) for m in place.mentions] if place else []
        pairs_found = match(item.locations, predicted, lambda g, p: overlap((g,), (p,)))
        places.add_matched(len(item.locations), len(predicted), len(pairs_found))
        if event is None:
            misses.append(Miss(document_id=doc_id, text=text, field="event",
                               expected=text[slice(*item.verb)], got="no event",
                               span=item.verb))
        matched = {g for g, _ in pairs_found}
        for index, location in enumerate(item.locations):
            if index not in matched:
                misses.append(Miss(document_id=doc_id, text=text, field="place",
                                   expected=text[slice(*location)],
                                   got=place.name if place else "-", span=location))
        if not item.locations and place is not None:
            misses.append(Miss(document_id=doc_id, text=text, field="place",
                               expected="no location", got=place.name, span=item.verb))
    metrics = (found.metric("event", "recall"), *places.metrics("place"))
    notes = (f"{skipped} sentences without a gold verb are not scored",) if skipped else ()
    return Scored(metrics=metrics, misses=tuple(misses), notes=notes)
