"""One page of a listing and its count, read as the plan allows: from an index in order
(counted apart), or sorted once and counted as read (a selective filter) — the same page
and the same total either way, up to the count's cap and past it."""

from __future__ import annotations

import sqlite3

import pytest

from wirescope.store.queries import paged


@pytest.fixture()
def conn() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (a INTEGER, b INTEGER, keep INTEGER)")
    db.execute("CREATE INDEX t_a ON t(a)")
    db.executemany("INSERT INTO t VALUES (?, ?, ?)",
                   [(i, (i * 7) % 23, i % 3) for i in range(23)])
    return db


def _plan_sorts(db: sqlite3.Connection, sql: str) -> bool:
    return any("TEMP B-TREE" in r[-1] for r in db.execute("EXPLAIN QUERY PLAN " + sql))


@pytest.mark.parametrize("order", ["a", "b DESC"])  # read from the index / sorted
@pytest.mark.parametrize("where", ["", " WHERE keep = 0", " WHERE keep = 5"])
@pytest.mark.parametrize(("limit", "offset"), [(2, 0), (4, 3), (3, 6), (5, 20)])
@pytest.mark.parametrize("cap", [5, 100, None])
def test_paged_gives_the_sorted_page_and_the_capped_count(
        conn: sqlite3.Connection, order: str, where: str, limit: int, offset: int,
        cap: int | None) -> None:
    everything = conn.execute(f"SELECT a FROM t{where} ORDER BY {order}").fetchall()
    total, rows = paged(conn, "SELECT a", f" FROM t{where}", [], order, limit, offset, cap)
    assert rows == everything[offset : offset + limit]
    if cap is None or len(everything) <= cap:
        assert (int(total), total.exact) == (len(everything), True)
    else:
        assert (int(total), total.exact) == (cap, False)


def test_paged_both_ways_are_taken(conn: sqlite3.Connection) -> None:
    """The table above runs both paths: the index gives order ``a``, order ``b`` is sorted."""
    assert not _plan_sorts(conn, "SELECT a FROM t ORDER BY a")
    assert _plan_sorts(conn, "SELECT a FROM t ORDER BY b DESC")
