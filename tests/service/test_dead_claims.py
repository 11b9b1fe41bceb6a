"""A worker killed with SIGKILL mid-work: on PostgreSQL its claims go back to the queues
at the next run of any worker (its claim locks went with its session), not after the
stale ages (an hour for documents, 15 minutes for deliveries); live claims stay theirs.
Found by the chaos run (tests/chaos/test_worker_chaos.py), whose drain waited on them.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from myrtille.alerts.channels import CHANNELS
from myrtille.alerts.dispatcher import Dispatcher
from myrtille.index.sqlite import SQLiteIndex
from myrtille.pipeline.intake import Intake
from myrtille.store.database import Database
from myrtille.store.schema import Document
from myrtille.store.subscriptions import OutboxItem, Subscription
from tests.alerts.test_email import received, settings_for, smtp_server
from tests.service.test_restart import GatedRecorder
from tests.service.test_retention import NOW, Corpus
from tests.waiting import wait_until

pytestmark = pytest.mark.postgres


def claimer(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.service.claimers", *args],
        stdout=subprocess.PIPE,
        text=True,
    )


def statuses(database: Database) -> dict[str, str]:
    with database.session() as session:
        return dict(session.execute(select(Document.id, Document.status)).all())


def test_a_killed_workers_document_claims_go_back_at_once(
    postgres_database: str, tmp_path: Path
) -> None:
    database = Database(postgres_database)
    database.migrate()
    index = SQLiteIndex(tmp_path / "index.db")
    index.create()
    corpus = Corpus(database, index)
    for name in ("a", "b", "c", "d"):
        corpus.add(name, published=NOW, collected=NOW, status="pending")
    child = claimer("intake", postgres_database)
    assert child.stdout is not None
    dead = set(child.stdout.readline().split())
    assert len(dead) == 2
    # Another worker, alive, is processing the other two.
    live_intake = Intake(database)
    live = {d.id for d in live_intake.claim(2)}
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)

    # What every processing run does first; the stale age alone would wait an hour.
    assert Intake(database).release_stale(timedelta(hours=1)) == 0
    assert Intake(database).release_orphaned() == 2
    after = statuses(database)
    assert {after[i] for i in dead} == {"pending"}
    assert {after[i] for i in live} == {"claimed"}
    index.close()
    database.dispose()


def test_a_dispatcher_killed_mid_send_leaves_nothing_stuck_and_nothing_twice(
    postgres_database: str, tmp_path: Path
) -> None:
    database = Database(postgres_database)
    database.migrate()
    index = SQLiteIndex(tmp_path / "index.db")
    index.create()
    corpus = Corpus(database, index)
    for name in ("a", "b", "c"):
        corpus.add(name, published=NOW, collected=NOW)
        corpus.deliver(name, "pending")
    with database.session() as session:
        session.execute(update(Subscription).values(active=True))
    recorder = GatedRecorder(allow=1)
    with smtp_server(recorder) as port:
        data_dir = tmp_path / "data"
        child = claimer("dispatch", postgres_database, str(data_dir), str(port))

        def sending() -> bool:
            assert child.poll() is None, "the dispatching worker exited"
            return recorder.holding.is_set()

        assert wait_until(sending, 120), "the worker never started sending"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        recorder.release.set()
        with database.session() as session:
            left = Counter(session.scalars(select(OutboxItem.status)))
        assert left == {"sent": 1, "sending": 2}

        # The next dispatch run of any worker sends them: not 15 minutes later.
        settings = settings_for(data_dir, port)
        report = Dispatcher(settings, database, None, CHANNELS.build(settings)).run()
    assert report.sent == 2
    with database.session() as session:
        assert set(session.scalars(select(OutboxItem.status))) == {"sent"}
    subjects = Counter(str(received(e)["Subject"]) for e in recorder.envelopes)
    assert len(subjects) == 3 and set(subjects.values()) == {1}
    index.close()
    database.dispose()
