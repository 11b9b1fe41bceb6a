"""The chaos loop: at random moments, SIGKILL a random part of the running service, and
keep the ledger of what each kill caught.

Each part is a ``Target``: it says whether it can be hit now and, when hit, what it
caught in flight ("2 claimed documents", "1 delivery sending"). After each kill of a
process that sends alerts, the rows a receiver already has and the ledger does not record
as sent are the kill's catch inside the documented window (``audit.in_window``).

The run's size comes from ``MYRTILLE_TEST_CHAOS_SECONDS`` (chaos time per scenario,
default 60), ``MYRTILLE_TEST_CHAOS_OUTAGE`` (seconds the SMTP server is down, default
20) and ``MYRTILLE_TEST_CHAOS_SEED`` (default: random, printed): docs/reliability.md.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime

from myrtille.store.database import Database
from myrtille.store.schema import utcnow
from tests.alerts.test_webhook import PostServer
from tests.chaos.audit import in_window
from tests.chaos.newsroom import MailRecorder
from tests.run_environment import run_variable
from tests.waiting import after
from tests.waiting import wait_until as wait_until  # the chaos tests import it from here


def knob(name: str, default: int) -> int:
    value = run_variable(f"MYRTILLE_TEST_CHAOS_{name}")
    return int(value) if value else default


def chaos_seconds() -> int:
    return knob("SECONDS", 60)


def outage_seconds() -> int:
    return knob("OUTAGE", 20)


def seed() -> int:
    return knob("SEED", random.SystemRandom().randrange(1 << 31))


@dataclass
class Target:
    """A part of the service that can be killed: ``strike`` kills it and returns what it
    caught, or None when it was not there to kill after all."""

    name: str
    weight: float
    ready: Callable[[], bool]
    strike: Callable[[], str | None]
    # Whether it sends alerts: its kill may leave rows in the window.
    sends: bool = False


@dataclass
class Kill:
    at: float
    target: str
    caught: str
    window_rows: int = 0


@dataclass
class Chaos:
    rng: random.Random
    database: Database
    mail: MailRecorder
    hooks: PostServer
    kills: list[Kill] = field(default_factory=list)
    window: set[int] = field(default_factory=set)
    started: float = field(default_factory=time.monotonic)

    def run(
        self, targets: list[Target], seconds: float, beat: tuple[float, float], kills: int = 0
    ) -> None:
        """Kill for ``seconds``, one try every ``beat`` seconds (uniform), and on until
        ``kills`` kills (for three times ``seconds`` at most: the test then fails on it)."""
        long_enough = after(seconds)

        def done() -> bool:
            if long_enough() and len(self.kills) >= kills:
                return True
            self._strike(targets, beat)
            return False

        wait_until(done, 3 * seconds, poll=0)  # each try sleeps its beat

    def _strike(self, targets: list[Target], beat: tuple[float, float]) -> None:
        """After a beat, kill one of the ready targets, chosen by weight."""
        time.sleep(self.rng.uniform(*beat))
        ready = [t for t in targets if t.ready()]
        if not ready:
            return
        target = self.rng.choices(ready, [t.weight for t in ready])[0]
        caught = target.strike()
        if caught is None:
            return
        # The process is dead, its successor just started: the fault's moment (a re-send
        # needs the dead lock noticed, another run, a claim, a send: longer than a start).
        rows = self._in_window(utcnow()) - self.window if target.sends else set()
        self.window |= rows
        self.kills.append(Kill(time.monotonic() - self.started, target.name, caught, len(rows)))

    def note_window(self, fault: datetime, under_way: Collection[int] = ()) -> None:
        """Rows in the window of a fault that is not a kill (a database restart begun at
        ``fault``, with the rows ``under_way`` then), read once it is over."""
        self.window |= self._in_window(fault, under_way)

    def _in_window(self, fault: datetime, under_way: Collection[int] = ()) -> set[int]:
        """``audit.in_window`` once the receivers have settled: bytes the killed process
        had written to its socket still reach the server after the SIGKILL (the kernel
        delivers them), so a message it had finished sending can arrive a moment after the
        kill. Read until two reads 0.3 s apart agree (CI saw one such row counted as a
        duplicate outside the window). A window row stays in every read once in (sent
        again and recorded, it has two copies); what leaves is a live send that was
        between its receiver's answer and its record."""
        rows = self._read_window(fault, under_way)
        for _ in range(10):
            time.sleep(0.3)
            again = self._read_window(fault, under_way)
            if again == rows:
                break
            rows = again
        return rows

    def _read_window(self, fault: datetime, under_way: Collection[int]) -> set[int]:
        """``audit.in_window``, read again while the database restarts under us."""
        read: list[set[int]] = []

        def answered() -> bool:
            try:
                read.append(in_window(self.database, self.mail, self.hooks, fault, under_way))
            except Exception:
                return False
            return True

        if wait_until(answered, 60, 0.5):
            return read[0]
        # The error, if it still fails.
        return in_window(self.database, self.mail, self.hooks, fault, under_way)

    def by_target(self) -> Counter[str]:
        return Counter(k.target for k in self.kills)

    def summary(self) -> str:
        caught = Counter(k.caught.split(" ", 1)[-1] for k in self.kills if k.caught)
        return (
            f"{len(self.kills)} SIGKILLs: {dict(self.by_target())}; caught in flight: "
            f"{dict(caught)}; window rows {len(self.window)}"
        )
