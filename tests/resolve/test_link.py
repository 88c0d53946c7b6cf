"""Cross-article linking: cannot-link rules, evidence, and the incremental index."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import numpy as np
import pytest

from wirescope.resolve import embed
from wirescope.resolve.index import BLOCKING, IDENTIFYING, MemoryIndex, blocking, identifying, link
from wirescope.resolve.link import (
    Curve,
    Weights,
    cannot_link,
    decide,
    evidence,
    features,
    names,
    weights,
)
from wirescope.resolve.reports import Report

ALEPPO = {"place_name": "Aleppo", "lat": 36.2021, "lon": 37.1343, "country_code": "SY",
          "admin1": "Aleppo", "precision": "town"}
IDLIB = {"place_name": "Idlib", "lat": 35.9306, "lon": 36.6339, "country_code": "SY",
         "admin1": "Idlib", "precision": "town"}
MOSUL = {"place_name": "Mosul", "lat": 36.335, "lon": 43.1189, "country_code": "IQ",
         "admin1": "Nineveh", "precision": "town"}
SYRIA = {"place_name": "Syria", "lat": 35.0, "lon": 38.0, "country_code": "SY",
         "admin1": None, "precision": "country"}
TERMS = ("market", "sukkari", "strikes", "aleppo", "rubble", "crowded")


def report(document: str = "a", **changes: Any) -> Report:
    """A lead report of an air strike in Aleppo, in an article set in Aleppo (which names
    its region and country)."""
    base = Report(document=document, local=f"inc-{document}", event="ev1", events=("ev1",),
                  lead=True, family="violence", type="ASSAULT",
                  acled_event_type="Explosions/Remote violence",
                  acled_sub_event_type="Air/drone strike", day="2016-11-15",
                  published="2016-11-15", terms=TERMS, core=TERMS, setting_name="Aleppo",
                  setting_lat=ALEPPO["lat"], setting_lon=ALEPPO["lon"], names_region=True,
                  names_country=True, **ALEPPO)
    return dataclasses.replace(base, **changes)


def set_in(place: dict[str, Any], named: bool = True) -> dict[str, Any]:
    """A report's place, in an article set there (``named``: that names its region and
    country)."""
    return {**place, "setting_name": place["place_name"], "setting_lat": place["lat"],
            "setting_lon": place["lon"], "names_region": named, "names_country": named}


def one(a: Report, b: Report, core: bool = False) -> float:
    """Plain cosine of the term sets (every term weighs the same in an empty index)."""
    return MemoryIndex().similarity(a, b, core)


@pytest.mark.parametrize(("other", "rule"), [
    (report("a"), "same_document"),  # an article told its incidents apart
    (report("b", family="unrest"), "family"),
    (report("b", **set_in(MOSUL)), "country"),
    (report("b", **set_in(IDLIB)), "region"),  # admin-1 regions differ
    # ... a region or a country the article does not name is the gazetteer's guess among
    # same-named places ("Jefferson" in Georgia or Louisiana): it weighs as place_apart
    (report("b", **set_in(IDLIB, named=False)), None),
    (report("b", **{**set_in(IDLIB), "names_region": False}), None),
    (report("b", **set_in(MOSUL, named=False)), None),
    (report("b", **{**set_in(MOSUL, named=False), "names_country": True}), "country"),
    # a place its article is not set at is not sure enough to forbid ("Bourbon Street" put
    # in Kentucky in a New Orleans story): it weighs as place_apart instead
    (report("b", **IDLIB), None),
    (report("b", **{**set_in(IDLIB), "setting_lat": None, "setting_lon": None}), None),
    (report("b", day="2016-11-05"), "days"),  # stated days ten days apart
    # none of these keeps two reports apart: where and when may be contradicted
    (report("b", day="2016-11-11"), None),  # four days apart: weighs against, no veto
    (report("b", **{**ALEPPO, "place_name": "Al-Bab", "lat": 36.37, "lon": 37.52}), None),
    (report("b", day=None, published="2016-11-10"), None),
    (report("b"), None),
    (report("b", **SYRIA), None),  # a country holds its towns
    (report("b", day="2016-11-14"), None),  # a day apart: news says "Monday night"
    (report("b", day=None), None),
    (report("b", killed=25.0), None),  # a count never forbids a link
])
def test_link_cannot_link(other: Report, rule: str | None) -> None:
    assert cannot_link(report("a", killed=12.0), other) == rule


VICTIM = ("tre edwards",)


@pytest.mark.parametrize(("a", "b", "named", "rule"), [
    # a sentencing months later names the victim the first report named: one incident,
    # and the days the two give are a contradiction to find, not a bar
    (report("a", people=VICTIM), report("b", day="2017-03-02", people=VICTIM),
     frozenset(VICTIM), None),
    (report("a", people=VICTIM), report("b", day="2016-11-05", people=(*VICTIM, "jo lee")),
     frozenset(VICTIM), None),
    # the name is no one's who identifies an incident (a police chief named in many)
    (report("a", people=VICTIM), report("b", day="2017-03-02", people=VICTIM),
     frozenset(), "days"),
    # an identifying name the other report does not give
    (report("a", people=VICTIM), report("b", day="2017-03-02", people=("jo lee",)),
     frozenset(VICTIM), "days"),
    # a name never lifts the other rules
    (report("a", people=VICTIM), report("b", people=VICTIM, **set_in(MOSUL)),
     frozenset(VICTIM), "country"),
])
def test_link_a_name_that_identifies_an_incident_lifts_the_days_rule(
        a: Report, b: Report, named: frozenset[str], rule: str | None) -> None:
    assert cannot_link(a, b, named) == rule


@pytest.mark.parametrize(("incidents", "identifies"), [
    (0, True),  # named nowhere yet
    (1, True),  # the victim of one incident
    (IDENTIFYING, True),
    (IDENTIFYING + 1, False),  # a mayor, a police chief, a president: named in many
    (20, False),
])
def test_link_identifying_names_are_those_few_incidents_hold(incidents: int,
                                                             identifies: bool) -> None:
    index = MemoryIndex()
    for i in range(incidents):
        index.add(f"inc-{i}", report(f"x{i}", people=VICTIM))
    index.add("inc-0", report("x-again", people=VICTIM))  # one incident's second report
    assert ("tre edwards" in identifying(report("a", people=VICTIM), index)) is identifies
    assert not identifying(report("a", people=("edwards",)), index)  # not named in full


@pytest.mark.parametrize(("other", "present"), [
    (report("b"), {"place", "setting", "day", "terms", "core"}),
    (report("b", **{**ALEPPO, "place_name": "Al-Bab", "lat": 36.37, "lon": 37.52}),
     {"place_apart", "day", "terms"}),
    (report("b", day="2016-11-11"), {"place", "day_apart", "terms"}),
    (report("b", day=None, published="2016-11-10"), {"place", "published_before", "terms"}),
    (report("b", day="2016-11-14"), {"place", "day_near", "terms"}),
    (report("b", people=("ahmad khalil",)), {"people"}),
    (report("b", killed=12.0), {"killed"}),
    (report("b", ages=(17, 40)), {"age"}),
])
def test_link_features(other: Report, present: set[str]) -> None:
    base = report("a", setting_lat=36.2, setting_lon=37.13, people=("ahmad khalil",),
                  killed=12.0, ages=(17,))
    other = dataclasses.replace(other, setting_lat=36.2, setting_lon=37.13) if (
        "setting" in present) else other
    found = {name for name, value in features(base, other, one).items() if value}
    assert present <= found


def test_link_evidence_rises_with_what_reports_share() -> None:
    far_terms = report("b", terms=("court", "trial", "judge"), core=("court", "trial"), day=None)
    near = evidence(report("a"), report("b"), one)[0]
    far = evidence(report("a"), far_terms, one)[0]
    assert near > 0 > far


@pytest.mark.parametrize(("core_b", "alike"), [
    (TERMS, True),  # a page of video titles whose headline tells the same story
    (("market", "sukkari", "strikes"), True),
    (("court", "trial", "judge"), False),
])
def test_link_core_words_are_compared_apart_from_the_page(core_b: tuple[str, ...],
                                                          alike: bool) -> None:
    """The incident's own sentences and headline, compared apart from the whole page (whose
    video titles and related links dilute the article's words)."""
    page = report("b", terms=("video", "clown", "btk", "daughter", "task", "force"),
                  core=core_b)
    found = features(report("a"), page, one)
    assert (found["core"] > 0.5) is alike
    assert found["terms"] == 0.0


