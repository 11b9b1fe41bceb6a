"""Daily and weekly digests: at each subscriber's local time, one email gathering the
pending matches of their digest subscriptions, grouped by subscription and ranked.

The pending outbox rows are the content; a ``digest_run`` row per (subscriber,
frequency, slot) is the watermark. Both are updated in one transaction after the send, so
a digest run twice sends nothing twice, and after days of downtime the next digest covers
the whole gap, once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Literal
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.delivery import (
    Digest,
    DigestItem,
    DigestSection,
    PermanentDeliveryError,
    TransientDeliveryError,
)
from myrtille.alerts.describe import company_names, describe
from myrtille.alerts.dispatcher import alert_document
from myrtille.config.settings import Settings
from myrtille.index.base import IndexBackend
from myrtille.store.database import Database
from myrtille.store.schema import utcnow
from myrtille.store.subscriptions import DigestRun, OutboxItem, Subscriber, Subscription

log = logging.getLogger(__name__)

Frequency = Literal["daily", "weekly"]
ITEMS_PER_SECTION = 10


def slot(
    now: datetime, tz_name: str, frequency: Frequency, at: str, weekday: int
) -> tuple[str, datetime]:
    """The latest scheduled digest moment at or before ``now`` in the subscriber's time
    zone, with its label (``2026-11-28`` or ``2026-W47``)."""
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        tz = ZoneInfo("Europe/Paris")
    local = now.astimezone(tz)
    hour, minute = (int(p) for p in at.split(":"))
    moment = datetime.combine(local.date(), time(hour, minute), tzinfo=tz)
    if frequency == "daily":
        if moment > local:
            moment -= timedelta(days=1)
        return moment.date().isoformat(), moment
    moment -= timedelta(days=(moment.weekday() - weekday) % 7)
    if moment > local:
        moment -= timedelta(days=7)
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}", moment


@dataclass
class DigestReport:
    sent: int = 0
    items: int = 0
    skipped_empty: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def _rank(item: DigestItem) -> tuple[int, int, float]:
    """Events and linked companies first, then the newest."""
    document = item.document
    linked = any(c.get("siren") for c in document.companies)
    stamp = document.published_at.timestamp() if document.published_at else 0.0
    return (0 if document.events else 1, 0 if linked else 1, -stamp)


class DigestBuilder:
    def __init__(
        self,
        settings: Settings,
        database: Database,
        index: IndexBackend | None,
        send: Callable[[Digest], None],
        links: Callable[[int, int], tuple[str | None, str | None]] | None = None,
    ) -> None:
        self.settings = settings
        self.database = database
        self.index = index
        self.send = send
        # (subscriber id, a subscription id) -> (unsubscribe URL, preferences URL)
        self.links = links or (lambda subscriber, subscription: (None, None))

    def run(
        self, frequency: Frequency, *, now: datetime | None = None, force: bool = False
    ) -> DigestReport:
        now = now or utcnow()
        report = DigestReport()
        email = self.settings.email
        with self.database.session() as session:
            subscribers = list(
                session.scalars(
                    select(Subscriber)
                    .where(Subscriber.confirmed_at.is_not(None), Subscriber.paused.is_(False))
                    .where(
                        Subscriber.id.in_(
                            select(Subscription.subscriber_id).where(
                                Subscription.frequency == frequency,
                                Subscription.active.is_(True),
                                Subscription.paused.is_(False),
                            )
                        )
                    )
                    .order_by(Subscriber.id)
                )
            )
        for subscriber in subscribers:
            label, _moment = slot(
                now,
                subscriber.timezone or email.timezone,
                frequency,
                email.digest_time,
                email.digest_weekday,
            )
            if force:
                label = f"{label}+{now:%H%M%S}"
            with self.database.session() as session:
                done = session.scalar(
                    select(DigestRun.id).where(
                        DigestRun.subscriber_id == subscriber.id,
                        DigestRun.frequency == frequency,
                        DigestRun.slot == label,
                    )
                )
            if done is not None:
                continue
            self._one(subscriber, frequency, label, report)
        return report

    def _one(
        self, subscriber: Subscriber, frequency: Frequency, label: str, report: DigestReport
    ) -> None:
        with self.database.session() as session:
            rows = session.execute(
                select(OutboxItem, Subscription)
                .join(Subscription, Subscription.id == OutboxItem.subscription_id)
                .where(
                    Subscription.subscriber_id == subscriber.id,
                    Subscription.frequency == frequency,
                    Subscription.active.is_(True),
                    Subscription.paused.is_(False),
                    # Digests are the email channel's way of sending its rows.
                    OutboxItem.channel == EmailChannel.name,
                    OutboxItem.status == "pending",
                    # Urgent rows are the dispatcher's, sent at once even if it has not
                    # run yet: a digest never carries them (alerts/urgency.py).
                    OutboxItem.urgent.is_(False),
                )
                .order_by(Subscription.id, OutboxItem.id)
            ).all()
            sections: dict[int, DigestSection] = {}
            row_ids: list[int] = []
            for row, subscription in rows:
                section = sections.setdefault(
                    subscription.id,
                    DigestSection(
                        subscription_id=subscription.id,
                        subscription_name=subscription.name,
                        query=subscription.query,
                        items=[],
                        description=describe(
                            subscription.query,
                            subscriber.language,
                            companies=company_names(session, [subscription.query]),
                        ),
                    ),
                )
                section.items.append(
                    DigestItem(
                        alert_document(session, self.index, row.document_id),
                        list(row.also_reported_by or []),
                    )
                )
                row_ids.append(row.id)
        if not row_ids:
            report.skipped_empty += 1
            self._bookkeep(subscriber.id, frequency, label, [], 0)
            return
        public = self.settings.email.public_url.rstrip("/")
        for section in sections.values():
            section.items.sort(key=_rank)
            if len(section.items) > ITEMS_PER_SECTION:
                section.more = len(section.items) - ITEMS_PER_SECTION
                section.items = section.items[:ITEMS_PER_SECTION]
                section.more_url = f"{public}/search?q={quote(section.query)}"
        first = next(iter(sections))
        unsubscribe, preferences = self.links(subscriber.id, first)
        digest = Digest(
            subscriber_id=subscriber.id,
            subscriber_email=subscriber.email,
            language="en" if subscriber.language == "en" else "fr",
            frequency=frequency,
            sections=list(sections.values()),
            unsubscribe_url=unsubscribe,
            preferences_url=preferences,
            timezone=subscriber.timezone,
        )
        try:
            self.send(digest)
        except (TransientDeliveryError, PermanentDeliveryError) as exc:
            # Nothing is recorded: the rows stay pending and the next run tries again.
            report.failed += 1
            report.errors.append(f"{subscriber.email}: {exc}")
            return
        count = sum(len(s.items) + s.more for s in sections.values())
        self._bookkeep(subscriber.id, frequency, label, row_ids, count)
        report.sent += 1
        report.items += count

    def _bookkeep(
        self, subscriber_id: int, frequency: str, label: str, row_ids: list[int], count: int
    ) -> None:
        now = utcnow()
        with self.database.session() as session:
            session.add(
                DigestRun(
                    subscriber_id=subscriber_id,
                    frequency=frequency,
                    slot=label,
                    items=count,
                    sent_at=now,
                )
            )
            for row in session.scalars(select(OutboxItem).where(OutboxItem.id.in_(row_ids))):
                row.status, row.sent_at = "sent", now
                row.attempts += 1
