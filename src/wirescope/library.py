"""wirescope as a Python library: one call for one article, a store to query like the API.

    import wirescope

    record = wirescope.extract("Rebels shelled Aleppo on Friday, killing 12.",
                               published="2016-05-27")
    with wirescope.open_store("wirescope.db") as store:
        store.ingest(["…an article…", record.document])
        for event in store.events(sub_type="Shelling/artillery/missile attack"):
            print(event.type, store.sentence(event))

Everything here is a thin layer over :class:`wirescope.pipeline.Pipeline`,
:class:`wirescope.store.SQLiteStore` and :mod:`wirescope.store.queries`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from wirescope.config import Settings
from wirescope.errors import WirescopeError
from wirescope.ingest.text import document_id
from wirescope.records import Document, DocumentRecord, Event, Failure, Incident, Quote
from wirescope.serve.views import RecordIndex
from wirescope.store import SQLiteStore
from wirescope.store import open_store as _open
from wirescope.store.base import SearchHit
from wirescope.store.queries import (
    EventFilter,
    IncidentFilter,
    resolved,
)
from wirescope.vocabulary import actor_ids

if TYPE_CHECKING:
    from wirescope.batch import Report
    from wirescope.pipeline import Pipeline


class ExtractionFailed(WirescopeError):
    """:func:`extract` could not make a record of the text; ``failure`` says where and why."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(f"{failure.document_id or failure.origin}: {failure.stage}: "
                         f"{failure.reason}", code=failure.code)
        self.failure = failure


@lru_cache(maxsize=2)
def pipeline(settings: Settings | None = None) -> Pipeline:
    """The pipeline ``settings`` describe (the defaults when ``None``), built once per
    process: loading the spaCy model takes seconds."""
    from wirescope.pipeline import Pipeline

    return Pipeline.from_settings(settings or Settings.from_env())


def document(text: str, *, published: str | dt.date | None = None, title: str | None = None,
             source: str | None = None, url: str | None = None,
             id: str | None = None) -> Document:
    """A document to extract from; ``published`` as ``YYYY-MM-DD`` or a date; the id, when
    not given, is made from the text (the same text, the same id)."""
    day = dt.date.fromisoformat(published) if isinstance(published, str) else published
    return Document(id=document_id(id, text), text=text, title=title, source=source, url=url,
                    published=day, origin="python")


def extract(text: str, *, published: str | dt.date | None = None, title: str | None = None,
            source: str | None = None, url: str | None = None, id: str | None = None,
            settings: Settings | None = None) -> DocumentRecord:
    """The document record of one article: its entities, places, times, quotes and events,
    every value with its span in ``text``. Raises :class:`ExtractionFailed` (naming the
    stage and the reason) when no record can be made."""
    found = document(text, published=published, title=title, source=source, url=url, id=id)
    (outcome,) = pipeline(settings).run([found])
    if isinstance(outcome, Failure):
        raise ExtractionFailed(outcome)
    return outcome


def open_store(path: str | Path, *, create: bool = True) -> Store:
    """The store at ``path`` (a new one when there is none, unless ``create=False``)."""
    return Store(_open(path, create=create))


