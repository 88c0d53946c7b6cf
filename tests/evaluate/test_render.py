from __future__ import annotations

import json

from wirescope.evaluate import render
from wirescope.evaluate.results import Metric, Miss, Scored, SetResult


def _result() -> SetResult:
    metrics = (
        Metric(field="place", measure="precision", value=0.5, support=4, gated=False),
        Metric(field="place", measure="recall", value=0.25, support=8, gated=False),
        Metric(field="place", measure="f1", value=1 / 3, support=8),
        Metric(field="event", measure="recall", value=1.0, support=2),
        Metric(field="geocoding", measure="median_km", value=None, support=0,
               higher_is_better=False),
    )
    misses = (
        Miss(document_id="d1", text="Nine were killed in Homs.", field="place",
             expected="Homs", got="-", span=(20, 24)),
        Miss(document_id="d1", text="x", field="place", expected="A", got="-"),
        Miss(document_id="d2", text="y", field="event", expected="B", got="-", severity=2.0),
    )
    return SetResult(name="event_location", path="events/x.jsonl", items=2, total=9,
                     failures=("d3: [W211] boom",), seconds=1.25,
                     scored=Scored(metrics=metrics, misses=misses, notes=("a note",)))


def test_render_rows_keep_only_used_columns() -> None:
    header, body = render.rows(_result())
    assert header == ["field", "P", "R", "F1", "median km", "n gold", "n pred"]
    assert body == [["place", "0.500", "0.250", "0.333", "", "8", "4"],
                    ["event", "", "1.000", "", "", "2", ""],
                    ["geocoding", "", "", "", "n/a", "0", ""]]


def test_render_table_and_markdown() -> None:
    table = render.table([_result()])
    assert table.splitlines()[0] == ("event_location (events/x.jsonl): 2 of 9 items, "
                                     "1 failed, 1.2 s")
    assert "  note: a note" in table and "  note: failed: d3: [W211] boom" in table
    page = render.markdown([_result()], commands=["make eval"], about="About.")
    assert "| place | 0.500 | 0.250 | 0.333 |  | 8 | 4 |" in page
    assert "```\nmake eval\n```" in page


def test_render_json() -> None:
    data = json.loads(render.as_json([_result()], pipeline="sig"))
    assert data["pipeline"] == "sig"
    assert data["sets"][0]["metrics"][2] == {
        "key": "place.f1", "field": "place", "measure": "f1", "value": 1 / 3, "support": 8,
        "higher_is_better": True, "gated": True}


def test_render_context_marks_the_gold_span() -> None:
    miss = _result().scored.misses[0]
    assert render.context(miss, width=8) == "…lled in »Homs«."


def test_render_worst_takes_turns_between_fields() -> None:
    chosen = render.worst(_result().scored.misses, 2)
    assert [(m.field, m.expected) for m in chosen] == [("event", "B"), ("place", "Homs")]
    assert render.errors(_result(), 1).splitlines()[0] == "event_location: 1 of 3 misses"
