"""Scrapy item pipeline: collected documents go into the intake, counted per source.

Documents are written in batches, one transaction each: a write per document (lookups,
a commit) cost more than extracting it. A batch is written when it is full, when its
oldest document has waited ``BATCH_SECONDS``, and when the spider closes (a finished
crawl, or a shutdown signal: Scrapy closes its spiders on SIGTERM and SIGINT). A crash
loses only the batch not yet written, whose URLs were not marked seen either, so the next
crawl fetches them again.

Every document is kept within the crawl's text limits before it is queued. A document the
intake cannot store, whatever the reason (a database error, a MemoryError, text the
database refuses), makes the source's crawl an error: a lost item is never a success.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from myrtille.crawlers.progress import ProgressEvents
from myrtille.crawlers.signals import INTAKE_FLUSH
from myrtille.pipeline.document import CollectedDocument
from myrtille.pipeline.intake import AddResult
from myrtille.store import health_texts

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.internet.interfaces import IDelayedCall

    from myrtille.crawlers.spiders.base import SourceSpider

logger = logging.getLogger(__name__)
BATCH_SIZE = 50
BATCH_SECONDS = 1.0


class IntakePipeline:
    """Writes documents to the intake in batches (idempotent) and keeps the source's
    counters, which count only what was written."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.events = ProgressEvents.current()
        self.pending: list[CollectedDocument] = []
        self._timer: IDelayedCall | None = None
        crawler.signals.connect(self.flush, signal=INTAKE_FLUSH)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IntakePipeline:
        return cls(crawler)

    def process_item(self, item: CollectedDocument) -> CollectedDocument:
        spider = cast("SourceSpider", self.crawler.spider).for_source(item.source_id)
        item = item.capped(spider.limits)
        self.pending.append(item)
        if len(self.pending) >= BATCH_SIZE:
            self.flush()
        elif self._timer is None:
            from twisted.internet import reactor

            self._timer = reactor.callLater(BATCH_SECONDS, self._timer_fired)  # type: ignore[attr-defined]
        return item

    def close_spider(self) -> None:
        self.flush()

    def _timer_fired(self) -> None:
        self._timer = None
        self.flush()

    def flush(self) -> None:
        """Write the pending documents in one transaction and count their outcomes."""
        if self._timer is not None:
            if self._timer.active():
                self._timer.cancel()
            self._timer = None
        batch, self.pending = self.pending, []
        if not batch:
            return
        spider = cast("SourceSpider", self.crawler.spider)
        stored = self._write(spider, batch)
        for item, result in stored:
            run = spider.for_source(item.source_id).run
            if result.outcome == "new":
                run.new += 1
            elif result.outcome == "duplicate":
                run.duplicates += 1
            elif result.outcome == "refused":
                # The intake's URL rule (not http(s)): seen on the source's health.
                refused = health_texts.said(
                    "not_stored", url=item.url[:200], reason=str(result.reason)
                )
                run.warn(health_texts.stored(refused))
            else:
                run.known += 1
            self.events.emit(
                "document", source=item.source_id, outcome=result.outcome, title=item.title[:120]
            )

    def _write(
        self, spider: SourceSpider, batch: list[CollectedDocument]
    ) -> list[tuple[CollectedDocument, AddResult]]:
        """The batch in one transaction; if it fails, each document alone, so that one
        document the intake refuses loses only itself. The refused ones fail the run."""
        try:
            return list(zip(batch, spider.intake.add_many(batch), strict=True))
        except Exception as exc:  # any failure (MemoryError too) is reported on the source
            if len(batch) == 1:
                self._lost(spider, batch, [(batch[0], exc)])
                return []
            logger.warning("intake batch of %d failed (%r); writing one by one", len(batch), exc)
        stored: list[tuple[CollectedDocument, AddResult]] = []
        refused: list[tuple[CollectedDocument, Exception]] = []
        for item in batch:
            try:
                stored.append((item, spider.intake.add(item)))
            except Exception as exc:  # reported on the source below
                refused.append((item, exc))
        if refused:
            self._lost(spider, batch, refused)
        return stored

    @staticmethod
    def _lost(
        spider: SourceSpider,
        batch: list[CollectedDocument],
        refused: list[tuple[CollectedDocument, Exception]],
    ) -> None:
        # Not marked seen either: the next crawl collects these documents again. Each
        # source (one crawler may hold several) is told of its own documents.
        for source_id in dict.fromkeys(item.source_id for item, _ in refused):
            own = [(item, exc) for item, exc in refused if item.source_id == source_id]
            item, exc = own[0]
            reason = (str(exc).splitlines() or [""])[0][:200]
            error = f"{type(exc).__name__}{': ' + reason if reason else ''}"
            total = sum(1 for queued in batch if queued.source_id == source_id)
            lost = health_texts.said(
                "intake_lost", n=len(own), total=total, url=item.url[:300], error=error
            )
            spider.for_source(source_id).run.fail(health_texts.stored(lost))
        for lost_item, failure in refused:
            logger.error("intake could not store %s: %r", lost_item.url, failure)
