"""A locked database, a full disk, an I/O error: the job reports the problem where users
look (``/healthz``, ``/metrics``, ``myrtille status``), waits longer before each new try
instead of spinning, and clears the problem on its next success. Real faults only: a
second connection holding the SQLite write lock, SQLite's own page limit on the job's
connections, and a file-size limit on a process running the job."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import event

from myrtille.config.loading import load_settings
from myrtille.config.settings import Settings
from myrtille.pipeline.document import CollectedDocument
from myrtille.pipeline.intake import Intake
from myrtille.service import jobs
from myrtille.store import database as database_module
from myrtille.store.database import open_database
from myrtille.store.schema import utcnow
from myrtille.web.app import create_app
from tests.service.test_run import cli_env
from tests.web.conftest import serve_app


class Clock:
    """The health record's clock, moved by the test instead of waiting."""

    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[Settings]:
    # Blank language pipelines: the processing job runs without loading spaCy models.
    built = load_settings(
        None,
        env={},
        overrides={"data_dir": str(tmp_path / "data"), "enrichment": {"models": {}}},
    )
    open_database(built.state_url).dispose()
    yield built
    jobs.close_all()


def add_documents(settings: Settings, count: int) -> None:
    database = open_database(settings.state_url)
    intake = Intake(database)
    for n in range(count):
        words = " ".join(f"mot{n}x{k}" for k in range(600))
        intake.add(
            CollectedDocument(
                url=f"https://news.example/{n}",
                source_id="eco",
                title=f"Avis numéro {n}",
                text=words,
                kind="notice",
            )
        )
    database.dispose()


def status_output(settings: Settings) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "myrtille", "--data-dir", str(settings.data_dir), "status"],
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def metric(url: str, name: str) -> dict[tuple[tuple[str, str], ...], float]:
    text = httpx.get(f"{url}/metrics", timeout=10).text
    return {
        tuple(sorted(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == name
    }


def test_a_locked_database_is_reported_backed_off_and_cleared(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SQLite waits this long for the lock before "database is locked" (30 s by default).
    monkeypatch.setattr(database_module, "SQLITE_BUSY_TIMEOUT_MS", 300)
    add_documents(settings, 2)
    payload = settings.model_dump_json()
    clock = Clock()
    record = jobs.health(payload)
    record.clock = clock
    with serve_app(create_app(settings)) as url:
        locker = sqlite3.connect(settings.data_dir / "myrtille.db", isolation_level=None)
        locker.execute("BEGIN EXCLUSIVE")
        try:
            jobs.housekeeping(payload)
            [problem] = record.problems()
            assert (problem.job, problem.kind, problem.failures) == ("housekeeping", "locked", 1)
            assert "database is locked" in problem.message
            assert problem.retry_at - problem.last_at == timedelta(seconds=30)

            health = httpx.get(f"{url}/healthz", timeout=10)
            assert health.status_code == 503
            body = health.json()
            assert body["status"] == "degraded"
            assert [(p["job"], p["kind"]) for p in body["problems"]] == [("housekeeping", "locked")]
            assert metric(url, "myrtille_service_degraded") == {(): 1.0}
            assert metric(url, "myrtille_service_problem_failures") == {
                (("job", "housekeeping"), ("kind", "locked")): 1.0
            }
            # Another process (the status command) reads what the service wrote.
            shown = status_output(settings)
            assert "Service degraded" in shown and "housekeeping: locked" in shown

            # Runs due before retry_at do not touch the database: no new failure.
            jobs.housekeeping(payload)
            clock.advance(29)
            jobs.housekeeping(payload)
            assert record.problems()[0].failures == 1
            # Past it, the job tries again, fails again, and waits twice as long.
            clock.advance(2)
            jobs.housekeeping(payload)
            [problem] = record.problems()
            assert problem.failures == 2
            assert problem.retry_at - problem.last_at == timedelta(seconds=60)
            # Other jobs keep their own record: dispatch meets the lock on its own.
            jobs.process(payload)
            assert {p.job for p in record.problems()} == {"housekeeping", "process"}
        finally:
            locker.execute("ROLLBACK")
            locker.close()

        clock.advance(61)
        jobs.housekeeping(payload)
        jobs.process(payload)
        assert record.problems() == []
        assert httpx.get(f"{url}/healthz", timeout=10).json() == {"status": "ok"}
        assert metric(url, "myrtille_service_degraded") == {(): 0.0}
        assert "degraded" not in status_output(settings)
        counts = Intake(open_database(settings.state_url)).counts()
        assert counts == {"done": 2}


def test_a_full_database_is_reported_and_the_work_resumes_after(settings: Settings) -> None:
    add_documents(settings, 30)
    payload = settings.model_dump_json()
    clock = Clock()
    record = jobs.health(payload)
    record.clock = clock
    engine = jobs.context(payload).database.engine
    with engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()

    def no_growth(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # SQLite's own ceiling on the file, as a full disk would put it.
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(engine, "connect", no_growth)
    engine.dispose()
    jobs.process(payload)
    [problem] = record.problems()
    assert (problem.job, problem.kind) == ("process", "disk full")
    assert "database or disk is full" in problem.message, problem.message

    event.remove(engine, "connect", no_growth)
    engine.dispose()
    clock.advance(31)
    jobs.process(payload)
    assert record.problems() == []
    # Nothing was lost in the failed run: every document is processed now.
    assert Intake(open_database(settings.state_url)).counts() == {"done": 30}


CHILD = """
import json, resource, signal, sys
from myrtille.service import jobs

payload = sys.stdin.read()
jobs.context(payload).stage()  # opened (and migrated) before the limit
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, quietly
_, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))
jobs.process(payload)
jobs.process(payload)  # within the back-off: skipped
print(json.dumps([p.as_json() for p in jobs.health(payload).problems()]))
"""


def test_a_write_error_from_the_file_system_is_reported(settings: Settings) -> None:
    add_documents(settings, 3)
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        input=settings.model_dump_json(),
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    [problem] = json.loads(done.stdout.strip().splitlines()[-1])
    assert problem["job"] == "process" and problem["failures"] == 1
    assert problem["kind"] == "I/O error" and "disk I/O error" in problem["message"]
    # The record could not be written either; the job said so in its log.
    assert "could not write" in done.stderr and "next try after" in done.stderr
    # The documents wait in the queue, unharmed.
    assert Intake(open_database(settings.state_url)).counts() == {"pending": 3}
