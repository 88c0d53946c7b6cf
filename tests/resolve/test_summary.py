"""Incident summaries: origins (syndication), figures, updates and contradictions, grade."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.resolve.test_link import report
from wirescope.records import (
    Document,
    DocumentRecord,
    Entity,
    Event,
    Qualifier,
    Quantity,
    Quote,
    Span,
)
from wirescope.resolve.reports import minhash, outlet, wire
from wirescope.resolve.summary import Linked, origins, summarize

BODY = ("Air strikes hit a crowded market in the Sukkari district of Aleppo on Tuesday, "
        "killing at least 12 people and wounding dozens, rescue workers said.")


def linked(document: str, counts: list[tuple[str, float, Qualifier | None]], *,
           speaker: str | None = None, published: str = "2016-11-15",
           outlet_name: str | None = None, actors: tuple[str, ...] = (),
           text: str | None = None, **changes: object) -> Linked:
    """A one-event article claiming ``counts`` ((unit, value, qualifier)), said by
    ``speaker`` (else in the article's own voice)."""
    body = text or f"{document}: " + " ".join(f"{unit} {value:g}." for unit, value, _ in counts)
    spans, cursor = [], 0
    for unit, value, _ in counts:
        start = body.index(f"{unit} {value:g}", cursor)
        spans.append(Span(start=start, end=start + len(f"{unit} {value:g}")))
        cursor = spans[-1].end
    quantities = tuple(Quantity(value=value, low=value, high=value, unit=unit, category=None,
                                span=span, qualifier=qualifier)
                       for (unit, value, qualifier), span in zip(counts, spans, strict=True))
    entities = []
    quotes = []
    if speaker:
        entities.append(Entity(id="sp", document_id=document, extractor="t", name=speaker,
                               type="organization", actor_type=None, mentions=()))
        quotes.append(Quote(id="q1", document_id=document, extractor="t", speaker="sp",
                            speaker_text=speaker, speaker_span=None, cue="said",
                            kind="indirect", span=Span(start=0, end=len(body))))
    for actor in actors:
        entities.append(Entity(id=actor, document_id=document, extractor="t", name=actor,
                               type="armed_group", actor_type=None, mentions=()))
    event = Event(id="ev1", document_id=document, extractor="t", type="ASSAULT",
                  mode="aerial", acled_event_type="Explosions/Remote violence",
                  acled_sub_event_type="Air/drone strike", actors=actors, targets=(),
                  place=None, time=None, factuality="asserted",
                  attributed_to="q1" if speaker else None, quantities=quantities,
                  span=Span(start=0, end=5), incident="inc-x")
    record = DocumentRecord(
        document=Document(id=document, text=body, source=outlet_name,
                          published=dt.date.fromisoformat(published)),
        entities=tuple(entities), quotes=tuple(quotes), events=(event,), lead_event="ev1")
    rep = report(document, published=published, outlet=outlet_name or document,
                 minhash=minhash(body), wire=wire(body), **changes)  # type: ignore[arg-type]
    return Linked(report=rep, record=record)


@pytest.mark.parametrize(("texts", "sources", "independent"), [
    # the same wire story on two sites is one origin
    (["BEIRUT (Reuters) - " + BODY, "BEIRUT (Reuters) - " + BODY + " Read more."],
     ["reuters.com", "yahoo.com"], 1),
    # a near-duplicate body without any credit is one origin too
    ([BODY, BODY.replace("Tuesday", "Tuesday morning")], ["a.com", "b.com"], 1),
    # two articles of one outlet count once
    ([BODY, "Shelling killed three in Idlib on Monday, activists said."],
     ["sana.sy", "sana.sy"], 1),
    # different outlets, different words: independent
    ([BODY, "Warplanes bombed a market in eastern Aleppo; the monitor counted 25 dead."],
     ["a.com", "b.com"], 2),
    (["(AFP) - " + BODY, "BEIRUT (Reuters) - " + BODY[:60] + " other words entirely here."],
     ["afp.com", "reuters.com"], 2),
])
def test_summary_origins(texts: list[str], sources: list[str], independent: int) -> None:
    reports = [dataclasses.replace(report(f"d{i}"), outlet=s, wire=wire(t), minhash=minhash(t))
               for i, (t, s) in enumerate(zip(texts, sources, strict=True))]
    assert len(set(origins(reports))) == independent


@pytest.mark.parametrize(("url", "host"), [
    ("http://web.archive.org/web/2016/http://www.wral.com/news/a.html", "wral.com"),
    ("https://www.reuters.com/article/x", "reuters.com"),
    (None, None),
])
def test_summary_outlet_of_archived_pages(url: str | None, host: str | None) -> None:
    assert outlet(Document(id="d", text="x", url=url)) == host
    assert outlet(Document(id="d", text="x", url=url, source="WRAL ")) == "wral"


def test_summary_update_is_not_a_contradiction() -> None:
    """A claimant raising its own toll later updates it; nobody disagrees."""
    incident = summarize("inc-x", [
        linked("d1", [("killed", 12, "at_least")], speaker="SOHR", published="2016-11-15"),
        linked("d2", [("killed", 25, None)], speaker="SOHR", published="2016-11-16"),
    ])
    assert incident.killed is not None
    assert (incident.killed.low, incident.killed.best, incident.killed.high) == (12, 25, 25)
    assert incident.killed.conservative == 25  # the claimant's figure now
    assert [(c.field, c.kind) for c in incident.contradictions] == [("killed", "update")]
    assert [c.value for c in incident.contradictions[0].claims] == [12, 25]
    assert incident.grade != "contested"


@pytest.mark.parametrize(("claims", "best", "conservative", "kinds"), [
    # two claimants disagree: conservative is ACLED's lowest figure
    ([("SOHR", 25.0), ("SANA", 8.0)], 25, 8, [("killed", "disagreement")]),
    # most claimants agree: best is their figure
    ([("SOHR", 12.0), ("AFP", 12.0), ("SANA", 8.0)], 12, 8, [("killed", "disagreement")]),
    # everyone agrees
    ([("SOHR", 12.0), ("AFP", 12.0)], 12, 12, []),
])
def test_summary_figures_and_disagreement(claims: list[tuple[str, float]], best: float,
                                          conservative: float,
                                          kinds: list[tuple[str, str]]) -> None:
    incident = summarize("inc-x", [
        linked(f"d{i}", [("killed", value, None)], speaker=who, outlet_name=f"o{i}")
        for i, (who, value) in enumerate(claims)])
    assert incident.killed is not None
    assert incident.killed.best == best and incident.killed.conservative == conservative
    assert [(c.field, c.kind) for c in incident.contradictions] == kinds
    assert incident.grade == ("contested" if kinds else "corroborated")


def test_summary_vague_numbers_count_as_acled_codes_them() -> None:
    """'dozens' is 12 (ACLED); a vague count is a claim like any other, and the lowest."""
    incident = summarize("inc-x", [
        linked("d1", [("injured", 12, "vague")], outlet_name="a"),
        linked("d2", [("injured", 30, None)], outlet_name="b"),
    ])
    assert incident.injured is not None
    assert incident.injured.low == 12 and incident.injured.conservative == 12
    assert {c.qualifier for c in incident.injured.claims} == {"vague", None}


def test_summary_one_article_counts_its_largest_claim() -> None:
    """A headline's "at least 3" and the body's "5" are one claim of 5."""
    incident = summarize("inc-x", [linked("d1", [("killed", 3, "at_least"),
                                                 ("killed", 5, None)])])
    assert incident.killed is not None
    assert incident.killed.best == 5 and incident.killed.low == 3
    assert incident.contradictions == () and incident.grade == "single"


def test_summary_perpetrator_date_and_place_contradictions() -> None:
    incident = summarize("inc-x", [
        linked("d1", [("killed", 4, None)], actors=("Russian Air Force",), outlet_name="a",
               day="2016-11-15"),
        linked("d2", [("killed", 4, None)], actors=("Syrian Arab Army",), outlet_name="b",
               day="2016-11-19"),
    ])
    fields = {(c.field, c.kind) for c in incident.contradictions}
    assert ("perpetrator", "disagreement") in fields
    assert ("date", "disagreement") in fields
    assert incident.grade == "contested"
    assert (incident.start, incident.end) == ("2016-11-15", "2016-11-19")


def test_summary_place_contradiction_only_between_towns() -> None:
    # Douma and Jaramana, both in Rif Dimashq, about 11 km apart: two places for one strike
    douma = {"place_name": "Douma", "lat": 33.5722, "lon": 36.4022, "admin1": "Rif Dimashq",
             "country_code": "SY", "precision": "town"}
    harasta = {"place_name": "Jaramana", "lat": 33.4862, "lon": 36.3464,
               "admin1": "Rif Dimashq", "country_code": "SY", "precision": "town"}
    region = {"place_name": "Rif Dimashq", "lat": 33.5, "lon": 36.5, "admin1": "Rif Dimashq",
              "country_code": "SY", "precision": "region"}
    disputed = summarize("inc-x", [linked("d1", [("killed", 4, None)], outlet_name="a",
                                          **douma),
                                   linked("d2", [("killed", 4, None)], outlet_name="b",
                                          **harasta)])
    assert [(c.field, c.kind) for c in disputed.contradictions] == [("place", "disagreement")]
    agreed = summarize("inc-x", [linked("d1", [("killed", 4, None)], outlet_name="a", **douma),
                                 linked("d2", [("killed", 4, None)], outlet_name="b",
                                        **region)])
    assert agreed.contradictions == () and agreed.grade == "corroborated"
    assert agreed.place is not None and agreed.place.name == "Douma"  # the most precise


@pytest.mark.parametrize(("counts", "tail", "injured"), [
    # shot, no outcome said: the injured are those shot and not killed
    ([("hit", 3.0, None), ("killed", 1.0, None)], "", 2.0),
    ([("hit", 1.0, None)], "", 1.0),
    # "a man was shot … he died": nobody is left injured
    ([("hit", 1.0, None), ("killed", 1.0, None)], "", None),
    # "four others shot": people besides the killed
    ([("killed", 1.0, None), ("hit", 4.0, None)], " others", 4.0),
    # an injured figure the words state wins when it counts as many ...
    ([("hit", 3.0, None), ("killed", 1.0, None), ("injured", 2.0, None)], "", 2.0),
    ([("hit", 2.0, None), ("injured", 4.0, None)], "", 4.0),
    # ... not when it counts a part of those shot: "8 shot, 1 in serious condition" is 8
    # injured; "three shot, one fatally, one in critical condition" is 2
    ([("hit", 8.0, None), ("injured", 1.0, None)], "", 8.0),
    ([("hit", 3.0, None), ("killed", 1.0, None), ("injured", 1.0, None)], "", 2.0),
])
def test_summary_injured_from_people_shot_not_killed(
        counts: list[tuple[str, float, Qualifier | None]], tail: str,
        injured: float | None) -> None:
    item = linked("d1", counts)
    if tail:  # the count's words run on to the noun it counts ("4 others")
        body = item.record.document.text + tail
        (event,) = item.record.events
        last = event.quantities[-1]
        quantities = (*event.quantities[:-1], dataclasses.replace(
            last, span=Span(start=last.span.start, end=len(body))))
        item = Linked(report=item.report, record=dataclasses.replace(
            item.record, document=dataclasses.replace(item.record.document, text=body),
            events=(dataclasses.replace(event, quantities=quantities),)))
    incident = summarize("inc-x", [item])
    got = incident.injured.best if incident.injured else None
    assert got == injured
    if incident.injured is not None:
        bases = {c.basis for c in incident.injured.claims}
        stated = max((v for u, v, _ in counts if u == "injured"), default=None)
        # the inferred claim stands beside a stated one only where it counts more
        assert bases == ({"hit_not_killed"} if stated is None else {None}
                         if stated >= injured else {None, "hit_not_killed"})


NOWHERE = {"place_name": None, "lat": None, "lon": None, "country_code": None, "admin1": None,
           "precision": None, "setting_name": None, "setting_lat": None, "setting_lon": None}
CHICAGO = {"setting_name": "Chicago", "setting_lat": 41.85, "setting_lon": -87.65,
           "setting_country_code": "US", "setting_admin1": "Illinois",
           "setting_precision": "town"}
EVANSTON = {**CHICAGO, "setting_name": "Evanston", "setting_lat": 42.04, "setting_lon": -87.69}
LANDING = {"place_name": "Landing", "lat": 40.91, "lon": -74.67, "admin1": "New Jersey",
           "country_code": "US", "precision": "town"}
ENGLEWOOD = {"place_name": "Englewood", "lat": 41.78, "lon": -87.64, "admin1": "Illinois",
             "country_code": "US", "precision": "district"}


@pytest.mark.parametrize(("reports", "name", "via"), [
    # a place a mention names wins over where the articles are set
    ([{**ENGLEWOOD, **CHICAGO}, CHICAGO], "Englewood", "reports"),
    # no mention names one: where the articles are set, said to be that
    ([CHICAGO], "Chicago", "setting"),
    ([CHICAGO, EVANSTON, CHICAGO], "Chicago", "setting"),  # the most common setting
    ([{}], None, None),  # nothing at all: no place
    # a place one report's gazetteer put in another state does not outvote the places near
    # where the articles are set, even named twice ...
    ([{**LANDING, **CHICAGO}, {**LANDING, **CHICAGO}, {**ENGLEWOOD, **CHICAGO}],
     "Englewood", "reports"),
    # ... but stands when no place is near a setting
    ([{**LANDING, **CHICAGO}], "Landing", "reports"),
])
def test_summary_place_from_mentions_else_where_the_articles_are_set(
        reports: list[dict[str, object]], name: str | None, via: str | None) -> None:
    incident = summarize("inc-x", [linked(f"d{i}", [("killed", 1, None)], outlet_name=f"o{i}",
                                          **{**NOWHERE, **changes})
                                   for i, changes in enumerate(reports)])
    if name is None:
        assert incident.place is None
    else:
        assert incident.place is not None
        assert (incident.place.name, incident.place.via) == (name, via)


@pytest.mark.parametrize(("reports", "span", "via"), [
    # days the mentions state
    ([{"day": "2016-11-15"}, {"day": "2016-11-16", "story_day": "2016-11-10"}],
     ("2016-11-15", "2016-11-16"), "reports"),
    # none states one: the days the articles' stories give, said to be that
    ([{"day": None, "story_day": "2016-11-14", "story_time": "t3"},
      {"day": None, "story_day": "2016-11-15", "story_time": "t1"}],
     ("2016-11-14", "2016-11-15"), "story"),
    # neither: no start, the first publication day as the end
    ([{"day": None}], (None, "2016-11-15"), None),
])
def test_summary_dates_from_mentions_else_the_stories(
        reports: list[dict[str, object]], span: tuple[str | None, str | None],
        via: str | None) -> None:
    incident = summarize("inc-x", [linked(f"d{i}", [("killed", 1, None)], outlet_name=f"o{i}",
                                          **changes) for i, changes in enumerate(reports)])
    assert (incident.start, incident.end, incident.date_via) == (*span, via)
    story = [r.story_time for r in incident.reports]
    assert story == ([c.get("story_time") for c in reports] if via == "story"
                     else [None] * len(reports))


def _told(text: str, counts: list[tuple[str, float, str]]) -> Linked:
    """One article whose one event counts ``counts`` ((unit, value, surface)) in ``text``."""
    item = linked("d1", [(unit, value, None) for unit, value, _ in counts])
    spans: list[Span] = []
    for _, _, surface in counts:  # in text order; a list and its first member start alike
        start = text.index(surface, spans[-1].start if spans else 0)
        if spans and (start, start + len(surface)) == (spans[-1].start, spans[-1].end):
            start = text.index(surface, start + 1)  # the same words told again
        spans.append(Span(start=start, end=start + len(surface)))
    event = item.record.events[0]
    quantities = tuple(dataclasses.replace(q, span=span)
                       for q, span in zip(event.quantities, spans, strict=True))
    record = dataclasses.replace(
        item.record, document=dataclasses.replace(item.record.document, text=text),
        events=(dataclasses.replace(event, quantities=quantities),))
    return Linked(report=item.report, record=record)


@pytest.mark.parametrize(("text", "counts", "killed", "injured"), [
    # a count of more people in a later sentence adds to the one before it
    ("One victim was pronounced dead at the scene. Two more people died at the hospital.",
     [("killed", 1, "One victim"), ("killed", 2, "Two more people")], 3, None),
    ("A man was killed on Sunday. Another man died of his wounds on Monday.",
     [("killed", 1, "A man"), ("killed", 1, "Another man")], 2, None),
    # ... not "the other" one of those counted, nor a list's own member
    ("Two men were shot dead. The other victim was a 19-year-old.",
     [("killed", 2, "Two men"), ("killed", 1, "The other victim")], 2, None),
    ("Five wounded in shooting\nA 2-year-old girl and four other people were wounded.",
     [("injured", 5, "Five"), ("injured", 4, "four other people")], None, 5),
    # ... nor a list whose others are besides its own first member, however often it is told
    ("Five wounded in shooting\nA 2-year-old girl and four other people were wounded.",
     [("injured", 5, "Five"), ("injured", 1, "A 2-year-old girl"),
      ("injured", 5, "A 2-year-old girl and four other people"),
      ("injured", 4, "four other people")], None, 5),
    ("Toddler among five wounded\nA 2-year-old girl and four other people were wounded, "
     "police said.\nA 2-year-old girl and four other people were wounded, police said.",
     [("injured", 5, "five"), ("injured", 1, "A 2-year-old girl"),
      ("injured", 5, "A 2-year-old girl and four other people"),
      ("injured", 4, "four other people"), ("injured", 1, "A 2-year-old girl"),
      ("injured", 5, "A 2-year-old girl and four other people"),
      ("injured", 4, "four other people")], None, 5),
    ("Three dead at a party. A man and two other guests were killed after midnight.",
     [("killed", 3, "Three"), ("killed", 3, "A man and two other guests"),
      ("killed", 2, "two other guests")], 3, None),
    # ... while more people named first still add
    ("A woman was shot dead on Friday. Two more people, a teenager and a man, died on "
     "Saturday.", [("killed", 1, "A woman"), ("killed", 2, "Two more people")], 3, None),
    # ... nor others besides a count of another casualty: a retelling of the headline
    ("Four killed, two others wounded\nThe gunman killed four people and wounded two "
     "others.", [("killed", 4, "Four"), ("injured", 2, "two others"),
                 ("killed", 4, "four people"), ("injured", 2, "two others")],
     4, 2),
    # the killer who kills himself is one more dead, in his own sentence too ...
    ("The gunman killed two people before killing himself.",
     [("killed", 2, "two people"), ("killed", 1, "himself")], 3, None),
    ("A man shot and killed his wife on Sunday. He later killed himself.",
     [("killed", 1, "his wife"), ("killed", 1, "himself")], 2, None),
    ("Police say the gunman killed two people.\nThe gunman then turned the gun on himself.",
     [("killed", 2, "two people"), ("killed", 1, "himself")], 3, None),
    ("The gunman killed three people. He then took his own life.",
     [("killed", 3, "three people"), ("killed", 1, "his own life")], 4, None),
    ("The shooter killed two people before he committed suicide.",
     [("killed", 2, "two people"), ("killed", 1, "suicide")], 3, None),
    ("Man kills wife, self in Tulsa home", [("killed", 1, "wife"), ("killed", 1, "self")], 2,
     None),
    # ... to a list of his victims, not to its last member
    ("Man kills his girlfriend and her daughter, turns gun on himself",
     [("killed", 1, "his girlfriend"), ("killed", 2, "his girlfriend and her daughter"),
      ("killed", 1, "her daughter"), ("killed", 1, "himself")], 3, None),
    ("The gunman shot dead a woman and two children before killing himself.",
     [("killed", 3, "a woman and two children"), ("killed", 2, "two children"),
      ("killed", 1, "himself")], 4, None),
    # ... whatever other casualties stand between
    ("The gunman opened fire, killing two people and wounding seven others before taking his "
     "own life.", [("killed", 2, "two people"), ("injured", 7, "seven others"),
                   ("killed", 1, "his own life")], 3, 7),
    ("A man killed his wife, wounded two neighbours and then turned the gun on himself.",
     [("killed", 1, "his wife"), ("injured", 2, "two neighbours"), ("killed", 1, "himself")],
     2, 2),
    # ... once, however often his death is told
    ("The gunman killed two people before killing himself. Police said he took his own "
     "life.", [("killed", 2, "two people"), ("killed", 1, "himself"),
               ("killed", 1, "his own life")], 3, None),
    # ... unless a list counts him already
    ("A man killed his wife and then himself.",
     [("killed", 1, "his wife"), ("killed", 2, "wife and then himself"),
      ("killed", 1, "himself")], 2, None),
    # a victim who shot himself is counted once, by the subject
    ("A 3-year-old boy fatally shot himself.", [("killed", 1, "A 3-year-old boy")], 1, None),
])
def test_summary_counts_added_in_a_later_sentence(
        text: str, counts: list[tuple[str, float, str]], killed: float | None,
        injured: float | None) -> None:
    incident = summarize("inc-x", [_told(text, counts)])
    assert (incident.killed.best if incident.killed else None) == killed
    assert (incident.injured.best if incident.injured else None) == injured


@pytest.mark.parametrize(("articles", "killed", "injured", "bases"), [
    # hurt on Monday, dead by Wednesday: one killed, none injured
    ([("2016-05-09", [("injured", 1, None)]), ("2016-05-11", [("killed", 1, None)])],
     1, 0, {"died_since"}),
    # two of five wounded died later: three injured remain
    ([("2016-05-09", [("killed", 1, None), ("injured", 5, None)]),
      ("2016-05-12", [("killed", 3, None)])], 3, 3, {"died_since"}),
    # the later article gives no higher toll: nobody moves
    ([("2016-05-09", [("killed", 2, None), ("injured", 4, None)]),
      ("2016-05-10", [("killed", 2, None)])], 2, 4, {None}),
    # an article of the same day is no later news: both stand
    ([("2016-05-09", [("injured", 1, None)]), ("2016-05-09", [("killed", 1, None)])],
     1, 1, {None}),
    # a later article that counts the injured itself is heard as it is; the earlier loses
    ([("2016-05-09", [("injured", 2, None)]),
      ("2016-05-10", [("killed", 1, None), ("injured", 1, None)])], 1, 1,
     {"died_since", None}),
    # no more die than the incident's best toll says: one odd later count of 9 among
    # claimants of 1 moves one wounded, not nine
    ([("2016-05-09", [("injured", 3, None)]), ("2016-05-10", [("killed", 1, None)]),
      ("2016-05-11", [("killed", 1, None)]), ("2016-05-12", [("killed", 9, None)])],
     1, 2, {"died_since"}),
    # "a man was shot" (Tuesday) beside "police name the man killed" (Monday): the people
    # shot include the dead, whichever article came first
    ([("2016-05-09", [("killed", 1, None)]), ("2016-05-10", [("hit", 1, None)])],
     1, 0, {"died_since"}),
    ([("2016-05-09", [("killed", 1, None)]), ("2016-05-09", [("hit", 3, None)])],
     1, 2, {"died_since"}),
    # ... but a wounded count the words state is news of its day: an earlier toll is no
    # death since
    ([("2016-05-09", [("killed", 1, None)]), ("2016-05-10", [("injured", 1, None)])],
     1, 1, {None}),
])
def test_summary_wounded_who_die_move_to_the_dead(
        articles: list[tuple[str, list[tuple[str, float, Qualifier | None]]]],
        killed: float, injured: float, bases: set[str | None]) -> None:
    incident = summarize("inc-x", [linked(f"d{i}", counts, published=day, outlet_name=f"o{i}")
                                   for i, (day, counts) in enumerate(articles)])
    assert incident.killed is not None and incident.injured is not None
    assert (incident.killed.best, incident.injured.best) == (killed, injured)
    assert {c.basis for c in incident.injured.claims} == bases


@pytest.mark.parametrize(("articles", "injured"), [
    # one outlet: "7-year-old dead, three others wounded", then the next day "a boy was
    # shot" (no wounded stated; the shot less the dead is none) — no update to none
    ([("2016-03-04", [("killed", 1, None), ("injured", 3, None)]),
      ("2016-03-05", [("hit", 1, None)])], 3),
    # ... but a later article of the outlet that states a figure is its update
    ([("2016-03-04", [("killed", 1, None), ("injured", 3, None)]),
      ("2016-03-05", [("killed", 1, None), ("injured", 2, None)])], 2),
    # ... and an outlet that never states one is heard through what it lets be inferred
    ([("2016-03-04", [("killed", 1, None), ("hit", 4, None)]),
      ("2016-03-05", [("killed", 1, None), ("hit", 4, None)])], 3),
])
def test_summary_a_stated_figure_outranks_the_same_outlets_inferred_one(
        articles: list[tuple[str, list[tuple[str, float, Qualifier | None]]]],
        injured: float) -> None:
    incident = summarize("inc-x", [linked(f"d{i}", counts, published=day, outlet_name="o")
                                   for i, (day, counts) in enumerate(articles)])
    assert incident.injured is not None and incident.injured.best == injured
