"""Every match of a query in the SQLite index, in batches: what exports read.

A scan runs on a connection of its own, in one read transaction (WAL: writers go on, the
scan sees the index as it stood). The matched set is put in order once into a temporary
table numbered 1, 2, 3…; batches are then read by that number (keyset, never OFFSET), so
each batch costs the same and only one batch of payloads is in memory at a time.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from typing import Protocol

from myrtille.index.base import IndexedDocument
from myrtille.index.query import Node
from myrtille.index.sqlite_search import fill_matched
from myrtille.index.sqlite_tables import unpack_payload


class MatchingIndex(Protocol):
    """What a scan needs of ``sqlite.SQLiteIndex``: a connection of its own, closed after."""

    @property
    def db(self) -> sqlite3.Connection: ...

    def close(self) -> None: ...


def scan_matches(
    open_reader: Callable[[], MatchingIndex], query: Node, as_of: int | None, batch_size: int
) -> Iterator[IndexedDocument]:
    """The documents of ``query``, newest first (undated last, then latest ingested).

    ``open_reader`` gives an index on a fresh connection that any thread may use: a
    streamed response reads the iterator from whichever thread of the pool is free,
    and temporary tables belong to one connection."""
    reader = open_reader()
    db = reader.db
    try:
        db.execute("BEGIN")
        if as_of is None:
            as_of = int(db.execute("SELECT coalesce(max(seq), 0) FROM docs").fetchone()[0])
        fill_matched(db, query, (), as_of)
        db.execute("DROP TABLE IF EXISTS temp.scan_order")
        db.execute("CREATE TEMP TABLE scan_order (pos INTEGER PRIMARY KEY, seq INTEGER NOT NULL)")
        db.execute(
            "INSERT INTO temp.scan_order (seq) SELECT seq FROM temp.matched "
            "ORDER BY date IS NULL, date DESC, seq DESC"
        )
        position = 0
        while True:
            rows = db.execute(
                "SELECT o.pos, p.payload FROM temp.scan_order o JOIN payloads p ON p.seq = o.seq "
                "WHERE o.pos > ? ORDER BY o.pos LIMIT ?",
                (position, batch_size),
            ).fetchall()
            if not rows:
                return
            position = rows[-1][0]
            for _, payload in rows:
                yield unpack_payload(payload)
    finally:
        if db.in_transaction:
            db.execute("ROLLBACK")
        reader.close()
