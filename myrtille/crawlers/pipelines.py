"""Scrapy item pipeline: collected documents go into the intake, counted per source."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from scrapy.exceptions import DropItem
from sqlalchemy.exc import SQLAlchemyError

from myrtille.crawlers.progress import ProgressEvents
from myrtille.pipeline.document import CollectedDocument

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from myrtille.crawlers.spiders.base import SourceSpider


class IntakePipeline:
    """Writes each document to the intake (idempotent) and keeps the source's counters."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.events = ProgressEvents.current()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IntakePipeline:
        return cls(crawler)

    def process_item(self, item: CollectedDocument) -> CollectedDocument:
        spider = cast("SourceSpider", self.crawler.spider)
        run = spider.run
        try:
            result = spider.intake.add(item)
        except SQLAlchemyError as exc:
            run.fail(
                f"could not store a document in the intake ({type(exc).__name__}: "
                f"{str(exc).splitlines()[0][:200]})"
            )
            raise DropItem(f"intake write failed for {item.url}") from exc
        if result.outcome == "new":
            run.new += 1
        elif result.outcome == "duplicate":
            run.duplicates += 1
        else:
            run.known += 1
        self.events.emit(
            "document", source=spider.source.id, outcome=result.outcome, title=item.title[:120]
        )
        return item