class Store:
    """A store with the queries of the API, returning records: events, incidents and claims
    filtered as ``/api/events``, ``/api/incidents`` and ``/api/claims`` filter them."""

    def __init__(self, store: SQLiteStore) -> None:
        self.sqlite = store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.sqlite.close()

    # -- filling it ---------------------------------------------------------------------------
    def ingest(self, articles: Iterable[str | Document], *,
               settings: Settings | None = None) -> Report:
        """Extract and store articles (texts or documents), linking their incidents; a
        document stored before by the same build is left as it is. The report counts what
        was stored, replaced, unchanged and failed (each failure with its reason)."""
        from wirescope import batch

        items = (a if isinstance(a, Document) else document(a) for a in articles)
        return batch.ingest(items, self.sqlite, pipeline(settings), command="python")

    # -- reading it ---------------------------------------------------------------------------
    def document(self, document_id: str) -> DocumentRecord | None:
        return self.sqlite.get(document_id)

    def documents(self) -> Iterator[DocumentRecord]:
        return self.sqlite.records()

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Documents whose text matches ``query`` (words, or SQLite FTS5 syntax)."""
        return self.sqlite.search(query, limit)

    def events(self, *, type: str | None = None, sub_type: str | None = None,
               actor: str | None = None, place: str | None = None,
               bbox: tuple[float, float, float, float] | None = None,
               date_from: str | None = None, date_to: str | None = None,
               factuality: str | None = None, speaker: str | None = None,
               document: str | None = None, limit: int = 50, offset: int = 0) -> list[Event]:
        """Events across the store, latest first: ``type`` (PLOVER), ``sub_type`` (ACLED),
        ``actor`` (actor or target, id or name), ``place`` (id, name or governorate),
        ``bbox`` (west, south, east, north), ``date_from``/``date_to`` (``YYYY[-MM[-DD]]``),
        ``factuality``, ``speaker`` (who claims it), ``document``."""
        flt = resolved(EventFilter(
            document=document, type=type, acled_sub_event_type=sub_type, actor=actor,
            place=place, bbox=bbox, date_from=date_from, date_to=date_to,
            factuality=factuality, speaker=speaker), Settings.from_env().actor_files)
        page = self.sqlite.find_events(flt, limit=limit, offset=offset)
        return [e for e in self._items(page.keys, "events") if isinstance(e, Event)]

    def incidents(self, *, type: str | None = None, sub_type: str | None = None,
                  place: str | None = None, bbox: tuple[float, float, float, float] | None = None,
                  actor: str | None = None, date_from: str | None = None,
                  date_to: str | None = None, grade: str | None = None,
                  min_sources: int | None = None, document: str | None = None,
                  limit: int = 50, offset: int = 0) -> list[Incident]:
        """Incidents, latest first, filtered like :meth:`events`, and by ``grade`` (single,
        corroborated, contested) and ``min_sources`` (independent origins)."""
        flt = resolved(IncidentFilter(
            type=type, sub_type=sub_type, place=place, bbox=bbox, actor=actor,
            date_from=date_from, date_to=date_to, grade=grade, min_sources=min_sources,
            document=document), Settings.from_env().actor_files)
        return self.sqlite.find_incidents(flt, limit=limit, offset=offset)[1]

    def incident(self, incident_id: str) -> Incident | None:
        return self.sqlite.incident(incident_id)

    def claims(self, *, speaker: str | None = None, document: str | None = None,
               limit: int = 50, offset: int = 0) -> list[Quote]:
        """Claims (quotes), by ``speaker`` (id or name) and ``document``."""
        page = self.sqlite.find_claims(
            speaker=speaker, document=document, limit=limit, offset=offset,
            speaker_ids=actor_ids(speaker, Settings.from_env().actor_files) if speaker else ())
        return [q for q in self._items(page.keys, "quotes") if isinstance(q, Quote)]

    def sentence(self, event: Event) -> str:
        """The sentence an event is mentioned in (its trigger when none is known)."""
        record = self.sqlite.get(event.document_id)
        span = event.sentence or event.span
        return "" if record is None else span.surface(record.document.text)

    def _items(self, keys: Iterable[tuple[str, str]], kind: str) -> Iterator[Event | Quote]:
        """The items a page of (document, item) keys names, each document read once (by
        its :class:`~wirescope.serve.views.RecordIndex`, as the API reads them)."""
        indexes: dict[str, RecordIndex | None] = {}
        for doc_id, item_id in keys:
            if doc_id not in indexes:
                record = self.sqlite.get(doc_id)
                indexes[doc_id] = None if record is None else RecordIndex(record)
            index = indexes[doc_id]
            found = getattr(index, kind).get(item_id) if index is not None else None
            if found is not None:
                yield found
