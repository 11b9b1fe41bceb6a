"""The baseline of bench/repoll.py: a bare Scrapy spider in its own process.

It sends the planned conditional GETs (If-None-Match / If-Modified-Since) and does nothing
with the answers but count their statuses: no state database, no feed parsing, no item
pipeline, no robots.txt. It imports only Scrapy, so its start-up is Scrapy's own.

Usage (internal): ``python bench/bare_spider.py PLAN_JSON`` where the plan holds
``{"settings": {...Scrapy settings...}, "requests": [[url, etag, last_modified], ...]}``;
prints one JSON object: statuses, errors and the seconds from spider open to close.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, TypeVar

import scrapy
from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response
from twisted.python.failure import Failure


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, plan: list[list[str]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.plan = plan
        self.statuses: Counter[str] = Counter()
        self.errors = 0

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url, etag, modified in self.plan:
            yield scrapy.Request(
                url,
                headers={"If-None-Match": etag, "If-Modified-Since": modified},
                callback=self.answered,
                errback=self.failed,
                dont_filter=True,
                meta={"handle_httpstatus_list": [304, *range(400, 600)]},
            )

    def answered(self, response: Response) -> None:
        self.statuses[str(response.status)] += 1

    def failed(self, failure: Failure) -> None:
        self.errors += 1


S = TypeVar("S", bound=scrapy.Spider)


def crawl_timed(
    spider_class: type[S], settings: dict[str, Any], **arguments: Any
) -> tuple[S, float]:
    """One crawl of ``spider_class`` in this process: the spider as it closed, and the
    seconds from its opening to its closing (the process's start-up left out). Shared by
    the bare peers of bench/repoll.py and bench/extraction.py."""
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider_class)
    times: dict[str, float] = {}

    def opened(spider: scrapy.Spider) -> None:
        times["opened"] = time.perf_counter()

    def closed(spider: scrapy.Spider, reason: str) -> None:
        times["closed"] = time.perf_counter()

    crawler.signals.connect(opened, signal=signals.spider_opened)
    crawler.signals.connect(closed, signal=signals.spider_closed)
    process.crawl(crawler, **arguments)
    process.start()
    spider = crawler.spider
    assert isinstance(spider, spider_class)
    return spider, times.get("closed", 0.0) - times.get("opened", 0.0)


def main(argv: list[str]) -> int:
    plan = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    spider, seconds = crawl_timed(BareSpider, plan["settings"], plan=plan["requests"])
    print(
        json.dumps(
            {"statuses": dict(spider.statuses), "errors": spider.errors, "crawl_seconds": seconds}
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
