"""Running figures: which claimed counts are points of a series, their measure, day and
since-date, and the checks on a series and on a claim's arithmetic."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord, Span
from wirescope.resolve.series import Point, changes, falling, percentages, points, series


def _record(pipeline: Pipeline, text: str, published: str | None = "2016-05-27",
            doc_id: str = "d1") -> DocumentRecord:
    (record,) = pipeline.run([Document(
        id=doc_id, text=text,
        published=dt.date.fromisoformat(published) if published else None)])
    assert isinstance(record, DocumentRecord)
    return record


@pytest.mark.parametrize(("text", "expected"), [
    # what officials repeat and update: a tally of settlements, of armed groups
    ('"To date, the number of settlements that signed reconciliation agreements has reached '
     '120," Rudskoy said.', [("settlements joined the reconciliation", 120.0)]),
    ('"Overall, the number of settlements to sign the reconciliation agreement is growing. '
     'To date, their number has reached 120," Rudskoy said.',
     [("settlements joined the reconciliation", 120.0)]),
    ('"Sixty armed groups have stated that they accept the ceasefire conditions," Rudskoy '
     'said.', [("armed groups joined the ceasefire", 60.0)]),
    # a monitor's or an agency's running total
    ("The UN said more than 400,000 people have been displaced since the offensive began.",
     [("displaced", 400000.0)]),
    ("Police said 120 people were arrested during the protests this month.",
     [("detained", 120.0)]),
    # a running toll the events extractor keeps as a tally (no incident of its own)
    ("The Russian Defence Ministry said 2,500 militants have been eliminated since "
     "September 30.", [("fighters eliminated", 2500.0)]),
    ('"So far, 1,200 fighters have been killed in the offensive," the monitor said.',
     [("fighters eliminated", 1200.0)]),
    ("The war, which has killed more than 280,000 people, entered its sixth year, the "
     "Syrian Observatory for Human Rights said.", [("killed", 280000.0)]),
    ("Clashes have killed thousands of fighters this year, the Observatory said.",
     [("fighters eliminated", 1000.0)]),
    # an incident's toll is the incident's figure, not a series ...
    ("The death toll from Tuesday's air strikes on a market in Aleppo rose to 25, the "
     "Syrian Observatory for Human Rights said on Wednesday.", []),
    ("The Observatory said 30 people were killed in an air strike on a market in Idlib on "
     "Tuesday.", []),
    ("Police said 12 people were arrested during the protest on Sunday.", []),
    # ... and a count nobody claims has no claimant to follow
    ("Air strikes killed 30 people in Idlib on Tuesday.", []),
])
def test_series_measure_of_a_claimed_figure(pipeline: Pipeline, text: str,
                                            expected: list[tuple[str, float]]) -> None:
    assert [(p.measure, p.value) for p in points(_record(pipeline, text))] == expected


@pytest.mark.parametrize(("text", "published", "day", "via"), [
    # the reporting clause's own day
    ('"To date, the number of settlements that signed reconciliation agreements has reached '
     '120," Rudskoy said on Friday.', "2016-05-28", "2016-05-27", "claim"),
    # else the article's publication day
    ('"To date, the number of settlements that signed reconciliation agreements has reached '
     '120," Rudskoy said.', "2016-05-28", "2016-05-28", "published"),
    # else no day, said to be none
    ('"To date, the number of settlements that signed reconciliation agreements has reached '
     '120," Rudskoy said.', None, None, None),
])
def test_series_point_day(pipeline: Pipeline, text: str, published: str | None,
                          day: str | None, via: str | None) -> None:
    (point,) = points(_record(pipeline, text, published))
    assert (point.day, point.day_via) == (day, via)


@pytest.mark.parametrize(("text", "since", "words"), [
    ("The UN said more than 400,000 people have been displaced since May 20, when the "
     "offensive began.", "2016-05-20", "May 20"),
    ('"Since May 1, police have arrested 300 people in total," the minister said.',
     "2016-05-01", "May 1"),
    ("Police said 120 people were arrested this month, starting May 2.", "2016-05-02",
     "May 2"),
    ("The Russian Defence Ministry said 2,500 militants have been eliminated since "
     "September 30.", "2015-09-30", "September 30"),
    # a tally with no day it counts from
    ("The ministry said 2,000 people have been displaced since the fighting began.", None,
     None),
])
def test_series_since_date(pipeline: Pipeline, text: str, since: str | None,
                           words: str | None) -> None:
    (point,) = points(_record(pipeline, text))
    assert point.since == since
    got = text[point.since_span.start : point.since_span.end] if point.since_span else None
    assert got == words


def _point(value: float, day: str | None, start: int = 0, change: bool = False) -> Point:
    return Point(value=value, low=None, high=None, qualifier=None,
                 measure="settlements joined the reconciliation", claimant="kb-x",
                 claimant_name="X", document=f"d-{day}", event="ev1", quote="q1",
                 span=Span(start=start, end=start + 3), day=day,
                 day_via="published" if day else None, scope=None, since=None,
                 change=change)


@pytest.mark.parametrize(("values", "checks"), [
    # 100 on the 26th, 120 on the 27th, "20 in the past 24 hours" on the 27th: holds
    ([(100, "2016-05-26", False), (120, "2016-05-27", False), (20, "2016-05-27", True)],
     [True]),
    # ... "25 in the past 24 hours": the totals say 20
    ([(100, "2016-05-26", False), (120, "2016-05-27", False), (25, "2016-05-27", True)],
     [False]),
    # the latest earlier total is the one compared, however many days back
    ([(90, "2016-05-20", False), (100, "2016-05-24", False), (120, "2016-05-27", False),
      (20, "2016-05-27", True)], [True]),
    # a change with no total that day, or none before it, is not checked
    ([(100, "2016-05-26", False), (20, "2016-05-27", True)], []),
    ([(120, "2016-05-27", False), (20, "2016-05-27", True)], []),
])
def test_series_daily_change_against_totals(values: list[tuple[float, str, bool]],
                                            checks: list[bool]) -> None:
    ordered = [_point(v, d, start=i * 10, change=c) for i, (v, d, c) in enumerate(values)]
    flags = changes(ordered)
    assert [f.holds for f in flags] == checks
    assert all(f.kind == "change_mismatch" and len(f.spans) == 3 for f in flags)


def test_series_changes_and_totals_from_articles(pipeline: Pipeline) -> None:
    """A day's change is a point of its series, checked; it is no total that falls."""
    said = ('"To date, the number of settlements that signed reconciliation agreements has '
            'reached {total}," Rudskoy said.')
    records = [
        _record(pipeline, said.format(total=100), "2016-05-26", "d1"),
        _record(pipeline, said.format(total=120) + ' "In the past 24 hours, 20 settlements '
                'signed reconciliation agreements," he said.', "2016-05-27", "d2")]
    (found,) = series(records)
    assert [(p.value, p.change) for p in found.points] == [
        (100.0, False), (120.0, False), (20.0, True)]
    assert [(f.kind, f.holds) for f in found.flags] == [("change_mismatch", True)]


