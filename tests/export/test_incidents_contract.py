"""Incident records in the contract: any incident the product can build round-trips through
JSON and validates against ``$defs/incident``."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirescope.export.incidents import incident_from_json, incident_to_json, validate_incident
from wirescope.records import (
    Claim,
    Contradiction,
    FigureSummary,
    Incident,
    IncidentPlace,
    IncidentReport,
    Span,
)

ids = st.text(alphabet="abcdefghij-0123456789", min_size=1, max_size=12)
days = st.dates().map(lambda d: d.isoformat())
numbers = st.floats(min_value=0, max_value=1e6, allow_nan=False)


@st.composite
def spans(draw: st.DrawFn) -> Span:
    start = draw(st.integers(min_value=0, max_value=5000))
    return Span(start=start, end=start + draw(st.integers(min_value=0, max_value=200)))


claims = st.builds(
    Claim, value=st.one_of(numbers, st.text(max_size=20), st.none()), document=ids,
    event=ids, span=spans(), claimant=st.none() | ids, claimant_name=st.none() | st.text(),
    published=st.none() | days, low=st.none() | numbers, high=st.none() | numbers,
    qualifier=st.none() | st.sampled_from(["at_least", "about", "vague"]),
    category=st.none() | st.sampled_from(["civilians", "children"]))
figures = st.none() | st.builds(FigureSummary, low=st.none() | numbers, best=st.none() | numbers,
                                high=st.none() | numbers, conservative=st.none() | numbers,
                                claims=st.lists(claims, max_size=3).map(tuple))
incidents = st.builds(
    Incident, id=ids, type=st.sampled_from(["ASSAULT", "PROTEST", "COERCE"]),
    acled_event_type=st.none() | st.just("Battles"),
    acled_sub_event_type=st.none() | st.just("Armed clash"),
    start=st.none() | days, end=st.none() | days,
    place=st.none() | st.builds(
        IncidentPlace, name=st.text(min_size=1, max_size=20),
        lat=st.none() | st.floats(-90, 90), lon=st.none() | st.floats(-180, 180),
        country_code=st.none() | st.just("SY"), admin1=st.none() | st.just("Aleppo"),
        precision=st.none() | st.sampled_from(["point", "town", "region", "country"])),
    actors=st.lists(ids, max_size=3).map(tuple), targets=st.lists(ids, max_size=3).map(tuple),
    reports=st.lists(st.builds(
        IncidentReport, document=ids, event=ids, source=st.none() | st.text(max_size=10),
        published=st.none() | days, origin=ids,
        events=st.lists(ids, max_size=3).map(tuple), story_time=st.none() | ids),
        min_size=1, max_size=3).map(tuple),
    documents=st.integers(1, 50), independent=st.integers(1, 50), killed=figures,
    injured=figures,
    contradictions=st.lists(st.builds(
        Contradiction, field=st.sampled_from(["killed", "injured", "perpetrator", "date",
                                              "place"]),
        kind=st.sampled_from(["disagreement", "update"]),
        claims=st.lists(claims, max_size=3).map(tuple)), max_size=2).map(tuple),
    grade=st.sampled_from(["single", "corroborated", "contested"]),
    date_via=st.none() | st.sampled_from(["reports", "story"]))


@given(incidents)
@settings(max_examples=60, deadline=None)
def test_incidents_contract_round_trip(incident: Incident) -> None:
    data = json.loads(json.dumps(incident_to_json(incident)))
    validate_incident(data)
    assert incident_from_json(data) == incident


@pytest.mark.parametrize(("change", "path"), [
    ({"grade": "likely"}, "grade"),
    ({"sources": {"documents": 0, "independent": 1}}, "sources"),
    ({"kind": "document"}, "kind"),
])
def test_incidents_contract_rejects(change: dict[str, object], path: str) -> None:
    base = incident_to_json(Incident(
        id="inc-1", type="ASSAULT", acled_event_type=None, acled_sub_event_type=None,
        start=None, end=None, place=None, actors=(), targets=(),
        reports=(IncidentReport(document="d", event="e", source=None, published=None,
                                origin="d"),),
        documents=1, independent=1, killed=None, injured=None, contradictions=(),
        grade="single"))
    with pytest.raises(jsonschema.ValidationError) as caught:
        validate_incident({**base, **change})
    assert path in str(caught.value.absolute_path) or path in caught.value.message
