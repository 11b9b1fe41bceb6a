"""Scrapy's robots.txt middleware, with every request waiting for a host's robots.txt
given the parsed rules.

While a host's robots.txt is being fetched, Scrapy keeps a Deferred for it and each
request to that host awaits it (``maybe_deferred_to_future``). Awaiting a Deferred
consumes its result: the first request gets the rules, every later one gets None, which
Scrapy reads as "no robots.txt, all allowed". With a crawler per source, one request at
a time waited and it did not show; with one crawler for many sources of one host
(spiders/feedset.py) all of them wait at once, and all but one ignored the rules.
"""

from __future__ import annotations

from typing import Any

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred


class SharedRobotsTxtMiddleware(RobotsTxtMiddleware):
    async def robot_parser(self, request: Request) -> Any:
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if not isinstance(pending, Deferred):
            return await super().robot_parser(request)
        mine: Deferred[Any] = Deferred()

        def hand_on(result: Any) -> Any:
            mine.callback(result)
            return result  # left for the next request that waits

        pending.addCallback(hand_on)
        return await maybe_deferred_to_future(mine)
