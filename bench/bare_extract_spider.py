"""The peer of bench/extraction.py: a bare Scrapy spider with our extraction in its callback.

It fetches the planned article pages and calls ``extract_article`` on each answer in its
callback, in the reactor's thread, as a plain Scrapy project would: no feed, no state
database, no item pipeline, no robots.txt. It imports Scrapy and our extraction module
only, so its start-up is theirs.

Usage (internal): ``python bench/bare_extract_spider.py PLAN_JSON`` where the plan holds
``{"settings": {...Scrapy settings...}, "urls": [url, ...]}``; prints one JSON object:
pages extracted, pages that gave no text, errors, and the seconds from spider open to close.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response
from twisted.python.failure import Failure

from myrtille.crawlers.extraction import extract_article


class BareExtractSpider(scrapy.Spider):
    name = "bare-extract"

    def __init__(self, urls: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls = urls
        self.extracted = 0
        self.empty = 0
        self.errors = 0

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.urls:
            yield scrapy.Request(url, callback=self.extract, errback=self.failed)

    def extract(self, response: Response) -> None:
        article = extract_article(response.text, response.url, need_date=False)
        if article is None:
            self.empty += 1
        else:
            self.extracted += 1

    def failed(self, failure: Failure) -> None:
        self.errors += 1


def main(argv: list[str]) -> int:
    plan = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    process = CrawlerProcess(plan["settings"])
    crawler = process.create_crawler(BareExtractSpider)
    times: dict[str, float] = {}

    def opened(spider: scrapy.Spider) -> None:
        times["opened"] = time.perf_counter()

    def closed(spider: scrapy.Spider, reason: str) -> None:
        times["closed"] = time.perf_counter()

    crawler.signals.connect(opened, signal=signals.spider_opened)
    crawler.signals.connect(closed, signal=signals.spider_closed)
    process.crawl(crawler, urls=plan["urls"])
    process.start()
    spider = crawler.spider
    assert isinstance(spider, BareExtractSpider)
    print(
        json.dumps(
            {
                "extracted": spider.extracted,
                "empty": spider.empty,
                "errors": spider.errors,
                "crawl_seconds": times.get("closed", 0.0) - times.get("opened", 0.0),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
