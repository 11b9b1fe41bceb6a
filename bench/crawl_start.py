"""What one small crawl costs `myrtille run`: through the crawl child kept warm, against a
one-shot crawl child (``run_crawl``, what the service started for each crawl before).

One feed on a local server gets one new article before each crawl, as a news site between
two polls; the crawls alternate, warm child then one-shot child, ``--rounds`` times each,
in one data directory. The warm child serves one crawl first (its start, as the service's
first poll pays it). Reported: median seconds from asking for the crawl to its report,
and ``ratio`` = one-shot ÷ warm. Checks: every crawl stored its one new article, no error.

    .venv/bin/python bench/crawl_start.py [--rounds 5] [--workers N] [--json]

``--workers`` sets ``crawl.extraction_workers`` (default: the setting's default).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time

import benchlib

from myrtille.config.loading import load_settings
from myrtille.crawlers.resident import ResidentCrawler
from myrtille.crawlers.runner import CrawlReport, run_crawl
from myrtille.demo.httpserver import Route, RouteServer
from myrtille.store.database import open_database
from tests.crawlers.pages import article_html, rss


def publish(server: RouteServer, count: int) -> None:
    """The feed with ``count`` articles, each a page of its own."""
    items = []
    for n in range(count):
        path = f"/news/{n}.html"
        page = article_html(f"Article {n}", name=f"Société {n}", event=f"un contrat n° {n}")
        server.routes[path] = Route(page.encode())
        items.append({"title": f"Article {n}", "link": server.url(path), "description": "r"})
    server.routes["/feed.xml"] = Route(rss(items).encode(), benchlib.RSS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    times: dict[str, list[float]] = {"warm": [], "one_shot": []}
    reports: list[CrawlReport] = []
    crawl = {**benchlib.CRAWL, "extraction_workers": args.workers}
    with tempfile.TemporaryDirectory(prefix="myrtille-bench-") as tmp, RouteServer() as server:
        articles = 3
        publish(server, articles)
        settings = load_settings(
            None,
            env={},
            overrides={
                "data_dir": tmp,
                "sources": [{"id": "news", "kind": "feed", "url": server.url("/feed.xml")}],
                "crawl": crawl,
            },
        )
        database = open_database(settings.state_url)
        warm = ResidentCrawler(settings, database)
        try:
            start = time.perf_counter()
            first = warm.crawl(settings.sources)
            first_seconds = time.perf_counter() - start
            for _ in range(args.rounds):
                for name in ("warm", "one_shot"):
                    articles += 1
                    publish(server, articles)
                    start = time.perf_counter()
                    if name == "warm":
                        report = warm.crawl(settings.sources)
                    else:
                        report = run_crawl(settings, database, settings.sources)
                    times[name].append(time.perf_counter() - start)
                    reports.append(report)
                    benchlib.log(f"{name}: {times[name][-1]:.2f} s")
        finally:
            warm.close()
            database.dispose()
    warm_s, one_shot_s = benchlib.median(times["warm"]), benchlib.median(times["one_shot"])
    results = {
        "rounds": args.rounds,
        "extraction_workers": args.workers,
        "first_warm_crawl_seconds": round(first_seconds, 3),  # its start included
        "warm_seconds": round(warm_s, 3),
        "one_shot_seconds": round(one_shot_s, 3),
        "ratio": round(one_shot_s / warm_s, 2),
    }
    passed = benchlib.check(
        {
            "every crawl stored its one new article": all(
                r.outcomes["news"].new == 1 for r in reports
            ),
            "no crawl failed": not any(r.failed for r in reports) and not first.failed,
        }
    )
    benchlib.report(results, as_json=args.json)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
