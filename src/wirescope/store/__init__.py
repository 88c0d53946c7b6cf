"""Where records live: the store interface, its SQLite implementation (the default: one
file) and its PostgreSQL one (``--db postgresql://…``, :mod:`wirescope.store.postgres`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from wirescope.config import is_postgres
from wirescope.store.base import RunSummary, SearchHit, Store, StoreResult
from wirescope.store.sqlite import SQLiteStore


def open_store(db: str | Path, *, create: bool = True,
               check_same_thread: bool = True) -> SQLiteStore:
    """The store ``db`` names: a PostgreSQL connection string (``postgresql://…``) or a
    SQLite file (see :meth:`SQLiteStore.open` for ``create`` and ``check_same_thread``)."""
    from wirescope.store.postgres import PostgresStore

    if is_postgres(db):
        return PostgresStore.open_url(str(db), create=create)
    return SQLiteStore.open(db, create=create, check_same_thread=check_same_thread)


def database_errors() -> tuple[type[Exception], ...]:
    """The errors a store's database raises (SQLite's, and psycopg's when installed): one
    record the store refuses is a failure of that record, not of the batch."""
    found: list[type[Exception]] = [sqlite3.Error]
    try:
        import psycopg
    except ImportError:
        pass
    else:
        found.append(psycopg.Error)
    return tuple(found)


def described(db: str | Path) -> str:
    """``db`` as it may be shown (a connection string without its password)."""
    from wirescope.store.postgres import redacted

    return redacted(str(db)) if is_postgres(db) else str(db)


if TYPE_CHECKING:
    from wirescope.store.postgres import PostgresStore

    def _implements(sqlite: SQLiteStore, postgres: PostgresStore) -> tuple[Store, Store]:
        return sqlite, postgres  # (mypy checks that both stores keep the protocol)


__all__ = ["RunSummary", "SQLiteStore", "SearchHit", "Store", "StoreResult", "database_errors",
           "described", "open_store"]
