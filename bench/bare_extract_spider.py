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
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import scrapy

# Run as a script, bench/ is on the path: the crawl-and-time loop is the repoll peer's.
from bare_spider import crawl_timed
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
    spider, seconds = crawl_timed(BareExtractSpider, plan["settings"], urls=plan["urls"])
    print(
        json.dumps(
            {
                "extracted": spider.extracted,
                "empty": spider.empty,
                "errors": spider.errors,
                "crawl_seconds": seconds,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
