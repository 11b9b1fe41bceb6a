"""The parts of a running service, as an operator sees them in /proc, and the kills.

Each service process is started in a session of its own, so that "the whole tree" is one
process group: ``kill -9 -PGID`` is what a machine's sudden stop looks like to it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from tests.waiting import wait_until


def children(pid: int) -> list[int]:
    """Direct children of ``pid`` (every thread's list; empty once it is gone)."""
    found: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def crawl_child(pid: int) -> int | None:
    """The crawl child process of service ``pid``: the one it keeps warm from its first
    crawl on (killed mid-crawl or between crawls, as it comes)."""
    for child in children(pid):
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"myrtille.crawlers.child" in cmdline:
            return child
    return None


def gone(pid: int, timeout: float = 30) -> bool:
    """Whether ``pid`` disappeared within ``timeout`` seconds."""
    return wait_until(lambda: vanished(pid), timeout, 0.02)


def vanished(pid: int) -> bool:
    """Whether ``pid`` is gone (reaped, or a zombie of a process we do not own)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state == "Z"


class Supervised:
    """One service process (``myrtille run`` or a worker) that the run kills and restarts;
    its output goes, start after start, to one log file."""

    def __init__(self, name: str, argv: list[str], env: dict[str, str], log: Path) -> None:
        self.name = name
        self.argv = argv
        self.env = env
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None
        self.started_at = 0.0
        self.starts = 0

    def start(self) -> None:
        with self.log.open("ab") as output:
            self.process = subprocess.Popen(
                self.argv,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self.started_at = time.monotonic()
        self.starts += 1

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    @property
    def uptime(self) -> float:
        return time.monotonic() - self.started_at if self.alive else 0.0

    def kill(self, tree: bool = False) -> None:
        """SIGKILL the process (``tree``: its whole process group, children included)."""
        assert self.process is not None
        try:
            if tree:
                os.killpg(self.process.pid, signal.SIGKILL)
            else:
                self.process.send_signal(signal.SIGKILL)
        except ProcessLookupError:
            pass  # gone already (the group of a process that exited)
        self.process.wait(timeout=30)

    def stop(self, timeout: float = 180) -> int:
        """SIGTERM and wait: the clean stop; returns the exit code."""
        assert self.process is not None
        if self.process.poll() is not None:
            return self.process.returncode
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            raise

    def tail(self, chars: int = 6000) -> str:
        return self.log.read_text(errors="replace")[-chars:] if self.log.exists() else ""
