"""Waiting in tests: until a condition holds, at most so many seconds; or through a
stream, failing once it has taken more than so many seconds.

The one place tests keep a clock, so that a test reads "wait until X, at most N s"
rather than a hand-made deadline loop.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")


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


def within(items: Iterable[Item], timeout: float, too_slow: Callable[[], str]) -> Iterator[Item]:
    """``items`` as they come, failing with ``too_slow()`` once one arrives more than
    ``timeout`` seconds after the start: for a stream read by blocking calls, whose own
    read timeout only bounds the silence between two items, not the whole read."""
    deadline = time.monotonic() + timeout
    for item in items:
        assert time.monotonic() < deadline, too_slow()
        yield item
