"""The evaluation sets: where each lives under the eval folder, how it is read and scored,
and how many items the CI gate samples from it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirescope.errors import UsageError
from wirescope.evaluate.load import (
    brat,
    event_location,
    fakes,
    geovirus,
    incidents,
    lgl,
    petrarch,
    plover,
    re3d,
    timeml,
)
from wirescope.evaluate.results import Scored
from wirescope.evaluate.score import entities, events, places, quotes, times
from wirescope.evaluate.score import event_location as event_location_score
from wirescope.evaluate.score import fakes as fakes_score
from wirescope.evaluate.score import incidents as incidents_score

Scorer = Callable[..., Scored]
"""``score(pairs)``, or ``score(pairs, incidents)`` for a corpus set."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EvalSet:
    name: str
    path: str
    what: str
    load: Callable[[Path], Sequence[Any]]
    score: Scorer
    gate_limit: int
    group: Callable[[Any], str] | None = None
    """What a sample keeps whole (the gate samples whole incidents, not articles)."""
    corpus: bool = False
    """Scored as a corpus: the records are ingested into a store (linked into incidents)
    and the scorer gets the stored records and the incidents."""


SETS: tuple[EvalSet, ...] = (
    EvalSet(name="fakes", path="fakes/fakes_dev.csv", load=fakes.load, score=fakes_score.score,
            what="FA-KES articles: governorate, date, perpetrator, cause, casualties",
            gate_limit=60),
    EvalSet(name="petrarch", path="events/PETR2_GSR_validation.xml", load=petrarch.load,
            score=events.score_petrarch, what="PETRARCH2 sentences: CAMEO event, actors",
            gate_limit=80),
    EvalSet(name="plover", path="plover/PLOVER_GSR_CAMEO.txt", load=plover.load,
            score=events.score_plover, what="PLOVER sentences: event type, mode, actors",
            gate_limit=330),
    EvalSet(name="event_location", path="events/event_location_gold.jsonl",
            load=event_location.load, score=event_location_score.score,
            what="sentences: which place an event happened at", gate_limit=500),
    EvalSet(name="lgl", path="geoparsing/lgl.xml", load=lgl.load,
            score=places.scorer(places.LGL_USES),
            what="LGL local news: toponyms and coordinates", gate_limit=80),
    EvalSet(name="geovirus", path="geoparsing/GeoVirus.xml", load=geovirus.load,
            score=places.scorer(places.GEOVIRUS_USES),
            what="GeoVirus outbreak news: toponyms and coordinates",
            gate_limit=80),
    EvalSet(name="polnear", path="quotes/polnear_dev", load=brat.load, score=quotes.score,
            what="PolNeAR political news: attributions (source, cue, content)",
            gate_limit=20),
    EvalSet(name="timeml", path="time/aquaint", load=timeml.load, score=times.score,
            what="TimeML AQUAINT: TIMEX3 spans and values", gate_limit=36),
    EvalSet(name="incidents", path="incidents/gva_dev.jsonl", load=incidents.load,
            score=incidents_score.score, corpus=True, group=incidents.incident_of,
            what="gun-violence articles: incidents across articles, their figures",
            gate_limit=600),
    EvalSet(name="re3d", path="entities/re3d", load=re3d.load, score=entities.score,
            what="re3d defence documents: entities, CommWith/FightingAgainst", gate_limit=90),
)

BY_NAME: dict[str, EvalSet] = {s.name: s for s in SETS}
NAMES: tuple[str, ...] = tuple(BY_NAME)


def get(name: str) -> EvalSet:
    try:
        return BY_NAME[name]
    except KeyError:
        raise UsageError(f"no evaluation set named {name!r}",
                         hint=f"use one of: {', '.join(NAMES)}") from None
