"""The store interface: what is written and what is read. Extractors never see it; the
SQLite and the PostgreSQL stores implement it, and the API, the CLI and the library use only
it (never a database connection)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

from wirescope.records import DocumentRecord, Failure, Incident

if TYPE_CHECKING:
    from wirescope.resolve.series import Flag, Point
    from wirescope.store.queries import EventFilter, IncidentFilter, Page
    from wirescope.vocabulary import Places

StoreResult = Literal["stored", "replaced", "unchanged"]


class Cursor(Protocol):
    """What a store reads from a statement: rows that give their values by position and by
    column name (``sqlite3.Row``, the PostgreSQL store's rows)."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """A store's connection as the SQL of the store and its queries uses it: ``?``
    parameters, statements in SQLite's dialect (the PostgreSQL store translates the few
    that differ, :func:`wirescope.store.postgres.translate`)."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Any, /) -> Cursor: ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    id: str
    title: str | None
    published: str | None
    snippet: str


@dataclass(frozen=True, slots=True)
class Watched:
    """One item `wirescope watch` has read (or tried to): a file under a folder, a feed's
    entry, a feed itself. ``tag`` is what the item was when read (a file's size and time, an
    entry's link, a feed's ETag); ``done`` is false while a failed fetch waits for a retry."""

    item: str
    tag: str
    done: bool
    attempts: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RunSummary:
    id: int
    command: str
    started_at: str
    finished_at: str | None
    n_stored: int
    n_unchanged: int
    n_failed: int


class Store(Protocol):
    """Where document records, failures and runs live."""

    def start_run(self, command: str, signature: str | None) -> int: ...

    def finish_run(self, run_id: int, *, stored: int, unchanged: int, failed: int) -> None: ...

    def is_current(self, document_id: str, fingerprint: str, signature: str) -> bool:
        """True when this exact document was stored by the same model and extractors."""
        ...

    def put(self, record: DocumentRecord, *, signature: str, run_id: int | None) -> StoreResult:
        ...

    def add_failure(self, failure: Failure, *, run_id: int | None) -> None: ...

    def get(self, document_id: str) -> DocumentRecord | None: ...

    def version(self, document_id: str) -> tuple[str, str] | None: ...

    def generation(self) -> int: ...

    def ids(self) -> list[str]: ...

    def records(self) -> Iterator[DocumentRecord]: ...

    def failures(self, run_id: int | None = None) -> list[Failure]: ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...

    def counts(self) -> dict[str, int]: ...

    def stale(self, signature: str) -> int:
        """How many stored documents were extracted under another signature."""
        ...

    def runs(self, limit: int = 10) -> list[RunSummary]: ...

    def figure_points(self) -> Iterator[tuple[list[Point], list[Flag]]]: ...

    def texts(self, document_ids: Iterable[str]) -> dict[str, str]: ...

    # -- what `wirescope watch` has read
    def watched(self, source: str) -> dict[str, Watched]: ...

    def mark_watched(self, source: str, marks: Sequence[Watched]) -> None: ...

    # -- incidents
    def relink(self) -> int: ...

    def incident(self, incident_id: str) -> Incident | None: ...

    def incidents(self) -> Iterator[Incident]: ...

    def find_incidents(self, f: IncidentFilter, *, limit: int = 50, offset: int = 0,
                       cap: int | None = ...) -> tuple[int, list[Incident]]: ...

    # -- listings: ``(total, one page of rows)`` or a :class:`~queries.Page` of item keys
    def list_documents(self, *, limit: int, offset: int) -> tuple[int, list[Any]]: ...

    def search_documents(self, query: str, *, limit: int, offset: int = 0
                         ) -> tuple[int, list[Any]]: ...

    def find_events(self, f: EventFilter, *, limit: int, offset: int) -> Page: ...

    def actors(self, *, q: str | None, type: str | None, limit: int, offset: int,
               ids: Sequence[str] = ()) -> tuple[int, list[Any]]: ...

    def places(self, *, q: str | None, country: str | None, limit: int, offset: int,
               named: Places | None = None) -> tuple[int, list[Any]]: ...

    def find_claims(self, **options: Any) -> Page: ...

    def close(self) -> None: ...
