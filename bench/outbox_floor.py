"""The outbox floor of ``bench/matching.py``: documents/s of writing each document's
matches as outbox rows, one transaction a document, into SQLite (wall time), matching
set aside. Three ways on the same matches, each into a fresh database:

- ``ours``: :func:`myrtille.alerts.outbox.write_matches` (what processing runs: one
  ``INSERT … ON CONFLICT DO NOTHING RETURNING`` a batch, a read and an update for rows
  that existed);
- ``before``: the outbox before issue 16 (one ``SELECT`` and one flush a match), frozen
  here, timed on the first documents only (it is slow);
- ``bulk``: a bare bulk insert of the rows (no dedup key checked, no fold): what no way
  of writing them can beat.

All three must leave the same rows (checked by the caller through :func:`rows_of`)."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from myrtille.alerts.matcher import CompiledSubscription
from myrtille.alerts.outbox import write_matches
from myrtille.alerts.urgency import is_urgent
from myrtille.index.base import IndexedDocument
from myrtille.pipeline.normalise import web_url
from myrtille.store.database import Database, open_database
from myrtille.store.schema import utcnow
from myrtille.store.subscriptions import OutboxItem, Subscriber, Subscription

Matched = list[tuple[IndexedDocument, list[CompiledSubscription]]]
Rows = set[tuple[int, str, str, str]]


def write_before(session: Session, matched: Matched) -> None:
    """``record_matches`` before issue 16, its matching taken out: a query a match."""
    for document, subscriptions in matched:
        cluster = document.cluster or document.id
        for subscription in subscriptions:
            for channel in subscription.channels:
                existing = session.scalar(
                    select(OutboxItem).where(
                        OutboxItem.subscription_id == subscription.id,
                        OutboxItem.cluster_id == cluster,
                        OutboxItem.channel == channel,
                    )
                )
                if existing is None:
                    session.add(
                        OutboxItem(
                            subscription_id=subscription.id,
                            cluster_id=cluster,
                            document_id=document.id,
                            channel=channel,
                            status="pending",
                            next_attempt_at=utcnow(),
                            also_reported_by=[],
                            urgent=is_urgent(document, subscription.urgent_sirens),
                        )
                    )
                    session.flush()
                elif existing.document_id != document.id and document.id not in {
                    r.get("id") for r in existing.also_reported_by
                }:
                    existing.also_reported_by = [
                        *existing.also_reported_by,
                        {
                            "id": document.id,
                            "source": document.source,
                            "url": web_url(document.url),
                            "title": document.title,
                        },
                    ]


def write_bulk(session: Session, matched: Matched) -> None:
    """The rows alone, one bulk insert (the floor before issue 16's outbox work)."""
    now = utcnow()
    rows = [
        {
            "subscription_id": subscription.id,
            "cluster_id": document.cluster or document.id,
            "document_id": document.id,
            "channel": channel,
            "status": "pending",
            "next_attempt_at": now,
            "also_reported_by": [],
        }
        for document, subscriptions in matched
        for subscription in subscriptions
        for channel in subscription.channels
    ]
    if rows:
        session.execute(insert(OutboxItem), rows)


WAYS: dict[str, Callable[[Session, Matched], object]] = {
    "ours": write_matches,
    "before": write_before,
    "bulk": write_bulk,
}


def floor(way: str, matched: Matched) -> tuple[float, Rows]:
    """Documents/s of writing ``matched`` one document a transaction, and the rows left."""
    write = WAYS[way]
    with tempfile.TemporaryDirectory() as tmp:
        database = open_database(f"sqlite:///{Path(tmp) / 'floor.db'}")
        _subscriptions(database, {s.id for _, subs in matched for s in subs})
        started = time.perf_counter()
        for document, subscriptions in matched:
            if not subscriptions:
                continue
            with database.session() as session:
                write(session, [(document, subscriptions)])
        seconds = time.perf_counter() - started
        rows = rows_of(database)
        database.dispose()
    return len(matched) / seconds, rows


def rows_of(database: Database) -> Rows:
    with database.session() as session:
        return {
            (row.subscription_id, row.cluster_id, row.channel, row.document_id)
            for row in session.scalars(select(OutboxItem))
        }


def _subscriptions(database: Database, ids: set[int]) -> None:
    with database.session() as session:
        session.add(Subscriber(id=1, email="bench@example.org"))
        session.flush()
        session.execute(
            insert(Subscription),
            [{"id": i, "subscriber_id": 1, "name": "s", "query": "q"} for i in sorted(ids)],
        )


def floors(
    documents: Sequence[IndexedDocument],
    found: list[list[int]],
    get: Callable[[int], CompiledSubscription | None],
    before_documents: int,
) -> dict[str, float]:
    """The three ways' documents/s on the documents' matches (``before`` on the first
    ``before_documents`` only, against ours on the same); exits through an assertion if
    they leave other rows."""
    matched: Matched = [
        (document, [s for s in map(get, ids) if s is not None])
        for document, ids in zip(documents, found, strict=True)
    ]
    # Alternated, the best of two each: the machines are shared and the load drifts.
    ours = bulk = 0.0
    for _ in range(2):
        rate, rows = floor("ours", matched)
        ours = max(ours, rate)
        rate, bulk_rows = floor("bulk", matched)
        bulk = max(bulk, rate)
        assert rows == bulk_rows, "the outbox lost or added a row"
    before, before_rows = floor("before", matched[:before_documents])
    ours_part, part_rows = floor("ours", matched[:before_documents])
    assert before_rows == part_rows, "the outbox writes other rows than before"
    return {
        "outbox_floor_docs_per_s": round(ours, 1),
        "outbox_before_docs_per_s": round(before, 2),
        "outbox_ratio_to_before": round(ours_part / before, 1),
        "outbox_bulk_insert_docs_per_s": round(bulk, 1),
    }
