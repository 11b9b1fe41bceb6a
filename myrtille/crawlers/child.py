"""The crawl child process: one Scrapy reactor, one run, then exit.

Scrapy's Twisted reactor cannot be restarted in a process, and long crawls let memory
creep; so each crawl runs here, in a fresh process started by ``runner.run_crawl``.
Usage (internal): ``python -m myrtille.crawlers.child SETTINGS_JSON SOURCE_ID…``, or
``python -m myrtille.crawlers.child --resident`` for the child a service keeps warm, which
forks such a process for each crawl (``resident``).
"""

from __future__ import annotations

import gc
import sys
from functools import partial
from pathlib import Path

from myrtille.config.settings import Settings
from myrtille.config.sources import SourceBase
from myrtille.crawlers.extraction_pool import ExtractionPool
from myrtille.crawlers.health import SourceRun, mark_attempts, record_run
from myrtille.crawlers.outcomes import announce, finish_runs, note_internal_error
from myrtille.crawlers.progress import ProgressEvents
from myrtille.crawlers.scrapy_settings import scrapy_settings
from myrtille.crawlers.urlguard import operator_urls
from myrtille.pipeline.document import TextLimits
from myrtille.pipeline.intake import Intake
from myrtille.store.database import Database
from myrtille.store.health_texts import said, stored


def crawl(settings: Settings, source_ids: list[str], events: ProgressEvents) -> int:
    # Shared by the crawlers; its workers start with the first article page asked for.
    pool = ExtractionPool.from_settings(settings.crawl)
    # Imported here, a few frames deep: its deprecation shims walk the stack (inspect),
    # which costs 0.2-0.3 s of CPU when Scrapy imports it from under the reactor.
    import scrapy.core.downloader.handlers.http11  # noqa: F401
    from scrapy.crawler import CrawlerProcess
    from twisted.internet.defer import Deferred, DeferredSemaphore

    from myrtille.crawlers.spiders import SPIDERS
    from myrtille.crawlers.spiders.feedset import FeedSetSpider

    # The process that started us (``run_crawl``'s caller) opened and migrated the database:
    # migrating again here would only add Alembic's start-up to every crawl.
    database = Database(settings.state_url)
    intake = Intake(database, settings.dedup)
    log_dir = settings.data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    # Looked up once: Settings.source reads the list, a thousand sources a thousand times.
    by_id = {source.id: source for source in settings.sources}
    chosen = [by_id[s] if s in by_id else settings.source(s) for s in source_ids]
    written = [url for source in chosen for url in operator_urls(source)]
    process = CrawlerProcess(
        scrapy_settings(settings.crawl, log_dir / "crawl.log", written, extraction_pool=pool)
    )
    timeout = settings.crawl.timeout.total_seconds()
    limits = TextLimits.from_settings(settings.crawl)
    handlers = []  # Scrapy keeps weak references to signal handlers: hold them here.
    # Every source of the run marked as attempted and its validators read in one
    # transaction; its outcome is written when it ends (with other feeds': finish_runs).
    states = mark_attempts(database, {source.id: source.kind for source in chosen})

    def start_one(source: SourceBase) -> Deferred[None]:
        run = SourceRun(source_id=source.id, kind=source.kind, interval=source.interval)
        extra = {"max_size": settings.crawl.max_size} if source.kind == "sitemap" else {}
        crawler = process.create_crawler(SPIDERS[source.kind])
        handlers.append(_closer(database, run, events))
        crawler.signals.connect(handlers[-1], signal=_spider_closed())
        handlers.append(_error_recorder(run))
        for signal in _error_signals():
            crawler.signals.connect(handlers[-1], signal=signal)
        events.emit("source_started", source=source.id)
        return process.crawl(
            crawler,
            source=source,
            intake=intake,
            run=run,
            state=states.get(source.id),
            timeout=timeout,
            limits=limits,
            **extra,
        )

    # The feeds share one crawler (feedset): a crawler per source cost more than fetching.
    feeds = [source for source in chosen if source.kind == "feed"]
    if feeds:
        members = [
            SPIDERS["feed"](
                source=source,
                intake=intake,
                run=SourceRun(source_id=source.id, kind=source.kind, interval=source.interval),
                state=states.get(source.id),
                timeout=timeout,
                limits=limits,
            )
            for source in feeds
        ]
        process.crawl(
            FeedSetSpider,
            members=members,
            finish=partial(finish_runs, database, events),
            # As many requests at once as that many sources had with a crawler each.
            concurrency=settings.crawl.concurrency
            * min(settings.crawl.parallel_sources, len(feeds)),
        )
    # One crawler per other source, but only so many at once: many sources must not mean
    # as many simultaneous connections. The next source starts as soon as one finishes.
    slots = DeferredSemaphore(settings.crawl.parallel_sources)
    for source in chosen:
        if source.kind != "feed":
            slots.run(start_one, source)
    # What the imports built stays out of the collector's sight during the crawl (as in a
    # resident child's crawls): 0.1-0.2 s of CPU in a crawl of 680 pages.
    gc.freeze()
    try:
        process.start()
    finally:
        pool.close()
    return 0


def _spider_closed() -> object:
    from scrapy import signals

    return signals.spider_closed


def _error_signals() -> tuple[object, ...]:
    from scrapy import signals

    return (signals.spider_error, signals.item_error)


