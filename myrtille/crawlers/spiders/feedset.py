"""Every feed source of a run fetched by one Scrapy crawler.

A Scrapy crawler costs about 20 ms before its first request (its settings copied, its
middlewares, engine and downloader built) and more to close: a thousand feed sources
with a crawler each cost far more than fetching them. Here one crawler fetches them all,
and each source keeps its own ``FeedSpider`` (its run counters, stored validators, URL
rule and article cap), which builds its requests and reads its answers exactly as when
it had a crawler of its own. Politeness is per host, across sources (Scrapy's download
slots: concurrency per domain, autothrottle's delay).

A source has ended when nothing of it is under way: its requests answered, failed or
dropped, and the items they gave through the pipeline. Ended sources are finished in
batches: the intake's pending documents written first (``INTAKE_FLUSH``), then their
outcomes in one transaction and one ``source_finished`` event each (``finish``).
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import scrapy
from scrapy import signals
from scrapy.http import Response
from scrapy.utils.request import RequestFingerprinter
from twisted.python.failure import Failure

from myrtille.crawlers.health import SourceRun
from myrtille.crawlers.outcomes import note_internal_error
from myrtille.crawlers.progress import ProgressEvents
from myrtille.crawlers.signals import INTAKE_FLUSH
from myrtille.crawlers.spiders.base import SOURCE_KEY, SourceSpider
from myrtille.crawlers.spiders.feed import FeedSpider
from myrtille.crawlers.urlguard import Origin
from myrtille.pipeline.document import CollectedDocument
from myrtille.store.health_texts import said, stored

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.internet.interfaces import IDelayedCall

logger = logging.getLogger(__name__)
# An ended source waits at most this long to be finished with others, or until this many.
FINISH_SECONDS = 0.5
FINISH_BATCH = 200
# Request meta: the source spider's own callback and errback, called by ours.
_CALLBACKS = "myrtille_callbacks"
_NORMAL_ENDS = ("finished", "closespider_timeout")

Finish = Callable[[list[SourceRun]], None]


class FeedSetSpider(scrapy.Spider):
    """One spider for many feed sources; ``members`` holds one ``FeedSpider`` each."""

    name = "feeds"

    def __init__(
        self, members: Iterable[FeedSpider], finish: Finish, concurrency: int, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.members = {member.source.id: member for member in members}
        self.finish = finish
        self.concurrency = concurrency
        first = next(iter(self.members.values()))
        # What the intake pipeline reads of the crawler's spider (shared by the members).
        self.intake = first.intake
        self.limits = first.limits
        self.events = ProgressEvents.current()
        self.under_way: Counter[str] = Counter()
        self.ended: list[str] = []
        self.finished: set[str] = set()
        self._timer: IDelayedCall | None = None
        self._closing = False

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> FeedSetSpider:
        spider: FeedSetSpider = super().from_crawler(crawler, *args, **kwargs)
        # The crawler's settings are not frozen yet: the sources' requests share its slots.
        crawler.settings.set("CONCURRENT_REQUESTS", spider.concurrency, priority="spider")
        crawler.settings.set("REQUEST_FINGERPRINTER_CLASS", SourceFingerprinter, priority="spider")
        for handler, signal in (
            (spider._item_done, signals.item_scraped),
            (spider._item_done, signals.item_dropped),
            (spider._item_failed, signals.item_error),
            (spider._callback_failed, signals.spider_error),
            (spider._request_dropped, signals.request_dropped),
            (spider._closed, signals.spider_closed),
        ):
            crawler.signals.connect(handler, signal=signal)
        return spider

    def for_source(self, source_id: str) -> SourceSpider:
        return self.members[source_id]

    def origins_for(self, request: scrapy.Request) -> frozenset[Origin] | None:
        """The origins the URL rule allows ``request``'s source (fetchguard asks)."""
        member = self.members.get(request.meta.get(SOURCE_KEY, ""))
        return member.url_origins if member is not None else None

    # -- requests and their outcomes -----------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for source_id, member in self.members.items():
            self.events.emit("source_started", source=source_id)
            async for request in member.start():
                yield self._track(request)

    def _track(self, request: scrapy.Request) -> scrapy.Request:
        """``request`` counted as under way for its source, answered through us."""
        self.under_way[request.meta[SOURCE_KEY]] += 1
        request.meta[_CALLBACKS] = (request.callback, request.errback)
        request.callback = self._answered
        request.errback = self._failed
        return request

    def _answered(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        callback, _ = response.meta[_CALLBACKS]
        return self._relay(response.meta[SOURCE_KEY], lambda: callback(response, **kwargs))

    def _failed(self, failure: Failure) -> Iterator[Any]:
        request = failure.request  # type: ignore[attr-defined]
        _, errback = request.meta[_CALLBACKS]
        return self._relay(request.meta[SOURCE_KEY], lambda: errback(failure))

    def _relay(self, source_id: str, call: Callable[[], Iterable[Any] | None]) -> Iterator[Any]:
        """The source spider's output passed on: its requests tracked, its items counted
        as under way until the pipeline is done with them."""
        try:
            for output in call() or ():
                if isinstance(output, scrapy.Request):
                    yield self._track(output)
                else:
                    if isinstance(output, CollectedDocument):
                        self.under_way[output.source_id] += 1
                    yield output
        finally:
            self._settle(source_id)

    def _item_done(self, item: Any, **_: Any) -> None:
        if isinstance(item, CollectedDocument):
            self._settle(item.source_id)

    def _item_failed(self, item: Any, response: Any, failure: Any, **_: Any) -> None:
        if isinstance(item, CollectedDocument):
            note_internal_error(self.members[item.source_id].run, failure, response)
            self._settle(item.source_id)

    def _callback_failed(self, failure: Any, response: Any, **_: Any) -> None:
        member = self.members.get(getattr(response, "meta", {}).get(SOURCE_KEY, ""))
        if member is not None:
            note_internal_error(member.run, failure, response)

    def _request_dropped(self, request: scrapy.Request, **_: Any) -> None:
        source_id = request.meta.get(SOURCE_KEY)
        if source_id in self.members:
            self._settle(source_id)

    # -- finishing sources ---------------------------------------------------------------

    def _settle(self, source_id: str) -> None:
        self.under_way[source_id] -= 1
        if self.under_way[source_id] > 0 or self._closing:
            return
        del self.under_way[source_id]
        self.ended.append(source_id)
        if len(self.ended) >= FINISH_BATCH:
            self._finish_ended()
        elif self._timer is None:
            from twisted.internet import reactor

            self._timer = reactor.callLater(FINISH_SECONDS, self._finish_ended)  # type: ignore[attr-defined]

    def _finish_ended(self) -> None:
        if self._timer is not None and self._timer.active():
            self._timer.cancel()
        self._timer = None
        if not self.crawler.crawling:
            return  # being stopped: the ended ones are recorded with the rest, on close
        ended, self.ended = self.ended, []
        if not ended:
            return
        # Their documents committed before their outcome says how many were new.
        self.crawler.signals.send_catch_log(signal=INTAKE_FLUSH)
        try:
            self.finish([self.members[source_id].run for source_id in ended])
        except Exception:  # tried again when the spider closes
            logger.exception("could not record the outcome of %d feed sources", len(ended))
            self.ended[:0] = ended
            return
        self.finished.update(ended)

    def _closed(self, spider: scrapy.Spider, reason: str) -> None:
        """The rest finished when the crawler closes (the pipeline has written its
        documents by then). A stop makes each source not yet recorded an error, as it did
        each source's own crawler: what it had fetched is kept, its validators are not."""
        self._closing = True
        if self._timer is not None and self._timer.active():
            self._timer.cancel()
        self._timer = None
        rest = [
            member for source_id, member in self.members.items() if source_id not in self.finished
        ]
        for member in rest:
            if reason not in _NORMAL_ENDS and member.run.error is None:
                member.run.fail(stored(said("stopped_early", reason=reason)))
        self.ended = []
        self.finish([member.run for member in rest])
        self.finished.update(member.source.id for member in rest)


class SourceFingerprinter:
    """Request fingerprints that include the request's source, so that duplicate requests
    are dropped within a source, as when each had a crawler, never across sources: two
    feeds listing one new page each fetch it and each count it."""

    def __init__(self, crawler: Crawler | None = None) -> None:
        self.inner = RequestFingerprinter(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SourceFingerprinter:
        return cls(crawler)

    def fingerprint(self, request: scrapy.Request) -> bytes:
        source = str(request.meta.get(SOURCE_KEY, "")).encode()
        return hashlib.sha1(source + b"\0" + self.inner.fingerprint(request)).digest()
