"""The SQLite index as it was at schema 2, frozen: the peer ``bench/index.py`` holds the
current index to, for size and for the same results on thousands of random searches.

Only what a search needs is kept: the tables, the writes, and the search itself (matched
set from one FTS5 ``MATCH``, facets from ``(seq, field, value, label)`` rows, histogram by
sorting the matched dates). The query planning into FTS5 expressions is the current one
(``sqlite_fts.py``), unchanged since schema 2.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

from myrtille.index.base import FacetCount, IndexedDocument, SearchRequest, SearchResult
from myrtille.index.matching import company_facets, field_values, word_streams
from myrtille.index.payload import from_payload, payload_json, stored_time
from myrtille.index.query import And, DateBound, Field, Members, Node, Not, Or, Text
from myrtille.index.snippets import hit, query_terms
from myrtille.index.sqlite_fts import COLUMNS, Plan, phrase, plan, ranking_phrases

FACET_ROWS = {"dept": "dept"}
SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE docs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    url TEXT, title TEXT, source TEXT, language TEXT, cluster TEXT, kind TEXT,
    published_at TEXT, date TEXT,
    payload TEXT NOT NULL
);
CREATE INDEX docs_date ON docs (date);
CREATE INDEX docs_cluster ON docs (cluster);
CREATE INDEX docs_seq_date ON docs (seq, date);
CREATE TABLE facets (seq INTEGER NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, label TEXT);
CREATE INDEX facets_value ON facets (field, value, seq);
CREATE INDEX facets_seq_value ON facets (seq, field, value, label);
CREATE VIRTUAL TABLE fts USING fts5({", ".join(COLUMNS)}, tokenize = 'ascii');
INSERT INTO meta VALUES ('schema_version', '2');
"""


class IndexV2:
    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    def index(self, documents: Sequence[IndexedDocument]) -> None:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        for document in documents:
            seq = db.execute(
                "INSERT INTO docs (id, url, title, source, language, cluster, kind, "
                "published_at, date, payload) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    document.id,
                    document.url,
                    document.title,
                    document.source,
                    document.language,
                    document.cluster,
                    document.kind,
                    stored_time(document.published_at),
                    stored_time(document.date),
                    payload_json(document),
                ),
            ).lastrowid
            streams = word_streams(document)
            db.execute(
                f"INSERT INTO fts (rowid, {', '.join(COLUMNS)}) VALUES (?{',?' * len(COLUMNS)})",
                (seq, *(" ".join(streams[column]) for column in COLUMNS)),
            )
            db.executemany("INSERT INTO facets VALUES (?,?,?,?)", _facet_rows(seq, document))
        db.execute("COMMIT")

    def search(self, request: SearchRequest) -> SearchResult:
        db = self.db
        db.execute("BEGIN")
        try:
            return _search_page(db, request)
        finally:
            db.execute("COMMIT")
            db.execute("DROP TABLE IF EXISTS temp.matched")


def _facet_rows(seq: int, document: IndexedDocument) -> list[tuple[int, str, str, str | None]]:
    values = field_values(document)
    rows: list[tuple[int, str, str, str | None]] = [
        (seq, field, value, None) for field, found in values.items() for value in found
    ]
    rows += [(seq, "facet:company", value, label) for value, label in company_facets(document)]
    for facet in ("sector", "event", "region", "source", "lang"):
        rows += [(seq, f"facet:{facet}", value, None) for value in values[facet]]
    return rows


