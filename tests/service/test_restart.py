"""kill -9 mid-work, then restart: nothing indexed twice or lost, every alert delivered
exactly once.

``myrtille run`` works through the demo feed with a subscription matching several of its
articles. The SMTP server lets the first alert through and holds the next conversation
at RCPT: the dispatcher is then mid-send, processing is still going on, and the test
kills the service with SIGKILL. After a restart and once everything is quiet, the index
holds each processed document once, and the SMTP server received each alert once.

The one delivery this cannot cover by design is a message the SMTP server accepted (the
reply to DATA) in the milliseconds before the service recorded it as sent; see
docs/service.md ("Stopping and restarting").
"""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from aiosmtpd.smtp import SMTP, Envelope, Session
from sqlalchemy import select

from myrtille.demo.corpus import load_corpus
from myrtille.demo.httpserver import RouteServer
from myrtille.demo.site import FEED_PATHS, DemoSite
from myrtille.pipeline.intake import Intake
from myrtille.store.database import open_database
from myrtille.store.schema import Document
from myrtille.store.subscriptions import OutboxItem
from tests.alerts.test_email import free_port, received, smtp_server
from tests.service.test_run import cli_env, write_config
from tests.waiting import wait_for

QUERY = "millions"
RECIPIENT = "pme@exemple.fr"


class GatedRecorder:
    """Records messages; after ``allow`` of them, holds every new conversation at RCPT
    until ``release`` is set."""

    def __init__(self, allow: int) -> None:
        self.allow = allow
        self.envelopes: list[Envelope] = []
        self.holding = threading.Event()
        self.release = threading.Event()

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        while len(self.envelopes) >= self.allow and not self.release.is_set():
            self.holding.set()
            await asyncio.sleep(0.05)
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 2.0.0 queued"


def start(base: list[str], port: int, log: Path, limit: bool = True) -> subprocess.Popen[bytes]:
    # Two documents a run (``limit``): processing is still going on when the dispatcher
    # is held mid-send, the moment of the kill.
    env = cli_env() | ({"MYRTILLE_SERVICE__PROCESS_LIMIT": "2"} if limit else {})
    with log.open("ab") as output:
        return subprocess.Popen(
            [*base, "run", "--port", str(port)],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )


def test_kill_9_mid_work_then_restart_loses_and_repeats_nothing(tmp_path: Path) -> None:
    recorder = GatedRecorder(allow=1)
    corpus = load_corpus()
    config = tmp_path / "myrtille.yaml"
    data_dir = tmp_path / "data"
    log = tmp_path / "service.log"
    expected = len(corpus.articles_of("eco-regions"))
    with smtp_server(recorder) as smtp_port, RouteServer() as site:
        site.routes.update(DemoSite(corpus, site.base_url).routes())
        write_config(config, data_dir, site.url(FEED_PATHS["eco-regions"]), smtp_port)
        base = [sys.executable, "-m", "myrtille", "--config", str(config)]
        subscribed = subprocess.run(
            [*base, "subscribe", "--email", RECIPIENT, "--query", QUERY, "--confirmed"],
            env=cli_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert subscribed.returncode == 0, subscribed.stderr
        database = open_database(f"sqlite:///{data_dir / 'myrtille.db'}")
        intake = Intake(database)

        def outbox() -> list[OutboxItem]:
            with database.session() as session:
                return list(session.scalars(select(OutboxItem)))

        service = start(base, free_port(), log)
        try:
            # The moment: one alert delivered, the next one mid-send, processing unfinished.
            wait_for(recorder.holding.is_set, "a delivery held mid-send", log, 240, service)
            service.send_signal(signal.SIGKILL)
            service.wait(timeout=30)
            counts = intake.counts()
            rows = outbox()
            assert len(recorder.envelopes) == 1
            # The dispatcher claims its batch before sending: the held row and those
            # after it are "sending".
            assert "sending" in {r.status for r in rows}, [r.status for r in rows]
            assert counts.get("pending", 0) + counts.get("claimed", 0) > 0, (
                f"processing had finished before the kill: {counts}"
            )
            recorder.release.set()

            # Restarted without the limit: nothing needs slowing down any more, and the
            # rest is processed in one run instead of two documents every 2 s.
            service = start(base, free_port(), log, limit=False)

            def quiet() -> bool:
                states = intake.counts()
                rows = outbox()
                return (
                    states.get("done", 0) + states.get("failed", 0) == expected
                    and all(r.status == "sent" for r in rows)
                    and len(recorder.envelopes) >= len(rows)
                )

            wait_for(quiet, "the restarted service to finish", log, 300, service)
            # A few more process and dispatch runs: nothing moves any more.
            sent = len(recorder.envelopes)
            time.sleep(8)
            assert len(recorder.envelopes) == sent
        finally:
            recorder.release.set()
            service.send_signal(signal.SIGTERM)
            try:
                service.wait(timeout=120)
            except subprocess.TimeoutExpired:
                service.kill()
                service.wait()
        assert "a previous run stopped mid-work" in log.read_text()

        # Every processed document is in the index exactly once, nothing else is.
        with database.session() as session:
            done = set(session.scalars(select(Document.id).where(Document.status == "done")))
            titles = dict(session.execute(select(Document.id, Document.title)).all())
        assert intake.counts() == {"done": expected}
        index = sqlite3.connect(data_dir / "index.db")
        try:
            total, distinct = index.execute(
                "SELECT count(*), count(DISTINCT id) FROM docs"
            ).fetchone()
            indexed = {row[0] for row in index.execute("SELECT id FROM docs")}
            fts_rows = index.execute("SELECT count(*) FROM fts").fetchone()[0]
        finally:
            index.close()
        assert total == distinct == fts_rows == len(done)
        assert indexed == done

        # Every alert delivered exactly once: one email per outbox row, per story.
        rows = outbox()
        assert len(rows) >= 3, "the subscription should match several demo articles"
        subjects = [str(received(e)["Subject"]) for e in recorder.envelopes]
        assert all(e.rcpt_tos == [RECIPIENT] for e in recorder.envelopes)
        per_row = Counter(
            row.id
            for subject in subjects
            for row in rows
            if titles[row.document_id][:40] in subject
        )
        assert len(subjects) == len(rows)
        assert per_row == Counter({row.id: 1 for row in rows}), subjects
        database.dispose()
