"""The live stream's events: the outbox rows of the ``stream`` channel, read in id order.

Nothing is "sent" for this channel: an agent's connection reads the rows after the last
id it has seen, so the outbox row id is the stream's cursor (the SSE event id). A client
that reconnects with its last id gets exactly what it missed, for as long as the rows
are kept.

Caveat: the cursor assumes rows become visible in id order. That holds on SQLite (one
writer at a time); on PostgreSQL two processing workers committing out of order could let
a reader step past a lower id committed a moment later (see docs/stream.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from myrtille.alerts.channels.stream import StreamChannel
from myrtille.alerts.subscriptions import SubscriptionError, normalise_email
from myrtille.index.base import IndexBackend, IndexedDocument
from myrtille.pipeline.normalise import web_mentions, web_url
from myrtille.store.database import Database
from myrtille.store.subscriptions import OutboxItem, Subscriber, Subscription

CHANNEL = StreamChannel.name
DEFAULT_LIMIT = 100


@dataclass
class StreamEvent:
    """One alert of the stream; ``id`` is the outbox row id, as the SSE id (a string)."""

    id: str
    subscription: dict[str, Any]
    document: dict[str, Any]
    also_reported_by: list[dict[str, Any]] = field(default_factory=list)
    created_at: datetime | None = None

    def payload(self) -> dict[str, Any]:
        """The JSON object sent as the event's data."""
        return {
            "id": self.id,
            "subscription": self.subscription,
            "document": self.document,
            "also_reported_by": web_mentions(self.also_reported_by),
            "created_at": self.created_at.isoformat() if self.created_at else None,
        }


def document_fields(document: IndexedDocument) -> dict[str, Any]:
    """What an event says of its document: enough to show it and to filter it by query
    client-side (``myrtille watch QUERY``), without the full text."""
    return {
        "id": document.id,
        "title": document.title,
        "url": web_url(document.url),
        "source": document.source,
        "published_at": document.published_at.isoformat() if document.published_at else None,
        "language": document.language,
        "summary": document.summary,
        "companies": document.companies,
        "sectors": document.sectors,
        "events": document.events,
        "regions": document.regions,
        "departments": document.departments,
    }


def subscriber_address(email: str | None) -> str | None:
    """The agent's email as subscribers' emails are stored (domain lowercased), or None
    when it has none or it could not be a subscriber's address."""
    if not email:
        return None
    try:
        return normalise_email(email)
    except SubscriptionError:
        return None


def events_after(
    database: Database,
    index: IndexBackend,
    subscriber_email: str | None,
    last_id: int,
    limit: int = DEFAULT_LIMIT,
) -> list[StreamEvent]:
    """The stream events after ``last_id`` for the subscriber of that email, oldest first.

    Blocking (database and index): call it from a worker thread in async code.
    """
    address = subscriber_address(subscriber_email)
    if address is None:
        return []
    with database.session() as session:
        rows = session.execute(
            select(OutboxItem, Subscription)
            .join(Subscription, Subscription.id == OutboxItem.subscription_id)
            .join(Subscriber, Subscriber.id == Subscription.subscriber_id)
            .where(
                OutboxItem.channel == CHANNEL,
                OutboxItem.id > last_id,
                Subscription.active.is_(True),
                Subscription.paused.is_(False),
                Subscriber.email == address,
            )
            .order_by(OutboxItem.id)
            .limit(limit)
        ).all()
        found = [
            (
                item.id,
                item.document_id,
                list(item.also_reported_by or []),
                item.created_at,
                {"id": sub.id, "name": sub.name, "query": sub.query},
            )
            for item, sub in rows
        ]
    events = []
    # The index is read outside the database session: it may be slow (Elasticsearch), and
    # the session should not hold a SQLite read snapshot meanwhile.
    for item_id, document_id, also, created_at, subscription in found:
        document = index.get(document_id)
        events.append(
            StreamEvent(
                id=str(item_id),
                subscription=subscription,
                # A document deleted from the index still alerts: its id says which one.
                document=document_fields(document) if document else {"id": document_id},
                also_reported_by=also,
                created_at=created_at,
            )
        )
    return events
