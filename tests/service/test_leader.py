"""One scheduler at a time: the scheduler lock on PostgreSQL (an advisory lock held by a
session) and on SQLite (a file lock), and a standby taking over when the holder dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from myrtille.service.locks import SCHEDULER_LOCK, Lock
from myrtille.service.worker import Leadership
from myrtille.store.database import Database
from tests.waiting import wait_for, wait_until

TAKEN = "scheduler lock taken"
STANDBY = "standby: another worker holds the scheduler lock"
HOLDER = """
import sys
from pathlib import Path
from myrtille.service.locks import SCHEDULER_LOCK, Lock
from myrtille.store.database import Database

lock = Lock(Database(sys.argv[1]), Path(sys.argv[2]), SCHEDULER_LOCK)
print("held" if lock.try_acquire() else "refused", flush=True)
sys.stdin.read()  # holds the lock until killed
"""


def test_one_holder_at_a_time_and_the_next_after_release(
    database: Database, tmp_path: Path
) -> None:
    first = Lock(database, tmp_path, SCHEDULER_LOCK)
    second = Lock(database, tmp_path, SCHEDULER_LOCK)
    assert first.try_acquire()
    assert first.alive()
    assert not second.try_acquire()
    assert not second.held
    first.release()
    assert second.try_acquire()
    assert not first.try_acquire()
    # Another name is another lock.
    other = Lock(database, tmp_path, "myrtille:source:eco")
    assert other.try_acquire()
    for lock in (first, second, other):
        lock.close()


def test_standby_takes_over_when_the_holder_is_killed(database: Database, tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, database.url.render_as_string(False), str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        standby = Leadership(Lock(database, tmp_path, SCHEDULER_LOCK), standby=1)
        assert not standby.ensure()
        assert not standby.ensure()  # still standing by: the holder lives
    finally:
        holder.kill()  # SIGKILL: no unlock, only the session's (or the file's) end
        holder.wait()
    assert wait_until(standby.ensure, 30, 0.2), "the standby never took the lock over"
    assert standby.ensure()
    latecomer = Lock(database, tmp_path, SCHEDULER_LOCK)
    assert not latecomer.try_acquire()
    latecomer.close()
    standby.close()


def _wait_for_line(path: Path, line: str, process: subprocess.Popen[bytes]) -> None:
    def written() -> bool:
        return line in path.read_text(encoding="utf-8", errors="replace")

    wait_for(written, repr(line), path, 60, process, 0.2)


def test_two_digest_workers_one_active_the_other_takes_over_after_kill_9(
    state_url: str, tmp_path: Path
) -> None:
    config = tmp_path / "myrtille.yaml"
    config.write_text(
        f"data_dir: {tmp_path / 'data'}\ndatabase_url: {state_url}\n", encoding="utf-8"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("MYRTILLE")} | {
        "MYRTILLE_SERVICE__STANDBY_INTERVAL": "1s",
        "MYRTILLE_SERVICE__DIGEST_INTERVAL": "1s",
    }
    command = [sys.executable, "-m", "myrtille", "--config", str(config), "worker"]
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    workers: list[subprocess.Popen[bytes]] = []
    try:
        for log, roles in zip(logs, (["digest"], ["digest", "housekeeping"]), strict=True):
            with log.open("wb") as output:
                workers.append(
                    subprocess.Popen(
                        [*command, *(arg for role in roles for arg in ("--role", role))],
                        stdout=output,
                        stderr=subprocess.STDOUT,
                        env=env,
                    )
                )
            # The first one started holds the lock before the second one asks.
            _wait_for_line(log, "worker started", workers[-1])
            if len(workers) == 1:
                _wait_for_line(log, TAKEN, workers[0])
        first, second = workers
        _wait_for_line(logs[1], STANDBY, second)
        assert TAKEN not in logs[1].read_text()
        assert STANDBY not in logs[0].read_text()

        first.send_signal(signal.SIGKILL)
        first.wait()
        _wait_for_line(logs[1], TAKEN, second)

        second.send_signal(signal.SIGTERM)
        assert second.wait(timeout=60) == 0, logs[1].read_text()
        assert "stopped" in logs[1].read_text()
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
