"""The index side of retention, on every backend: documents filed before a date go,
except those kept; compaction leaves every search answering the same."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from myrtille.index.base import IndexBackend
from myrtille.index.sqlite import SQLiteIndex
from tests.index.contract import BACKENDS, ids, make_backend
from tests.index.corpus import CORPUS

CUTOFF = datetime(2026, 10, 5, tzinfo=UTC)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[IndexBackend]:
    index = make_backend(request.param, tmp_path)
    index.index(CORPUS)
    yield index
    index.clear()
    index.close()


def present(backend: IndexBackend) -> set[str]:
    return {d.id for d in CORPUS if backend.get(d.id) is not None}


def test_documents_filed_before_the_cutoff_go_except_the_kept(backend: IndexBackend) -> None:
    old = {d.id for d in CORPUS if d.date is not None and d.date < CUTOFF}
    undated = {d.id for d in CORPUS if d.date is None}
    assert len(old) >= 3 and undated, "the corpus no longer covers the cases"
    kept = sorted(old)[:1]

    removed = backend.delete_older_than(CUTOFF, keep=kept)

    assert removed == len(old) - 1
    assert present(backend) == {d.id for d in CORPUS} - old | set(kept)
    assert backend.count() == len(CORPUS) - removed
    assert undated <= present(backend)  # undated documents are never "old"
    # Nothing left to delete: a second run removes nothing.
    assert backend.delete_older_than(CUTOFF, keep=kept) == 0


def test_optimising_changes_no_answer(backend: IndexBackend) -> None:
    queries = ['"levée de fonds"', "aerovolt", "sector:aeronautique", "-aerovolt"]
    before = {q: ids(backend, q) for q in queries}
    backend.delete_older_than(CUTOFF)
    after_delete = {q: ids(backend, q) for q in queries}
    backend.optimise()
    assert {q: ids(backend, q) for q in queries} == after_delete
    assert after_delete != before  # the deletion did change what matches


def test_sqlite_optimise_merges_the_full_text_segments(tmp_path: Path) -> None:
    index = SQLiteIndex(tmp_path / "index.db")
    index.create()
    for document in CORPUS:  # one transaction, hence one FTS5 segment, per document
        index.index([document])
    index.delete_older_than(CUTOFF)

    def segments() -> int:
        # FTS5 keeps one row per segment (plus one for its structure) in fts_data.
        with sqlite3.connect(tmp_path / "index.db") as connection:
            return int(connection.execute("SELECT count(*) FROM fts_data").fetchone()[0])

    before = segments()
    index.optimise()
    assert segments() < before
    # FTS5's own check of the index against its rows.
    index.db.execute("INSERT INTO fts (fts) VALUES ('integrity-check')")
    index.close()
