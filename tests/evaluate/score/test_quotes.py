from __future__ import annotations

import pytest

from tests.evaluate import build
from wirescope.evaluate.load.brat import Attribution, BratItem
from wirescope.evaluate.score.quotes import score

TEXT = "The Post reports that Clinton left early. It was said that she was ill, Bob said."
GOLD = (
    Attribution(content=((17, 40),), source=((0, 8),), cue=((9, 16),)),
    Attribution(content=((54, 62), (63, 70)), source=None, cue=((49, 53),)),
)


def _values(*quotes: tuple[tuple[int, int], tuple[int, int] | None]) -> dict[str, float]:
    doc = build.document(TEXT)
    record = build.record(doc, quotes=tuple(
        build.quote(doc, f"q{i}", where, speaker) for i, (where, speaker) in enumerate(quotes)))
    scored = score([(BratItem(document=doc, attributions=GOLD), record)])
    return {m.key: m.value or 0.0 for m in scored.metrics}


def test_quotes_score_content_and_source() -> None:
    values = _values(
        ((22, 40), (0, 8)),  # "Clinton left early", 18 of 23 gold chars: content and source
        ((54, 70), (72, 75)),  # both fragments; gold has no source but a speaker is given
        ((0, 80), None),  # covers everything: too long to match anything
    )
    assert values["content.precision"] == pytest.approx(2 / 3)
    assert values["content.recall"] == 1.0
    assert values["content.f1"] == pytest.approx(0.8)
    assert values["content_source.precision"] == pytest.approx(1 / 3)
    assert values["content_source.recall"] == 0.5
    assert values["content_source.f1"] == pytest.approx(0.4)


@pytest.mark.parametrize(
    ("where", "content_f1"),
    [((17, 29), 2 / 3), ((17, 27), 0.0)],  # 12 of 23 chars is enough, 10 of 23 is not
)
def test_quotes_score_partial_overlap_threshold(where: tuple[int, int], content_f1: float
                                                ) -> None:
    assert _values((where, None))["content.f1"] == pytest.approx(content_f1)


def test_quotes_score_no_predictions() -> None:
    values = _values()
    assert values == {key: 0.0 for key in values}
    assert len(values) == 6
