"""Facet counts and the date histogram of a search's matched set, in one pass.

Every matched document's row in ``docs`` holds its terms packed as 32-bit ids whose low
bits name the field (``sqlite_tables.py``). One join of ``temp.matched`` with ``docs``
reads them all, as one array; the counting is done on that array for every facet asked,
instead of one sorted ``GROUP BY`` over the matched set's facet rows per facet. Only the
values a facet shows (the best ``limit`` counts, and those tied with the last) are looked
up. The histogram groups the dates the matched set already holds.

Order and labels are those of ``GROUP BY value ORDER BY count DESC, value`` with the
greatest label (binary order: Python's string order) among the matched documents'.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import numpy as np

from myrtille.index.base import FacetCount, Interval
from myrtille.index.sqlite_tables import (
    CODE_BITS,
    FACET_FIELD,
    FIELD_CODES,
    LABEL,
)

_CODE_MASK = (1 << CODE_BITS) - 1
BUCKETS = {
    "day": "substr(date, 1, 10)",
    "week": "strftime('%Y-W%W', date)",
    "month": "substr(date, 1, 7)",
}


def facets_and_histogram(
    db: sqlite3.Connection, facets: Sequence[str], limit: int, interval: Interval | None
) -> tuple[dict[str, list[FacetCount]], list[tuple[str, int]]]:
    """The counts of ``facets`` and the histogram by ``interval`` of ``temp.matched``."""
    found: dict[str, list[FacetCount]] = {}
    if facets:
        ids = matched_terms(db)
        codes = ids & _CODE_MASK
        for facet in facets:
            code = FIELD_CODES[FACET_FIELD.get(facet, facet)]
            found[facet] = _top(db, ids, codes, code, limit, labelled=facet == "company")
    histogram: list[tuple[str, int]] = []
    if interval:
        # The matched set holds the dates: one small sort of (bucket) values.
        histogram = [
            (str(bucket), int(n))
            for bucket, n in db.execute(
                f"SELECT {BUCKETS[interval]} AS b, count(*) FROM temp.matched "
                "WHERE date IS NOT NULL GROUP BY b ORDER BY b"
            )
        ]
    return found, histogram


def matched_terms(db: sqlite3.Connection) -> np.ndarray:
    """The term ids of every matched document, all in one array.

    SQLite concatenates the packed ids itself (in a UTF-8 database, which the index is, a
    BLOB read as text is its bytes, zeros included, and the concatenation cast back to
    BLOB is those bytes again): one value crosses into Python instead of one row per
    matched document, which halves the cost of reading them."""
    (packed,) = db.execute(
        "SELECT CAST(group_concat(d.terms, '') AS BLOB) "
        "FROM temp.matched m CROSS JOIN docs d ON d.seq = m.seq"
    ).fetchone()
    return np.frombuffer(packed or b"", dtype="<u4")


def _top(
    db: sqlite3.Connection,
    ids: np.ndarray,
    codes: np.ndarray,
    code: int,
    limit: int,
    *,
    labelled: bool,
) -> list[FacetCount]:
    values, counts = np.unique(ids[codes == code], return_counts=True)
    if not len(values) or limit <= 0:
        return []
    # Values tied with the last one shown are looked up too: ties are ordered by value.
    floor = 1
    if len(counts) > limit:
        floor = int(np.partition(counts, len(counts) - limit)[len(counts) - limit])
    chosen = values[counts >= floor]
    names = _values(db, [int(i) for i in chosen])
    ranked = sorted(
        ((-int(n), names[int(i)]) for i, n in zip(values, counts, strict=True) if n >= floor)
    )[:limit]
    labels = _labels(db, ids, codes, [value for _, value in ranked]) if labelled else {}
    return [FacetCount(value, -n, labels.get(value)) for n, value in ranked]


def _values(db: sqlite3.Connection, ids: list[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(db.execute(f"SELECT id, value FROM terms WHERE id IN ({marks})", chunk))
    return found


def _labels(
    db: sqlite3.Connection, ids: np.ndarray, codes: np.ndarray, values: list[str]
) -> dict[str, str]:
    """The greatest label of each value among the matched documents that name it."""
    if not values:
        return {}
    present = set(np.unique(ids[codes == FIELD_CODES[LABEL]]).tolist())
    labels: dict[str, str] = {}
    marks = ",".join("?" * len(values))
    for term, value, label in db.execute(
        f"SELECT id, value, label FROM terms WHERE field = ? AND value IN ({marks})",
        [LABEL, *values],
    ):
        if term in present and (value not in labels or label > labels[value]):
            labels[value] = label
    return labels
