"""Gun-violence incidents (SemEval-2018 Task 5, cltl/LongTailQATask): US local-news articles,
each labelled with the Gun Violence Archive incident it reports.

``gva_dev.jsonl`` holds the articles (the system reads ``id, title, published, url, text``;
``incident`` is the gold label), ``gva_dev_incidents.csv`` beside it the incidents: date,
state, city, killed, injured and coordinates (empty where unknown)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from wirescope.ingest.text import with_headline
from wirescope.records import Document

INCIDENTS_FILE = "gva_dev_incidents.csv"


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldIncident:
    id: str
    date: dt.date | None
    state: str | None
    city: str | None
    killed: int | None
    injured: int | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentItem:
    document: Document
    incident: GoldIncident


def _number(value: str) -> int | None:
    return int(float(value)) if value.strip() else None


def _coordinate(value: str) -> float | None:
    return float(value) if value.strip() else None


def read_incidents(path: Path) -> dict[str, GoldIncident]:
    found = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            found[row["incident"]] = GoldIncident(
                id=row["incident"],
                date=dt.date.fromisoformat(row["date"]) if row["date"] else None,
                state=row["state"] or None, city=row["city"] or None,
                killed=_number(row["killed"]), injured=_number(row["injured"]),
                lat=_coordinate(row["lat"]), lon=_coordinate(row["lon"]),
            )
    return found


def load(path: Path) -> list[IncidentItem]:
    incidents = read_incidents(path.parent / INCIDENTS_FILE)
    items = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            published = row.get("published")
            incident = str(row["incident"])
            items.append(IncidentItem(
                document=Document(
                    id=row["id"], text=with_headline(row.get("title"), row["text"]),
                    title=row.get("title"), url=row.get("url"),
                    published=dt.date.fromisoformat(published) if published else None,
                    origin=f"{path.name}:{number}",
                ),
                incident=incidents.get(incident) or GoldIncident(
                    id=incident, date=None, state=None, city=None, killed=None, injured=None,
                    lat=None, lon=None),
            ))
    return items


def incident_of(item: IncidentItem) -> str:
    return item.incident.id