def test_link_evidence_against_where_and_when_weighs_but_does_not_forbid() -> None:
    same = evidence(report("a"), report("b"), one)[0]
    apart = evidence(report("a"), report("b", **{**ALEPPO, "place_name": "Al-Bab",
                                                 "lat": 36.37, "lon": 37.52}), one)[0]
    later = evidence(report("a"), report("b", day="2016-11-11"), one)[0]
    assert same > apart and same > later
    assert apart > 0 and later > 0  # the words are the same story: one contested incident


def test_link_decide_skips_an_incident_any_member_forbids() -> None:
    candidates = {"inc-x": [report("b"), report("c", **set_in(MOSUL))], "inc-y": [report("d")]}
    decision = decide(report("a"), candidates, one)
    assert decision.incident == "inc-y"
    assert "terms:1.00" in decision.via or "terms" in decision.via


def test_link_index_is_incremental_and_blocks_by_day_and_people() -> None:
    index = MemoryIndex()
    first, _ = link(report("a"), index)
    assert first == "inc-a"  # a new incident takes its first report's local id
    joined, decision = link(report("b"), index)
    assert joined == "inc-a" and decision.score > 0
    # months later, a trial that names the victim is found through the people block
    index2 = MemoryIndex()
    link(report("a", people=("ahmad khalil",)), index2)
    late = report("z", day=None, published="2017-06-01", people=("ahmad khalil",),
                  terms=TERMS)
    assert "inc-a" in index2.candidates(late, blocking(late, index2))
    # outside the day window and sharing no one: not even a candidate
    stranger = report("y", day=None, published="2017-06-01")
    assert not index2.candidates(stranger, blocking(stranger, index2))


