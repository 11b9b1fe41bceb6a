"""Daily and weekly digests: at each subscriber's local time, one email gathering the
pending matches of their digest subscriptions, grouped by subscription and ranked.

The pending outbox rows are the content; a ``digest_run`` row per (subscriber,
frequency, slot) is the watermark. Both are written after the send, for up to ``MARKS``
digests in one transaction (:mod:`myrtille.alerts.digest_marks`), so a digest run twice
sends nothing twice, and after days of downtime the next digest covers the whole gap,
once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Literal
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.delivery import (
    AlertDocument,
    Digest,
    DigestItem,
    DigestSection,
    PermanentDeliveryError,
    TransientDeliveryError,
)
from myrtille.alerts.describe import company_names, describe
from myrtille.alerts.digest_marks import MARKS_SECONDS, DigestMarks
from myrtille.alerts.dispatcher import alert_document
from myrtille.config.settings import Settings
from myrtille.index.base import IndexBackend
from myrtille.store.database import Database
from myrtille.store.schema import utcnow
from myrtille.store.subscriptions import DigestRun, OutboxItem, Subscriber, Subscription

log = logging.getLogger(__name__)

Frequency = Literal["daily", "weekly"]
ITEMS_PER_SECTION = 10
# Subscribers whose due check and pending rows are read in one query each.
CHUNK = 500


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
        parallel: int = 1,
    ) -> None:
        self.settings = settings
        # Digests being sent at once (email.smtp_connections: one SMTP connection each).
        self.parallel = max(1, parallel)
        self._report_lock = threading.Lock()
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
        run = _Run(frequency, report, _RunCache(self.index), DigestMarks(self.database, frequency))
        try:
            for first in range(0, len(subscribers), CHUNK):
                self._chunk(run, subscribers[first : first + CHUNK], now, force)
                run.marks.write()
        finally:
            run.marks.write()  # what was sent before an error is recorded all the same
        return report

    def _chunk(self, run: _Run, chunk: list[Subscriber], now: datetime, force: bool) -> None:
        """The digests of up to CHUNK subscribers: who is due, their pending rows, sent."""
        email = self.settings.email
        frequency = run.frequency
        labels: dict[int, str] = {}
        for subscriber in chunk:
            label, _moment = slot(
                now,
                subscriber.timezone or email.timezone,
                frequency,
                email.digest_time,
                email.digest_weekday,
            )
            labels[subscriber.id] = f"{label}+{now:%H%M%S}" if force else label
        with self.database.session() as session:
            done = {
                (subscriber_id, slot)
                for subscriber_id, slot in session.execute(
                    select(DigestRun.subscriber_id, DigestRun.slot).where(
                        DigestRun.frequency == frequency,
                        DigestRun.subscriber_id.in_(list(labels)),
                    )
                )
            }
        due = [s for s in chunk if (s.id, labels[s.id]) not in done]
        pending = self._pending(due, frequency, run.cache)
        sends = []
        for subscriber in due:
            sections, row_ids = pending.get(subscriber.id, ({}, []))
            label = labels[subscriber.id]
            digest = self._digest(run, subscriber, label, sections, row_ids)
            if digest is not None:
                sends.append((subscriber, label, digest, row_ids))
            run.marks.write_if_due()
        if self.parallel == 1:
            for subscriber, label, digest, row_ids in sends:
                self._sent(run, subscriber, label, digest, row_ids)
                run.marks.write_if_due()
        elif sends:
            self._send_parallel(run, sends)

    def _send_parallel(
        self, run: _Run, sends: list[tuple[Subscriber, str, Digest, list[int]]]
    ) -> None:
        """Each of ``parallel`` threads takes the next digest when done with one: no hand-off
        through the run's thread per message. The first unexpected error stops them all
        (the digests under way finish), as it stops the run in line."""
        queue = iter(sends)
        lock = threading.Lock()
        stop = threading.Event()

        def take() -> tuple[Subscriber, str, Digest, list[int]] | None:
            with lock:
                return None if stop.is_set() else next(queue, None)

        def sender() -> None:
            try:
                while (item := take()) is not None:
                    self._sent(run, *item)
                    run.marks.write_if_due()
            except BaseException:
                stop.set()
                raise

        with ThreadPoolExecutor(self.parallel, thread_name_prefix="digest") as pool:
            senders = [pool.submit(sender) for _ in range(min(self.parallel, len(sends)))]
            running = set(senders)
            while running:
                # Woken once a second at most: the marks of a slow server's digests too.
                _finished, running = wait(running, timeout=MARKS_SECONDS)
                run.marks.write_if_due()
            for future in senders:
                future.result()

    def _pending(
        self, subscribers: list[Subscriber], frequency: Frequency, cache: _RunCache
    ) -> dict[int, tuple[dict[int, DigestSection], list[int]]]:
        """The pending digest rows of these subscribers, as sections (one per
        subscription), and the rows' ids; one query for the lot."""
        languages = {s.id: s.language for s in subscribers}
        found: dict[int, tuple[dict[int, DigestSection], list[int]]] = {}
        if not subscribers:
            return found
        with self.database.session() as session:
            # Columns, not entities: thousands of rows a chunk.
            rows = session.execute(
                select(
                    OutboxItem.id,
                    OutboxItem.document_id,
                    OutboxItem.also_reported_by,
                    Subscription.id,
                    Subscription.subscriber_id,
                    Subscription.name,
                    Subscription.query,
                )
                .join(Subscription, Subscription.id == OutboxItem.subscription_id)
                .where(
                    Subscription.subscriber_id.in_(list(languages)),
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
                .order_by(Subscription.subscriber_id, Subscription.id, OutboxItem.id)
            ).all()
            for row_id, document_id, also, subscription_id, subscriber_id, name, query in rows:
                sections, row_ids = found.setdefault(subscriber_id, ({}, []))
                section = sections.get(subscription_id)
                if section is None:
                    section = sections[subscription_id] = DigestSection(
                        subscription_id=subscription_id,
                        subscription_name=name,
                        query=query,
                        items=[],
                        description=cache.description(session, query, languages[subscriber_id]),
                    )
                section.items.append(
                    DigestItem(cache.document(session, document_id), list(also or []))
                )
                row_ids.append(row_id)
        return found

    def _digest(
        self,
        run: _Run,
        subscriber: Subscriber,
        label: str,
        sections: dict[int, DigestSection],
        row_ids: list[int],
    ) -> Digest | None:
        """The subscriber's digest, or None (nothing pending: the slot is recorded)."""
        if not row_ids:
            run.report.skipped_empty += 1
            run.marks.add(subscriber.id, label, [], 0)
            return None
        public = self.settings.email.public_url.rstrip("/")
        for section in sections.values():
            section.items.sort(key=_rank)
            if len(section.items) > ITEMS_PER_SECTION:
                section.more = len(section.items) - ITEMS_PER_SECTION
                section.items = section.items[:ITEMS_PER_SECTION]
                section.more_url = f"{public}/search?q={quote(section.query)}"
        first = next(iter(sections))
        unsubscribe, preferences = self.links(subscriber.id, first)
        return Digest(
            subscriber_id=subscriber.id,
            subscriber_email=subscriber.email,
            language="en" if subscriber.language == "en" else "fr",
            frequency=run.frequency,
            sections=list(sections.values()),
            unsubscribe_url=unsubscribe,
            preferences_url=preferences,
            timezone=subscriber.timezone,
        )

    def _sent(
        self, run: _Run, subscriber: Subscriber, label: str, digest: Digest, row_ids: list[int]
    ) -> None:
        """Send one digest, then mark it (in a thread of its own when sending in parallel:
        the run's thread writes the marks)."""
        report = run.report
        try:
            self.send(digest)
        except (TransientDeliveryError, PermanentDeliveryError) as exc:
            # Nothing is recorded: the rows stay pending and the next run tries again.
            with self._report_lock:
                report.failed += 1
                report.errors.append(f"{subscriber.email}: {exc}")
            return
        count = sum(len(s.items) + s.more for s in digest.sections)
        run.marks.add(subscriber.id, label, row_ids, count)
        with self._report_lock:
            report.sent += 1
            report.items += count


@dataclass
class _Run:
    """What one digest run keeps from chunk to chunk."""

    frequency: Frequency
    report: DigestReport
    cache: _RunCache
    marks: DigestMarks


class _RunCache:
    """What one digest run looks up many times: documents by id and subscriptions'
    descriptions by query and language (the same for every subscriber who has them)."""

    def __init__(self, index: IndexBackend | None) -> None:
        self.index = index
        self._documents: dict[str, AlertDocument] = {}
        self._descriptions: dict[tuple[str, str], str] = {}

    def document(self, session: Session, document_id: str) -> AlertDocument:
        found = self._documents.get(document_id)
        if found is None:
            found = self._documents[document_id] = alert_document(session, self.index, document_id)
        return found

    def description(self, session: Session, query: str, language: str) -> str:
        found = self._descriptions.get((query, language))
        if found is None:
            found = describe(query, language, companies=company_names(session, [query]))
            self._descriptions[(query, language)] = found
        return found