def _error_recorder(run: SourceRun):  # type: ignore[no-untyped-def]
    """An exception in a spider callback or an item pipeline loses what it was handling;
    Scrapy only logs it, so the source's crawl becomes an error here."""

    def recorded(failure: object, response: object = None, **_: object) -> None:
        note_internal_error(run, failure, response)

    return recorded


def _closer(database: object, run: SourceRun, events: ProgressEvents):  # type: ignore[no-untyped-def]
    def closed(spider: object, reason: str) -> None:
        if reason not in ("finished", "closespider_timeout") and run.error is None:
            run.fail(stored(said("stopped_early", reason=reason)))
        record_run(database, run)  # type: ignore[arg-type]
        announce(events, run)

    return closed


def _stop_with_parent() -> None:
    """Linux: ask for SIGTERM (Scrapy's graceful stop) when the process that started us
    dies, e.g. a ``myrtille run`` killed with -9, so that no orphaned crawl goes on
    beside the one its restart starts."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import os
    import signal

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
    if os.getppid() == 1:  # the parent died while we started: init adopted us
        sys.exit(1)


def _preload() -> None:
    """Import what every crawl uses (Scrapy, its default components, the spiders,
    extraction) without installing a reactor: a forked crawl starts with all of it."""
    from scrapy.crawler import CrawlerProcess  # noqa: F401
    from scrapy.settings import Settings as ScrapySettings
    from scrapy.utils.misc import load_object

    from myrtille.crawlers.spiders import SPIDERS  # noqa: F401

    defaults = ScrapySettings()
    paths = [p for key in _COMPONENT_LISTS for p in defaults.getdict(key)]
    paths += [p for p in defaults.getdict("DOWNLOAD_HANDLERS_BASE").values() if p]
    paths += [defaults[key] for key in _COMPONENTS if defaults.get(key)]
    for path in paths:
        load_object(path)
    if "twisted.internet.reactor" in sys.modules:  # each crawl installs its own
        raise RuntimeError("preloading the crawl installed a Twisted reactor")


# Scrapy's default component settings: lists of import paths, and single ones.
_COMPONENT_LISTS = ("DOWNLOADER_MIDDLEWARES_BASE", "SPIDER_MIDDLEWARES_BASE", "EXTENSIONS_BASE")
_COMPONENTS = (
    "SCHEDULER",
    "SCHEDULER_PRIORITY_QUEUE",
    "SCHEDULER_MEMORY_QUEUE",
    "SCHEDULER_DISK_QUEUE",
    "DUPEFILTER_CLASS",
    "STATS_CLASS",
    "LOG_FORMATTER",
    "REQUEST_FINGERPRINTER_CLASS",
    "DOWNLOADER",
    "ROBOTSTXT_PARSER",
)


def resident() -> int:
    """The crawl child kept warm (``crawlers/resident.py`` starts it): Python, Scrapy and
    the settings are loaded once, then each crawl asked for on stdin runs in a process
    forked from here, exactly as a one-shot child would run it, with a fresh reactor.

    stdin: the settings (one JSON line), then one ``{"sources": [...]}`` line per crawl;
    end of input stops it. stdout, per crawl: ``{"event": "crawl_accepted"}``, the crawl's
    progress events, then ``{"event": "crawl_ended", "exit_code": N}`` (negative: killed
    by that signal)."""
    import gc
    import json
    import os
    import signal

    from myrtille.crawlers import fork_server

    _stop_with_parent()
    # The service stops us by closing stdin; a Ctrl-C meant for it is not for us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    channel = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)  # a stray print must not corrupt the events
    _preload()
    first = sys.stdin.readline()
    if not first:
        return 0
    settings = Settings.model_validate_json(first)
    for line in sys.stdin:
        sources = json.loads(line)["sources"]
        # Said before forking: a request we die on is then known to have been taken.
        channel.write(json.dumps({"event": "crawl_accepted"}) + "\n")
        # Out of the collector's sight, our objects' pages stay shared with the crawl
        # (203 MB instead of 220 MB proportional set for the two during a crawl).
        gc.freeze()
        # The extraction workers' fork server, started (again, if it died) before the fork.
        server = fork_server.start(settings.crawl)
        pid = os.fork()
        if pid == 0:
            # The crawl: it leaves by returning (sys.exit: exit handlers and flushes run).
            signal.signal(signal.SIGINT, signal.default_int_handler)
            devnull = os.open(os.devnull, os.O_RDONLY)
            os.dup2(devnull, 0)
            os.dup2(channel.fileno(), 1)
            fork_server.adopt()
            return main_crawl(settings, sources)
        _, status = os.waitpid(pid, 0)
        if server is not None:
            fork_server.end_left_workers(server)
        ended = {"event": "crawl_ended", "exit_code": os.waitstatus_to_exitcode(status)}
        channel.write(json.dumps(ended) + "\n")
    return 0


def main_crawl(settings: Settings, source_ids: list[str]) -> int:
    _stop_with_parent()
    events = ProgressEvents.attach_stdout()
    return crawl(settings, source_ids, events)


def main(argv: list[str]) -> int:
    if argv == ["--resident"]:
        return resident()
    settings = Settings.model_validate_json(Path(argv[0]).read_text(encoding="utf-8"))
    return main_crawl(settings, argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
