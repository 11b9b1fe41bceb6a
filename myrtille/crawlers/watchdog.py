"""A crawl child must never hang a run for ever: a watchdog on the events it sends.

``run_crawl`` and the resident crawler read the crawl child's events line by line, and a
read has no limit of its own: a child whose reactor waits on a Deferred that never fires
(session 8: a page dropped by the extraction pool) or whose reactor is blocked would
keep the run, its sources' locks and the service's crawl job waiting for ever.

The child sends an event for each source started and finished, each document stored,
and a ``progress`` event at most every few seconds while requests leave its downloader
(crawlers/heartbeat.py). One that sends nothing for ``crawl.stall_timeout`` is killed
here with everything it started (the extraction workers' fork server and its workers),
so the reading ends; the caller then records the error against each unfinished source.
What the crawl stored before stays stored: documents are written within a second of
being collected (crawlers/pipelines.py), long before a stall is declared.

The clock stops while the caller handles an event: a slow reader is not a stalled child.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterable, Iterator
from datetime import timedelta
from pathlib import Path

from myrtille.config.settings import CrawlSettings

logger = logging.getLogger(__name__)
# The default's floor: a crawl's start (Python, Scrapy, the first requests) takes up to
# 20 s on a loaded machine, and AutoThrottle may space one site's requests by 30 s.
MIN_DEFAULT = timedelta(minutes=5)


def stall_limit(crawl: CrawlSettings) -> timedelta:
    """``crawl.stall_timeout``, else five times a page's longest fetch and extraction
    (``timeout`` + ``extraction_timeout``), at least MIN_DEFAULT."""
    if crawl.stall_timeout is not None:
        return crawl.stall_timeout
    return max(MIN_DEFAULT, 5 * (crawl.timeout + crawl.extraction_timeout))


class StallWatchdog:
    """Kills ``process`` and its descendants when the lines read through ``lines`` stop
    coming for ``limit``; ``stalled`` then says so. ``close`` it when the reading ends."""

    def __init__(self, process: subprocess.Popen[str], limit: timedelta) -> None:
        self.process = process
        self.limit = limit
        self.stalled = False
        self._changed = threading.Condition()
        self._deadline: float | None = time.monotonic() + limit.total_seconds()
        self._closed = False
        self._thread = threading.Thread(target=self._watch, name="crawl-watchdog", daemon=True)
        self._thread.start()

    def lines(self, stream: Iterable[str]) -> Iterator[str]:
        """``stream``'s lines; each one restarts the clock, which stops while the caller
        holds it."""
        for line in stream:
            self._set_deadline(None)
            yield line
            self._set_deadline(time.monotonic() + self.limit.total_seconds())

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._changed.notify()
        self._thread.join()

    def __enter__(self) -> StallWatchdog:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _set_deadline(self, deadline: float | None) -> None:
        with self._changed:
            self._deadline = deadline
            self._changed.notify()

    def _watch(self) -> None:
        with self._changed:
            while not self._closed:
                if self._deadline is None:
                    self._changed.wait()
                    continue
                left = self._deadline - time.monotonic()
                if left > 0:
                    self._changed.wait(left)
                    continue
                self.stalled = True
                break
        if self.stalled:
            seconds = self.limit.total_seconds()
            logger.error(
                "the crawl process %d sent nothing for %g s (crawl.stall_timeout): killed with "
                "its extraction workers",
                self.process.pid,
                seconds,
            )
            kill_tree(self.process.pid)


def kill_tree(pid: int) -> list[int]:
    """SIGKILL ``pid``, its process group when it leads one, and every process below it;
    the pids killed below it."""
    below = descendants(pid)  # before the kill: an orphan is adopted by init, out of sight
    with contextlib.suppress(ProcessLookupError):
        if os.getpgid(pid) == pid:
            os.killpg(pid, signal.SIGKILL)
        else:
            os.kill(pid, signal.SIGKILL)
    for other in below:
        with contextlib.suppress(ProcessLookupError):  # it ended meanwhile
            os.kill(other, signal.SIGKILL)
    return below


def descendants(pid: int) -> list[int]:
    """The processes below ``pid``, from /proc (none where there is no /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # it ended meanwhile
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found: list[int] = []
    todo = [pid]
    while todo:
        below = children.get(todo.pop(), [])
        found += below
        todo += below
    return found
