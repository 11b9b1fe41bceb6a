"""The crawl child a service keeps warm (``crawlers/resident.py``): one child for many
crawls, each crawl recorded as a one-shot child records it, and a child or crawl killed
with SIGKILL (as the OOM killer does) recorded against its sources and replaced."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from myrtille.config.settings import Settings
from myrtille.crawlers.health import all_states
from myrtille.crawlers.resident import ResidentCrawler
from myrtille.demo.httpserver import Request, Route, RouteServer
from myrtille.pipeline.intake import Intake
from myrtille.store.database import Database, open_database
from tests.crawlers.test_feed_crawl import serve_feed


def children_of(pid: int) -> list[int]:
    """The processes ``pid`` started (the crawls a resident child forked)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def crawl_children() -> list[int]:
    """Our crawl child processes, found in /proc as any operator would find them."""
    found = []
    for pid in children_of(os.getpid()):
        try:
            if b"myrtille.crawlers.child" in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(pid)
        except OSError:
            continue
    return found


def parent_of(pid: int) -> int | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("PPid:"))


def orphaned_before_answer(crawls: list[int], parents: list[int], wait: float = 10.0) -> None:
    """Wait until each crawl has lost its parent (the kernel then sends it the parent-death
    signal), then leave its reactor a moment to handle that signal."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and any(parent_of(c) in parents for c in crawls):
        time.sleep(0.02)
    time.sleep(0.5)


def fork_servers(pid: int) -> list[int]:
    """The extraction workers' fork servers among the children of ``pid``."""
    found = []
    for child in children_of(pid):
        try:
            if b"multiprocessing.forkserver" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(child)
        except OSError:
            continue
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def resident(
    server: RouteServer, settings_for: Callable[..., Settings]
) -> Iterator[tuple[ResidentCrawler, Database]]:
    settings = settings_for(
        [{"id": "eco", "kind": "feed", "url": server.url("/feed.xml"), "interval": "30m"}],
        concurrency=1,
        concurrency_per_domain=1,
    )
    database = open_database(settings.state_url)
    crawler = ResidentCrawler(settings, database)
    try:
        yield crawler, database
    finally:
        crawler.close()
        database.dispose()


def test_one_child_serves_crawl_after_crawl_and_stops_when_closed(
    server: RouteServer, resident: tuple[ResidentCrawler, Database]
) -> None:
    crawler, database = resident
    serve_feed(server, 3)
    events: list[str] = []
    first = crawler.crawl(crawler.settings.sources, on_event=lambda e: events.append(e["event"]))
    assert first.exit_code == 0 and not first.failed
    assert (first.outcomes["eco"].found, first.outcomes["eco"].new) == (3, 3)
    assert first.outcomes["eco"].warnings == []  # each page extracted, none replaced
    assert events.count("source_finished") == 1 and "crawl_ended" not in events
    pid = crawler.pid
    assert pid is not None and crawl_children() == [pid]

    serve_feed(server, 5)  # two more articles, and a new body: the feed is fetched again
    second = crawler.crawl(crawler.settings.sources)
    assert (second.outcomes["eco"].new, second.outcomes["eco"].known) == (2, 3)
    assert second.outcomes["eco"].warnings == []
    unchanged = crawler.crawl(crawler.settings.sources)
    assert unchanged.outcomes["eco"].not_modified and not unchanged.failed
    assert crawler.pid == pid
    assert sum(Intake(database).counts().values()) == 5
    # The pages were extracted by workers from one fork server, the warm child's, started
    # once; none is left between crawls, and no crawl fell back to extracting in-process.
    [server] = fork_servers(pid)
    assert children_of(server) == []
    log = (crawler.log_dir / "crawl.log").read_text(encoding="utf-8")
    assert "extraction workers unavailable" not in log

    crawler.close()
    assert crawler.pid is None and not alive(pid) and crawl_children() == []


