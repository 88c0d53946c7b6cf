from __future__ import annotations

import json
from pathlib import Path

from wirescope.evaluate.load.event_location import load

ROWS = [
    {"text": "Nine were killed in Aziziyah and Homs.", "_id": "a", "answer": "accept",
     "spans": [{"start": 10, "end": 16, "label": "VERB"},
               {"start": 20, "end": 28, "label": "LOCATION"},
               {"start": 33, "end": 37, "label": "LOCATION"}]},
    {"text": "Boats patrol.", "_id": "b", "answer": "accept"},
    {"text": "Rejected.", "_id": "c", "answer": "reject", "spans": []},
]


def test_event_location_load_reads_verb_and_locations(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n", "utf-8")
    first, second = load(path)
    assert first.document.id == "el-0001-a"
    assert first.verb == (10, 16) and first.locations == ((20, 28), (33, 37))
    assert first.document.text[slice(*first.locations[1])] == "Homs"
    assert (second.verb, second.locations) == (None, ())
