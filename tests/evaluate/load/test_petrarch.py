from __future__ import annotations

import datetime as dt
from pathlib import Path

from wirescope.evaluate.load.petrarch import CodedEvent, load

# Not well-formed on purpose, like the real file: a self-closed <Sentence/> closed again.
XML = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
# a comment outside any element
<Sentences>
<Sentence category="AFP" date="20080804" id="S1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<EventCoding eventcode="190" sourcecode="---REB" targetcode="SYR" />
<Text>
The US leader went to
Beijing &amp; met officials.
</Text>
<Parse>
1	The	the	DET
</Parse>
</Sentence>
<Sentence category="TEST" date="20150609" id="S2" evaluate="true">
<EventCoding noevents="True" />
<Text>Nothing happened.</Text>
</Sentence>
<Sentence category="TEST" date="bad" id="S3" evaluate="false">
<Text>Skipped.</Text>
</Sentence>
<Sentence category="TEST" date="20150609" id="S4" evaluate="true">
<EventCoding eventcode="190" sourcecode="NGAREB" targetcode="NGAMUS" />
<Text>
</Text>
</Sentence>
</Sentences>
</Validation>
"""


def test_petrarch_load_tolerates_the_malformed_file(tmp_path: Path) -> None:
    path = tmp_path / "gsr.xml"
    path.write_text(XML, "utf-8")
    items = load(path)
    assert [i.document.id for i in items] == ["petrarch-S1", "petrarch-S2"]
    first, second = items
    assert first.document.text == "The US leader went to Beijing & met officials."
    assert first.document.published == dt.date(2008, 8, 4)
    assert first.events == (
        CodedEvent(code="042", source="USA", target="CHN"),
        CodedEvent(code="190", source="---REB", target="SYR"),
    )
    assert second.events == ()
