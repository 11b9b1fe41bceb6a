"""One fork server for the extraction workers of every crawl the resident child forks.

A crawl process takes its extraction workers from a multiprocessing fork server that
preloads extraction (``extraction_pool``). Started by each crawl, that server costs a
Python start and extraction's imports on the way to the first article: 1.5 s on a quiet
machine, 7 s under load, for every crawl. The resident crawl child (``child.resident``)
starts it once, before forking any crawl (``start``); each crawl forked afterwards uses it
as it is (``adopt``): a worker is then a fork of a warm process, ready in milliseconds.

The server outlives each crawl, so a crawl that cannot shut its workers down (killed with
-9) would leave them waiting for ever: the resident child ends them after each crawl
(``end_left_workers``); a crawl that ends normally has already shut them down.
"""

from __future__ import annotations

import contextlib
import os
import signal
from pathlib import Path

from myrtille.config.settings import CrawlSettings
from myrtille.crawlers.extraction_pool import ExtractionPool, _blank_main, _worker_context


def start(crawl: CrawlSettings) -> int | None:
    """Start the workers' fork server here (a process with no thread yet); its pid, or
    None when the crawls' workers would not come from one."""
    if ExtractionPool.from_settings(crawl).workers == 0:
        return None
    if _worker_context().get_start_method() != "forkserver":
        return None
    from multiprocessing import forkserver

    with _blank_main():
        forkserver.ensure_running()
    return forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined,no-any-return]


def adopt() -> None:
    """In a crawl forked after ``start``: use its fork server. (multiprocessing checks the
    server is alive with ``waitpid``, which only the process that started it may call: in
    a fork that check fails, and the pool would fall back to extracting in-process.)"""
    from multiprocessing import forkserver, resource_tracker

    server = forkserver._forkserver  # type: ignore[attr-defined]
    if server._forkserver_pid is not None:
        server.ensure_running = resource_tracker.ensure_running


def end_left_workers(server: int) -> int:
    """Kill the workers still running under the fork server ``server`` once the crawl
    that used them has ended; how many there were."""
    left = []
    for task in Path(f"/proc/{server}/task").glob("*"):
        try:
            left += [int(pid) for pid in (task / "children").read_text().split()]
        except OSError:
            continue
    for pid in left:
        with contextlib.suppress(ProcessLookupError):  # it ended meanwhile
            os.kill(pid, signal.SIGKILL)
    return len(left)
