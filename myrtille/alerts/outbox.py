"""The outbox: one row per (subscription, story cluster, channel), written in the same
transaction as the processing batch that found the match. A later document of the same
story does not alert again: it is folded into the row as "also reported by".

A batch's rows are written together: one ``INSERT … ON CONFLICT DO NOTHING RETURNING`` for
all its matches (the unique key decides what is new, also against a concurrent worker),
then one read and one update for the rows that already existed. A row per match and a
query per match (what this was before issue 16) cost 10 to 70 times the matching."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import bindparam, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import ReturningInsert

from myrtille.alerts.matcher import CompiledSubscription, Matcher
from myrtille.alerts.urgency import is_urgent
from myrtille.index.base import IndexedDocument
from myrtille.pipeline.normalise import web_url
from myrtille.store.schema import utcnow
from myrtille.store.subscriptions import OutboxItem

_OUTBOX = OutboxItem.__table__
_KEY = ("subscription_id", "cluster_id", "channel")
_FOLD = (
    update(_OUTBOX)
    .where(_OUTBOX.c.id == bindparam("row_id"))
    .values(also_reported_by=bindparam("also", type_=_OUTBOX.c.also_reported_by.type))
)
Key = tuple[int, str, str]


@dataclass
class OutboxReport:
    queued: int = 0
    folded: int = 0


@dataclass
class _Row:
    """A key's documents in this batch, in order: the first is the row's own."""

    documents: list[IndexedDocument]
    urgent: bool
    also: list[dict[str, Any]] = field(default_factory=list)


def record_matches(
    session: Session, matcher: Matcher, documents: Sequence[IndexedDocument]
) -> OutboxReport:
    """Match each document and queue its outbox rows (see :func:`write_matches`)."""
    matched = []
    for document in documents:
        subscriptions = (matcher.get(i) for i in matcher.match(document))
        matched.append((document, [s for s in subscriptions if s is not None]))
    return write_matches(session, matched)


def write_matches(
    session: Session,
    matched: Iterable[tuple[IndexedDocument, Sequence[CompiledSubscription]]],
) -> OutboxReport:
    """Queue one row per new (subscription, story, channel); fold a document whose story
    has its row already (earlier in the batch or in an earlier one) into that row."""
    report = OutboxReport()
    rows: dict[Key, _Row] = {}
    for document, subscriptions in matched:
        cluster = document.cluster or document.id
        for subscription in subscriptions:
            for channel in subscription.channels:
                key = (subscription.id, cluster, channel)
                row = rows.get(key)
                if row is None:
                    urgent = is_urgent(document, subscription.urgent_sirens)
                    rows[key] = _Row([document], urgent)
                else:
                    row.documents.append(document)
    if not rows:
        return report
    now = utcnow()
    values = []
    for (subscription_id, cluster, channel), row in rows.items():
        first = row.documents[0]
        row.also = _folded(first.id, [], row.documents[1:])
        values.append(
            {
                "subscription_id": subscription_id,
                "cluster_id": cluster,
                "document_id": first.id,
                "channel": channel,
                "status": "pending",
                "next_attempt_at": now,
                "also_reported_by": row.also,
                "urgent": row.urgent,
                "attempts": 0,
                "created_at": now,
            }
        )
    created: set[Key] = {
        (key[0], key[1], key[2])
        for key in session.execute(_insert(session.get_bind().dialect.name), values)
    }
    for key in created:
        report.queued += 1
        report.folded += len(rows[key].also)
    existing = [key for key in rows if key not in created]
    if existing:
        report.folded += _fold_into_existing(session, {key: rows[key] for key in existing})
    return report


def _fold_into_existing(session: Session, rows: dict[Key, _Row]) -> int:
    """Fold the batch's documents into rows written before it: one read, one update."""
    folded = 0
    updates = []
    for chunk in _chunks(list(rows), 500):
        found = session.execute(
            select(
                _OUTBOX.c.id,
                *(_OUTBOX.c[name] for name in _KEY),
                _OUTBOX.c.document_id,
                _OUTBOX.c.also_reported_by,
            ).where(tuple_(*(_OUTBOX.c[name] for name in _KEY)).in_(chunk))
        )
        for row_id, subscription_id, cluster, channel, document_id, also in found:
            before = list(also or [])
            documents = rows[(subscription_id, cluster, channel)].documents
            after = _folded(document_id, before, documents)
            if len(after) > len(before):
                folded += len(after) - len(before)
                updates.append({"row_id": row_id, "also": after})
    if updates:
        session.execute(_FOLD, updates)
    return folded


def _folded(
    own: str, also: list[dict[str, Any]], documents: Sequence[IndexedDocument]
) -> list[dict[str, Any]]:
    """``also`` with each document that is neither the row's own nor listed already."""
    listed = {item.get("id") for item in also}
    result = list(also)
    for document in documents:
        if document.id == own or document.id in listed:
            continue
        listed.add(document.id)
        result.append(
            {
                "id": document.id,
                "source": document.source,
                "url": web_url(document.url),
                "title": document.title,
            }
        )
    return result


def _chunks(items: list[Key], size: int) -> Iterable[list[Key]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@cache
def _insert(dialect: str) -> ReturningInsert[tuple[int, str, str]]:
    """The batch's insert, built once per dialect: new keys only, and which they were."""
    insert = (postgresql if dialect == "postgresql" else sqlite).insert(_OUTBOX)
    return insert.on_conflict_do_nothing(index_elements=list(_KEY)).returning(
        _OUTBOX.c.subscription_id, _OUTBOX.c.cluster_id, _OUTBOX.c.channel
    )
