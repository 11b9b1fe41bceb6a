"""The chaos audit's window, held to its definition with real receivers and a real ledger
(SQLite): after a fault, a row counts when a receiver has a copy its ledger record does
not account for, even once another dispatcher has sent it again and recorded it; a
duplicate the ledger recorded before the fault stays outside, and fails the audit.

The worker chaos run failed once on such a row (CI: ``duplicates_outside_window: [5]``):
the killed dispatcher's copy was received, the live one took the row back at its next
run and recorded it, and the window, read after the kill, no longer showed it.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest

from myrtille.store.database import Database
from myrtille.store.schema import utcnow
from myrtille.store.subscriptions import (
    OutboxItem,
    Subscriber,
    Subscription,
    SubscriptionDestination,
)
from tests.alerts.test_webhook import PostServer
from tests.chaos.audit import claimed, in_window
from tests.chaos.monkey import Chaos
from tests.chaos.newsroom import HOOK, receivers


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'state.db'}")
    database.migrate()
    yield database
    database.dispose()


def outbox(database: Database, *statuses: str) -> list[int]:
    """One webhook row in each of ``statuses``."""
    with database.session() as session:
        subscriber = Subscriber(email="veille@cabinet-lorrain.fr", confirmed_at=utcnow())
        session.add(subscriber)
        session.flush()
        subscription = Subscription(
            subscriber_id=subscriber.id,
            name="usines",
            query="usine",
            destinations=[SubscriptionDestination(channel="webhook")],
            active=True,
        )
        session.add(subscription)
        session.flush()
        rows = [
            OutboxItem(
                subscription_id=subscription.id,
                cluster_id=f"story{n}",
                document_id=f"doc{n}",
                channel="webhook",
                status=status,
                also_reported_by=[],
            )
            for n, status in enumerate(statuses)
        ]
        session.add_all(rows)
        session.flush()
        return [row.id for row in rows]


def deliver(hooks: PostServer, row: int) -> None:
    """One copy of ``row`` reaching the receiver (its id, as the channel sends it)."""
    answer = httpx.post(hooks.url(HOOK), content=b"{}", headers={"webhook-id": f"msg_{row}"})
    assert answer.status_code == 200


def record(database: Database, row: int, at: datetime) -> None:
    with database.session() as session:
        item = session.get(OutboxItem, row)
        assert item is not None
        item.status, item.sent_at, item.attempts = "sent", at, item.attempts + 1


def test_a_row_sent_again_and_recorded_while_the_window_is_read_stays_in_it(
    database: Database,
) -> None:
    dead_copy, live_send = outbox(database, "sending", "sending")
    with receivers() as (mail, hooks):
        deliver(hooks, dead_copy)  # accepted, then its dispatcher was killed
        fault = utcnow()

        def the_other_dispatcher() -> None:
            # Its next run, between the window's first read and the second: the dead
            # dispatcher's row taken back, sent again and recorded; a row of its own too.
            time.sleep(0.15)
            deliver(hooks, dead_copy)
            record(database, dead_copy, utcnow())
            deliver(hooks, live_send)
            record(database, live_send, utcnow())

        resend = threading.Thread(target=the_other_dispatcher)
        resend.start()
        chaos = Chaos(random.Random(0), database, mail.recorder, hooks)
        chaos.note_window(fault)
        resend.join()
        # The live send, received once and recorded, has nothing to forgive.
        assert chaos.window == {dead_copy}


def test_a_row_sent_again_and_recorded_before_the_read_is_in_the_window(
    database: Database,
) -> None:
    (row,) = outbox(database, "sending")
    with receivers() as (mail, hooks):
        deliver(hooks, row)
        fault = utcnow()
        # The restart's case: the dispatchers run again before the server's restart
        # returns, and one of them has sent the row again and recorded it.
        deliver(hooks, row)
        record(database, row, utcnow())
        assert in_window(database, mail.recorder, hooks, fault) == {row}


def test_a_duplicate_recorded_before_the_fault_stays_outside_the_window(
    database: Database,
) -> None:
    twice, once, unrecorded = outbox(database, "sending", "sending", "sending")
    with receivers() as (mail, hooks):
        deliver(hooks, twice)
        deliver(hooks, twice)
        record(database, twice, utcnow() - timedelta(seconds=1))
        deliver(hooks, once)
        record(database, once, utcnow())
        deliver(hooks, unrecorded)
        fault = utcnow() - timedelta(milliseconds=500)
        # Received twice, but the ledger had recorded it before the fault: no fault
        # explains the second copy. Received once and recorded: accounted for.
        assert in_window(database, mail.recorder, hooks, fault) == {unrecorded}


def test_the_delivery_under_way_when_the_database_cuts_its_sessions_is_in_the_window(
    database: Database,
) -> None:
    in_hand, queued = outbox(database, "sending", "pending")
    with receivers() as (mail, hooks):
        under_way = claimed(database)
        fault = utcnow()
        # Its dispatcher's send outlives the restart and is recorded after it, once: its
        # lock went with its session, and another dispatcher may send it again later.
        deliver(hooks, in_hand)
        record(database, in_hand, utcnow())
        # Claimed after the restart, sent and recorded: nothing to forgive.
        deliver(hooks, queued)
        record(database, queued, utcnow())
        assert under_way == {in_hand}
        assert in_window(database, mail.recorder, hooks, fault, under_way) == {in_hand}
