"""The dispatcher: sends due outbox rows on their channel, records each attempt, retries
transient failures with exponential backoff and jitter, and applies permanent ones (a
hard bounce pauses the subscriber, a 410 disables the subscription's webhook).

The channels say which rows are theirs to send: rows of a ``digested`` channel (email)
for daily and weekly subscriptions wait for the digest; rows of a channel that is not
``dispatched`` (the live stream) are read by others; everything else is sent as soon as
it is due, to the subscription's destination on that channel.
"""

from __future__ import annotations

import logging
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select, update

from myrtille.alerts.channels.base import Channel
from myrtille.alerts.delivery import (
    REMOVED_TITLE,
    Alert,
    AlertDocument,
    Destination,
    PermanentDeliveryError,
    TransientDeliveryError,
)
from myrtille.alerts.describe import company_names, describe
from myrtille.alerts.excerpt import excerpt
from myrtille.config.settings import Settings
from myrtille.index.base import IndexBackend
from myrtille.store.claims import OUTBOX, UNSETTLED_OUTBOX, ClaimHolds, held
from myrtille.store.database import Database
from myrtille.store.schema import Document, utcnow
from myrtille.store.subscriptions import OutboxItem, Subscriber, Subscription

log = logging.getLogger(__name__)

FIRST_RETRY = timedelta(minutes=1)
LONGEST_WAIT = timedelta(hours=6)
# A row left "sending" this long belongs to a dispatcher that died mid-send.
STALE_SENDING = timedelta(minutes=15)
BATCH = 100
# Characters of summary (or of the text, when there is none) an alert carries, whole words.
ALERT_SUMMARY = 600


def backoff(attempts: int, rng: random.Random | None = None) -> timedelta:
    """1 min, 2, 4 … capped at 6 h, each ±20 % so that retries do not move in step."""
    base = min(FIRST_RETRY * (2 ** max(attempts - 1, 0)), LONGEST_WAIT)
    return base * (0.8 + 0.4 * (rng or random).random())


@dataclass
class DispatchReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    by_channel: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)


