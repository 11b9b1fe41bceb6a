"""The scheduler of ``myrtille run`` outlives a state database it cannot write for a
while: APScheduler's loop raised out of its thread when recording a job's next run failed
(a full disk, a locked file), and no job ever ran again, even once the storage was back.
Found by the chaos suite's full disk (tests/chaos/test_disk_full.py); here the database is
locked by another connection, a storage problem of the same kind."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore

from myrtille.service.scheduler import JOBS_TABLE, Scheduler
from tests.waiting import wait_until


def tick(path: str) -> None:
    """The job: one line per run."""
    with open(path, "a", encoding="utf-8") as out:
        out.write("tick\n")


def ticks(path: Path) -> int:
    return len(path.read_text().splitlines()) if path.exists() else 0


def test_jobs_run_again_once_the_state_database_can_be_written_again(tmp_path: Path) -> None:
    state = tmp_path / "state.db"
    log = tmp_path / "ticks.txt"
    # As the service's state database: WAL, so the store can still be read while written.
    sqlite3.connect(state).execute("PRAGMA journal_mode=WAL").close()
    store = SQLAlchemyJobStore(
        url=f"sqlite:///{state}",
        tablename=JOBS_TABLE,
        engine_options={"connect_args": {"timeout": 1}},
    )
    scheduler = Scheduler(jobstores={"default": store}, jobstore_retry_interval=1)
    scheduler.add_job(tick, "interval", seconds=1, args=[str(log)], id="tick")
    scheduler.start()
    try:
        assert wait_until(lambda: ticks(log) >= 2, 60, 0.1)
        # Another process holds the database: recording the next run fails.
        blocker = sqlite3.connect(state, timeout=10, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        time.sleep(4)  # a few of the scheduler's wake-ups meet the lock
        blocker.execute("ROLLBACK")
        blocker.close()
        during = ticks(log)
        assert wait_until(lambda: ticks(log) >= during + 3, 60, 0.1), "no job ran after the lock"
        assert scheduler._thread is not None and scheduler._thread.is_alive()
    finally:
        scheduler.shutdown(wait=False)
