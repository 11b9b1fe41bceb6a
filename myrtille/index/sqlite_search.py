"""A search of the SQLite index: the matched set, then what is read from it.

``fill_matched`` fills a temporary ``matched`` table once (row id, score, date), driven by
one FTS5 ``MATCH`` of the query's text part when it has one (``sqlite_fts.py``) and the
rest of the query in SQL (``where``); the total, the page, the facets and the histogram
are read from it (``search_page``), and only the page's rows are loaded. Exports read the
same table (``sqlite_scan.py``).
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, time
from typing import Any

from myrtille.index.base import SearchRequest, SearchResult
from myrtille.index.payload import stored_time
from myrtille.index.query import And, DateBound, Field, Members, Node, Not, Or, Text
from myrtille.index.snippets import hit, query_terms
from myrtille.index.sqlite_facets import facets_and_histogram
from myrtille.index.sqlite_fts import Plan, phrase, plan, ranking_phrases
from myrtille.index.sqlite_tables import payloads


def search_page(db: sqlite3.Connection, request: SearchRequest) -> SearchResult:
    """The page, total, facets and histogram of ``request``, in the caller's transaction."""
    as_of = request.as_of
    if as_of is None:
        as_of = int(db.execute("SELECT coalesce(max(seq), 0) FROM docs").fetchone()[0])
    ranking = ranking_phrases(request.query) if request.sort == "relevance" else ()
    fill_matched(db, request.query, ranking, as_of)
    total = int(db.execute("SELECT count(*) FROM temp.matched").fetchone()[0])
    order = "date IS NULL, date DESC, seq DESC"
    if ranking:
        order = f"score IS NULL, score, {order}"
    page = db.execute(
        f"SELECT seq, score FROM temp.matched ORDER BY {order} LIMIT ? OFFSET ?",
        [request.per_page, (max(request.page, 1) - 1) * request.per_page],
    ).fetchall()
    # Only the page's documents are read and decoded.
    stored = payloads(db, [seq for seq, _ in page])
    terms = query_terms(request.query)
    hits = [
        hit(stored[seq], terms, -score if score is not None else None)
        for seq, score in page
        if seq in stored
    ]
    result = SearchResult(
        total=total, hits=hits, page=request.page, per_page=request.per_page, as_of=as_of
    )
    if request.facets or request.histogram:
        result.facets, result.histogram = facets_and_histogram(
            db, request.facets, request.facet_limit, request.histogram
        )
    return result


def fill_matched(db: sqlite3.Connection, query: Node, ranking: tuple[str, ...], as_of: int) -> None:
    """Fill ``temp.matched`` with the documents of ``query`` up to ``as_of``, their
    date, and (when ``ranking`` has phrases) the bm25 score of those phrases' OR."""
    db.execute("DROP TABLE IF EXISTS temp.matched")
    db.execute("CREATE TEMP TABLE matched (seq INTEGER PRIMARY KEY, score REAL, date TEXT)")
    found = plan(query)
    # Matching and ranking in one pass when the phrases are the same (sqlite_fts.py).
    scored = (
        bool(ranking)
        and found.match is not None
        and found.match.exact
        and found.match.phrases == ranking
    )
    if found.match is not None:
        rest, params = where(db, And(found.rest))
        try:
            db.execute(
                "INSERT INTO temp.matched SELECT fts.rowid, "
                f"{'bm25(fts)' if scored else 'NULL'}, d.date FROM fts "
                "CROSS JOIN docs d ON d.seq = fts.rowid "
                f"WHERE ({rest}) AND fts MATCH ? AND fts.rowid <= ?",
                [*params, found.match.text, as_of],
            )
        except sqlite3.OperationalError as error:
            # FTS5's parser stack is shallower than SQL's for some deeply nested
            # queries ("fts5: parser stack overflow"): those take the SQL way.
            if not str(error).startswith("fts5:"):
                raise
            found, scored = Plan(None, (query,)), False
    if found.match is None:
        clause, params = where(db, query)
        db.execute(
            "INSERT INTO temp.matched SELECT d.seq, NULL, d.date "
            f"FROM docs d WHERE ({clause}) AND d.seq <= ?",
            [*params, as_of],
        )
    if ranking and not scored:
        db.execute(
            "UPDATE temp.matched SET score = s.score FROM "
            "(SELECT rowid, bm25(fts) AS score FROM fts WHERE fts MATCH ? AND rowid <= ?) s "
            "WHERE s.rowid = matched.seq",
            [" OR ".join(ranking), as_of],
        )


# -- the AST in SQL ---------------------------------------------------------------------


def where(db: sqlite3.Connection, node: Node) -> tuple[str, list[Any]]:
    """A SQL condition on ``docs d`` with the semantics of ``matching.matches``."""
    if isinstance(node, Text):
        return "d.seq IN (SELECT rowid FROM fts WHERE fts MATCH ?)", [phrase(node)]
    if isinstance(node, Field):
        return (
            "d.seq IN (SELECT p.seq FROM terms t JOIN postings p ON p.term = t.id "
            "WHERE t.field = ? AND t.value = ? AND t.label = '')",
            [node.name, node.value],
        )
    if isinstance(node, Members):
        # A set of up to 100,000 SIRENs: a temporary table joined to the company facet,
        # not an SQL list or an FTS query of that many terms.
        tag = members_tag(db, node)
        return (
            "d.seq IN (SELECT p.seq FROM temp.members m JOIN terms t ON t.field = 'company' "
            "AND t.value = m.siren AND t.label = '' JOIN postings p ON p.term = t.id "
            "WHERE m.tag = ?)",
            [tag],
        )
    if isinstance(node, DateBound):
        bound = stored_time(datetime.combine(node.day, time.min, tzinfo=UTC))
        op = ">=" if node.name == "after" else "<"
        # coalesce: an undated document is outside both bounds, and NOT keeps it so.
        return f"coalesce(d.date {op} ?, 0)", [bound]
    if isinstance(node, And | Or):
        if not node.items:
            return ("1", []) if isinstance(node, And) else ("0", [])
        parts = [where(db, item) for item in node.items]
        joiner = " AND " if isinstance(node, And) else " OR "
        return (
            joiner.join(f"({sql})" for sql, _ in parts),
            [p for _, params in parts for p in params],
        )
    if isinstance(node, Not):
        sql, params = where(db, node.item)
        return f"NOT ({sql})", params
    raise TypeError(f"not a query node: {node!r}")


def members_tag(db: sqlite3.Connection, node: Members) -> str:
    """The tag of ``node``'s SIRENs in ``temp.members``, put there once per search."""
    db.execute(
        "CREATE TEMP TABLE IF NOT EXISTS members "
        "(tag TEXT NOT NULL, siren TEXT NOT NULL, PRIMARY KEY (tag, siren))"
    )
    tag = f"{node.name}:{id(node)}"
    if db.execute("SELECT 1 FROM temp.members WHERE tag = ? LIMIT 1", [tag]).fetchone():
        return tag
    db.executemany(
        "INSERT OR IGNORE INTO temp.members VALUES (?, ?)", ((tag, s) for s in node.sirens)
    )
    return tag