class Dispatcher:
    def __init__(
        self,
        settings: Settings,
        database: Database,
        index: IndexBackend | None,
        channels: dict[str, Channel],
        *,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.settings = settings
        self.database = database
        self.index = index
        self.channels = channels
        self.clock = clock
        # The locks of this run's claims (store/claims.py): closed at the end of the run,
        # whatever happened, so rows it could not record go back at once.
        self.holds = ClaimHolds(database)
        # When the row in hand was taken (its claim moment from then on).
        self._taken_at: datetime | None = None

    def run(self, limit: int | None = None) -> DispatchReport:
        """Send every due row once; returns what happened."""
        report = DispatchReport()
        self._release_stale()
        self._settle_earlier()
        try:
            while limit is None or report.sent + report.retried + report.failed < limit:
                rows, claimed_at = self._claim(BATCH)
                if not rows:
                    break
                for n, row_id in enumerate(rows):
                    self._taken_at = None
                    try:
                        self._deliver(row_id, claimed_at, report)
                    except BaseException:
                        # A write refused mid-batch: these rows are ours, unsent (the one in
                        # hand maybe sent: the window), and our next run gives them back.
                        moments = [claimed_at, *([self._taken_at] if self._taken_at else [])]
                        UNSETTLED_OUTBOX.add(
                            self.database,
                            [(row_id, moments), *((r, [claimed_at]) for r in rows[n + 1 :])],
                        )
                        raise
                    self.holds.let_go(OUTBOX, [row_id])
        finally:
            self.holds.close()
        return report

    def _settle_earlier(self) -> None:
        """Give back the rows an earlier run of this process claimed and could not settle
        (they would wait STALE_SENDING otherwise)."""
        owed = UNSETTLED_OUTBOX.take(self.database)
        if not owed:
            return
        try:
            with self.database.session() as session:
                for row_id, moments in owed:
                    session.execute(
                        update(OutboxItem)
                        .where(
                            OutboxItem.id == row_id,
                            OutboxItem.status == "sending",
                            OutboxItem.next_attempt_at.in_(moments),
                        )
                        .values(status="pending")
                    )
        except BaseException:
            UNSETTLED_OUTBOX.add(self.database, owed)
            raise

    def _release_stale(self) -> None:
        with self.database.session() as session:
            session.execute(
                update(OutboxItem)
                .where(
                    OutboxItem.status == "sending",
                    OutboxItem.next_attempt_at < self.clock() - STALE_SENDING,
                )
                .values(status="pending")
            )
            if not self.holds.enabled:
                return
            # Rows whose dispatcher died mid-send (its lock went with its session): back
            # at once. A row recorded or claimed again meanwhile has another status or
            # claim moment, and the conditions skip it.
            sending = session.execute(
                select(OutboxItem.id, OutboxItem.next_attempt_at).where(
                    OutboxItem.status == "sending"
                )
            ).all()
            live = held(session, OUTBOX) if sending else set()
            for row_id, moment in sending:
                if row_id not in live:
                    session.execute(
                        update(OutboxItem)
                        .where(
                            OutboxItem.id == row_id,
                            OutboxItem.status == "sending",
                            OutboxItem.next_attempt_at == moment,
                        )
                        .values(status="pending")
                    )

    def _claim(self, limit: int) -> tuple[list[int], datetime]:
        """Up to ``limit`` due rows, marked ``sending`` at the returned moment, which
        identifies this claim (see ``_deliver``)."""
        now = self.clock()
        sent = [name for name, channel in self.channels.items() if channel.dispatched]
        digested = [name for name, channel in self.channels.items() if channel.digested]
        with self.database.session() as session:
            query = (
                select(OutboxItem.id)
                .join(Subscription, Subscription.id == OutboxItem.subscription_id)
                .join(Subscriber, Subscriber.id == Subscription.subscriber_id)
                .where(
                    OutboxItem.status == "pending",
                    OutboxItem.channel.in_(sent),
                    or_(OutboxItem.next_attempt_at.is_(None), OutboxItem.next_attempt_at <= now),
                    # An urgent legal notice does not wait for the digest (alerts/urgency.py).
                    or_(
                        OutboxItem.channel.not_in(digested),
                        Subscription.frequency == "immediate",
                        OutboxItem.urgent.is_(True),
                    ),
                    Subscription.active.is_(True),
                    Subscription.paused.is_(False),
                    Subscriber.confirmed_at.is_not(None),
                    Subscriber.paused.is_(False),
                )
                .order_by(OutboxItem.id)
                .limit(limit)
            )
            if self.database.supports_skip_locked:
                query = query.with_for_update(skip_locked=True, of=OutboxItem)
            ids = list(session.scalars(query))
            if ids:
                # Held before the claim commits: a "sending" row without its lock is a
                # dead dispatcher's (see _release_stale).
                if self.holds.hold(OUTBOX, ids):
                    # A row another live session holds is that one's (about to let it
                    # go, or taking it again after a cut: ``_deliver``): not ours.
                    ids = self.holds.holding(OUTBOX, ids)
                # Marked before sending: a second dispatcher skips them; a crash leaves
                # them "sending" until STALE_SENDING returns them to the queue.
                session.execute(
                    update(OutboxItem)
                    .where(and_(OutboxItem.id.in_(ids), OutboxItem.status == "pending"))
                    .values(status="sending", next_attempt_at=now)
                )
            return ids, now

    def _deliver(self, row_id: int, claimed_at: datetime, report: DispatchReport) -> None:
        # Its lock first: a database restart cuts the session that holds this batch's
        # locks while this process goes on, and another dispatcher would give the rest
        # of the batch back and send it as well (the take below cannot tell: the row is
        # still "sending" at our moment until then). Taken again, or another's now.
        if not self.holds.keep(OUTBOX, row_id):
            return
        with self.database.session() as session:
            # Still ours? A batch slower than STALE_SENDING may have been given back and
            # claimed by another dispatcher (with its own moment): then it sends, not us.
            # Taking the row restarts its stale clock, so the limit is per message.
            self._taken_at = self.clock()
            taken = session.execute(
                update(OutboxItem)
                .where(
                    OutboxItem.id == row_id,
                    OutboxItem.status == "sending",
                    OutboxItem.next_attempt_at == claimed_at,
                )
                .values(next_attempt_at=self._taken_at)
            ).rowcount
            row = session.get(OutboxItem, row_id) if taken else None
            if row is None:
                return
            subscription = session.get(Subscription, row.subscription_id)
            subscriber = (
                session.get(Subscriber, subscription.subscriber_id) if subscription else None
            )
            if subscription is None or subscriber is None:
                row.status, row.last_error = "failed", "the subscription no longer exists"
                report.failed += 1
                return
            alert = self._alert(session, row, subscription, subscriber)
        channel = self.channels[row.channel]
        outcome: Exception | None = None
        try:
            channel.send(alert)
        except (TransientDeliveryError, PermanentDeliveryError) as exc:
            outcome = exc
        except Exception as exc:  # an unexpected failure is treated as transient, loudly
            log.exception("delivery %s failed unexpectedly", row_id)
            outcome = TransientDeliveryError(f"{type(exc).__name__}: {exc}")
        self._record(row_id, outcome, report)

    def _record(self, row_id: int, outcome: Exception | None, report: DispatchReport) -> None:
        now = self.clock()
        with self.database.session() as session:
            row = session.get(OutboxItem, row_id)
            assert row is not None
            row.attempts += 1
            report.by_channel[row.channel] += 1
            if outcome is None:
                row.status, row.sent_at, row.last_error = "sent", now, None
                report.sent += 1
                return
            row.last_error = str(outcome)[:500]
            if isinstance(outcome, TransientDeliveryError):
                if now - row.created_at > self.settings.webhooks.retry_for:
                    row.status = "failed"
                    row.last_error = (
                        f"gave up after {row.attempts} attempts over "
                        f"{self.settings.webhooks.retry_for}: {outcome}"
                    )[:500]
                    report.failed += 1
                else:
                    row.status = "pending"
                    row.next_attempt_at = now + backoff(row.attempts)
                    report.retried += 1
                report.errors.append(f"#{row.id} {row.channel}: {outcome}")
                return
            row.status = "failed"
            report.failed += 1
            report.errors.append(f"#{row.id} {row.channel}: {outcome}")
            effect = outcome.effect if isinstance(outcome, PermanentDeliveryError) else "none"
            subscription = session.get(Subscription, row.subscription_id)
            if effect == "pause_subscriber" and subscription is not None:
                subscriber = session.get(Subscriber, subscription.subscriber_id)
                if subscriber is not None:
                    subscriber.paused = True
                    subscriber.paused_reason = f"hard bounce: {outcome}"[:300]
            elif effect == "disable_channel" and subscription is not None:
                destination = subscription.destination(row.channel)
                if destination is not None and destination.disabled_at is None:
                    # Kept, with why: an operator sees it, and nothing about it is lost.
                    destination.disabled_at = now
                    destination.disabled_reason = str(outcome)[:300]
                    subscription.updated_at = now

    def _alert(
        self,
        session,
        row: OutboxItem,
        subscription: Subscription,  # type: ignore[no-untyped-def]
        subscriber: Subscriber,
    ) -> Alert:
        stored = subscription.destination(row.channel)
        return Alert(
            outbox_id=row.id,
            channel=row.channel,
            subscription_id=subscription.id,
            subscription_name=subscription.name,
            query=subscription.query,
            subscriber_id=subscriber.id,
            subscriber_email=subscriber.email,
            language="en" if subscriber.language == "en" else "fr",
            document=alert_document(session, self.index, row.document_id),
            also_reported_by=list(row.also_reported_by or []),
            destination=(
                Destination(row.channel, stored.address, stored.secret)
                if stored is not None
                else None
            ),
            attempt=row.attempts + 1,
            urgent=row.urgent,
            timezone=subscriber.timezone,
            description=describe(
                subscription.query,
                subscriber.language,
                companies=company_names(session, [subscription.query]),
            ),
        )


def alert_document(session, index: IndexBackend | None, document_id: str) -> AlertDocument:  # type: ignore[no-untyped-def]
    """The document from the index (enriched), else from the state database."""
    indexed = index.get(document_id) if index is not None else None
    if indexed is not None:
        return AlertDocument(
            id=indexed.id,
            title=indexed.title,
            url=indexed.url,
            source=indexed.source,
            published_at=indexed.published_at,
            summary=excerpt(indexed.summary or indexed.text or "", ALERT_SUMMARY),
            language=indexed.language,
            companies=indexed.companies,
            sectors=indexed.sectors,
            events=indexed.events,
            regions=indexed.regions,
        )
    doc = session.get(Document, document_id)
    if doc is None:
        return AlertDocument(
            id=document_id,
            title=REMOVED_TITLE,
            url="",
            source="",
            published_at=None,
            summary="",
        )
    return AlertDocument(
        id=doc.id,
        title=doc.title,
        url=doc.url,
        source=doc.source_id,
        published_at=doc.published_at,
        summary=excerpt(doc.summary or doc.text or "", ALERT_SUMMARY),
        language=doc.language,
    )
