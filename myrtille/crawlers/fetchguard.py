"""The URL rule (``urlguard``) where Scrapy connects: a pinned DNS resolver and a
downloader middleware that judges every learned request and every redirect hop.

DNS rebinding: a name could resolve to a public address when checked and to 127.0.0.1
when connected to. Here each name is resolved once per crawl process and pinned: the
middleware judges the pinned address, and the connection (Twisted's TCP client asks
the reactor's resolver, which is ``PinnedResolver``) goes to that same address. As a
second wall, the resolver itself never hands out a non-public address for a name that
no operator-written URL of this crawl uses.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import defer, error, threads
from twisted.internet.interfaces import IResolverSimple
from zope.interface import implementer

from myrtille.crawlers.urlguard import (
    Origin,
    RefusedURL,
    address_refusal,
    literal_address,
    origins_of,
    scheme_refusal,
    static_refusal,
)
from myrtille.pipeline.addresses import why_not_public

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

# Request meta: the request is for a URL exactly as the operator wrote it.
OPERATOR_WRITTEN = "myrtille_operator_written"
# Scrapy setting (set by ``scrapy_settings``): every operator-written URL of this crawl.
OPERATOR_URLS = "MYRTILLE_OPERATOR_URLS"


def _first_ipv4(name: str) -> str:
    # IPv4 only, as Scrapy's own resolver: its HTTP client connects over TCP4 endpoints.
    infos = socket.getaddrinfo(name, None, socket.AF_INET, socket.SOCK_STREAM)
    if not infos:
        raise OSError(f"{name} has no IPv4 address")
    return str(infos[0][4][0])


@implementer(IResolverSimple)
class PinnedResolver:
    """Resolves each name once per process and keeps the answer (the crawl child lives
    for one crawl, so a pin is as short-lived as the crawl)."""

    def __init__(self, reactor: Any, timeout: float, operator_hosts: frozenset[str]) -> None:
        self.reactor = reactor
        self.timeout = timeout
        self.operator_hosts = operator_hosts
        self._pins: dict[str, str] = {}
        self._waiting: dict[str, list[defer.Deferred[str]]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler, reactor: Any) -> PinnedResolver:
        urls = crawler.settings.getlist(OPERATOR_URLS)
        hosts = frozenset(o.host for o in origins_of(urls))
        return cls(reactor, crawler.settings.getfloat("DNS_TIMEOUT"), hosts)

    def install_on_reactor(self) -> None:
        self.reactor.installResolver(self)

    def address_of(self, name: str) -> defer.Deferred[str]:
        """The pinned IPv4 address of ``name``; one lookup however many ask at once."""
        key = name.rstrip(".").lower()
        if key in self._pins:
            return defer.succeed(self._pins[key])
        answer: defer.Deferred[str] = defer.Deferred()
        if key in self._waiting:
            self._waiting[key].append(answer)
            return answer
        self._waiting[key] = [answer]
        lookup = threads.deferToThreadPool(
            self.reactor, self.reactor.getThreadPool(), _first_ipv4, key
        )
        lookup.addTimeout(self.timeout, self.reactor)
        lookup.addCallbacks(self._resolved, self._failed, callbackArgs=(key,), errbackArgs=(key,))
        return answer

    def _resolved(self, address: str, key: str) -> None:
        self._pins[key] = address
        for waiting in self._waiting.pop(key, []):
            waiting.callback(address)

    def _failed(self, failure: Any, key: str) -> None:
        # A failed lookup is not pinned: the next request may try again.
        for waiting in self._waiting.pop(key, []):
            waiting.errback(error.DNSLookupError(f"{key}: {failure.getErrorMessage()}"))

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> defer.Deferred[str]:
        answer = self.address_of(name)
        if name.rstrip(".").lower() not in self.operator_hosts:
            answer.addCallback(self._public_only, name)
        return answer

    def _public_only(self, address: str, name: str) -> str:
        reason = why_not_public(ipaddress.ip_address(address))
        if reason is not None:
            raise error.DNSLookupError(f"{name} resolves to {address}, {reason}: refused")
        return address


class UrlGuardMiddleware:
    """Refuses (``RefusedURL``, an ``IgnoreRequest``: the request's errback hears it)
    any request that is not an operator-written URL as written and breaks the rule;
    a redirect hop comes back through here as a new request, so each hop is judged."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.fallback_origins = origins_of(crawler.settings.getlist(OPERATOR_URLS))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> UrlGuardMiddleware:
        return cls(crawler)

    def origins(self, request: Request) -> frozenset[Origin]:
        # A source spider knows its own operator-written URLs (a spider of several
        # sources, those of the request's source); others get the crawl's.
        spider = self.crawler.spider
        of_request = getattr(spider, "origins_for", None)
        if of_request is not None:
            return of_request(request) or self.fallback_origins
        return getattr(spider, "url_origins", None) or self.fallback_origins

    async def process_request(self, request: Request) -> None:
        if request.meta.get(OPERATOR_WRITTEN) and not request.meta.get("redirect_urls"):
            return None
        origins = self.origins(request)
        reason = static_refusal(request.url, origins)
        if reason is not None:
            raise RefusedURL(request.url, reason)
        host = urlsplit(request.url).hostname or ""
        if literal_address(host) is not None:
            return None  # judged whole by static_refusal
        resolver = self._resolver()
        pinned = await maybe_deferred_to_future(resolver.address_of(host))
        reason = address_refusal(request.url, ipaddress.ip_address(pinned), origins, host)
        if reason is not None:
            raise RefusedURL(request.url, reason)
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        # Scrapy does not follow a redirect to file:, ftp:… but hands the 3xx over as if
        # it were the page: say why instead.
        location = response.headers.get(b"Location") if 300 <= response.status < 400 else None
        if location:
            target = urljoin(request.url, location.decode("latin-1").strip())
            reason = scheme_refusal(target)
            if reason is not None:
                raise RefusedURL(target, reason)
        return response

    def _resolver(self) -> PinnedResolver:
        from twisted.internet import reactor

        resolver = getattr(reactor, "resolver", None)
        if not isinstance(resolver, PinnedResolver):
            # Judging one address and connecting to another would reopen the gap.
            raise RuntimeError(
                "the crawler's DNS resolver is not myrtille's PinnedResolver; "
                "set TWISTED_DNS_RESOLVER as scrapy_settings does"
            )
        return resolver