def test_link_people_named_by_many_incidents_block_nothing() -> None:
    """A spokesman quoted in the reports of many incidents identifies none: a report naming
    him is not compared with every report that does (the cost would grow with the corpus),
    only with those of its days; a victim named by one incident still brings it in."""
    index = MemoryIndex()
    start = dt.date(2015, 1, 10)
    for i in range(BLOCKING + 1):
        day = (start + dt.timedelta(days=30 * i)).isoformat()
        link(report(f"s{i}", day=day, published=day, people=("john doe",),
                    place_name=f"Town{i}", lat=30.0 + i, lon=-90.0 - i, terms=(f"story{i}",)),
             index)
    assert len(set(blocking(report("q", people=("john doe",)), index))) == 0
    later = report("z", day=None, published="2017-06-01", people=("john doe", "ahmad khalil"))
    assert blocking(later, index) == ("ahmad khalil",)
    assert not index.candidates(later, blocking(later, index))
    link(report("v", day="2016-09-01", published="2016-09-01", people=("ahmad khalil",)),
         index)
    assert set(index.candidates(later, blocking(later, index))) == {"inc-v"}


def test_link_side_reports_without_place_and_day_stay_their_articles_own() -> None:
    index = MemoryIndex()
    loose = report("a", lead=False, day=None, place_name=None, lat=None, lon=None,
                   country_code=None, admin1=None, precision=None)
    assert not loose.anchored
    assert link(loose, index)[0] == "inc-a"
    assert link(report("b"), index)[0] == "inc-b"  # nothing to join: the loose one is no match
    side = report("c", lead=False)  # a side incident with a place and a day is compared
    assert side.anchored and link(side, index)[0] == "inc-b"


def test_link_undated_reports_are_compared_only_through_their_people() -> None:
    """An undated article that dates nothing is no day's neighbour (FA-KES has no
    publication dates: compared all together, formulaic reports chained for months)."""
    index = MemoryIndex()
    undated = {"day": None, "published": None}
    link(report("a", **undated), index)
    assert not index.candidates(report("b", **undated))
    link(report("c", people=("ahmad khalil",), **undated), index)
    assert "inc-c" in index.candidates(report("d", people=("ahmad khalil",), **undated),
                                       ("ahmad khalil",))


FURNITURE = ("sign", "email", "verification", "newsletter", "weather", "wsbtv")


def _site(document: str, story: tuple[str, ...], outlet: str = "wsbtv.com") -> Report:
    return report(document, terms=story + FURNITURE, outlet=outlet)


@pytest.mark.parametrize(("outlet_b", "articles_before", "alike"), [
    # once an outlet has four articles, its furniture tells none of its stories apart
    ("wsbtv.com", 4, False),
    # before that, nothing is known to be furniture
    ("wsbtv.com", 1, True),
    # another outlet's page shares no furniture with these
    ("kansas.com", 4, False),
])
def test_link_outlet_furniture_is_not_similarity(outlet_b: str, articles_before: int,
                                                 alike: bool) -> None:
    index = MemoryIndex()
    for i in range(articles_before):
        index.add(f"inc-{i}", _site(f"x{i}", (f"story{i}", f"victim{i}")))
    a = _site("a", ("clayton", "toddler", "accidental"))
    b = _site("b", ("gwinnett", "drive", "teenager"), outlet=outlet_b)
    for r in (a, b):
        index.add(r.local, r)
    assert (index.similarity(a, b) > 0.3) is alike


def test_link_outlet_stories_stay_alike_without_their_furniture() -> None:
    index = MemoryIndex()
    for i in range(6):
        index.add(f"inc-{i}", _site(f"x{i}", (f"story{i}", f"victim{i}")))
    a = _site("a", ("clayton", "toddler", "accidental"))
    c = _site("c", ("clayton", "toddler", "accidental", "update"))
    for r in (a, c):
        index.add(r.local, r)
    assert index.similarity(a, c) > 0.8


