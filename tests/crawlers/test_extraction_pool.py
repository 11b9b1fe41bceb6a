"""Article extraction in worker processes: a page whose extraction hangs or kills its
worker is noted on its source's health, and the crawl goes on with the other pages.

The hostile page is real HTML that trafilatura takes seconds to read (40,000 small
blocks, 2.4 MB, under the size cap); the workers are found in /proc and killed with
SIGKILL, as the kernel's OOM killer would. About 20 s on 2 loaded cores.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

from myrtille.config.settings import Settings
from myrtille.crawlers.runner import CrawlReport
from myrtille.demo.httpserver import Request, Route, RouteServer
from tests.crawlers.pages import article_html, rss

RSS = "application/rss+xml; charset=utf-8"
SLOW_PATH = "/news/slow.html"
# Seconds of CPU a worker must have spent on one page before the test calls it busy.
BUSY_SECONDS = 0.3
TICKS = os.sysconf("SC_CLK_TCK")


def slow_page(blocks: int = 40_000) -> bytes:
    """Many tiny blocks: trafilatura scores each one, seconds in all (40,000 blocks)."""
    body = "".join(
        f'<div><span>mot {n}</span> <a href="/x{n}">lien</a></div>' for n in range(blocks)
    )
    return f"<!doctype html><html><body>{body}</body></html>".encode()


def serve(server: RouteServer, gate: threading.Event | None = None) -> list[str]:
    """A feed: a good page, the slow one, two good pages (held until ``gate`` opens)."""
    paths = ["/news/0.html", SLOW_PATH, "/news/1.html", "/news/2.html"]
    items = []
    for n, path in enumerate(paths):
        if path == SLOW_PATH:
            server.routes[path] = Route(slow_page())
        else:
            page = Route(article_html(f"Article {n}", event=f"le contrat numéro {n}").encode())
            server.routes[path] = page if gate is None or n == 0 else _held(page, gate)
        items.append(
            {
                "title": f"Article {n}",
                "link": server.url(path),
                "description": f"Résumé de l'article {n}",
                "date": "Sat, 03 Oct 2026 08:15:00 +0200",
            }
        )
    server.routes["/feed.xml"] = Route(rss(items).encode(), RSS)
    return paths


def _held(page: Route, gate: threading.Event) -> Callable[[Request, RouteServer], Route]:
    def answer(request: Request, _server: RouteServer) -> Route:
        gate.wait()
        return page

    return answer  # type: ignore[return-value]


def _stat(pid: int) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def extraction_workers() -> dict[int, float]:
    """Our extraction workers (children of a fork server under this test): CPU seconds."""
    parents: dict[int, int] = {}
    cpu: dict[int, float] = {}
    servers = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        stat = _stat(int(entry.name))
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if stat is None:
            continue
        pid = int(entry.name)
        parents[pid] = int(stat[1])
        cpu[pid] = (int(stat[11]) + int(stat[12])) / TICKS
        if b"multiprocessing.forkserver" in cmdline:
            servers.add(pid)

    def ours(pid: int) -> bool:
        while pid > 1:
            pid = parents.get(pid, 1)
            if pid == os.getpid():
                return True
        return False

    return {pid: cpu[pid] for pid in servers if parents[pid] in servers and ours(pid)}


def wait_for_busy_worker(crawling: threading.Thread, spared: set[int]) -> int | None:
    """The first worker (not in ``spared``) seen spending BUSY_SECONDS of CPU on a page."""
    seen: dict[int, float] = {}
    while crawling.is_alive():
        for pid, spent in extraction_workers().items():
            if pid in spared:
                continue
            seen.setdefault(pid, spent)
            if spent - seen[pid] >= BUSY_SECONDS:
                return pid
        time.sleep(0.05)  # another process's CPU time has no event to wait on
    return None


def crawl_in_thread(
    crawl: Callable[..., CrawlReport], settings: Settings
) -> tuple[threading.Thread, list[CrawlReport]]:
    reports: list[CrawlReport] = []
    thread = threading.Thread(target=lambda: reports.append(crawl(settings)), daemon=True)
    thread.start()
    return thread, reports


def warnings_of(report: CrawlReport) -> str:
    return " | ".join(report.outcomes["eco"].warnings)


def test_a_worker_killed_twice_on_a_page_is_noted_and_the_crawl_goes_on(
    server: RouteServer, settings_for: Callable[..., Settings], crawl: Callable[..., CrawlReport]
) -> None:
    gate = threading.Event()
    paths = serve(server, gate)
    settings = settings_for(
        [{"id": "eco", "kind": "feed", "url": server.url("/feed.xml")}],
        extraction_workers=1,
        timeout="120s",  # the held pages wait for the kills
    )
    crawling, reports = crawl_in_thread(crawl, settings)
    killed: list[int] = []
    try:
        # The slow page is the only one a worker can have (the others are held): its
        # worker is killed; the page is given again, alone, to a new worker, killed too.
        for _ in range(2):
            busy = wait_for_busy_worker(crawling, set(killed))
            assert busy is not None, "the crawl ended before a worker took the slow page"
            maps = Path(f"/proc/{busy}/maps").read_text()
            # A worker loads extraction only, not the crawl process's database or scipy.
            assert "/scipy/" not in maps
            os.kill(busy, signal.SIGKILL)
            killed.append(busy)
    finally:
        gate.set()
    crawling.join()

    report = reports[0]
    outcome = report.outcomes["eco"]
    assert outcome.error is None
    assert "extraction crashed on this page" in warnings_of(report)
    # The pages after it were fetched and extracted by a new worker; the slow one's feed
    # summary stands in for it.
    assert all(server.hits[path] == 1 for path in paths)
    assert outcome.new == len(paths)
    assert "the feed summary was used for 1" in warnings_of(report)
    assert len(killed) == 2


def test_an_extraction_past_its_timeout_is_stopped_and_the_crawl_goes_on(
    server: RouteServer, settings_for: Callable[..., Settings], crawl: Callable[..., CrawlReport]
) -> None:
    paths = serve(server)
    settings = settings_for(
        [{"id": "eco", "kind": "feed", "url": server.url("/feed.xml")}],
        extraction_workers=1,
        extraction_timeout="1s",
    )
    report = crawl(settings)
    outcome = report.outcomes["eco"]
    assert outcome.error is None
    assert "extraction took longer than crawl.extraction_timeout" in warnings_of(report)
    assert all(server.hits[path] == 1 for path in paths)
    assert outcome.new == len(paths)
    assert "the feed summary was used for 1" in warnings_of(report)


def test_in_process_extraction_still_works(
    server: RouteServer, settings_for: Callable[..., Settings], crawl: Callable[..., CrawlReport]
) -> None:
    items = []
    for n in range(3):
        path = f"/news/{n}.html"
        server.routes[path] = Route(article_html(f"Article {n}", event=f"le projet {n}").encode())
        items.append(
            {
                "title": f"Article {n}",
                "link": server.url(path),
                "description": "r",
                "date": "Sat, 03 Oct 2026 08:15:00 +0200",
            }
        )
    server.routes["/feed.xml"] = Route(rss(items).encode(), RSS)
    settings = settings_for(
        [{"id": "eco", "kind": "feed", "url": server.url("/feed.xml")}], extraction_workers=0
    )
    report = crawl(settings)
    assert report.outcomes["eco"].error is None
    assert report.outcomes["eco"].new == 3
    assert not report.outcomes["eco"].warnings
