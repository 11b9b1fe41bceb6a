"""Failed sign-ins counted per client and agent name, so that passwords cannot be guessed
at the speed of the server: after ``limit`` failures within ``window``, that client's
attempts for that name are refused until the oldest failure leaves the window.

Per client *and* name: a stranger failing on purpose cannot lock an agent out from the
agent's own address. Kept in memory (one process serves the UI); a restart forgets it.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

MAX_KEYS = 10_000  # beyond this, the stalest keys are forgotten first


class FailureThrottle:
    def __init__(
        self,
        limit: int = 5,
        window_seconds: float = 15 * 60,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window_seconds
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures.get(key, deque())
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        return failures

    def wait_seconds(self, key: str) -> float:
        """How long this key must wait before its next attempt (0: it may try now)."""
        with self._lock:
            now = self.clock()
            failures = self._recent(key, now)
            if len(failures) < self.limit:
                return 0.0
            return max(0.0, failures[0] + self.window - now)

    def failed(self, key: str) -> None:
        with self._lock:
            now = self.clock()
            failures = self._recent(key, now)
            failures.append(now)
            self._failures.pop(key, None)
            self._failures[key] = failures  # most recent last: the stalest are first
            while len(self._failures) > MAX_KEYS:
                del self._failures[next(iter(self._failures))]

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)
