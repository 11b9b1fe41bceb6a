"""The crawl writes documents to the intake in batches: counters stay exact, a batch is
written when the crawl ends or is stopped, and a crash loses only the batch not yet written,
whose pages the next crawl fetches again, and nothing else."""

from __future__ import annotations

import os
import signal
import threading
from collections import Counter
from collections.abc import Callable

from myrtille.config.settings import Settings
from myrtille.crawlers.pipelines import BATCH_SIZE
from myrtille.crawlers.runner import CrawlReport
from myrtille.demo.httpserver import Request, Route, RouteServer
from myrtille.pipeline.intake import Intake
from myrtille.store.database import Database, open_database
from tests.crawlers.pages import article_html, rss
from tests.crawlers.test_child_death import crawl_children
from tests.crawlers.test_feed_crawl import RSS, serve_feed
from tests.web.test_sources_page import load_state


def stored_pages(database: Database, server: RouteServer, count: int) -> set[int]:
    """Which of the ``count`` feed pages are documents in the intake."""
    urls = {d.url for d in Intake(database).documents()}
    return {n for n in range(count) if server.url(f"/news/{n}.html") in urls}


def seen_pages(database: Database, server: RouteServer, count: int) -> set[int]:
    intake = Intake(database)
    return {n for n in range(count) if intake.is_seen(server.url(f"/news/{n}.html"))}


class Signaller:
    """Sends ``signum`` to the crawl child when it asks for its ``at``-th article page
    (counting from 1), before answering; remembers the pages asked for before that."""

    def __init__(self, server: RouteServer, count: int, at: int, signum: int) -> None:
        self.at, self.signum = at, signum
        self.asked: list[int] = []
        self.sent: list[int] = []
        self.lock = threading.Lock()
        for n in range(count):
            server.routes[f"/news/{n}.html"] = self.wrap(n, server.routes[f"/news/{n}.html"])

    def wrap(self, n: int, route: Route) -> Callable[[Request, RouteServer], Route]:
        def answer(request: Request, _server: RouteServer) -> Route:
            with self.lock:
                self.asked.append(n)
                if len(self.asked) == self.at and not self.sent:
                    for pid in crawl_children():
                        os.kill(pid, self.signum)
                        self.sent.append(pid)
            return route

        return answer

    @property
    def before(self) -> set[int]:
        """Pages answered before the signal."""
        return set(self.asked[: self.at - 1])


def test_duplicates_within_one_batch_are_counted_and_the_batch_is_written_at_close(
    server: RouteServer, settings_for: Callable[..., Settings], crawl: Callable[..., CrawlReport]
) -> None:
    same = article_html("Même dépêche", name="Vernay", event="la fermeture du site de Roanne")
    items = []
    for n, body in enumerate([same, article_html("Autre", name="Aérovolt"), same]):
        server.routes[f"/p{n}.html"] = Route(body.encode())
        items.append({"title": f"Page {n}", "link": server.url(f"/p{n}.html")})
    server.routes["/feed.xml"] = Route(rss(items).encode(), RSS)
    settings = settings_for([{"id": "eco", "kind": "feed", "url": server.url("/feed.xml")}])

    report = crawl(settings)  # three documents: fewer than a batch, written at close
    outcome = report.outcomes["eco"]
    assert outcome.error is None, outcome.error
    assert (outcome.found, outcome.new, outcome.duplicates) == (3, 2, 1)
    database = open_database(settings.state_url)
    try:
        intake = Intake(database)
        assert sum(intake.counts().values()) == 2
        assert all(intake.is_seen(server.url(f"/p{n}.html")) for n in range(3))
        state = load_state(database, "eco")
        assert state is not None and state.items_new == 2
    finally:
        database.dispose()


def test_a_crash_loses_only_the_unwritten_batch_which_the_next_crawl_collects(
    server: RouteServer, settings_for: Callable[..., Settings], crawl: Callable[..., CrawlReport]
) -> None:
    count = 2 * BATCH_SIZE + 20
    serve_feed(server, count)
    killer = Signaller(server, count, BATCH_SIZE + 30, signal.SIGKILL)
    settings = settings_for(
        [{"id": "eco", "kind": "feed", "url": server.url("/feed.xml"), "max_articles": count}],
        concurrency=1,
        concurrency_per_domain=1,
    )

    report = crawl(settings)
    assert killer.sent and report.exit_code == -signal.SIGKILL
    database = open_database(settings.state_url)
    try:
        stored = stored_pages(database, server, count)
        # At least the first full batch was written, and only pages it had fetched.
        assert len(stored) >= BATCH_SIZE and stored <= killer.before
        # Marked seen exactly when written: an unwritten page is not taken for known.
        assert seen_pages(database, server, count) == stored
        before = Counter(server.hits)

        retry = crawl(settings)
        outcome = retry.outcomes["eco"]
        assert outcome.error is None, outcome.error
        assert (outcome.new, outcome.known) == (count - len(stored), len(stored))
        assert sum(Intake(database).counts().values()) == count
        assert stored_pages(database, server, count) == set(range(count))
        # Fetched again: exactly the pages whose documents were not written.
        for n in range(count):
            path = f"/news/{n}.html"
            assert server.hits[path] - before[path] == (0 if n in stored else 1), n
    finally:
        database.dispose()


def test_a_stopped_crawl_writes_its_pending_batch(
    server: RouteServer, settings_for: Callable[..., Settings], crawl: Callable[..., CrawlReport]
) -> None:
    count = 30
    serve_feed(server, count)
    stopper = Signaller(server, count, 11, signal.SIGTERM)
    settings = settings_for(
        [{"id": "eco", "kind": "feed", "url": server.url("/feed.xml")}],
        concurrency=1,
        concurrency_per_domain=1,
    )

    report = crawl(settings)  # SIGTERM: Scrapy's graceful stop closes the spider
    assert stopper.sent and report.exit_code == 0
    database = open_database(settings.state_url)
    try:
        stored = stored_pages(database, server, count)
        # Ten pages fetched, fewer than a batch: all written when the spider closed.
        assert len(stopper.before) == 10
        assert stopper.before <= stored <= set(stopper.asked)
        assert seen_pages(database, server, count) == stored
        assert report.outcomes["eco"].new == len(stored)
        state = load_state(database, "eco")
        assert state is not None and state.items_new == len(stored)

        crawl(settings)
        assert stored_pages(database, server, count) == set(range(count))
        assert all(server.hits[f"/news/{n}.html"] == 1 for n in stored)
        assert all(server.hits[f"/news/{n}.html"] <= 2 for n in range(count))
    finally:
        database.dispose()