def test_a_crawl_killed_mid_crawl_is_recorded_and_the_next_one_runs(
    server: RouteServer, resident: tuple[ResidentCrawler, Database]
) -> None:
    crawler, database = resident
    serve_feed(server, 4)
    page = server.routes["/news/2.html"]
    killed: list[int] = []

    def kill_the_crawl(request: Request, _server: RouteServer) -> Route:
        # The crawl process asks for this page: it dies before any answer (not the
        # extraction workers' fork server, the resident child's other child).
        if not killed and crawler.pid is not None:
            servers = fork_servers(crawler.pid)
            for pid in children_of(crawler.pid):
                if pid not in servers:
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)
        return page  # type: ignore[return-value]

    server.routes["/news/2.html"] = kill_the_crawl
    report = crawler.crawl(crawler.settings.sources)
    assert killed, "the crawl never asked for the page"
    assert report.exit_code == -signal.SIGKILL
    assert "killed by SIGKILL" in (report.outcomes["eco"].error or "")
    state = all_states(database).get("eco")
    assert state is not None and "killed by SIGKILL" in (state.last_error or "")
    assert state.consecutive_failures == 1

    # The resident child lived on; its next crawl collects everything and clears the error.
    pid = crawler.pid
    assert pid is not None
    retry = crawler.crawl(crawler.settings.sources)
    assert retry.exit_code == 0 and not retry.failed
    assert retry.outcomes["eco"].warnings == []
    assert crawler.pid == pid
    state = all_states(database).get("eco")
    assert state is not None and state.last_error is None
    assert sum(Intake(database).counts().values()) == 4
    # The killed crawl could not stop its extraction workers: the warm child did.
    [spawner] = fork_servers(pid)
    assert children_of(spawner) == []

    # A fork server that dies is started again for the next crawl.
    os.kill(spawner, signal.SIGKILL)
    while alive(spawner):  # a signal is delivered, not waited for: no event to wait on
        time.sleep(0.01)
    serve_feed(server, 5)
    again = crawler.crawl(crawler.settings.sources)
    assert again.outcomes["eco"].new == 1 and again.outcomes["eco"].warnings == []
    assert fork_servers(pid) not in ([], [spawner])


def test_a_killed_resident_child_is_recorded_mid_crawl_and_replaced(
    server: RouteServer, resident: tuple[ResidentCrawler, Database]
) -> None:
    crawler, database = resident
    serve_feed(server, 4)
    assert not crawler.crawl(crawler.settings.sources).failed
    idle = crawler.pid
    assert idle is not None

    # Killed while idle: nothing was lost, the next crawl starts a new child.
    os.kill(idle, signal.SIGKILL)
    serve_feed(server, 5)
    page = server.routes["/news/4.html"]
    killed: list[int] = []

    def kill_the_child(request: Request, _server: RouteServer) -> Route:
        if not killed:
            crawls = [crawl for pid in crawl_children() for crawl in children_of(pid)]
            for pid in crawl_children():
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
            # The page is answered only once the orphaned crawl has taken its SIGTERM:
            # answered at once, on a loaded machine the crawl could finish its last page
            # before Scrapy handled the signal, and close as "finished".
            orphaned_before_answer(crawls, killed)
        return page  # type: ignore[return-value]

    server.routes["/news/4.html"] = kill_the_child
    # Killed mid-crawl (the resident child, not its crawl): the crawl it forked is told
    # to stop (SIGTERM), as a one-shot child is when its service dies; it stops early,
    # keeping what it fetched, and says so against the source.
    report = crawler.crawl(crawler.settings.sources)
    assert killed and idle not in killed
    assert report.exit_code == -signal.SIGKILL
    assert "stopped early" in (report.outcomes["eco"].error or "")
    state = all_states(database).get("eco")
    assert state is not None and "stopped early" in (state.last_error or "")

    retry = crawler.crawl(crawler.settings.sources)
    assert retry.exit_code == 0 and not retry.failed
    assert crawler.pid not in (None, idle, *killed)
    assert sum(Intake(database).counts().values()) == 5
