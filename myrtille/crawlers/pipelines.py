"""Scrapy item pipeline: collected documents go into the intake, counted per source.

Documents are written in batches, one transaction each: a write per document (lookups,
a commit) cost more than extracting it. A batch is written when it is full, when its
oldest document has waited ``BATCH_SECONDS``, and when the spider closes (a finished
crawl, or a shutdown signal: Scrapy closes its spiders on SIGTERM and SIGINT). A crash
loses only the batch not yet written, whose URLs were not marked seen either, so the next
crawl fetches them again.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from sqlalchemy.exc import SQLAlchemyError

from myrtille.crawlers.progress import ProgressEvents
from myrtille.pipeline.document import CollectedDocument

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

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IntakePipeline:
        return cls(crawler)

    def process_item(self, item: CollectedDocument) -> CollectedDocument:
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
        run = spider.run
        try:
            results = spider.intake.add_many(batch)
        except SQLAlchemyError as exc:
            # Not marked seen either: the next crawl collects these documents again.
            run.fail(
                f"could not store {len(batch)} document(s) in the intake ({type(exc).__name__}: "
                f"{str(exc).splitlines()[0][:200]})"
            )
            logger.error("intake write failed for %d document(s): %s", len(batch), exc)
            return
        for item, result in zip(batch, results, strict=True):
            if result.outcome == "new":
                run.new += 1
            elif result.outcome == "duplicate":
                run.duplicates += 1
            else:
                run.known += 1
            self.events.emit(
                "document", source=spider.source.id, outcome=result.outcome, title=item.title[:120]
            )
