"""The scheduled jobs, as module-level functions taking only the settings as a JSON string,
so that the persistent job store can serialise them.

Each job catches and logs its own exceptions: one failing run never stops the scheduler or
the other jobs. A storage problem (locked database, full disk, I/O error) is recorded in
the service's health and makes the job wait longer before each new try (``health.py``).
What a job needs (database, index, channels, the processing stage with its
spaCy models) is built once per settings and kept for the life of the process.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, wraps
from pathlib import Path
from typing import Any, TypeVar

from myrtille.config.settings import Settings
from myrtille.index.base import IndexBackend
from myrtille.service.handoff import Handoff
from myrtille.store.database import Database, open_database
from myrtille.store.health import ServiceHealth, health_of
from myrtille.store.schema import utcnow

log = logging.getLogger("myrtille.service")
F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Context:
    """What the jobs share for one settings: opened once, kept for the process's life."""

    settings: Settings
    database: Database
    index: IndexBackend
    # Wakes processing after a crawl, and dispatch after processing (handoff.py).
    handoff: Handoff
    lock: threading.Lock = field(default_factory=threading.Lock)
    _stage: Any = None
    _channels: dict[str, Any] | None = None
    _crawler: Any = None

    def stage(self) -> Any:
        """The processing stage; the spaCy models load on first use, once."""
        with self.lock:
            if self._stage is None:
                from myrtille.service.processing import ProcessingStage

                self._stage = ProcessingStage(self.settings, self.database, index=self.index)
            return self._stage

    def crawler(self) -> Any:
        """The crawl child kept warm for this service (started at its first crawl)."""
        with self.lock:
            if self._crawler is None:
                from myrtille.crawlers.resident import ResidentCrawler

                self._crawler = ResidentCrawler(self.settings, self.database)
            return self._crawler

    def channels(self) -> dict[str, Any]:
        with self.lock:
            if self._channels is None:
                from myrtille.alerts.channels import CHANNELS

                self._channels = CHANNELS.build(self.settings)
            return self._channels


_contexts: dict[str, Context] = {}
_contexts_lock = threading.Lock()


def context(settings_json: str) -> Context:
    with _contexts_lock:
        found = _contexts.get(settings_json)
        if found is None:
            from myrtille.index.factory import open_index

            settings = Settings.model_validate_json(settings_json)
            database = open_database(settings.state_url)
            found = Context(settings, database, open_index(settings), Handoff(database))
            _contexts[settings_json] = found
        return found


def close_all() -> None:
    """Close what the jobs opened (after the scheduler has stopped)."""
    with _contexts_lock:
        for ctx in _contexts.values():
            try:
                if ctx._crawler is not None:
                    ctx._crawler.close()
                ctx.index.close()
                ctx.database.dispose()
            except Exception:
                log.exception("closing the service's resources failed")
        _contexts.clear()


@lru_cache(maxsize=16)
def _data_dir(settings_json: str) -> Path:
    return Path(json.loads(settings_json)["data_dir"])


def health(settings_json: str) -> ServiceHealth:
    """The health record of the installation these settings describe."""
    return health_of(_data_dir(settings_json))


def service_job(func: F) -> F:
    """A scheduled job: its failure is logged and the scheduler goes on; a storage
    problem is recorded and backed off from (the job skips its runs until its
    ``retry_at``); its next success clears the problem."""

    @wraps(func)
    def wrapper(settings_json: str, *args: Any) -> Any:
        name = "-".join([func.__name__, *map(str, args)])
        record = health(settings_json)
        if record.waiting(name) is not None:
            return None
        try:
            result = func(settings_json, *args)
        except Exception as exc:
            problem = record.failed(name, exc)
            if problem is None:
                log.exception("job %s failed; it will run again at its next time", name)
            else:
                log.error(
                    "job %s: %s (%s, %d in a row); next try after %s",
                    name,
                    problem.kind,
                    problem.message,
                    problem.failures,
                    problem.retry_at.isoformat(timespec="seconds"),
                )
            return None
        if record.succeeded(name):
            log.warning("job %s works again", name)
        return result

    return wrapper  # type: ignore[return-value]


