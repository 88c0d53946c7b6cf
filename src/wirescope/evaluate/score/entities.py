"""Entities and relations (re3d).

Predicted items are the mentions of entities (typed by ``Entity.type``), of places (typed
``place``) and the uses of places' names (``USE_TYPES``); a span predicted more than once is
one item with all its types. Gold
entities of the scored re3d types are compared (see :mod:`wirescope.evaluate.labels`):

* ``spans.exact`` / ``spans.overlap``: untyped P/R/F1, one-to-one;
* ``typed``: exact span and a compatible type; ``typed.<type>`` is the recall per gold type;
* ``relations.CommWith`` / ``relations.FightingAgainst``: pairs of entities linked by a
  predicted event (actor, target) of PLOVER type CONSULT, or ASSAULT/FIGHT, against gold
  relations of that type; unordered, matched when each gold end overlaps a mention of one
  of the two entities.
"""

from __future__ import annotations

from collections.abc import Sequence

from wirescope.evaluate.labels import COMPATIBLE, RE3D_TYPES
from wirescope.evaluate.load.re3d import Re3dItem
from wirescope.evaluate.metrics import PRF, Accuracy
from wirescope.evaluate.results import Metric, Miss, Scored
from wirescope.evaluate.score.lookup import event_entities, rng
from wirescope.evaluate.spans import Range, match, overlap, overlaps
from wirescope.records import DocumentRecord

RELATIONS: dict[str, frozenset[str]] = {
    "CommWith": frozenset({"CONSULT"}),
    "FightingAgainst": frozenset({"ASSAULT", "FIGHT"}),
}

# The type of each use of a place's name (``Place.uses``) in re3d's terms: a country or
# capital standing for its state is an organisation or a location (as a state is), a
# nationality word a nationality.
USE_TYPES = {"metonymy": "state", "demonym": "norp"}

Typed = tuple[Range, str]
Predicted = tuple[Range, frozenset[str]]
Ends = tuple[tuple[Range, ...], tuple[Range, ...]]


def predicted_spans(record: DocumentRecord) -> list[Predicted]:
    types: dict[Range, set[str]] = {}
    for entity in record.entities:
        for mention in entity.mentions:
            types.setdefault(rng(mention), set()).add(entity.type)
    for place in record.places:
        for mention in place.mentions:
            types.setdefault(rng(mention), set()).add("place")
        for use in place.uses:  # re3d labels a name standing for its state an organisation
            types.setdefault(rng(use.span), set()).add(USE_TYPES[use.use])
    return [(span, frozenset(found)) for span, found in sorted(types.items())]


def predicted_relations(record: DocumentRecord, kind: str) -> list[Ends]:
    found: dict[frozenset[str], Ends] = {}
    for event in record.events:
        if event.type.upper() not in RELATIONS[kind]:
            continue
        for actor in event_entities(record, event.actors):
            for target in event_entities(record, event.targets):
                if actor.id != target.id:
                    found.setdefault(frozenset({actor.id, target.id}), (
                        tuple(rng(m) for m in actor.mentions),
                        tuple(rng(m) for m in target.mentions)))
    return list(found.values())


def _relation_weight(gold: tuple[Range, Range], ends: Ends) -> float:
    def hits(span: Range, side: tuple[Range, ...]) -> bool:
        return any(overlaps(span, m) for m in side)

    a, b = gold
    forward = hits(a, ends[0]) and hits(b, ends[1])
    backward = hits(a, ends[1]) and hits(b, ends[0])
    return 1.0 if forward or backward else 0.0


def score(pairs: Sequence[tuple[Re3dItem, DocumentRecord]]) -> Scored:
    exact, relaxed, typed = PRF(), PRF(), PRF()
    per_type = {t: Accuracy() for t in COMPATIBLE}
    relations = {kind: PRF() for kind in RELATIONS}
    misses: list[Miss] = []
    for item, record in pairs:
        gold: list[Typed] = [(e.span, RE3D_TYPES[e.type]) for e in item.entities
                             if e.type in RE3D_TYPES]
        predicted = predicted_spans(record)
        n_gold, n_pred = len(gold), len(predicted)
        exact.add_matched(n_gold, n_pred, len(
            match(gold, predicted, lambda g, p: 1.0 if g[0] == p[0] else 0.0)))
        relaxed.add_matched(n_gold, n_pred, len(
            match(gold, predicted, lambda g, p: overlap((g[0],), (p[0],)))))
        right = dict(match(gold, predicted, lambda g, p: 1.0 if g[0] == p[0]
                           and COMPATIBLE[g[1]] & p[1] else 0.0))
        typed.add_matched(n_gold, n_pred, len(right))
        doc_id, text = item.document.id, item.document.text
        by_span = dict(predicted)
        for index, (span, kind) in enumerate(gold):
            per_type[kind].add(index in right)
            if index not in right:
                got = by_span.get(span)
                misses.append(Miss(document_id=doc_id, text=text, field="typed",
                                   expected=f"{text[slice(*span)]} ({kind})",
                                   got=", ".join(sorted(got)) if got else "-", span=span))
        for kind, prf in relations.items():
            wanted = {frozenset({r.source, r.target}): (r.source, r.target)
                      for r in item.relations if r.type == kind}
            gold_pairs = list(wanted.values())
            ends = predicted_relations(record, kind)
            found = match(gold_pairs, ends, _relation_weight)
            prf.add_matched(len(gold_pairs), len(ends), len(found))
            hit = {g for g, _ in found}
            for index, (a, b) in enumerate(gold_pairs):
                if index not in hit:
                    misses.append(Miss(document_id=doc_id, text=text, field=kind,
                                       expected=f"{text[slice(*a)]} — {text[slice(*b)]}",
                                       got="-", span=(min(a[0], b[0]), max(a[1], b[1]))))
    metrics: list[Metric] = [*exact.metrics("spans.exact"), *relaxed.metrics("spans.overlap"),
                             *typed.metrics("typed")]
    metrics += [acc.metric(f"typed.{kind}", "recall") for kind, acc in per_type.items()]
    for kind, prf in relations.items():
        metrics += prf.metrics(f"relations.{kind}")
    return Scored(metrics=tuple(metrics), misses=tuple(misses))
