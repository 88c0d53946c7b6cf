"""Geoparsing (LGL, GeoVirus): toponym recognition and resolution.

* ``toponyms.exact`` / ``toponyms.overlap``: place mentions, and the uses of a place's name
  the set's guidelines annotate (``LGL_USES``, ``GEOVIRUS_USES``), against gold toponyms,
  P/R/F1, one-to-one, with exact spans or any overlap;
* ``geocoding``: over gold toponyms with coordinates that were recognised (overlap), the
  error between the gold point and the predicted place (a place without coordinates counts
  as the worst error): accuracy within 161 km, median km and AUC (Gritta et al. 2018);
* ``geocoding_all``: the same over every gold toponym with coordinates, an unrecognised one
  counting as the worst error, so that recognition and resolution are judged together.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from wirescope.evaluate import geo
from wirescope.evaluate.load.toponyms import GeoItem, Toponym
from wirescope.evaluate.metrics import PRF
from wirescope.evaluate.results import Miss, Scored
from wirescope.evaluate.score.lookup import rng
from wirescope.evaluate.spans import Range, match, overlap
from wirescope.geo import distance_km
from wirescope.records import DocumentRecord, Place

# The uses of a place's name each geoparsing set annotates as toponyms besides the literal
# ones (measured on their gold: both mark names used for a state or its people — "Washington
# said" — and LGL also nationality words, 266 of its 363 demonym tokens, GeoVirus none, and
# the place a local agency is named after — "McLean County Sheriff's", 136 of some 158 such
# names, GeoVirus none of its 10).
LGL_USES = frozenset({"metonymy", "demonym", "agency"})
GEOVIRUS_USES = frozenset({"metonymy"})


def mentions(record: DocumentRecord, uses: frozenset[str] = GEOVIRUS_USES
             ) -> list[tuple[Range, Place]]:
    return sorted([*((rng(m), p) for p in record.places for m in p.mentions),
                   *((rng(u.span), p) for p in record.places for u in p.uses
                     if u.use in uses)],
                  key=lambda pair: pair[0])


def error_km(gold: Toponym, place: Place) -> float:
    if gold.lat is None or gold.lon is None or place.lat is None or place.lon is None:
        return geo.MAX_ERROR_KM
    return distance_km(gold.lat, gold.lon, place.lat, place.lon)


def scorer(uses: frozenset[str]) -> Callable[[Sequence[tuple[GeoItem, DocumentRecord]]],
                                              Scored]:
    """The scorer of a set whose guidelines count these ``uses`` of a name as toponyms."""
    return lambda pairs: score(pairs, uses)


def score(pairs: Sequence[tuple[GeoItem, DocumentRecord]],
          uses: frozenset[str] = GEOVIRUS_USES) -> Scored:
    exact, relaxed = PRF(), PRF()
    recognised: list[float] = []
    every: list[float] = []
    misses: list[Miss] = []
    unaligned = 0
    for item, record in pairs:
        unaligned += item.unaligned
        predicted = mentions(record, uses)
        spans = [span for span, _ in predicted]
        gold = list(item.toponyms)
        exact.add_matched(len(gold), len(spans), len(
            match(gold, spans, lambda g, p: 1.0 if g.span == p else 0.0)))
        paired = dict(match(gold, spans, lambda g, p: overlap((g.span,), (p,))))
        relaxed.add_matched(len(gold), len(spans), len(paired))
        doc_id, text = item.document.id, item.document.text
        for index, toponym in enumerate(gold):
            found = paired.get(index)
            if found is None:
                if toponym.located:
                    every.append(geo.MAX_ERROR_KM)
                misses.append(Miss(document_id=doc_id, text=text, field="toponym",
                                   expected=toponym.name, got="-", span=toponym.span))
                continue
            if not toponym.located:
                continue
            place = predicted[found][1]
            error = error_km(toponym, place)
            recognised.append(error)
            every.append(error)
            if error > geo.WITHIN_KM:
                misses.append(Miss(
                    document_id=doc_id, text=text, field="geocoding",
                    expected=f"{toponym.name} ({toponym.lat}, {toponym.lon})",
                    got=f"{place.name} ({place.lat}, {place.lon}), {error:.0f} km off",
                    span=toponym.span, severity=1.0 + error / geo.MAX_ERROR_KM,
                ))
    metrics = (
        *exact.metrics("toponyms.exact"), *relaxed.metrics("toponyms.overlap"),
        *geo.metrics("geocoding", recognised), *geo.metrics("geocoding_all", every),
    )
    notes = (f"{unaligned} gold toponyms with offsets that do not fit the text were dropped",)
    return Scored(metrics=metrics, misses=tuple(misses), notes=notes if unaligned else ())
