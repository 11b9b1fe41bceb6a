"""The default index: SQLite FTS5 in the data directory, no server.

Words are folded and split by Myrtille itself (``words_of``), stemmed in the document's
language (``stems.py``) and given space-separated to a contentless FTS5 table with the
``ascii`` tokenizer, so SQLite sees exactly the words and stems the in-memory evaluator
sees. Structured fields are integer terms (``sqlite_tables.py``). WAL mode lets one writer
and many readers work side by side; batches are written in one transaction.

This module opens, writes and reads the index by id; a search's matching, paging and
counting are in ``sqlite_search.py``, exports in ``sqlite_scan.py``.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Collection, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

from myrtille.index.base import (
    GET_MANY_BATCH,
    SCAN_BATCH,
    Hit,
    IndexBackend,
    IndexedDocument,
    SearchRequest,
    SearchResult,
)
from myrtille.index.matching import word_streams
from myrtille.index.payload import stored_time
from myrtille.index.query import Node
from myrtille.index.snippets import hit
from myrtille.index.sqlite_fts import COLUMNS
from myrtille.index.sqlite_scan import scan_matches
from myrtille.index.sqlite_search import search_page
from myrtille.index.sqlite_tables import (
    SCHEMA,
    SCHEMA_VERSION,
    TABLES,
    TermIds,
    document_terms,
    pack_ids,
    pack_payload,
    unpack_ids,
    unpack_payload,
)

_FTS_VALUES = f"{', '.join(COLUMNS)}) VALUES (?{',?' * len(COLUMNS)}"


class SQLiteIndex(IndexBackend):
    name = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()

    # -- connection and schema ---------------------------------------------------------

    @property
    def db(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(
                self.path, timeout=30, isolation_level=None, check_same_thread=False
            )
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA busy_timeout=30000")
            self._local.connection = connection
        return connection

    def create(self) -> None:
        """Create the tables; an index of an older schema version is dropped and made
        anew, marked as needing ``myrtille index rebuild`` until a rebuild fills it."""
        version = self.schema_version()
        outdated = version is not None and version != SCHEMA_VERSION
        if outdated:
            for table in reversed(TABLES):
                self.db.execute(f"DROP TABLE IF EXISTS {table}")
        self.db.executescript(SCHEMA)
        self.db.execute(
            "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
        )
        if outdated:
            self.db.execute(
                "INSERT OR REPLACE INTO meta VALUES ('rebuild_needed', ?)",
                (
                    f"made by an older version of Myrtille (index schema {version}, now "
                    f"{SCHEMA_VERSION}) and emptied when this version opened it",
                ),
            )

    def rebuild_needed(self) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'rebuild_needed'").fetchone()
        return str(row[0]) if row else None

    def rebuilt(self) -> None:
        self.db.execute("DELETE FROM meta WHERE key = 'rebuild_needed'")

    def schema_version(self) -> int | None:
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.OperationalError:
            return None
        return int(row[0]) if row else None

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    # -- writing -----------------------------------------------------------------------

    def index(self, documents: Sequence[IndexedDocument]) -> int:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            self._delete(db, [d.id for d in documents])
            term_ids = TermIds(db)
            for document in documents:
                terms = term_ids.ids(document_terms(document))
                seq = db.execute(
                    "INSERT INTO docs (id, cluster, date, terms) VALUES (?,?,?,?)",
                    (document.id, document.cluster, stored_time(document.date), pack_ids(terms)),
                ).lastrowid
                db.execute("INSERT INTO payloads VALUES (?,?)", (seq, pack_payload(document)))
                db.execute(f"INSERT INTO fts (rowid, {_FTS_VALUES})", (seq, *_fts_row(document)))
                db.executemany("INSERT INTO postings VALUES (?,?)", [(t, seq) for t in terms])
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return len(documents)

    def _delete(self, db: sqlite3.Connection, ids: Sequence[str]) -> int:
        removed = 0
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = db.execute(
                "SELECT d.seq, d.terms, p.payload FROM docs d JOIN payloads p ON p.seq = d.seq "
                f"WHERE d.id IN ({marks})",
                chunk,
            ).fetchall()
            if not rows:
                continue
            for seq, terms, payload in rows:
                # A contentless table forgets a row given the very streams it was given.
                db.execute(
                    f"INSERT INTO fts (fts, rowid, {_FTS_VALUES}, ?)",
                    ("delete", seq, *_fts_row(unpack_payload(payload))),
                )
                db.executemany(
                    "DELETE FROM postings WHERE term = ? AND seq = ?",
                    [(term, seq) for term in unpack_ids(terms)],
                )
            seqs = [row[0] for row in rows]
            seq_marks = ",".join("?" * len(seqs))
            db.execute(f"DELETE FROM payloads WHERE seq IN ({seq_marks})", seqs)
            db.execute(f"DELETE FROM docs WHERE seq IN ({seq_marks})", seqs)
            removed += len(seqs)
        return removed

    def delete(self, ids: Sequence[str]) -> int:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            removed = self._delete(db, ids)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return removed

    def clear(self) -> None:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO fts (fts) VALUES ('delete-all')")
        for table in ("postings", "terms", "payloads", "docs"):
            db.execute(f"DELETE FROM {table}")
        db.execute("COMMIT")

    def delete_older_than(self, cutoff: datetime, keep: Collection[str] = ()) -> int:
        kept = set(keep)
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            # ``date`` is ISO text to the second in UTC, so text order is time order.
            old = [
                row[0]
                for row in db.execute("SELECT id FROM docs WHERE date < ?", (stored_time(cutoff),))
                if row[0] not in kept
            ]
            removed = self._delete(db, old)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return removed

    def optimise(self, *, forcemerge: bool = False) -> None:
        """Merge the FTS5 segments, refresh the planner's statistics, and fold the WAL
        back into the file. Freed pages are reused; the file itself does not shrink."""
        db = self.db
        db.execute("INSERT INTO fts (fts) VALUES ('optimize')")
        # Terms no document has any more (their ids are not reused while any remains).
        db.execute("DELETE FROM terms WHERE id NOT IN (SELECT term FROM postings)")
        db.execute("PRAGMA optimize")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- reading -----------------------------------------------------------------------

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM docs").fetchone()[0])

    def get(self, document_id: str) -> IndexedDocument | None:
        row = self.db.execute(
            "SELECT (SELECT payload FROM payloads p WHERE p.seq = docs.seq) FROM docs WHERE id = ?",
            (document_id,),
        ).fetchone()
        return unpack_payload(row[0]) if row else None

    def get_many(self, ids: Sequence[str]) -> dict[str, IndexedDocument]:
        wanted = list(dict.fromkeys(ids))
        found: dict[str, IndexedDocument] = {}
        # Under SQLite's limit of bound variables per statement, however old the library.
        for start in range(0, len(wanted), GET_MANY_BATCH):
            batch = wanted[start : start + GET_MANY_BATCH]
            marks = ", ".join("?" * len(batch))
            for document_id, payload in self.db.execute(
                "SELECT id, (SELECT payload FROM payloads p WHERE p.seq = docs.seq) "
                f"FROM docs WHERE id IN ({marks})",
                batch,
            ):
                found[document_id] = unpack_payload(payload)
        return found

    def same_story(self, document_id: str, limit: int = 20) -> list[Hit]:
        rows = self.db.execute(
            "SELECT p.payload FROM docs d JOIN docs o ON o.cluster = d.cluster AND o.id != d.id "
            "JOIN payloads p ON p.seq = o.seq WHERE d.id = ? ORDER BY o.date DESC LIMIT ?",
            (document_id, limit),
        ).fetchall()
        return [hit(unpack_payload(r[0]), (), None) for r in rows]

    def search(self, request: SearchRequest) -> SearchResult:
        db = self.db
        # One read transaction: the count, the page, the facets and the histogram all see
        # the index as it stood when the search began.
        db.execute("BEGIN")
        try:
            result = search_page(db, request)
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        finally:
            db.execute("DROP TABLE IF EXISTS temp.matched")
            db.execute("DROP TABLE IF EXISTS temp.members")
        return result

    def scan(
        self, query: Node, *, as_of: int | None = None, batch_size: int = SCAN_BATCH
    ) -> Iterator[IndexedDocument]:
        return scan_matches(self._own_connection, query, as_of, batch_size)

    def _own_connection(self) -> SQLiteIndex:
        """This index on a connection of its own, the same whichever thread uses it."""
        reader = SQLiteIndex(self.path)
        reader._local = SimpleNamespace(connection=None)  # type: ignore[assignment]
        return reader


def _fts_row(document: IndexedDocument) -> list[str]:
    streams = word_streams(document)
    return [" ".join(streams[column]) for column in COLUMNS]
