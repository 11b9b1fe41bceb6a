"""The scheduler's guarantees with real APScheduler parts: a failing job does not stop
the others, missed runs after downtime collapse into one, jobs survive restarts."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from myrtille.config.loading import load_settings
from myrtille.service import jobs
from myrtille.service.scheduler import JOB_IDS, JOBS_TABLE, build_scheduler, job_defaults
from tests.waiting import wait_until

runs: Counter[str] = Counter()
runs_lock = threading.Lock()


def count(name: str) -> None:
    with runs_lock:
        runs[name] += 1


@jobs.service_job
def failing(settings_json: str) -> None:
    count("failing")
    raise RuntimeError("boom")


def settings_json(data_dir: Path) -> str:
    """The one argument of a scheduled job: its settings, as the job store keeps them."""
    return json.dumps({"data_dir": str(data_dir)})


@pytest.fixture(autouse=True)
def _reset() -> None:
    runs.clear()


def test_a_failing_job_does_not_stop_the_others(tmp_path: Path) -> None:
    scheduler = BackgroundScheduler(
        jobstores={"default": MemoryJobStore()}, job_defaults=job_defaults(), timezone="UTC"
    )
    scheduler.add_job(
        failing, IntervalTrigger(seconds=1), args=[settings_json(tmp_path)], id="failing"
    )
    scheduler.add_job(count, IntervalTrigger(seconds=1), args=["healthy"], id="healthy")
    scheduler.start()
    try:
        assert wait_until(lambda: runs["failing"] >= 3 and runs["healthy"] >= 3, 30, 0.1)
        assert scheduler.running
        assert {job.id for job in scheduler.get_jobs()} == {"failing", "healthy"}
    finally:
        scheduler.shutdown(wait=True)


def test_a_job_function_that_raises_returns_and_logs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert failing(settings_json(tmp_path)) is None
    assert "failed" in caplog.text and "boom" in caplog.text


def test_missed_runs_after_downtime_collapse_into_one(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'state.db'}"
    scheduler = BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=url, tablename=JOBS_TABLE)},
        job_defaults=job_defaults(),
        timezone="UTC",
    )
    # Ten hours of downtime for an hourly job: ten missed runs.
    scheduler.add_job(
        count,
        IntervalTrigger(hours=1),
        args=["hourly"],
        id="hourly",
        next_run_time=datetime.now(UTC) - timedelta(hours=10),
    )
    scheduler.start()
    try:
        assert wait_until(lambda: runs["hourly"] >= 1, 30, 0.1)
        time.sleep(3)
        assert runs["hourly"] == 1
        [job] = scheduler.get_jobs()
        assert job.next_run_time > datetime.now(UTC)
    finally:
        scheduler.shutdown(wait=True)


def test_the_persistent_store_keeps_the_jobs_across_restarts(tmp_path: Path) -> None:
    settings = load_settings(None, env={}, overrides={"data_dir": str(tmp_path)})
    first = build_scheduler(settings)
    first.start(paused=True)
    ids = {job.id for job in first.get_jobs()}
    first.shutdown(wait=True)
    assert ids == set(JOB_IDS)

    # A bare scheduler on the same database finds them, with their arguments.
    second = BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=settings.state_url, tablename=JOBS_TABLE)},
        timezone="UTC",
    )
    second.start(paused=True)
    try:
        stored = {job.id: job for job in second.get_jobs()}
        assert set(stored) == set(JOB_IDS)
        assert stored["digest-weekly"].args[1] == "weekly"
        assert stored["process"].func is jobs.process
    finally:
        second.shutdown(wait=True)

    # Building again replaces them (same ids), never duplicates them.
    third = build_scheduler(settings)
    third.start(paused=True)
    try:
        assert sorted(job.id for job in third.get_jobs()) == sorted(JOB_IDS)
    finally:
        third.shutdown(wait=True)


def test_job_intervals_come_from_the_service_settings(tmp_path: Path) -> None:
    settings = load_settings(
        None,
        env={"MYRTILLE_SERVICE__PROCESS_INTERVAL": "7s"},
        overrides={"data_dir": str(tmp_path), "service": {"digest_interval": "3m"}},
    )
    scheduler = build_scheduler(settings)
    scheduler.start(paused=True)
    try:
        stored = {job.id: job.trigger.interval for job in scheduler.get_jobs()}
    finally:
        scheduler.shutdown(wait=True)
    assert stored["process"] == timedelta(seconds=7)
    assert stored["digest-daily"] == stored["digest-weekly"] == timedelta(minutes=3)
    assert stored["crawl"] == timedelta(seconds=60)  # the documented default