@pytest.mark.parametrize(("values", "falls"), [
    # a total that only grows: no flag
    ([(60, "2016-05-01"), (90, "2016-05-10"), (120, "2016-05-20")], []),
    ([(60, "2016-05-01"), (60, "2016-05-10")], []),
    # a later total below an earlier one: flagged, naming both
    ([(60, "2016-05-01"), (120, "2016-05-10"), (100, "2016-05-20")], [(120, 100)]),
    ([(120, "2016-05-01"), (100, "2016-05-10"), (90, "2016-05-20")], [(120, 100), (120, 90)]),
    # two figures of one day are no fall over time; an undated one is not placed in it
    ([(120, "2016-05-01"), (100, "2016-05-01")], []),
    ([(120, "2016-05-01"), (100, None)], []),
])
def test_series_falling_total(values: list[tuple[float, str | None]],
                              falls: list[tuple[float, float]]) -> None:
    ordered = [_point(v, d, start=i * 10) for i, (v, d) in enumerate(values)]
    flags = falling(ordered)
    assert [(f.points[0].value, f.points[1].value) for f in flags] == falls
    assert all(f.kind == "falling_total" and not f.holds for f in flags)


@pytest.mark.parametrize(("text", "checks"), [
    # a part, its share and its whole, in either order: checked
    ("They possessed about 80,000 fighters, of whom 28,000 (35 percent) have been "
     "eliminated.", [(28000.0, 35.0, 80000.0, True)]),
    ("Officials said 28,000 (35%) of 80,000 fighters were killed.",
     [(28000.0, 35.0, 80000.0, True)]),
    ("Officials said 28,000, or 35 percent, of the 80,000 fighters were killed.",
     [(28000.0, 35.0, 80000.0, True)]),
    # a share the numbers do not make
    ("They possessed about 80,000 fighters, of whom 28,000 (45 percent) have been "
     "eliminated.", [(28000.0, 45.0, 80000.0, False)]),
    # a rounded share holds to within a point
    ("Of the 3 settlements listed, 1 (33%) of 3 joined.", [(1.0, 33.0, 3.0, True)]),
    # a share with no whole beside it is not checked
    ("Officials said 35 percent of the fighters were killed.", []),
])
def test_series_percentage_check(text: str,
                                 checks: list[tuple[float, float, float, bool]]) -> None:
    record = DocumentRecord(document=Document(id="d1", text=text))
    got = []
    for flag in percentages(record):
        part, pct, whole = (float(text[s.start : s.end].replace(",", "")) for s in flag.spans)
        got.append((part, pct, whole, flag.holds))
    assert got == checks


def test_series_on_the_samples(pipeline: Pipeline, samples_dir: Path) -> None:
    """Sample 002: Rudskoy's settlements (120) and armed groups (60) are two series, never
    one; sample 000: Lukyanov's 28,000 of 80,000 (35 percent) eliminated checks out."""
    records = [_record(pipeline, path.read_text(encoding="utf-8"), doc_id=path.stem)
               for path in sorted(samples_dir.glob("00[02]_*.txt"))]
    found = {(s.claimant_name, s.measure): s for s in series(records)}
    groups = found[("Sergei Rudskoy", "armed groups joined the ceasefire")]
    settlements = found[("Sergei Rudskoy", "settlements joined the reconciliation")]
    assert [p.value for p in groups.points] == [60.0]
    assert [p.value for p in settlements.points] == [120.0]
    eliminated = found[("Evgeny Lukyanov", "fighters eliminated")]
    assert [p.value for p in eliminated.points] == [28000.0]
    (check,) = eliminated.flags
    assert check.kind == "percentage" and check.holds
    text = next(r for r in records if r.document.id == eliminated.points[0].document)
    assert [text.document.text[s.start : s.end] for s in check.spans] == [
        "28,000", "35", "80,000"]
