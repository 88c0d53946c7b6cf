from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wirescope.evaluate.load.fakes import load, parse_date

CSV = (
    "unit_id,article_title,article_content,source,date,location,actor,cause_of_death,"
    "nb_children,nb_civilians,nb_noncivilians,nb_women,label\n"
    '1914947530,Attack,"Wed 05 Apr 2017 Shelling hit Idlib, killing 20 people",reuters,'
    "4/4/17,idlib,syrian government or russian troops,shelling,3,20,0,1,1\n"
    "7,No text,,sana,1/1/16,aleppo,unknown,unknown,0,0,0,0,0\n"
    "8,Odd,Text here,sana,,Aleppo ,Unknown,explosion,,x,2,0,1\n"
)


def test_fakes_load_reads_gold_and_keeps_the_answer_out_of_the_document(tmp_path: Path
                                                                       ) -> None:
    path = tmp_path / "fakes.csv"
    path.write_text(CSV, "utf-8")
    items = load(path)
    assert [i.document.id for i in items] == ["fakes-1914947530", "fakes-8"]  # empty text skipped
    first = items[0]
    # read as ingest reads it: the headline, then the body
    assert first.document.text == "Attack\n\nWed 05 Apr 2017 Shelling hit Idlib, killing 20 people"
    assert first.document.published is None
    assert first.date == dt.date(2017, 4, 4)
    assert (first.governorate, first.actor, first.cause) == (
        "idlib", "syrian government or russian troops", "shelling")
    assert dict(first.casualties) == {"civilians": 20, "noncivilians": 0, "children": 3,
                                      "women": 1}
    odd = items[1]
    assert (odd.date, odd.governorate, odd.actor) == (None, "aleppo", "unknown")
    assert dict(odd.casualties) == {"civilians": None, "noncivilians": 2, "children": None,
                                    "women": 0}


@pytest.mark.parametrize(
    ("value", "expected"),
    [("4/16/17", dt.date(2017, 4, 16)), ("12/1/13", dt.date(2013, 12, 1)), ("", None),
     ("2017-04-16", None)],
)
def test_fakes_parse_date(value: str, expected: dt.date | None) -> None:
    assert parse_date(value) == expected
