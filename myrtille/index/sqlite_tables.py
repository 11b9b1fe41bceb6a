"""The tables of the SQLite index, and the rows a document becomes in them."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from myrtille.index.base import IndexedDocument
from myrtille.index.matching import company_facets, field_values
from myrtille.index.sqlite_fts import COLUMNS

# 2: stem columns per language (title_fr, text_fr, title_en, text_en) instead of lemmas.
SCHEMA_VERSION = 2
# Facets read from the structured field's own rows (same values), so that an index built
# before the facet existed needs no rebuild.
FACET_ROWS = {"dept": "dept"}
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS docs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    url TEXT, title TEXT, source TEXT, language TEXT, cluster TEXT, kind TEXT,
    published_at TEXT, date TEXT,
    payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS docs_date ON docs (date);
CREATE INDEX IF NOT EXISTS docs_cluster ON docs (cluster);
-- A matched document's date without reading its row (rows carry the whole payload).
CREATE INDEX IF NOT EXISTS docs_seq_date ON docs (seq, date);
CREATE TABLE IF NOT EXISTS facets (seq INTEGER NOT NULL, field TEXT NOT NULL,
                                   value TEXT NOT NULL, label TEXT);
CREATE INDEX IF NOT EXISTS facets_value ON facets (field, value, seq);
-- Facet counts of a matched set read this index alone; it replaces (seq, field).
CREATE INDEX IF NOT EXISTS facets_seq_value ON facets (seq, field, value, label);
DROP INDEX IF EXISTS facets_seq;
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    {", ".join(COLUMNS)}, tokenize = 'ascii');
"""
TABLES = ("meta", "docs", "facets", "fts")


def payloads(db: sqlite3.Connection, seqs: Sequence[int]) -> dict[int, str]:
    """The stored payloads of these rows, by row number."""
    found: dict[int, str] = {}
    for start in range(0, len(seqs), 500):
        chunk = list(seqs[start : start + 500])
        marks = ",".join("?" * len(chunk))
        found.update(db.execute(f"SELECT seq, payload FROM docs WHERE seq IN ({marks})", chunk))
    return found


def facet_rows(seq: int, document: IndexedDocument) -> list[tuple[int, str, str, str | None]]:
    """The ``facets`` rows of a document: its structured values, and its facets' values
    for display (companies with their names)."""
    values = field_values(document)
    rows: list[tuple[int, str, str, str | None]] = [
        (seq, field, value, None) for field, found in values.items() for value in found
    ]
    # Facet values for display: companies with their names, and the coded fields.
    rows += [(seq, "facet:company", value, label) for value, label in company_facets(document)]
    for facet, field in (
        ("sector", "sector"),
        ("event", "event"),
        ("region", "region"),
        ("source", "source"),
        ("lang", "lang"),
    ):
        rows += [(seq, f"facet:{facet}", value, None) for value in values[field]]
    return rows