@service_job
def crawl(settings_json: str) -> None:
    """Crawl the sources that are due, then ask to run again when the next source falls
    due, if that comes before the job's own interval."""
    from myrtille.crawlers.runner import next_due

    ctx = context(settings_json)
    ctx.handoff.started("crawl")
    _crawl_due(ctx)
    at = next_due(ctx.settings, ctx.database)
    if at is not None:
        wait = (at - utcnow()).total_seconds()
        if 0 < wait < ctx.settings.service.crawl_interval.total_seconds():
            ctx.handoff.wake_in("crawl", wait)


def _crawl_due(ctx: Context) -> None:
    """Crawl the sources that are due (each source's own ``interval``), through the crawl
    child kept warm; a source another worker is crawling is left to it (one lock per
    source)."""
    from myrtille.crawlers.runner import select_sources
    from myrtille.service.locks import claimed_sources

    due = select_sources(ctx.settings, ctx.database, [], ignore_schedule=False)
    if not due:
        return

    def on_event(event: dict[str, Any]) -> None:
        # The child reports each source once its documents are committed: processing
        # may start on them while other sources are still being crawled.
        if event.get("event") == "source_finished" and event.get("new"):
            ctx.handoff.announce("process")

    with claimed_sources(ctx.settings, ctx.database, due) as sources:
        if not sources:
            return
        report = ctx.crawler().crawl(sources, on_event=on_event)
    log.info(
        "crawl: %d source(s), %d new document(s), %d failed",
        len(sources),
        report.new,
        len(report.failed),
    )


@service_job
def process(settings_json: str) -> None:
    """Enrich and index pending documents (a bounded number per run)."""
    ctx = context(settings_json)
    ctx.handoff.started("process")
    queued = 0

    def on_batch(report: Any) -> None:
        # The batch and its outbox rows are committed: the dispatcher can send them now.
        nonlocal queued
        if report.alerts_queued > queued:
            queued = report.alerts_queued
            ctx.handoff.announce("dispatch")

    report = ctx.stage().run(limit=ctx.settings.service.process_limit, on_batch=on_batch)
    if report.processed or report.failed:
        log.info(
            "process: %d processed, %d failed, %d alert(s) queued",
            report.processed,
            report.failed,
            report.alerts_queued,
        )


@service_job
def dispatch(settings_json: str) -> None:
    """Send the due deliveries (retries included)."""
    from myrtille.alerts.dispatcher import Dispatcher

    ctx = context(settings_json)
    ctx.handoff.started("dispatch")
    report = Dispatcher(ctx.settings, ctx.database, ctx.index, ctx.channels()).run(
        ctx.settings.service.dispatch_limit
    )
    if report.sent or report.retried or report.failed:
        log.info(
            "dispatch: %d sent, %d to retry, %d failed", report.sent, report.retried, report.failed
        )


@service_job
def digest(settings_json: str, frequency: str) -> None:
    """Send the digests that are due; the builder knows who is due (once per slot)."""
    from myrtille.alerts.channels.email import EmailChannel
    from myrtille.alerts.digests import DigestBuilder

    ctx = context(settings_json)
    # Digests are email's own: its instance among the built channels.
    email = next(c for c in ctx.channels().values() if isinstance(c, EmailChannel))
    with email.digest_run():
        report = DigestBuilder(
            ctx.settings,
            ctx.database,
            ctx.index,
            email.send_digest,
            parallel=ctx.settings.email.smtp_connections,
        ).run(
            frequency  # type: ignore[arg-type]
        )
    if report.sent or report.failed:
        log.info("digest %s: %d sent, %d failed", frequency, report.sent, report.failed)


@service_job
def housekeeping(settings_json: str) -> None:
    """Prune sent deliveries, delete documents past their retention, compact the index;
    give stale intake claims back."""
    from myrtille.pipeline.intake import Intake
    from myrtille.service.processing import STALE_CLAIM
    from myrtille.service.retention import housekeep

    ctx = context(settings_json)
    report = housekeep(ctx.settings, ctx.database, ctx.index)
    released = Intake(ctx.database, ctx.settings.dedup).release_stale(STALE_CLAIM)
    log.info(
        "housekeeping: %d sent deliveries pruned; %d documents past retention deleted "
        "(%d from the index, %d stories, %d seen URLs); %d stale claims released",
        report.deliveries_pruned,
        report.documents_deleted,
        report.indexed_deleted,
        report.clusters_deleted,
        report.seen_urls_pruned,
        released,
    )
