"""Signs of progress for the stall watchdog (crawlers/watchdog.py), a Scrapy extension.

A crawl sends an event for each source started and finished and each document stored;
between them it may fetch for minutes pages that give nothing to store (known, not
HTML, refused, failing). Each request that leaves the downloader (answered or failed)
and each answer handed to a spider is progress, and at most one ``progress`` event per
PROGRESS_SECONDS goes up the pipe for all of them. A crawl waiting on something that
never ends (a page's extraction never answered) makes none, and is stopped.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, ClassVar

from scrapy import signals

from myrtille.crawlers.progress import ProgressEvents

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

PROGRESS = "progress"
PROGRESS_SECONDS = 5.0


class ProgressBeacon:
    # Shared by the crawlers of one crawl process: one event for all of them.
    _last: ClassVar[float] = float("-inf")

    def __init__(self, crawler: Crawler) -> None:
        self.events = ProgressEvents.current()
        for signal in (signals.request_left_downloader, signals.response_received):
            crawler.signals.connect(self.moved, signal=signal)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressBeacon:
        return cls(crawler)

    def moved(self, **_: object) -> None:
        now = time.monotonic()
        if now - ProgressBeacon._last >= PROGRESS_SECONDS:
            ProgressBeacon._last = now
            self.events.emit(PROGRESS)
