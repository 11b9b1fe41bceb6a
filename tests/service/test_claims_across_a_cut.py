"""A dispatcher whose sessions the database cuts (a restart: every session ends, the
claim locks with them) while it lives on, mid-batch: it takes each claim's lock again
before sending, so another dispatcher, which gives back the claims of locks gone, never
sends the rest of its batch as well. Found by the worker chaos run on PostgreSQL, which
restarts the server under two dispatch workers (tests/chaos/test_worker_chaos.py).

Only the delivery under way when the sessions were cut may go twice: its lock went with
them before it was recorded (docs/reliability.md, the window).
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from pathlib import Path

import pytest
from aiosmtpd.smtp import SMTP, Envelope, Session
from sqlalchemy import create_engine, select, text, update

from myrtille.alerts.channels import CHANNELS
from myrtille.alerts.dispatcher import Dispatcher, DispatchReport
from myrtille.index.sqlite import SQLiteIndex
from myrtille.store.database import Database
from myrtille.store.subscriptions import OutboxItem, Subscription
from tests.alerts.test_email import received, settings_for, smtp_server
from tests.service.test_retention import NOW, Corpus
from tests.waiting import wait_until

pytestmark = pytest.mark.postgres


class CountedGate:
    """Records messages; lets ``allowed`` conversations past RCPT, holds the others."""

    def __init__(self) -> None:
        self.allowed = 0
        self.waiting = 0
        self.envelopes: list[Envelope] = []

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        self.waiting += 1
        while self.allowed <= 0:
            await asyncio.sleep(0.02)
        self.allowed -= 1
        self.waiting -= 1
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 2.0.0 queued"


def cut_every_session(url: str) -> int:
    """What a restart does to the database's sessions: each one ends (this one's aside)."""
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            return len(
                connection.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                ).all()
            )
    finally:
        admin.dispose()


def test_a_dispatcher_cut_off_mid_batch_keeps_its_claims(
    postgres_database: str, tmp_path: Path
) -> None:
    database = Database(postgres_database)
    database.migrate()
    index = SQLiteIndex(tmp_path / "index.db")
    index.create()
    corpus = Corpus(database, index)
    for name in ("usine", "rachat", "brevet"):
        corpus.add(name, published=NOW, collected=NOW)
        corpus.deliver(name, "pending")
    with database.session() as session:
        session.execute(update(Subscription).values(active=True))
    gate = CountedGate()
    with smtp_server(gate) as port:
        settings = settings_for(tmp_path / "data", port, timeout="60s")
        first = Dispatcher(settings, database, None, CHANNELS.build(settings))
        reports: list[DispatchReport] = []
        running = threading.Thread(target=lambda: reports.append(first.run()))
        running.start()
        # The first dispatcher has claimed the three and is sending the first one.
        assert wait_until(lambda: gate.waiting == 1, 60)
        assert cut_every_session(postgres_database) >= 2  # its pool's and its locks'
        # Its first message goes through; it goes on with its batch, held at the second.
        gate.allowed = 1
        assert wait_until(lambda: len(gate.envelopes) == 1 and gate.waiting == 1, 60)

        # The other dispatcher's run: the claims it finds without a lock are given back
        # and sent. The second row is in hand, its lock taken again: not one of them.
        other = Dispatcher(settings, database, None, CHANNELS.build(settings))
        second: list[DispatchReport] = []
        beside = threading.Thread(target=lambda: second.append(other.run()))
        beside.start()
        beside.join(timeout=3)
        gate.allowed = 10
        running.join(timeout=60)
        beside.join(timeout=60)
    assert not running.is_alive() and not beside.is_alive()
    assert reports[0].sent + second[0].sent == 3
    with database.session() as session:
        assert set(session.scalars(select(OutboxItem.status))) == {"sent"}
    subjects = Counter(str(received(e)["Subject"]) for e in gate.envelopes)
    assert len(subjects) == 3 and set(subjects.values()) == {1}, subjects
    index.close()
    database.dispose()
