"""The tables of the SQLite index, and the rows a document becomes in them.

Each thing is stored once (bench/README.md has the measurements):

- ``docs``: one small row per document (id, story, date, and its terms packed as 32-bit
  ids), so that reading the matched set's dates and terms touches few pages;
- ``payloads``: the document itself, JSON compressed with zlib; read for the page shown,
  ``get`` and exports only;
- ``terms``: each (field, value) once; an id's low 4 bits are its field's code, so facet
  counts tell the field of an id without reading this table; ``postings`` ``(term,
  seq)`` (WITHOUT ROWID) answer ``field:value``;
- ``fts``: a contentless FTS5 table (``content=''``): the inverted index alone, its word
  streams not stored a second time. A row is removed with FTS5's ``delete`` command and
  the same streams, computed again from the payload (``word_streams`` is deterministic;
  a change to words or stems is a schema change, as it changes what matches anyway).
"""

from __future__ import annotations

import json
import sqlite3
import sys
import zlib
from array import array
from collections.abc import Iterable, Sequence

from myrtille.index.base import IndexedDocument
from myrtille.index.matching import STRUCTURED_FIELDS, company_facets, field_values
from myrtille.index.payload import from_payload, payload_json
from myrtille.index.sqlite_fts import COLUMNS

# 2: stem columns per language (title_fr, text_fr, title_en, text_en) instead of lemmas.
# 3: contentless FTS5, compressed payloads apart, terms as integer ids (issue 16).
SCHEMA_VERSION = 3
# The company facet's values (SIREN, else the name's key) and, apart, each value's label
# as one document names it: the facet shows the greatest label among the matched documents.
COMPANY_FACET = "facet:company"
LABEL = "facet:label"
FIELD_CODES = {name: code for code, name in enumerate((*STRUCTURED_FIELDS, COMPANY_FACET, LABEL))}
CODE_BITS = 4
assert len(FIELD_CODES) <= 1 << CODE_BITS
# The field whose terms a facet counts: the structured field of the same name, but for
# companies, whose facet lists one value per company rather than its SIREN and its name.
FACET_FIELD = {"company": COMPANY_FACET}
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS docs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    cluster TEXT,
    date TEXT,
    terms BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS docs_date ON docs (date);
CREATE INDEX IF NOT EXISTS docs_cluster ON docs (cluster);
CREATE TABLE IF NOT EXISTS payloads (seq INTEGER PRIMARY KEY, payload BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS terms (
    id INTEGER PRIMARY KEY, field TEXT NOT NULL, value TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX IF NOT EXISTS terms_key ON terms (field, value, label);
CREATE TABLE IF NOT EXISTS postings (
    term INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (term, seq)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    {", ".join(COLUMNS)}, content = '', tokenize = 'ascii');
"""
# Every table any schema version made, so that an older index is dropped whole.
TABLES = ("meta", "docs", "payloads", "terms", "postings", "facets", "fts")

# A term: (field, value, label); the label is '' but for LABEL terms.
Term = tuple[str, str, str]


def pack_payload(document: IndexedDocument) -> bytes:
    return zlib.compress(payload_json(document).encode())


def unpack_payload(stored: bytes) -> IndexedDocument:
    return from_payload(json.loads(zlib.decompress(stored)))


def pack_ids(ids: Iterable[int]) -> bytes:
    packed = array("I", sorted(ids))
    if sys.byteorder == "big":  # stored little-endian, whatever the machine
        packed.byteswap()
    return packed.tobytes()


def unpack_ids(stored: bytes) -> array[int]:
    ids = array("I", stored)
    if sys.byteorder == "big":
        ids.byteswap()
    return ids


def payloads(db: sqlite3.Connection, seqs: Sequence[int]) -> dict[int, IndexedDocument]:
    """The stored documents of these rows, by row number."""
    found: dict[int, IndexedDocument] = {}
    for start in range(0, len(seqs), 500):
        chunk = list(seqs[start : start + 500])
        marks = ",".join("?" * len(chunk))
        for seq, payload in db.execute(
            f"SELECT seq, payload FROM payloads WHERE seq IN ({marks})", chunk
        ):
            found[seq] = unpack_payload(payload)
    return found


def document_terms(document: IndexedDocument) -> set[Term]:
    """The terms of a document: its structured values, its company facet's values, and
    the label each of those has in this document."""
    terms: set[Term] = {
        (field, value, "") for field, found in field_values(document).items() for value in found
    }
    for value, label in company_facets(document):
        terms.add((COMPANY_FACET, value, ""))
        if label is not None:
            terms.add((LABEL, value, str(label)))
    return terms


class TermIds:
    """Term ids for one write transaction: looked up, else given the next free number."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.known: dict[Term, int] = {}
        top = db.execute("SELECT coalesce(max(id), 0) FROM terms").fetchone()[0]
        self.next = (int(top) >> CODE_BITS) + 1

    def ids(self, terms: Iterable[Term]) -> list[int]:
        return [self.id(term) for term in terms]

    def id(self, term: Term) -> int:
        found = self.known.get(term)
        if found is None:
            row = self.db.execute(
                "SELECT id FROM terms WHERE field = ? AND value = ? AND label = ?", term
            ).fetchone()
            if row:
                found = int(row[0])
            else:
                found = self.next << CODE_BITS | FIELD_CODES[term[0]]
                self.next += 1
                self.db.execute("INSERT INTO terms VALUES (?,?,?,?)", (found, *term))
            self.known[term] = found
        return found
