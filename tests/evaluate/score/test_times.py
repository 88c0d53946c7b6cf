from __future__ import annotations

import pytest

from tests.evaluate import build
from wirescope.evaluate.load.timeml import TimemlItem, Timex
from wirescope.evaluate.score.times import score

TEXT = "\nBombs exploded Friday, and\nafter two days & more.\n"
GOLD = (Timex(span=(16, 22), value="1998-08-07", type="DATE"),
        Timex(span=(34, 42), value="P2D", type="DURATION"))


def _values(*times: tuple[tuple[int, int], str | None]) -> dict[str, float]:
    doc = build.document(TEXT)
    record = build.record(doc, times=tuple(
        build.time(doc, f"t{i}", where, value) for i, (where, value) in enumerate(times)))
    scored = score([(TimemlItem(document=doc, timexes=GOLD, creation_time="1998-08-07"),
                     record)])
    return {m.key: m.value or 0.0 for m in scored.metrics}


@pytest.mark.parametrize(
    ("second_value", "value_f1"),
    [("P2D", 0.8), ("P3D", 0.4)],
)
def test_times_score_strict_relaxed_and_value(second_value: str, value_f1: float) -> None:
    values = _values(((16, 22), "1998-08-07"), ((28, 42), second_value), ((1, 6), None))
    assert values["span.strict.precision"] == pytest.approx(1 / 3)
    assert values["span.strict.recall"] == 0.5
    assert values["span.strict.f1"] == pytest.approx(0.4)
    assert values["span.relaxed.precision"] == pytest.approx(2 / 3)
    assert values["span.relaxed.recall"] == 1.0
    assert values["span.relaxed.f1"] == pytest.approx(0.8)
    assert values["value.f1"] == pytest.approx(value_f1)


def test_times_score_no_predictions() -> None:
    values = _values()
    assert set(values.values()) == {0.0} and len(values) == 9
