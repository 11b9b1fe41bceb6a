"""What both chaos scenarios share: the configuration, the subscription, the publisher,
the kill targets common to ``myrtille run`` and workers, and the drain condition."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from myrtille.pipeline.intake import Intake
from myrtille.store.database import Database
from myrtille.store.subscriptions import OutboxItem
from tests.alerts.test_demo_alerts import SECRET
from tests.alerts.test_webhook import PostServer
from tests.chaos.audit import ledger, received_rows
from tests.chaos.monkey import wait_until
from tests.chaos.newsroom import WATCHED, MailRecorder, Newsroom
from tests.chaos.processes import Supervised, crawl_child, gone
from tests.service.test_run import cli_env

# Every job every second: many runs, so many moments for a kill to land in.
FAST = {
    "MYRTILLE_SERVICE__CRAWL_INTERVAL": "1s",
    "MYRTILLE_SERVICE__PROCESS_INTERVAL": "1s",
    "MYRTILLE_SERVICE__DISPATCH_INTERVAL": "1s",
    "MYRTILLE_SERVICE__PROCESS_LIMIT": "4",
}


def write_config(path: Path, data_dir: Path, feed: str, smtp_port: int, extra: str = "") -> None:
    path.write_text(
        f"""data_dir: {data_dir}
secret_key: "{SECRET.decode()}"
{extra}crawl:
  autothrottle: false
  concurrency_per_domain: 8
  timeout: 5s
  retries: 0
sources:
  - id: chaos-news
    kind: feed
    url: {feed}
    interval: 2s
enrichment:
  batch_size: 2
email:
  smtp_host: 127.0.0.1
  smtp_port: {smtp_port}
  timeout: 5s
webhooks:
  allow_private: ["127.0.0.1"]
  timeout: 5s
""",
        encoding="utf-8",
    )


def myrtille(config: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "myrtille", "--config", str(config), *args]


def subscribe(config: Path, hook_url: str) -> None:
    done = subprocess.run(
        myrtille(
            config,
            "subscribe",
            "--email",
            "pme@exemple.fr",
            "--query",
            WATCHED,
            "--webhook",
            hook_url,
            "--confirmed",
        ),
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def supervised(name: str, config: Path, log: Path, *args: str) -> Supervised:
    return Supervised(name, myrtille(config, *args), cli_env() | FAST, log)


class Publisher(threading.Thread):
    """Publishes an article every 0.5-1.5 s until stopped."""

    def __init__(self, newsroom: Newsroom, rng: random.Random) -> None:
        super().__init__(daemon=True, name="publisher")
        self.newsroom, self.rng, self.stop = newsroom, rng, threading.Event()

    def run(self) -> None:
        while not self.stop.wait(self.rng.uniform(0.5, 1.5)):
            self.newsroom.publish()


def drained(newsroom: Newsroom, database: Database, mail: MailRecorder, hooks: PostServer) -> bool:
    """Every published article processed, every outbox row sent and received."""
    try:
        counts = Intake(database).counts()
        if counts.get("done", 0) < len(newsroom.articles) or set(counts) - {"done"}:
            return False
        rows = ledger(database)
    except Exception:  # the database restarting under us: not drained yet
        return False
    got = received_rows(mail, hooks)
    return all(r.status == "sent" and got[r.channel][r.id] for r in rows)


class Progress:
    """Whether documents were processed since a mark (a start): a restarted service or
    processing worker loads its models first, and is killed again only once it worked."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.marked = 0

    def done(self) -> int:
        try:
            return Intake(self.database).counts().get("done", 0)
        except Exception:  # the database restarting under us
            return self.marked

    def mark(self) -> None:
        self.marked = self.done()

    def made(self) -> bool:
        return self.done() > self.marked


class Delivered:
    """Whether deliveries were recorded as sent since the last kill of a dispatcher: a
    dispatcher is killed again only once one got through (else it would never send)."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.marked = 0

    def sent(self) -> int:
        try:
            with self.database.session() as session:
                query = select(func.count()).select_from(OutboxItem)
                return session.scalar(query.where(OutboxItem.status == "sent")) or 0
        except Exception:  # the database restarting under us
            return self.marked

    def mark(self) -> None:
        self.marked = self.sent()

    def since(self) -> bool:
        return self.sent() > self.marked


class Collected:
    """Whether a crawl stored documents since the last kill that could cut one: a source
    whose crawls keep failing backs off (2 s, 4, 8 … its interval doubles), so a crawl
    is killed again only after one got through."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.marked = -1

    def stored(self) -> int:
        try:
            return sum(Intake(self.database).counts().values())
        except Exception:  # the database restarting under us
            return self.marked

    def mark(self) -> None:
        self.marked = self.stored()

    def since(self) -> bool:
        return self.stored() > self.marked


def kill_crawl_child(process: Supervised) -> str | None:
    child = crawl_child(process.pid) if process.alive else None
    if child is None:
        return None
    os.kill(child, signal.SIGKILL)
    gone(child)
    return "crawl child"


def in_flight(database: Database, what: str, kill: Callable[[], None]) -> Callable[[], str | None]:
    """A strike that waits a moment (1.5 s at most) for ``what`` ("claimed" documents or
    deliveries "sending") to be in the ledger, then kills: mid-batch or mid-send when it
    came, at that moment anyway when it did not (what it caught says which)."""

    def count() -> int:
        try:
            if what == "claimed":
                return Intake(database).counts().get("claimed", 0)
            with database.session() as session:
                sending = select(func.count()).select_from(OutboxItem)
                return session.scalar(sending.where(OutboxItem.status == "sending")) or 0
        except Exception:  # the database restarting under us: nothing seen
            return 0

    def strike() -> str:
        seen: list[int] = []
        caught = wait_until(lambda: seen.append(count()) or seen[-1] > 0, 1.5, poll=0.02)
        kill()
        if not caught:
            return ""
        return f"{seen[-1]} {'claimed documents' if what == 'claimed' else 'deliveries sending'}"

    return strike
