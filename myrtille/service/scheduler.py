"""The scheduler of ``myrtille run``: APScheduler 3.x, jobs kept in the state database."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_RUNNING, STATE_STOPPED
from apscheduler.triggers.interval import IntervalTrigger

from myrtille.config.settings import Settings
from myrtille.service import jobs
from myrtille.service.handoff import HANDED_OFF, Handoff

log = logging.getLogger("myrtille.service")

JOBS_TABLE = "apscheduler_jobs"
# The service's jobs, by stable id (their intervals: ``settings.service``).
JOB_IDS = ("crawl", "process", "dispatch", "digest-daily", "digest-weekly", "housekeeping")
# A run missed by up to this much (downtime, a long job) still runs, once (coalesce).
MISFIRE_GRACE_SECONDS = 6 * 3600
# Housekeeping runs this long after each start, then daily, so restarts cannot starve it.
HOUSEKEEPING_FIRST_DELAY = timedelta(minutes=2)


@dataclass(frozen=True)
class ServiceJob:
    """One of the service's jobs: what ``myrtille run`` schedules and ``myrtille worker``
    loops over."""

    id: str
    role: str
    func: Callable[..., Any]
    args: tuple[Any, ...]
    interval: int  # seconds between two runs (before jitter)


def service_jobs(settings: Settings) -> list[ServiceJob]:
    """Every job of the service, with stable ids, for these settings."""
    payload = settings.model_dump_json()
    every: list[tuple[str, str, Callable[..., Any], tuple[Any, ...]]] = [
        ("crawl", "crawl", jobs.crawl, (payload,)),
        ("process", "process", jobs.process, (payload,)),
        ("dispatch", "dispatch", jobs.dispatch, (payload,)),
        ("digest-daily", "digest", jobs.digest, (payload, "daily")),
        ("digest-weekly", "digest", jobs.digest, (payload, "weekly")),
        ("housekeeping", "housekeeping", jobs.housekeeping, (payload,)),
    ]
    return [
        ServiceJob(job_id, role, func, args, int(settings.service.interval(job_id).total_seconds()))
        for job_id, role, func, args in every
    ]


def job_defaults() -> dict[str, object]:
    return {"coalesce": True, "max_instances": 1, "misfire_grace_time": MISFIRE_GRACE_SECONDS}


class Scheduler(BackgroundScheduler):
    """APScheduler's background scheduler, minus dying with the state database: a job store
    that cannot be written (a full disk, a locked file, a database restarting) raises out
    of APScheduler's loop and ends its thread for good, so that nothing ever runs again,
    even once the storage is back. Here the loop says so and tries again after
    ``jobstore_retry_interval`` seconds, as APScheduler does when reading the store fails.

    Nor does it submit jobs once stopping: shutdown() marks the scheduler stopped, then
    waits for running jobs while holding the job stores' lock; a loop woken meanwhile by
    its timer went on once the lock was free, handed a due job to the shut executor
    ("cannot schedule new futures after shutdown") and moved its next run past it. Checked
    under that lock (re-entrant), a job due then stays due for the next start."""

    def _process_jobs(self) -> float | None:
        try:
            with self._jobstores_lock:
                if self.state == STATE_STOPPED:
                    return None
                return super()._process_jobs()  # type: ignore[no-any-return]
        except Exception as exc:
            log.error(
                "the scheduler could not record its jobs' next runs (%s); trying again in %d s",
                exc,
                self.jobstore_retry_interval,
            )
            return float(self.jobstore_retry_interval)


def build_scheduler(settings: Settings) -> BackgroundScheduler:
    """A scheduler (not started) holding the service's jobs, with stable ids."""
    scheduler = Scheduler(
        jobstores={"default": SQLAlchemyJobStore(url=settings.state_url, tablename=JOBS_TABLE)},
        executors={"default": ThreadPoolExecutor(max_workers=len(JOB_IDS))},
        job_defaults=job_defaults(),
        timezone="UTC",
    )
    for job in service_jobs(settings):
        seconds = job.interval
        trigger = IntervalTrigger(seconds=seconds, jitter=max(1, seconds // 10), timezone="UTC")
        extra: dict[str, object] = {}
        if job.id == "housekeeping":
            extra["next_run_time"] = datetime.now().astimezone() + HOUSEKEEPING_FIRST_DELAY
        scheduler.add_job(
            job.func,
            trigger,
            args=job.args,
            id=job.id,
            name=job.id,
            replace_existing=True,
            **extra,
        )
    return scheduler


def hand_off(scheduler: BackgroundScheduler, handoff: Handoff) -> None:
    """Let ``handoff`` start the process and dispatch jobs at once: a wake-up moves the
    job's next run to now (its interval goes on after it). The job's end is known from
    the scheduler's event, sent once the job may run again."""

    def waker(job_id: str) -> Callable[[], None]:
        def move() -> None:
            try:
                scheduler.modify_job(job_id, next_run_time=datetime.now().astimezone())
            except Exception as exc:  # the scheduler stopped meanwhile: nothing to wake
                log.debug("could not wake the %s job: %s", job_id, exc)

        def wake() -> None:
            # A stopping scheduler runs nothing more. And never from the caller's thread:
            # shutdown(wait=True) holds the job stores' lock while it waits for running
            # jobs, so a job (or its end event) moving a job would wait for itself.
            if scheduler.state == STATE_RUNNING:
                threading.Thread(target=move, daemon=True, name=f"wake-{job_id}").start()

        return wake

    def ended(event: JobExecutionEvent) -> None:
        if event.job_id in HANDED_OFF:
            handoff.finished(event.job_id)

    for job_id in HANDED_OFF:
        handoff.subscribe(job_id, waker(job_id))
    scheduler.add_listener(ended, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
