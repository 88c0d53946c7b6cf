from __future__ import annotations

from pathlib import Path

import pytest

from wirescope.evaluate.load.brat import Attribution, load, parse_ann, text_name

TEXT = "The Post reports that Clinton left early. It was said that she was ill."
ANN = """T1\tSource 0 8\tThe Post
T2\tCue 9 16\treports
T3\tContent 17 40\tthat Clinton left early
T4\tAttribution 9 16\treports
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tCue 49 53\tsaid
T6\tContent 54 62;63 70\tthat she was ill
T7\tAttribution-no-source 49 53\tsaid
E2\tAttribution-no-source:T7 Content:T6 Cue:T5
T8\tDiscard 0 3\tThe
E3\tAttribution:T4 Cue:T2
"""


def test_brat_parse_ann_builds_attributions() -> None:
    assert parse_ann(ANN) == (
        Attribution(content=((17, 40),), source=((0, 8),), cue=((9, 16),)),
        Attribution(content=((54, 62), (63, 70)), source=None, cue=((49, 53),)),
    )  # E3 has no content: dropped


def test_brat_parse_ann_merges_repeated_roles() -> None:
    ann = "T1\tContent 0 3\ta\nT2\tContent 5 9\tb\nT3\tCue 3 4\tc\nE1\tAttribution:T3 " \
          "Cue:T3 Content:T1 Content2:T2\n"
    (only,) = parse_ann(ann)
    assert only.content == ((0, 3), (5, 9))


@pytest.mark.parametrize(
    ("name", "expected"),
    [("breitbart_2016-09-12_stealth-over_ef2d.ann", "breitbart_2016-09-12_stealth-over"),
     ("plain.ann", "plain")],
)
def test_brat_text_name_drops_annotator_suffix(name: str, expected: str) -> None:
    assert text_name(Path(name)) == expected


def test_brat_load_scores_each_text_once(tmp_path: Path) -> None:
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "story.txt").write_text(TEXT, "utf-8")
    (tmp_path / "attributions" / "story_aaaa.ann").write_text(ANN, "utf-8")
    (tmp_path / "attributions" / "story_bbbb.ann").write_text("", "utf-8")
    (tmp_path / "attributions" / "orphan_cccc.ann").write_text(ANN, "utf-8")
    (item,) = load(tmp_path)
    assert item.document.id == "polnear-story"
    assert len(item.attributions) == 2  # from story_aaaa, the first annotation
