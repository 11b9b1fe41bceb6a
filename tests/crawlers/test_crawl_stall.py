"""A crawl child that sends nothing for ``crawl.stall_timeout`` is killed with every process
it started, its unfinished sources get the error where users see crawl errors, and what
it stored before stays stored (crawlers/watchdog.py). The stall is real: the last page
of the feed is held by the server for ever, under a fetch timeout of an hour, so the
crawl child waits without a sign of progress, as it did on a page the extraction pool
had dropped. About a minute each on 2 loaded cores (the stall itself is 30 s).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest

from myrtille.config.settings import Settings
from myrtille.crawlers.health import all_states
from myrtille.crawlers.resident import ResidentCrawler
from myrtille.crawlers.runner import CrawlReport
from myrtille.crawlers.watchdog import StallWatchdog, descendants
from myrtille.demo.httpserver import Request, Route, RouteServer
from myrtille.pipeline.intake import Intake
from myrtille.store.database import Database, open_database
from myrtille.store.health_texts import shown
from tests.crawlers.test_feed_crawl import serve_feed

STALLED = "sent no sign of progress for 30 s (crawl.stall_timeout)"
STALLED_FR = "n'a donné aucun signe de progression pendant 30 s (crawl.stall_timeout)"
# Generous: a process killed with SIGKILL is gone within milliseconds.
GONE_WITHIN = 60.0


@dataclass
class Held:
    """The last of four articles, held until ``opened``; ``crawl_pids``: the crawl's
    processes (the crawl child and all below it) when it asked for that page."""

    opened: threading.Event = field(default_factory=threading.Event)
    crawl_pids: list[int] = field(default_factory=list)


@pytest.fixture
def held(server: RouteServer) -> Iterator[Held]:
    serve_feed(server, 4)
    state = Held()
    page = server.routes["/news/3.html"]

    def answer(request: Request, _server: RouteServer) -> Route:
        if not state.crawl_pids:
            for child in crawl_children():
                state.crawl_pids += [child, *descendants(child)]
        state.opened.wait()
        return page  # type: ignore[return-value]

    server.routes["/news/3.html"] = answer  # type: ignore[assignment]
    yield state
    state.opened.set()  # the server's thread ends with the test


@pytest.fixture
def stalling(server: RouteServer, settings_for: Callable[..., Settings]) -> Settings:
    return settings_for(
        [{"id": "eco", "kind": "feed", "url": server.url("/feed.xml"), "interval": "30m"}],
        # The four pages asked for at once (one at a time, the held one could come first).
        concurrency=4,
        concurrency_per_domain=4,
        timeout="1h",  # the held page is never cut off by the fetch timeout
        # Longer than a crawl child's start on a loaded machine (15 s seen), which sends
        # nothing either.
        stall_timeout="30s",
        extraction_workers=1,
    )


def crawl_children() -> list[int]:
    """Our crawl child processes (one-shot or resident)."""
    return [
        pid
        for pid in descendants(os.getpid())
        if b"myrtille.crawlers.child" in _cmdline(pid) and alive(pid)
    ]


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def alive(pid: int) -> bool:
    """Running, not a zombie (a killed process's parent may reap it later, or never)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def assert_gone(pids: list[int]) -> None:
    limit = time.monotonic() + GONE_WITHIN
    while any(alive(pid) for pid in pids) and time.monotonic() < limit:
        time.sleep(0.05)  # a signal is delivered, not waited for: no event to wait on
    assert [pid for pid in pids if alive(pid)] == []


def assert_recorded(report: CrawlReport, database: Database) -> None:
    assert report.exit_code == -signal.SIGKILL
    error = report.outcomes["eco"].error or ""
    assert STALLED in error, error
    state = all_states(database).get("eco")
    assert state is not None and state.consecutive_failures == 1
    assert STALLED in shown(state.last_error, "en")
    assert STALLED_FR in shown(state.last_error, "fr")
    # The three pages collected before the stall stay stored.
    assert sum(Intake(database).counts().values()) == 3


def test_a_stalled_crawl_child_is_killed_and_its_source_recorded(
    stalling: Settings, held: Held, crawl: Callable[..., CrawlReport]
) -> None:
    report = crawl(stalling)
    database = open_database(stalling.state_url)
    try:
        assert_recorded(report, database)
        # The crawl child, its fork server and its extraction worker: all killed.
        assert len(held.crawl_pids) >= 3, held.crawl_pids
        assert_gone(held.crawl_pids)
        # The next crawl, the page answering again, collects the rest and clears the error.
        held.opened.set()
        retry = crawl(stalling)
        assert retry.exit_code == 0 and not retry.failed
        assert sum(Intake(database).counts().values()) == 4
        state = all_states(database).get("eco")
        assert state is not None and state.last_error is None
    finally:
        database.dispose()


def test_a_stalled_resident_crawl_is_killed_and_the_next_crawl_runs(
    stalling: Settings, held: Held
) -> None:
    database = open_database(stalling.state_url)
    crawler = ResidentCrawler(stalling, database)
    try:
        report = crawler.crawl(stalling.sources)
        assert_recorded(report, database)
        assert crawler.pid is None  # killed with its crawl, started again for the next
        # The resident child, its crawl, its fork server and its extraction worker.
        assert len(held.crawl_pids) >= 4, held.crawl_pids
        assert_gone(held.crawl_pids)
        held.opened.set()
        retry = crawler.crawl(stalling.sources)
        assert retry.exit_code == 0 and not retry.failed
        assert sum(Intake(database).counts().values()) == 4
    finally:
        crawler.close()
        database.dispose()


def test_the_watchdog_kills_the_whole_process_group() -> None:
    # A child that says one line then waits for ever, with a grandchild in its group.
    script = (
        "import subprocess, time; subprocess.Popen(['sleep', '3600']); "
        "print('up', flush=True); time.sleep(3600)"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, process_group=0
    )
    assert child.stdout is not None
    below: list[int] = []
    with StallWatchdog(child, timedelta(seconds=1)) as watchdog:
        for line in watchdog.lines(child.stdout):  # ends once every writer is gone
            assert line == "up\n"
            below = descendants(child.pid)
    assert watchdog.stalled
    assert child.wait() == -signal.SIGKILL
    assert len(below) == 1
    assert_gone(below)
