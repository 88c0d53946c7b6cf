"""FA-KES (Abu Salem et al., ICWSM 2019): one CSV row per article with the event it reports.

Columns used: ``unit_id``, ``article_title``, ``article_content``, ``source``, ``date``
(M/D/YY, the date of the event), ``location`` (governorate), ``actor`` (perpetrator
category), ``cause_of_death`` and the casualty counts ``nb_civilians``, ``nb_noncivilians``,
``nb_children``, ``nb_women``.

The CSV carries no publication date (its only date column is the gold), so documents have
``published=None``: the article's own dateline, when it has one, is in the text and the
times extractor finds it. The gold ``date`` is documented as the event's date, but on the
dev split it is the article's own (dateline) day in 274 of 384 rows, even where the text
dates the incident to an earlier day ("killed on Friday" under a Saturday dateline); in 102
rows it is neither the dateline nor any date the text states. Both date figures of the
scorer (``date``, ``report_date``) are read against it; see
:mod:`wirescope.evaluate.score.fakes`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from wirescope.ingest.text import with_headline
from wirescope.records import Document

CASUALTY_COLUMNS = {
    "civilians": "nb_civilians",
    "noncivilians": "nb_noncivilians",
    "children": "nb_children",
    "women": "nb_women",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class FakesItem:
    document: Document
    date: dt.date | None
    governorate: str
    actor: str
    cause: str
    casualties: tuple[tuple[str, int | None], ...]


def parse_date(value: str) -> dt.date | None:
    """``4/16/17`` -> 2017-04-16; blank or malformed -> ``None``."""
    try:
        return dt.datetime.strptime(value.strip(), "%m/%d/%y").date()
    except ValueError:
        return None


def _count(value: str | None) -> int | None:
    try:
        return int(float(value)) if value not in (None, "") else None
    except ValueError:
        return None


def read(text: str, origin: str = "fakes") -> list[FakesItem]:
    items = []
    for line, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        body = (row.get("article_content") or "").strip()
        if not body:
            continue
        doc_id = (row.get("unit_id") or "").strip() or f"row-{line}"
        title = (row.get("article_title") or "").strip() or None
        items.append(
            FakesItem(
                document=Document(
                    id=f"fakes-{doc_id}", text=with_headline(title, body), title=title,
                    source=row.get("source") or None, origin=f"{origin}:{line}",
                ),
                date=parse_date(row.get("date") or ""),
                governorate=(row.get("location") or "").strip().casefold(),
                actor=(row.get("actor") or "").strip().casefold(),
                cause=(row.get("cause_of_death") or "").strip().casefold(),
                casualties=tuple(
                    (name, _count(row.get(column))) for name, column in CASUALTY_COLUMNS.items()
                ),
            )
        )
    return items


def load(path: Path) -> list[FakesItem]:
    return read(path.read_text("utf-8"), str(path))
