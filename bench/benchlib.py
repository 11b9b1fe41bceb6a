"""What both benchmarks share: crawl settings without politeness delays, a timed crawl
through the real entry point, the fixed cost of a crawl, and the final report."""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from myrtille.config.loading import load_settings
from myrtille.config.settings import Settings
from myrtille.config.sources import SourceBase
from myrtille.crawlers.runner import CrawlReport, run_crawl
from myrtille.demo.httpserver import Route, RouteServer
from myrtille.store.database import open_database

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/x.py` puts bench/, not the repo, on the path
    sys.path.insert(0, str(ROOT))

from tests.crawlers.pages import rss  # noqa: E402

RSS = "application/rss+xml; charset=utf-8"
# The benchmark measures our code, not politeness: no throttling, no retries, no
# robots.txt, and the highest concurrency the settings allow.
CRAWL: dict[str, Any] = {
    "autothrottle": False,
    "retries": 0,
    "obey_robots": False,
    "concurrency": 32,
    "concurrency_per_domain": 32,
    "timeout": "30s",
}
EMPTY_FEED_PATH = "/bench/empty.xml"


def make_settings(data_dir: Path, sources: list[dict[str, Any]]) -> Settings:
    return load_settings(
        None,
        env={},
        overrides={"data_dir": str(data_dir), "sources": sources, "crawl": CRAWL},
    )


@dataclass
class CrawlTiming:
    """One crawl through ``run_crawl``, with the times its progress events arrived."""

    seconds: float
    report: CrawlReport
    # Seconds from the start until the child announced its first source: its start-up.
    first_started_seconds: float | None = None
    events: dict[str, int] = field(default_factory=dict)


def timed_crawl(settings: Settings, sources: Sequence[SourceBase] | None = None) -> CrawlTiming:
    """Crawl ``sources`` (default: all) as `myrtille crawl` does, in a child process."""
    chosen = list(sources if sources is not None else settings.sources)
    database = open_database(settings.state_url)
    first_started: list[float] = []
    counts: dict[str, int] = {}

    def on_event(event: dict[str, Any]) -> None:
        name = str(event.get("event"))
        counts[name] = counts.get(name, 0) + 1
        if name == "source_started" and not first_started:
            first_started.append(time.perf_counter())

    try:
        start = time.perf_counter()
        report = run_crawl(settings, database, chosen, on_event=on_event)
        seconds = time.perf_counter() - start
    finally:
        database.dispose()
    started = first_started[0] - start if first_started else None
    return CrawlTiming(seconds, report, started, counts)


def serve_empty_feed(server: RouteServer) -> str:
    server.routes[EMPTY_FEED_PATH] = Route(rss([]).encode(), RSS)
    return server.url(EMPTY_FEED_PATH)


def fixed_cost(server: RouteServer) -> float:
    """Wall time of a crawl of one feed with no entries, in a fresh data directory:
    child start-up, imports, state database, one request. Every crawl pays it once."""
    url = serve_empty_feed(server)
    with tempfile.TemporaryDirectory(prefix="myrtille-bench-") as tmp:
        settings = make_settings(Path(tmp), [{"id": "empty", "kind": "feed", "url": url}])
        timing = timed_crawl(settings)
    outcome = timing.report.outcomes["empty"]
    if outcome.error:
        raise SystemExit(f"the empty-feed crawl failed: {outcome.error}")
    return timing.seconds


def rfc822(seconds: float) -> str:
    """An RSS pubDate ``seconds`` after 2026-10-01 00:00 UTC."""
    from datetime import UTC, datetime, timedelta

    return format_datetime(datetime(2026, 10, 1, tzinfo=UTC) + timedelta(seconds=seconds))


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def report(results: dict[str, Any], *, as_json: bool) -> None:
    """The final block: ``name: value`` lines, or one JSON object with ``--json``."""
    if as_json:
        print(json.dumps(results, sort_keys=False))
        return
    print("\n== results ==")
    for name, value in results.items():
        shown = f"{value:.3f}" if isinstance(value, float) else value
        print(f"{name}: {shown}")


def check(checks: dict[str, bool]) -> bool:
    """Print each check; True when all passed."""
    for name, passed in checks.items():
        print(f"check {'ok  ' if passed else 'FAIL'} {name}", file=sys.stderr)
    return all(checks.values())


def log(message: str) -> None:
    """Progress goes to stderr so that ``--json`` output stays one object on stdout."""
    print(message, file=sys.stderr, flush=True)