def _search_page(db: sqlite3.Connection, request: SearchRequest) -> SearchResult:
    as_of = request.as_of
    if as_of is None:
        as_of = int(db.execute("SELECT coalesce(max(seq), 0) FROM docs").fetchone()[0])
    ranking = ranking_phrases(request.query) if request.sort == "relevance" else ()
    _fill_matched(db, request.query, ranking, as_of)
    total = int(db.execute("SELECT count(*) FROM temp.matched").fetchone()[0])
    order = "date IS NULL, date DESC, seq DESC"
    if ranking:
        order = f"score IS NULL, score, {order}"
    page = db.execute(
        f"SELECT seq, score FROM temp.matched ORDER BY {order} LIMIT ? OFFSET ?",
        [request.per_page, (max(request.page, 1) - 1) * request.per_page],
    ).fetchall()
    stored = dict(
        db.execute(
            f"SELECT seq, payload FROM docs WHERE seq IN ({','.join('?' * len(page))})",
            [seq for seq, _ in page],
        )
    )
    terms = query_terms(request.query)
    hits = [
        hit(from_payload(json.loads(stored[seq])), terms, -score if score is not None else None)
        for seq, score in page
    ]
    result = SearchResult(
        total=total, hits=hits, page=request.page, per_page=request.per_page, as_of=as_of
    )
    for facet in request.facets:
        result.facets[facet] = [
            FacetCount(value, count, label)
            for value, label, count in db.execute(
                "SELECT value, max(label), count(*) AS n "
                "FROM facets INDEXED BY facets_seq_value "
                "WHERE field = ? AND seq IN (SELECT seq FROM temp.matched) "
                "GROUP BY value ORDER BY n DESC, value LIMIT ?",
                [FACET_ROWS.get(facet, f"facet:{facet}"), request.facet_limit],
            )
        ]
    if request.histogram:
        bucket = {
            "day": "substr(date, 1, 10)",
            "week": "strftime('%Y-W%W', date)",
            "month": "substr(date, 1, 7)",
        }[request.histogram]
        result.histogram = [
            (str(b), int(n))
            for b, n in db.execute(
                f"SELECT {bucket} AS b, count(*) FROM temp.matched "
                "WHERE date IS NOT NULL GROUP BY b ORDER BY b"
            )
        ]
    return result


def _fill_matched(
    db: sqlite3.Connection, query: Node, ranking: tuple[str, ...], as_of: int
) -> None:
    db.execute("DROP TABLE IF EXISTS temp.matched")
    db.execute("CREATE TEMP TABLE matched (seq INTEGER PRIMARY KEY, score REAL, date TEXT)")
    found = plan(query)
    scored = (
        bool(ranking)
        and found.match is not None
        and found.match.exact
        and found.match.phrases == ranking
    )
    if found.match is not None:
        rest, params = _where(And(found.rest))
        try:
            db.execute(
                "INSERT INTO temp.matched SELECT fts.rowid, "
                f"{'bm25(fts)' if scored else 'NULL'}, d.date FROM fts "
                "CROSS JOIN docs d INDEXED BY docs_seq_date ON d.seq = fts.rowid "
                f"WHERE ({rest}) AND fts MATCH ? AND fts.rowid <= ?",
                [*params, found.match.text, as_of],
            )
        except sqlite3.OperationalError as error:
            if not str(error).startswith("fts5:"):
                raise
            found, scored = Plan(None, (query,)), False
    if found.match is None:
        clause, params = _where(query)
        db.execute(
            "INSERT INTO temp.matched SELECT d.seq, NULL, d.date "
            f"FROM docs d INDEXED BY docs_seq_date WHERE ({clause}) AND d.seq <= ?",
            [*params, as_of],
        )
    if ranking and not scored:
        db.execute(
            "UPDATE temp.matched SET score = s.score FROM "
            "(SELECT rowid, bm25(fts) AS score FROM fts WHERE fts MATCH ? AND rowid <= ?) s "
            "WHERE s.rowid = matched.seq",
            [" OR ".join(ranking), as_of],
        )


def _where(node: Node) -> tuple[str, list[Any]]:
    if isinstance(node, Text):
        return "d.seq IN (SELECT rowid FROM fts WHERE fts MATCH ?)", [phrase(node)]
    if isinstance(node, Field):
        return (
            "d.seq IN (SELECT seq FROM facets WHERE field = ? AND value = ?)",
            [node.name, node.value],
        )
    if isinstance(node, Members):
        raise TypeError("portfolios are not part of the comparison")
    if isinstance(node, DateBound):
        bound = stored_time(datetime.combine(node.day, time.min, tzinfo=UTC))
        op = ">=" if node.name == "after" else "<"
        return f"coalesce(d.date {op} ?, 0)", [bound]
    if isinstance(node, And | Or):
        if not node.items:
            return ("1", []) if isinstance(node, And) else ("0", [])
        parts = [_where(item) for item in node.items]
        joiner = " AND " if isinstance(node, And) else " OR "
        return (
            joiner.join(f"({sql})" for sql, _ in parts),
            [p for _, params in parts for p in params],
        )
    if isinstance(node, Not):
        sql, params = _where(node.item)
        return f"NOT ({sql})", params
    raise TypeError(f"not a query node: {node!r}")
