"""A stop while a job runs must be quiet and lose no run: `myrtille demo --duration N`
logged APScheduler's "Error submitting job … RuntimeError: cannot schedule new futures
after shutdown" at its end. shutdown() marks the scheduler stopped, then waits for the
running jobs while holding the job stores' lock; the scheduler's thread, woken meanwhile
by its timer (the demo's jobs are due every 5 s), went on looking for due jobs once the
lock was free and handed one to the executor that had just shut down (pausing first did
not help: shutdown turns "paused" into "stopped"). The due job must instead stay due in
the job store, for the next start to run it."""

from __future__ import annotations

import logging
import sys
import threading
from datetime import datetime
from pathlib import Path

import pytest
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.base import STATE_STOPPED

from myrtille.service.scheduler import Scheduler, job_defaults

# The running job's go-ahead, set by the test (jobs in a persistent store are module-level
# functions, found again by name).
_release = threading.Event()
_running = threading.Event()


def long_job() -> None:
    _running.set()
    _release.wait(60)


def quick_job() -> None:
    pass


def _inside(thread: threading.Thread, function: str, filename: str = "") -> bool:
    """Whether ``thread`` is executing ``function`` (of a file ending in ``filename``)."""
    frame = sys._current_frames().get(thread.ident or -1)
    while frame is not None:
        code = frame.f_code
        if code.co_name == function and code.co_filename.endswith(filename):
            return True
        frame = frame.f_back
    return False


def test_a_job_falling_due_while_the_scheduler_stops_is_kept_not_submitted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"sqlite:///{tmp_path / 'jobs.db'}"

    def scheduler() -> Scheduler:
        return Scheduler(
            jobstores={"default": SQLAlchemyJobStore(url=url)},
            executors={"default": ThreadPoolExecutor(max_workers=2)},
            job_defaults=job_defaults(),
            timezone="UTC",
        )

    first = scheduler()
    now = datetime.now().astimezone()
    first.add_job(long_job, "interval", hours=1, id="long", next_run_time=now)
    first.add_job(quick_job, "interval", hours=1, id="quick")
    first.start()
    assert _running.wait(60)
    # The quick job falls due while the long one runs (its timer, as with the demo's 5 s).
    due = datetime.now().astimezone()
    first.modify_job("quick", next_run_time=due)
    caplog.set_level(logging.WARNING)

    first.pause()  # as run_service does
    stopper = threading.Thread(target=first.shutdown, kwargs={"wait": True}, daemon=True)
    stopper.start()
    # shutdown() now holds the job stores' lock, waiting for the long job.
    while not (first.state == STATE_STOPPED and _inside(stopper, "shutdown", "thread.py")):
        stopper.join(0.01)
    first.wakeup()  # the scheduler thread's timer ends while shutdown waits
    while not _inside(first._thread, "_process_jobs"):
        stopper.join(0.01)
    _release.set()  # the long job ends; shutdown lets go of the lock
    stopper.join(60)
    assert not stopper.is_alive()

    errors = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert not errors, [r.getMessage() for r in errors]
    # Nothing lost: the next start finds the quick job still due and runs it.
    store = SQLAlchemyJobStore(url=url)
    store.start(scheduler(), "default")
    try:
        kept = store.lookup_job("quick")
        assert kept is not None and kept.next_run_time == due
    finally:
        store.shutdown()
