"""A crawl child process that dies mid-crawl (here: SIGKILL, as the OOM killer does) is
recorded against its source where users look, and the source is crawled again at its
next interval."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from myrtille.config.settings import Settings
from myrtille.crawlers.polling import effective_interval
from myrtille.crawlers.runner import CrawlReport, due_sources, poll_offset
from myrtille.demo.httpserver import Request, Route, RouteServer
from myrtille.pipeline.intake import Intake
from myrtille.pipeline.status import read_status
from myrtille.store.database import open_database
from tests.crawlers.test_feed_crawl import serve_feed
from tests.web.test_sources_page import load_state


def crawl_children() -> list[int]:
    """Our crawl child processes, found in /proc as any operator would find them."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == os.getpid() and b"myrtille.crawlers.child" in cmdline:
            found.append(int(entry.name))
    return found


def test_a_killed_crawl_child_is_recorded_and_retried(
    server: RouteServer, settings_for: Callable[..., Settings], crawl: Callable[..., CrawlReport]
) -> None:
    serve_feed(server, 4)
    page = server.routes["/news/2.html"]
    killed: list[int] = []

    def kill_the_crawler(request: Request, _server: RouteServer) -> Route:
        # The child asks for this page mid-crawl: it dies before any answer.
        if not killed:
            for pid in crawl_children():
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
        return page  # type: ignore[return-value]

    server.routes["/news/2.html"] = kill_the_crawler
    settings = settings_for(
        [{"id": "eco", "kind": "feed", "url": server.url("/feed.xml"), "interval": "30m"}],
        concurrency=1,
        concurrency_per_domain=1,
    )

    report = crawl(settings)
    assert killed, "the crawl never asked for the page"
    assert report.exit_code == -signal.SIGKILL
    assert "killed by SIGKILL" in (report.outcomes["eco"].error or "")

    database = open_database(settings.state_url)
    try:
        state = load_state(database, "eco")
        assert state is not None and state.last_attempt_at is not None
        assert "killed by SIGKILL" in (state.last_error or "")
        assert state.consecutive_failures == 1
        # What `myrtille status` lists as failing.
        failing = read_status(database).sources_failing
        assert [(s, n) for s, _, n in failing] == [("eco", 1)]
        assert "killed by SIGKILL" in failing[0][1]

        # Not due again at once; due at its next (adapted) interval plus its offset.
        interval = effective_interval(
            timedelta(minutes=30), state.poll_interval_seconds, bool(state.backing_off)
        )
        next_time = state.last_attempt_at + interval + poll_offset("eco", interval)
        assert due_sources(settings, database, now=next_time - timedelta(minutes=1)) == []
        assert [s.id for s in due_sources(settings, database, now=next_time)] == ["eco"]

        # The retry (the page answers normally now) collects everything and clears it.
        retry = crawl(settings)
        assert retry.exit_code == 0 and not retry.failed
        state = load_state(database, "eco")
        assert state is not None
        assert state.last_error is None and state.consecutive_failures == 0
        assert sum(Intake(database).counts().values()) == 4
        assert read_status(database).sources_failing == []
    finally:
        database.dispose()
