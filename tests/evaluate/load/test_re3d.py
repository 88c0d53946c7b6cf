from __future__ import annotations

import json
from pathlib import Path

from wirescope.evaluate.load.re3d import GoldEntity, GoldRelation, load

TEXT = "U.S. forces advise the SDF in Syria."


def _write(path: Path, rows: list[dict[str, object]]) -> None:
    path.write_text("\ufeff" + "\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")


def test_re3d_load_reads_mongoexport_lines_and_keeps_the_surest_type(tmp_path: Path) -> None:
    source = tmp_path / "CENTCOM"
    source.mkdir()
    (tmp_path / "README.md").write_text("not a source", "utf-8")
    _write(source / "documents.json", [{"_id": "D1", "title": "T", "text": TEXT,
                                        "sourceName": "CENTCOM", "sourceUrl": "u"}])
    _write(source / "entities.json", [
        {"documentId": "D1", "begin": 0, "end": 11, "type": "Organisation", "confidence": 1},
        {"documentId": "D1", "begin": 30, "end": 35, "type": "Organisation", "confidence": 0},
        {"documentId": "D1", "begin": 30, "end": 35, "type": "Location", "confidence": 0.9},
        {"documentId": "D1", "begin": 19, "end": 26, "type": "Organisation", "confidence": 0},
    ])
    _write(source / "relations.json", [
        {"documentId": "D1", "type": "CommWith", "sourceBegin": 0, "sourceEnd": 11,
         "targetBegin": 19, "targetEnd": 26},
    ])
    (item,) = load(tmp_path)
    assert item.document.id == "re3d-D1" and item.document.source == "CENTCOM"
    assert item.entities == (
        GoldEntity(span=(0, 11), type="Organisation", confidence=1.0),
        GoldEntity(span=(19, 26), type="Organisation", confidence=0.0),
        GoldEntity(span=(30, 35), type="Location", confidence=0.9),
    )
    assert item.relations == (GoldRelation(type="CommWith", source=(0, 11), target=(19, 26)),)
