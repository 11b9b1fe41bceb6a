"""Waiting in tests: until a condition holds, at most so many seconds (``wait_for`` also
fails with the end of a log, and at once if the process writing it exits); or through a
blocking read that nothing else bounds, cut after so many seconds (``hang_guard``).

The one place tests keep a clock, so that a test reads "wait until X, at most N s"
rather than a hand-made deadline loop.
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

Found = TypeVar("Found")


def wait_until(condition: Callable[[], bool], timeout: float, poll: float = 0.05) -> bool:
    """Whether ``condition()`` came true within ``timeout`` seconds, asked every ``poll``
    seconds. An exception from ``condition`` ends the wait at once: a condition can fail
    fast (a child process that died) instead of waiting out the timeout."""
    deadline = time.monotonic() + timeout
    while True:
        if condition():
            return True
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        time.sleep(min(poll, left))


def after(seconds: float) -> Callable[[], bool]:
    """A condition that comes true ``seconds`` from now: for a wait that must also last at
    least so long (keep doing something for N s, and on until X, at most M s)."""
    end = time.monotonic() + seconds
    return lambda: time.monotonic() >= end


def wait_for(
    condition: Callable[[], Found],
    what: str,
    log: Path,
    timeout: float,
    process: subprocess.Popen[bytes] | None = None,
    poll: float = 0.5,
) -> Found:
    """What ``condition()`` gave once it was truthy, asked every ``poll`` seconds for at most
    ``timeout`` seconds; else the test fails naming ``what`` with the end of ``log``, at once
    if ``process`` (the service writing ``log``) has exited, since nothing will come then."""
    found: list[Found] = []

    def came() -> bool:
        value = condition()
        if value:
            found.append(value)
            return True
        if process is not None and process.poll() is not None:
            raise AssertionError(failure(f"exit {process.returncode} waiting for {what}", log))
        return False

    assert wait_until(came, timeout, poll), failure(
        f"timed out ({timeout:g} s) waiting for {what}", log
    )
    return found[0]


def failure(message: str, log: Path) -> str:
    return f"{message}; {log.name}:\n{log.read_text(errors='replace')[-6000:]}"


@contextmanager
def hang_guard(seconds: float, cut: Callable[[], object]) -> Iterator[None]:
    """Call ``cut()``, from a timer thread, if the block still runs ``seconds`` from now.

    A hang guard, not a time limit: for a blocking read that nothing else ends, such as a
    stream whose heartbeats keep the client's own read timeout from ever firing. ``cut``
    ends the read (it closes the connection), so the block fails on what it did not
    receive instead of hanging; how long things took is never asserted."""
    timer = threading.Timer(seconds, cut)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
