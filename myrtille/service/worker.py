"""``myrtille worker``: the service's jobs, chosen by role, for running on several machines
against one PostgreSQL state database (or several processes on one machine).

Each job runs in a thread of its own, in a loop with its interval (the same jobs and
intervals as ``myrtille run``'s scheduler). Work is shared without a queue of our own:
documents and deliveries are claimed with ``FOR UPDATE SKIP LOCKED``, each source is
crawled under a lock of its own, and the time-driven roles (digests, housekeeping) run
only in the worker holding the scheduler lock; the others stand by and take over when it
dies. Nothing is "recovered" at start: another machine's claims may be live, so only
claims older than their stale age go back to the queues (the jobs do that themselves).
"""

from __future__ import annotations

import logging
import random
import signal
import threading
from collections.abc import Sequence

from myrtille.config.settings import Settings
from myrtille.service import jobs
from myrtille.service.handoff import ANNOUNCED, HANDED_OFF, Handoff, Listener
from myrtille.service.locks import Lock, scheduler_lock
from myrtille.service.scheduler import HOUSEKEEPING_FIRST_DELAY, ServiceJob, service_jobs
from myrtille.store.database import Database

log = logging.getLogger("myrtille.service")

ROLES = ("crawl", "process", "dispatch", "digest", "housekeeping")
# Roles whose jobs must run in one place at a time: only the scheduler lock's holder runs
# them (a digest sent by two workers at once would reach its subscriber twice).
SCHEDULED_ROLES = frozenset({"digest", "housekeeping"})


def plan(settings: Settings, roles: Sequence[str]) -> list[ServiceJob]:
    """The jobs of ``roles``: the scheduler's jobs, ids and intervals."""
    return [job for job in service_jobs(settings) if job.role in roles]


class Leadership:
    """This worker's hold on the scheduler lock: taken when free, checked before each
    time-driven run, logged when it changes."""

    def __init__(self, lock: Lock, standby: float) -> None:
        self.lock = lock
        self.standby = standby  # seconds between two asks while another worker leads
        self._guard = threading.Lock()
        self._standing_by = False

    def ensure(self) -> bool:
        with self._guard:
            if self.lock.held and self.lock.alive():
                return True
            try:
                got = self.lock.try_acquire()
            except Exception as exc:
                log.warning("could not ask for the scheduler lock: %s", exc)
                got = False
            if got:
                log.warning("scheduler lock taken: this worker runs digests and housekeeping")
                self._standing_by = False
            elif not self._standing_by:
                log.warning(
                    "standby: another worker holds the scheduler lock; trying again every %d s",
                    self.standby,
                )
                self._standing_by = True
            return got

    def close(self) -> None:
        with self._guard:
            self.lock.close()


def _jittered(seconds: int) -> float:
    # As the scheduler's ±10 %: workers started together drift apart.
    return seconds * random.uniform(0.9, 1.1)


def _loop(
    job: ServiceJob,
    stop: threading.Event,
    leadership: Leadership | None,
    alarm: threading.Event,
    handoff: Handoff,
) -> None:
    """Run ``job`` every interval, or at once when ``alarm`` rings (a hand-off, or the
    stop)."""
    delay = HOUSEKEEPING_FIRST_DELAY.total_seconds() if job.id == "housekeeping" else 0.0
    while True:
        alarm.wait(delay)
        if stop.is_set():
            return
        alarm.clear()
        if leadership is not None and job.role in SCHEDULED_ROLES and not leadership.ensure():
            delay = leadership.standby
            continue
        # The job logs and records its own failures (jobs.service_job); a run in flight
        # when the stop comes finishes: it is bounded, and leaves nothing claimed.
        try:
            job.func(*job.args)
        finally:
            handoff.finished(job.id)
        delay = _jittered(job.interval)


def run_worker(
    settings: Settings,
    database: Database,
    roles: Sequence[str],
    stop: threading.Event | None = None,
) -> int:
    """Run the jobs of ``roles`` until SIGTERM or SIGINT (or ``stop``); return the exit code."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
    chosen = plan(settings, roles)
    if "process" in roles:
        _index_missing(settings)
    leadership = (
        Leadership(
            scheduler_lock(settings, database),
            settings.service.standby_interval.total_seconds(),
        )
        if any(job.role in SCHEDULED_ROLES for job in chosen)
        else None
    )
    handoff = jobs.context(settings.model_dump_json()).handoff
    alarms = {job.id: threading.Event() for job in chosen}
    woken = [job.id for job in chosen if job.id in HANDED_OFF]
    for job_id in woken:
        handoff.subscribe(job_id, alarms[job_id].set)
    heard = [job_id for job_id in woken if job_id in ANNOUNCED]
    if heard and database.dialect == "postgresql":
        # Crawls and processing in other workers announce their work here.
        Listener(database, handoff, heard, stop).start()
    threads = [
        threading.Thread(
            target=_loop,
            args=(job, stop, leadership, alarms[job.id], handoff),
            name=f"job-{job.id}",
        )
        for job in chosen
    ]
    for thread in threads:
        thread.start()
    log.info("worker started: %s", ", ".join(job.id for job in chosen))
    while not stop.wait(1):
        pass
    log.info("stopping: waiting for running jobs to finish")
    for alarm in alarms.values():
        alarm.set()
    for thread in threads:
        thread.join()
    if leadership is not None:
        leadership.close()
    jobs.close_all()
    log.info("stopped")
    return 0


def _index_missing(settings: Settings) -> None:
    """Index the documents processed last that the index lacks (a worker killed between a
    batch's commit and its indexing). Safe beside other workers: indexing is by id."""
    from myrtille.service.runner import RECENT_BATCHES, index_missing

    ctx = jobs.context(settings.model_dump_json())
    try:
        added = index_missing(
            ctx.database, ctx.index, settings.enrichment.batch_size * RECENT_BATCHES
        )
    except Exception:
        log.exception("could not check the index for documents processed last")
        return
    if added:
        log.warning("%d processed document(s) were missing from the index: indexed", added)
