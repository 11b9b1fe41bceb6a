"""Digest marks (the ``digest_run`` watermark and the outbox rows marked sent) are written
for groups of digests (alerts/digest_marks.py): a run stopped by an error still records
every digest it sent before, so the next run sends each of the others once and none
twice. On SQLite and PostgreSQL, through a real SMTP server."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.delivery import Digest
from myrtille.alerts.digest_marks import MARKS
from myrtille.alerts.digests import DigestBuilder
from myrtille.store.database import Database
from myrtille.store.subscriptions import (
    DigestRun,
    OutboxItem,
    Subscriber,
    Subscription,
    SubscriptionDestination,
)
from tests.alerts.test_email import Recorder, settings_for, smtp_server

SUBSCRIBERS = 2 * MARKS + 50  # marks of several groups, the last one partial
BROKEN_AT = MARKS + 30  # the digest whose send meets an unexpected error


def subscribe(database: Database) -> None:
    now = datetime.now(UTC)
    with database.session() as session:
        session.execute(
            insert(Subscriber),
            [
                {"id": n, "email": f"pme{n}@exemple.fr", "confirmed_at": now, "consent": "t"}
                for n in range(1, SUBSCRIBERS + 1)
            ],
        )
        for n in range(1, SUBSCRIBERS + 1):
            session.add(
                Subscription(
                    id=n,
                    subscriber_id=n,
                    name="Veille",
                    query="aerovolt",
                    frequency="daily",
                    active=True,
                    destinations=[SubscriptionDestination(channel="email")],
                )
            )
        session.flush()
        session.execute(
            insert(OutboxItem),
            [
                {
                    "subscription_id": n,
                    "cluster_id": "c1",
                    "document_id": "d1",
                    "channel": "email",
                    "status": "pending",
                    "also_reported_by": [],
                }
                for n in range(1, SUBSCRIBERS + 1)
            ],
        )


@pytest.mark.parametrize("parallel", [1, 4])
def test_a_run_stopped_by_an_error_records_what_it_sent(
    database: Database, tmp_path: Path, parallel: int
) -> None:
    subscribe(database)
    recorder = Recorder()
    with smtp_server(recorder) as port:
        settings = settings_for(tmp_path, port)
        email = EmailChannel(settings, b"s" * 32)

        def send_until_broken(digest: Digest) -> None:
            if digest.subscriber_id == BROKEN_AT:
                raise RuntimeError("a bug in the middle of a run")
            email.send_digest(digest)

        day = datetime(2026, 11, 28, 7, 0, tzinfo=UTC)
        with pytest.raises(RuntimeError), email.digest_run():
            DigestBuilder(settings, database, None, send_until_broken, parallel=parallel).run(
                "daily", now=day
            )
        received = {int(e.rcpt_tos[0][3:].partition("@")[0]) for e in recorder.envelopes}
        # In parallel, the other threads finish the digests they had taken (later ones).
        assert set(range(1, BROKEN_AT)) <= received and BROKEN_AT not in received
        assert len(received) < BROKEN_AT + parallel
        with database.session() as session:
            assert set(session.scalars(select(DigestRun.subscriber_id))) == received
            marked = session.scalars(
                select(OutboxItem.subscription_id).where(OutboxItem.status == "sent")
            )
            assert set(marked) == received
        with email.digest_run():
            builder = DigestBuilder(settings, database, None, email.send_digest, parallel=parallel)
            report = builder.run("daily", now=day)
    assert report.sent == SUBSCRIBERS - len(received)
    recipients = [envelope.rcpt_tos[0] for envelope in recorder.envelopes]
    assert sorted(recipients) == sorted(f"pme{n}@exemple.fr" for n in range(1, SUBSCRIBERS + 1))
