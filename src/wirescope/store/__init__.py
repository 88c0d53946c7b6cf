"""Where records live: the store interface and its SQLite implementation."""

from wirescope.store.base import RunSummary, SearchHit, Store, StoreResult
from wirescope.store.sqlite import SQLiteStore

__all__ = ["RunSummary", "SQLiteStore", "SearchHit", "Store", "StoreResult"]
