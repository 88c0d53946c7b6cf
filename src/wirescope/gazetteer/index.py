"""The gazetteer index: one SQLite file of places and their name keys.

Tables: ``places`` (one row per place), ``names`` (exact key and variant skeleton of every
name and alternate name, pointing at a place), ``admin1`` (governorate/state names by
country and GeoNames admin1 code) and ``meta``. Lookups are indexed, so an article's few
hundred candidate names cost milliseconds and nothing is held in memory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from wirescope.errors import SourceError
from wirescope.gazetteer.model import Entry, EntryKind
from wirescope.gazetteer.names import keys

SCHEMA_VERSION = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL, lon REAL, country_code TEXT,
    admin1_code TEXT, kind TEXT NOT NULL, population INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT '', within INTEGER
);
CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, skeleton TEXT NOT NULL,
                                  id INTEGER NOT NULL, UNIQUE (key, id));
CREATE TABLE IF NOT EXISTS admin1 (country_code TEXT NOT NULL, code TEXT NOT NULL,
                                   name TEXT NOT NULL, PRIMARY KEY (country_code, code));
"""
_INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names (key);
CREATE INDEX IF NOT EXISTS names_skeleton ON names (skeleton);
"""
_COLUMNS = "id, name, lat, lon, country_code, admin1_code, kind, population, source, within"


def _entry(row: tuple[Any, ...]) -> Entry:
    id_, name, lat, lon, cc, a1, kind, population, source, within = row
    kind_: EntryKind = kind
    return Entry(id=int(id_), name=str(name), lat=lat, lon=lon, country_code=cc,
                 admin1_code=a1, kind=kind_, population=int(population or 0),
                 source=str(source), within=within)


class Index:
    """A gazetteer index file. Open read-only for lookups, or writable to build/import."""

    def __init__(self, path: Path, *, write: bool = False) -> None:
        self.path = path
        if not write and not path.exists():
            raise SourceError(f"gazetteer index {path} does not exist",
                              hint="run `wirescope gazetteer import FILE` to create it")
        if write:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path)
            self.db.executescript(_SCHEMA)
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        else:
            self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                      check_same_thread=False)

    def close(self) -> None:
        self.db.close()

    # -- reading -------------------------------------------------------------------------
    def lookup(self, exact: str, skeleton: str) -> list[tuple[Entry, bool]]:
        """Places named ``exact`` (key) or ``skeleton`` (variant); the flag is an exact hit."""
        return [(entry, hit) for entry, hit, _ in self.matches(exact, skeleton)]

    def matches(self, exact: str, skeleton: str) -> list[tuple[Entry, bool, tuple[str, ...]]]:
        """Like :meth:`lookup`, with the keys of the place's names that matched (to tell a
        close transliteration from a loose consonant-skeleton coincidence)."""
        rows = self.db.execute(
            f"SELECT {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))}, "
            "MAX(n.key = ?), GROUP_CONCAT(n.key, char(31)) FROM names n "
            "JOIN places p ON p.id = n.id "
            "WHERE n.key = ? OR n.skeleton = ? GROUP BY p.id",
            (exact, exact, skeleton),
        ).fetchall()
        return [(_entry(r[:-2]), bool(r[-2]), tuple(str(r[-1] or "").split("\x1f")))
                for r in rows]

    def get(self, id_: int) -> Entry | None:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM places WHERE id = ?", (id_,)).fetchone()
        return _entry(row) if row else None

    def admin1_names(self) -> dict[tuple[str, str], str]:
        return {(cc, code): name for cc, code, name in
                self.db.execute("SELECT country_code, code, name FROM admin1")}

    def meta(self, name: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (name,)).fetchone()
        return str(row[0]) if row else None

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM places").fetchone()[0])

    # -- writing -------------------------------------------------------------------------
    def add(self, entries: Iterable[tuple[Entry, Iterable[str]]]) -> int:
        """Insert or replace places with their names; returns how many places."""
        count = 0
        places: list[tuple[object, ...]] = []
        names: list[tuple[str, str, int]] = []
        for entry, entry_names in entries:
            places.append((entry.id, entry.name, entry.lat, entry.lon, entry.country_code,
                           entry.admin1_code, entry.kind, entry.population, entry.source,
                           entry.within))
            seen: set[str] = set()
            for name in (entry.name, *entry_names):
                exact, skel = keys(name)
                if exact and exact not in seen:
                    seen.add(exact)
                    names.append((exact, skel, entry.id))
            count += 1
            if len(places) >= 20000:
                self._flush(places, names)
        self._flush(places, names)
        return count

    def add_names(self, names: Iterable[tuple[int, str]]) -> int:
        """Attach alternate names to places already in the index."""
        rows = []
        for id_, name in names:
            exact, skel = keys(name)
            if exact:
                rows.append((exact, skel, id_))
        self.db.executemany(
            "INSERT OR IGNORE INTO names SELECT ?, ?, ? WHERE EXISTS "
            "(SELECT 1 FROM places WHERE id = ?)", ((k, s, i, i) for k, s, i in rows))
        return len(rows)

    def add_admin1(self, rows: Iterable[tuple[str, str, str]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO admin1 VALUES (?, ?, ?)", rows)

    def set_meta(self, name: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))

    def commit(self) -> None:
        self.db.commit()

    def finish(self) -> None:
        """Commit and index the names (after bulk inserts: faster than indexing as rows go)."""
        self.db.commit()
        self.db.executescript(_INDEXES)
        self.db.execute("ANALYZE")
        self.db.commit()

    def _flush(self, places: list[tuple[object, ...]], names: list[tuple[str, str, int]]) -> None:
        self.db.executemany(f"INSERT OR REPLACE INTO places ({_COLUMNS}) VALUES "
                            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", places)
        self.db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", names)
        places.clear()
        names.clear()
