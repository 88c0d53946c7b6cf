from __future__ import annotations

import json
from pathlib import Path

from wirescope.evaluate.load.plover import Actor, load

RECORDS = [
    {"id": "DOC-1", "event": "DOCUMENT", "eventText": "documentation"},
    {"id": "G-1", "date": "2000-01-01", "event": "assault", "mode": "firearms",
     "source": [{"actorText": "Gunmen", "code": "---REB"}],
     "target": [{"actorText": "a police post", "code": "---COP"},
                {"actorText": "not in text", "code": "XXX"}],
     "text": "Gunmen attacked a police post."},
    {"id": "G-2", "event": "AGREE", "mode": "", "source": None, "target": "",
     "text": "They agreed."},
]


def test_plover_load_locates_actor_texts(tmp_path: Path) -> None:
    path = tmp_path / "gsr.txt"
    path.write_text(json.dumps(RECORDS), "utf-8")
    items = load(path)
    assert [i.document.id for i in items] == ["plover-G-1", "plover-G-2"]
    first, second = items
    assert (first.type, first.mode) == ("ASSAULT", "firearms")
    assert first.sources == (Actor(text="Gunmen", code="---REB", span=(0, 6)),)
    assert first.targets == (Actor(text="a police post", code="---COP", span=(16, 29)),
                             Actor(text="not in text", code="XXX", span=None))
    assert (second.mode, second.sources, second.targets) == (None, (), ())
