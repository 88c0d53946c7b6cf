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
    # A relabelled row: start/end hold token indices, the tokens hold the offsets.
    {"text": "In Vienna, people marched.", "_id": "d", "answer": "accept",
     "tokens": [{"text": "In", "start": 0, "end": 2, "id": 0},
                {"text": "Vienna", "start": 3, "end": 9, "id": 1},
                {"text": ",", "start": 9, "end": 10, "id": 2},
                {"text": "people", "start": 11, "end": 17, "id": 3},
                {"text": "marched", "start": 18, "end": 25, "id": 4}],
     "spans": [{"start": 18, "end": 25, "token_start": 4, "token_end": 4, "label": "VERB"},
               {"start": 1, "end": 1, "token_start": 1, "token_end": 1, "label": "LOCATION",
                "text": "Vienna"}]},
]


def test_event_location_load_reads_verb_and_locations(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n", "utf-8")
    first, second, _ = load(path)
    assert first.document.id == "el-0001-a"
    assert first.verb == (10, 16) and first.locations == ((20, 28), (33, 37))
    assert first.document.text[slice(*first.locations[1])] == "Homs"
    assert (second.verb, second.locations) == (None, ())


def test_event_location_load_takes_offsets_from_tokens_when_given(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n", "utf-8")
    relabelled = load(path)[2]
    text = relabelled.document.text
    assert relabelled.verb is not None and text[slice(*relabelled.verb)] == "marched"
    assert [text[slice(*r)] for r in relabelled.locations] == ["Vienna"]
