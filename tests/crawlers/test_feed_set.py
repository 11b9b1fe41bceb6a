"""Many feed sources in one crawl (issue 16.6: one Scrapy crawler for all of them): each
source keeps its own validators, counters and health, and one that fails stops none of
the others. A real local server, the real crawl entry point (child process)."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import Any

from myrtille.crawlers.health import all_states
from myrtille.crawlers.runner import run_crawl
from myrtille.demo.httpserver import Request, Route, RouteServer
from myrtille.pipeline.intake import Intake
from myrtille.store.database import open_database
from tests.crawlers.pages import article_html, rss

RSS = "application/rss+xml; charset=utf-8"


def publish(server: RouteServer, feed: str, entries: list[str]) -> None:
    """``/feed.xml`` of ``feed`` listing ``entries``, each an article page of its own."""
    items = []
    for entry in entries:
        path = f"/{feed}/{entry}.html"
        server.routes[path] = Route(
            article_html(f"{feed} {entry}", name=f"Société {feed} {entry}").encode()
        )
        items.append({"title": f"{feed} {entry}", "link": server.url(path)})
    server.routes[f"/{feed}/feed.xml"] = Route(rss(items).encode(), RSS)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def spiders_opened(log: Path) -> int:
    return log.read_text(encoding="utf-8").count("Spider opened") if log.exists() else 0


def test_one_crawl_of_many_feeds_keeps_each_sources_state_and_health(
    server: RouteServer, settings_for
) -> None:
    for feed in ("steady", "growing", "broken", "hostile"):
        publish(server, feed, ["a", "b"])
    sources = [
        {"id": feed, "kind": "feed", "url": server.url(f"/{feed}/feed.xml")}
        for feed in ("steady", "growing", "broken", "hostile")
    ]
    sources.append({"id": "down", "kind": "feed", "url": f"http://127.0.0.1:{closed_port()}/"})
    server.routes["/echo/feed.xml"] = Route(rss([]).encode(), RSS)
    sources.append({"id": "echo", "kind": "feed", "url": server.url("/echo/feed.xml")})
    settings = settings_for(sources)
    database = open_database(settings.state_url)
    log = settings.data_dir / "logs" / "crawl.log"
    try:
        first = run_crawl(settings, database, settings.sources)
        assert [o.source_id for o in first.outcomes.values() if o.error] == ["down"]
        before = {sid: (s.etag, s.last_modified) for sid, s in all_states(database).items()}
        opened = spiders_opened(log)

        publish(server, "growing", ["a", "b", "c"])
        # Another source lists the same new page: it is fetched for each, as before.
        echoed = [{"title": "growing c", "link": server.url("/growing/c.html")}]
        server.routes["/echo/feed.xml"] = Route(rss(echoed).encode(), RSS)
        server.routes["/broken/feed.xml"] = Route(b"oops", status=500)
        server.routes["/hostile/feed.xml"] = Route(
            rss(
                [
                    {"title": "hostile a", "link": server.url("/hostile/a.html")},
                    {"title": "hostile b", "link": server.url("/hostile/b.html")},
                    {"title": "piège", "link": "file:///etc/passwd"},
                    {"title": "hostile c", "link": server.url("/hostile/c.html")},
                ]
            ).encode(),
            RSS,
        )
        server.routes["/hostile/c.html"] = Route(article_html("hostile c").encode())
        server.hits.clear()
        events: list[dict[str, Any]] = []
        report = run_crawl(settings, database, settings.sources, on_event=events.append)
        states = all_states(database)
    finally:
        database.dispose()

    # One crawler fetched the six feeds (a crawler per source opened six spiders).
    assert spiders_opened(log) - opened == 1
    finished = sorted(e["source"] for e in events if e["event"] == "source_finished")
    assert finished == ["broken", "down", "echo", "growing", "hostile", "steady"]

    steady, growing, broken, hostile, down, echo = (
        report.outcomes[s] for s in ("steady", "growing", "broken", "hostile", "down", "echo")
    )
    # Unchanged: its own validators sent and kept, nothing fetched but the feed.
    assert steady.not_modified and steady.error is None and steady.new == 0
    assert states["steady"].http_status == {"304": 1}
    assert (states["steady"].etag, states["steady"].last_modified) == before["steady"]
    # Changed: only its new entry fetched and stored (once, by it or by echo, whichever
    # wrote it first), its new validators kept.
    assert (growing.error, growing.new + growing.known) == (None, 3) and growing.known >= 2
    assert (echo.error, echo.found, growing.new + echo.new) == (None, 1, 1)
    assert states["growing"].http_status == states["echo"].http_status == {"200": 2}
    assert states["growing"].etag == server.routes["/growing/feed.xml"].etag != before["growing"][0]
    assert server.hits["/growing/c.html"] == 2 and server.hits["/growing/a.html"] == 0
    # Failing: its error, its failure count and its last good validators, no one else's.
    assert broken.error is not None and "500" in broken.error
    assert states["broken"].consecutive_failures == 1
    assert (states["broken"].etag, states["broken"].last_modified) == before["broken"]
    assert down.error is not None and states["down"].consecutive_failures == 2
    # A refused link is a warning of its own source only; its good new entry is stored.
    assert (hostile.error, hostile.new) == (None, 1)
    assert states["hostile"].warnings[0].startswith("Refused links: 1 link from")
    for other in ("steady", "growing", "broken", "down", "echo"):
        assert not any(w.startswith("Refused links") for w in states[other].warnings)
        assert states[other].last_error is None or other in ("broken", "down")

    stored = Intake(open_database(settings.state_url)).documents()
    counts: dict[str, int] = {}
    for document in stored:
        counts[document.source_id] = counts.get(document.source_id, 0) + 1
    assert counts.pop("growing") + counts.pop("echo", 0) == 3
    assert counts == {"steady": 2, "broken": 2, "hostile": 3}


def test_robots_txt_holds_for_every_feed_of_a_host(server: RouteServer, settings_for) -> None:
    """Many feeds of one host wait together for its robots.txt: each must get its rules
    (Scrapy gave them to the first only; the others were let through)."""

    def robots(_request: Request, _server: RouteServer) -> Route:
        # Slow enough that every feed's request waits for it (none reaches the server
        # before its robots.txt is read, so there is nothing to wait on here but time).
        time.sleep(0.5)
        return Route(b"User-agent: *\nDisallow: /private/\n", "text/plain")

    server.routes["/robots.txt"] = robots
    feeds = ["open", "private/one", "private/two", "private/three", "also-open"]
    for feed in feeds:
        publish(server, feed, ["a"])
    sources = [
        {"id": feed.replace("/", "-"), "kind": "feed", "url": server.url(f"/{feed}/feed.xml")}
        for feed in feeds
    ]
    settings = settings_for(sources, obey_robots=True)
    database = open_database(settings.state_url)
    try:
        report = run_crawl(settings, database, settings.sources)
    finally:
        database.dispose()

    blocked = sorted(s for s, o in report.outcomes.items() if "robots.txt" in (o.error or ""))
    assert blocked == ["private-one", "private-three", "private-two"]
    assert not any(path.startswith("/private/") for path in server.hits)
    assert report.outcomes["open"].new == report.outcomes["also-open"].new == 1