@pytest.mark.parametrize(("people", "expected"), [
    (("tre edwards", "alexon moya"), {"tre edwards", "alexon moya"}),
    (("mary-jane o'neil",), {"mary-jane o'neil"}),
    # one word, a street, a photo credit: no one named in full
    (("edwards", "head"), set()),
    (("cabot st.", "andrew savulich/"), set()),
])
def test_link_names_are_people_named_in_full(people: tuple[str, ...],
                                             expected: set[str]) -> None:
    assert names(people) == expected


def test_link_a_name_both_reports_give_is_evidence() -> None:
    a = report("a", people=("tre edwards", "head"))
    assert "name" in features(a, report("b", people=("tre edwards",)), one)
    assert "name" not in features(a, report("b", people=("head",)), one)
    with_name, _ = evidence(a, report("b", people=("tre edwards",), terms=("other",)), one)
    without, _ = evidence(a, report("b", terms=("other",)), one)
    assert with_name > without


def _unit(*values: float) -> str:
    vector = np.array(values + (0.0,) * (384 - len(values)))
    return embed.pack(vector / np.linalg.norm(vector))


@pytest.mark.parametrize(("a", "b", "emb"), [
    (_unit(1.0), _unit(1.0), 1.0),  # the same gist
    (_unit(1.0), _unit(0.0, 1.0), 0.0),  # nothing alike
    (_unit(1.0), None, None),  # one report without: no feature, the weights without it
    (None, None, None),  # linking configured without embeddings
])
def test_link_embeddings_are_a_feature_when_both_reports_have_one(
        a: str | None, b: str | None, emb: float | None) -> None:
    found = features(report("a", embedding=a), report("b", embedding=b), one)
    assert found.get("emb") == emb


def test_link_evidence_with_embeddings_rises_with_alike_gists() -> None:
    alike = evidence(report("a", embedding=_unit(1.0)), report("b", embedding=_unit(1.0)), one)
    unlike = evidence(report("a", embedding=_unit(1.0)),
                      report("b", embedding=_unit(0.0, 1.0)), one)
    plain = evidence(report("a"), report("b"), one)
    assert alike[0] > unlike[0]
    assert any(v.startswith("emb") for v in alike[1])
    assert not any(v.startswith("emb") for v in plain[1])
    # without embeddings, the weights fitted without them (not the others minus emb)
    assert plain[0] == pytest.approx(weights().score(features(report("a"), report("b"), one)))
    emb = weights(embedded=True).curves["emb"]
    assert emb(0.9) > emb(0.5) > emb(0.1)


CURVE = Curve(knots=(0.0, 0.1, 0.5, 1.0), values=(0.0, 2.0, 3.0, 3.0))


@pytest.mark.parametrize(("x", "expected"), [
    (-1.0, 0.0),  # below the first knot: its value
    (0.0, 0.0),
    (0.05, 1.0),  # halfway between two knots: halfway between their values
    (0.1, 2.0),
    (0.3, 2.5),
    (1.0, 3.0),
    (7.0, 3.0),  # beyond the last knot: flat
])
def test_link_curve_is_piecewise_linear_between_its_knots(x: float, expected: float) -> None:
    assert CURVE(x) == pytest.approx(expected)


@pytest.mark.parametrize(("found", "expected"), [
    ({}, -1.0),  # the bias alone
    ({"place": 1.0}, 0.5),
    ({"terms": 0.3}, 1.5),  # a graded feature weighs by its curve
    ({"setting": 1.0}, 0.0),
    ({"setting": 1.0, "name": 1.0}, 3.0),  # together more than the sum of the two
    ({"name": 1.0}, 0.0),
    ({"unknown": 1.0}, -1.0),  # a feature the weights do not know weighs nothing
])
def test_link_weights_score_features_curves_and_pairs(found: dict[str, float],
                                                      expected: float) -> None:
    w = Weights(bias=-1.0, weights={"place": 1.5, "setting": 1.0, "name": 1.0},
                curves={"terms": CURVE}, pairs={("setting", "name"): 2.0})
    assert w.score(found) == pytest.approx(expected)


@pytest.mark.parametrize(("changes", "gap"), [
    ({}, 0.0),
    ({"day": "2016-11-12"}, 3.0),
    ({"day": None, "published": "2016-11-20"}, 5.0),  # no stated day: the publication day
    ({"day": None, "published": None}, None),  # no day at all: no gap
])
def test_link_gap_is_the_days_between_reference_days(changes: dict[str, Any],
                                                      gap: float | None) -> None:
    assert features(report("a"), report("b", **changes), one).get("gap") == gap


def test_link_fitted_curves_weigh_days_apart_against_a_link() -> None:
    gap = weights().curves["gap"]
    assert gap(0) > gap(3) > gap(14)
    far = evidence(report("a"), report("b", day="2016-11-25"), one)
    near = evidence(report("a"), report("b", day="2016-11-14"), one)
    assert near[0] > far[0] and "gap:10d" in far[1]
