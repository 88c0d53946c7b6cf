"""The PostgreSQL store: the same records, incidents, failures and queries as the SQLite
store, for a corpus one file should not hold (``wirescope --db postgresql://…``).

One body of SQL serves both backends. The store and its queries are written in the SQL the
two share, with ``?`` parameters; :func:`translate` turns the few SQLite forms they use into
PostgreSQL's (each rewrite listed in :data:`REWRITES`), and ``?`` into psycopg's ``%s``.
What cannot be translated has its own code here: the schema (``migrations/postgresql``,
tracked in a ``schema_version`` table), full-text search (a weighted ``tsvector`` of title
and text, kept by PostgreSQL as a generated column with a GIN index, searched with
``websearch_to_tsquery`` and shown with ``ts_headline``), and the write lock — a writer
takes a transaction-level advisory lock, so that two processes linking incidents into one
store take turns, as SQLite's ``BEGIN IMMEDIATE`` makes them.

psycopg 3 is an optional dependency (``pip install 'wirescope[postgresql]'``); the SQLite
store never imports it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from wirescope.errors import StoreError
from wirescope.store.sqlite import MIGRATION_FILE, SQLiteStore
from wirescope.store.sqlite import migrations as sqlite_migrations

if TYPE_CHECKING:
    import psycopg

BASELINE = 18  # the version of migrations/postgresql/0018_baseline.sql
WRITE_LOCK = 0x77697265  # the advisory lock a writing transaction holds ("wire")

# SQLite forms the shared SQL uses, and PostgreSQL's for each (in this order).
REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    # case-insensitive matching: ILIKE, and lower() on both sides of an equality
    (re.compile(r"LIKE \? ESCAPE '\\' COLLATE NOCASE"), r"ILIKE ? ESCAPE '\\'"),
    (re.compile(r"([\w.\"]+) = \? COLLATE NOCASE"), r"lower(\1) = lower(?)"),
    # "begins with four digits" (a year)
    (re.compile(r"GLOB '\[0-9\]\[0-9\]\[0-9\]\[0-9\]\*'"), "~ '^[0-9]{4}'"),
    # NULL-safe equality
    (re.compile(r"\bIS \?"), "IS NOT DISTINCT FROM ?"),
)


@lru_cache(maxsize=1024)
def translate(sql: str) -> str:
    """The PostgreSQL form of a statement of the shared SQL: each of :data:`REWRITES`, then
    ``?`` parameters as ``%s`` (a literal ``%`` doubled)."""
    for pattern, replacement in REWRITES:
        sql = pattern.sub(replacement, sql)
    return sql.replace("%", "%%").replace("?", "%s")


class Row(tuple[Any, ...]):
    """A row that gives its values by position and by column name, as ``sqlite3.Row``."""

    _names: dict[str, int]

    def __new__(cls, values: Sequence[Any], names: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return super().__getitem__(self._names[key])
        return super().__getitem__(key)

    def keys(self) -> list[str]:
        return list(self._names)


def _rows(cursor: Any) -> Any:
    names = {c.name: i for i, c in enumerate(cursor.description or ())}

    def make(values: Sequence[Any]) -> Row:
        return Row(values, names)

    return make


class PgConnection:
    """A psycopg connection that speaks the store's SQL (:func:`translate`): autocommit,
    with transactions opened and closed by the store's own ``BEGIN``/``COMMIT``/``ROLLBACK``
    (``BEGIN IMMEDIATE`` also takes the write lock)."""

    dialect = "postgresql"

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.raw = conn

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        if sql.strip().upper() == "BEGIN IMMEDIATE":
            self.raw.execute("BEGIN")
            return self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        cursor = self.raw.cursor(row_factory=_rows)
        return cursor.execute(translate(sql), _params(parameters))

    def executemany(self, sql: str, parameters: Any, /) -> Any:
        cursor = self.raw.cursor(row_factory=_rows)
        cursor.executemany(translate(sql), [_params(p) for p in parameters])
        return cursor

    def close(self) -> None:
        self.raw.close()


def _params(parameters: Any) -> tuple[Any, ...]:
    """The parameters as psycopg takes them: a tuple, empty for none (never ``None``, with
    which psycopg would leave the doubled ``%`` of :func:`translate` doubled)."""
    return () if parameters is None else tuple(parameters)


@lru_cache(maxsize=1)  # read once per process: a server opens a store per request
def migrations() -> list[tuple[int, str]]:
    """``(version, sql)`` of every PostgreSQL migration, in order: the baseline (version
    :data:`BASELINE`, the schema SQLite's first migrations build) and its own files in
    ``migrations/postgresql``, then each later migration both backends share (a file of
    ``migrations/`` written in the SQL both speak) unless one of its own replaces it."""
    folder = resources.files("wirescope.store").joinpath("migrations").joinpath("postgresql")
    own = {}
    for entry in folder.iterdir():
        match = MIGRATION_FILE.match(entry.name)
        if match:
            own[int(match[1])] = entry.read_text(encoding="utf-8")
    shared = {v: sql for v, sql in sqlite_migrations() if v > BASELINE}
    return sorted((shared | own).items())


class PostgresStore(SQLiteStore):
    """The store on a PostgreSQL database (every method as :class:`SQLiteStore`'s)."""

    conn: PgConnection

    @classmethod
    def open_url(cls, url: str, *, create: bool = True) -> PostgresStore:
        """Connect to ``url`` (``postgresql://user@host:port/database``), creating and
        migrating the schema as needed; ``create=False``: a database without a wirescope
        schema is an error naming it."""
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError(f"cannot open store {redacted(url)}: psycopg is not installed",
                             hint="pip install 'wirescope[postgresql]'") from exc
        try:
            raw = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open store {redacted(url)}: {exc}".strip(),
                             hint="check the connection string and that the server is up"
                             ) from exc
        store = cls(PgConnection(raw))
        try:
            if not create and store.schema_version == 0:
                raise StoreError(f"no wirescope store in {redacted(url)}",
                                 hint="ingest articles into it first with "
                                      "`wirescope --db URL ingest PATHS`")
            store.migrate()
        except BaseException:
            raw.close()
            raise
        return store

    def idle(self) -> bool:
        from psycopg import pq

        raw = self.conn.raw
        return not raw.closed and raw.info.transaction_status == pq.TransactionStatus.IDLE

    @property
    def schema_version(self) -> int:
        row = self.conn.execute(
            "SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
        if not row[0]:
            return 0
        found = self.conn.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(found[0] or 0)

    @staticmethod
    def migrations() -> list[tuple[int, str]]:
        return migrations()

    def _apply(self, version: int, sql: str) -> None:
        self.conn.raw.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        self.conn.raw.execute(sql.encode("utf-8"))  # several statements, as written
        self.conn.raw.execute("INSERT INTO schema_version VALUES (%s)", (version,))


def redacted(url: str) -> str:
    """A connection string without its password, to name it in an error."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


@contextmanager
def scratch_database(server: str, prefix: str = "wirescope_scratch") -> Iterator[str]:
    """A new, empty database on the PostgreSQL ``server`` (a connection string to any of
    its databases), dropped afterwards: its connection string. For tests and benchmarks."""
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield server.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
