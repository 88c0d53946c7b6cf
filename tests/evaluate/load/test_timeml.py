from __future__ import annotations

import datetime as dt
from pathlib import Path

from wirescope.evaluate.load.timeml import Timex, load

TML = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>APW1</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="TIME" value="1998-08-07T06:18:00" '
    'functionInDocument="CREATION_TIME">08/07/1998</TIMEX3></DCT>\n'
    "<TITLE>Bombs</TITLE>\n<TEXT>\n"
    'Bombs <EVENT eid="e1" class="OCCURRENCE">exploded</EVENT> '
    '<TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, and\n'
    '<SIGNAL sid="s1">after</SIGNAL> '
    '<TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3> &amp; more.\n'
    "</TEXT>\n"
    '<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS"/>\n'
    "</TimeML>\n"
)


def test_timeml_load_strips_tags_and_keeps_offsets(tmp_path: Path) -> None:
    (tmp_path / "APW1.tml").write_text(TML, "utf-8")
    (tmp_path / "notes.txt").write_text("ignored", "utf-8")
    (item,) = load(tmp_path)
    text = item.document.text
    assert text == "\nBombs exploded Friday, and\nafter two days & more.\n"
    assert item.document.id == "timeml-APW1"
    assert item.document.published == dt.date(1998, 8, 7)
    assert item.creation_time == "1998-08-07T06:18:00"
    assert item.timexes == (Timex(span=(16, 22), value="1998-08-07", type="DATE"),
                            Timex(span=(34, 42), value="P2D", type="DURATION"))
    assert [text[slice(*t.span)] for t in item.timexes] == ["Friday", "two days"]
