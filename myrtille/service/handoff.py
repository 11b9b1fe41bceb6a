"""Hand-off between stages: a crawl that stored new documents wakes processing at once, and
processing that queued alerts wakes the dispatcher at once, instead of each waiting for its
next interval (the intervals stay, as the safety net).

In one process (``myrtille run``, or a worker holding several roles) a wake-up is a call.
Between processes on PostgreSQL it is a ``NOTIFY`` on one channel, heard by a listener
thread (``LISTEN``) in each worker that runs a woken role. On SQLite with several
processes there is no such channel: the intervals alone hand work over.

The crawl job is woken the same way, in its own process, when the next source falls due
(``wake_in``), so that a source is polled at its interval, not up to a job interval later.

A wake-up is never lost to a job that is running: it is kept as *pending*, and the job's
end (``finished``) wakes the job again; a job clears it as it starts (``started``), before
it claims anything, so that work announced before that moment is covered by the run.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import text

from myrtille.store.database import Database

log = logging.getLogger("myrtille.service")

# The jobs that other stages wake (job id = role), across processes too; and the crawl
# job, which its own process wakes when its next source falls due.
ANNOUNCED = ("process", "dispatch")
HANDED_OFF = ("crawl", *ANNOUNCED)
CHANNEL = "myrtille_handoff"
# Seconds between two checks of the stop flag while listening, and before reconnecting.
LISTEN_POLL = 1.0
RECONNECT_WAIT = 5.0


@dataclass
class _State:
    pending: bool = False
    busy: bool = False
    wake: Callable[[], None] | None = None
    timer: threading.Timer | None = None


class Handoff:
    """Per handed-off job: whether work was announced since it last started, whether it
    is running, and how to start it now (``subscribe``; none in a process that does not
    run it)."""

    def __init__(self, database: Database | None = None) -> None:
        # Only PostgreSQL carries announcements to other processes.
        self._database = database if database is not None and _postgres(database) else None
        self._lock = threading.Lock()
        self._states = {job_id: _State() for job_id in HANDED_OFF}

    def subscribe(self, job_id: str, wake: Callable[[], None]) -> None:
        with self._lock:
            self._states[job_id].wake = wake

    def announce(self, job_id: str) -> None:
        """New work for ``job_id``, committed: wake it here, and in other processes."""
        self.heard(job_id)
        if self._database is not None:
            try:
                with self._database.session() as session:
                    session.execute(
                        text("SELECT pg_notify(:channel, :job)"),
                        {"channel": CHANNEL, "job": job_id},
                    )
            except Exception as exc:
                # The interval still runs the job; say why it may be late.
                log.warning("could not announce new %s work to other workers: %s", job_id, exc)

    def heard(self, job_id: str) -> None:
        """New work for ``job_id`` (announced here or by another process)."""
        state = self._states.get(job_id)
        if state is None:
            return
        with self._lock:
            state.pending = True
            wake = None if state.busy else state.wake
        if wake is not None:
            _call(wake, job_id)

    def wake_in(self, job_id: str, seconds: float) -> None:
        """Wake ``job_id`` here in ``seconds`` (replacing an earlier such wake-up)."""
        timer = threading.Timer(seconds, self.heard, (job_id,))
        timer.daemon = True  # a stopping process does not wait for it
        with self._lock:
            state = self._states[job_id]
            if state.timer is not None:
                state.timer.cancel()
            state.timer = timer
        timer.start()

    def started(self, job_id: str) -> None:
        """The job starts, before claiming: what was announced so far is its to find."""
        with self._lock:
            state = self._states[job_id]
            state.pending, state.busy = False, True

    def finished(self, job_id: str) -> None:
        """The job has ended (and may be started again): work announced while it ran wakes
        it once more."""
        state = self._states.get(job_id)
        if state is None:
            return
        with self._lock:
            state.busy = False
            wake = state.wake if state.pending else None
        if wake is not None:
            _call(wake, job_id)

    def pending(self, job_id: str) -> bool:
        with self._lock:
            return self._states[job_id].pending


def _call(wake: Callable[[], None], job_id: str) -> None:
    try:
        wake()
    except Exception as exc:
        log.warning("could not wake the %s job (its interval will run it): %s", job_id, exc)


def _postgres(database: Database) -> bool:
    return database.dialect == "postgresql"


def conninfo(database: Database) -> str:
    """The state database's URL as psycopg reads it (no SQLAlchemy driver suffix)."""
    return database.url.set(drivername="postgresql").render_as_string(hide_password=False)


class Listener(threading.Thread):
    """``LISTEN`` on the hand-off channel, on a connection of its own, and pass what it
    hears for ``job_ids`` to the handoff; reconnects after a lost connection, and counts
    that gap as heard (announcements sent meanwhile were lost)."""

    def __init__(
        self, database: Database, handoff: Handoff, job_ids: Iterable[str], stop: threading.Event
    ) -> None:
        super().__init__(name="handoff-listener", daemon=True)
        self._conninfo = conninfo(database)
        self._handoff = handoff
        self._job_ids = frozenset(job_ids)
        self._stopping = stop
        self.listening = threading.Event()

    def run(self) -> None:
        import psycopg

        while not self._stopping.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    if self.listening.is_set():
                        for job_id in self._job_ids:
                            self._handoff.heard(job_id)
                    self.listening.set()
                    while not self._stopping.is_set():
                        for note in connection.notifies(timeout=LISTEN_POLL):
                            if note.payload in self._job_ids:
                                self._handoff.heard(note.payload)
            except psycopg.Error as exc:
                log.warning(
                    "hand-off listener lost its database connection (%s); the intervals "
                    "run the jobs meanwhile; reconnecting in %g s",
                    exc,
                    RECONNECT_WAIT,
                )
                self._stopping.wait(RECONNECT_WAIT)
