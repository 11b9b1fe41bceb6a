"""Which URLs the crawler may fetch or store: the rule against feeds that point it at
local files and internal services (SSRF).

A URL the operator wrote in the configuration is fetched as written. Every URL learned
from crawled content (feed item links, sitemap locations, links of listing pages,
open-data record URLs, every redirect hop) must be http or https and reach a public
address, or else keep the scheme, host and port of an operator-written URL of its own
source: a local demo site may link its own pages, but nothing can pivot from it to
another local service. The address a name resolves to is checked where it is connected
to (``fetchguard``); here are the rules that need no resolution.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest

from myrtille.config.sources import SiteSource, SourceBase
from myrtille.pipeline.addresses import IPAddress, why_not_public

SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
# What the C library's inet_aton reads as an IPv4 address: 2130706433, 0x7f.1, 127.1…
_NUMERIC_HOST = re.compile(r"^[0-9a-fA-FxX.]+$")


class RefusedURL(IgnoreRequest):
    """A learned URL the crawler will not fetch; ``reason`` says why in plain words."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"refused {url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class Origin:
    scheme: str
    host: str
    port: int

    @classmethod
    def of(cls, url: str) -> Origin | None:
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            return None
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").rstrip(".")
        if scheme not in SCHEMES or not host:
            return None
        return cls(scheme, host, port or DEFAULT_PORTS[scheme])


def operator_urls(source: SourceBase) -> list[str]:
    """The URLs the operator wrote for ``source`` (open-data pages keep its origin)."""
    urls = [source.url]
    if isinstance(source, SiteSource):
        urls += source.pages
    return urls


def origins_of(urls: Iterable[str]) -> frozenset[Origin]:
    return frozenset(o for o in (Origin.of(u) for u in urls) if o is not None)


def literal_address(host: str) -> IPAddress | None:
    """The address a host names without DNS: an IP literal in any form the system's
    resolver accepts (2130706433, 0x7f.1, 127.1, ::ffff:127.0.0.1), or a localhost name."""
    host = host.strip("[]").rstrip(".").lower()
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        pass
    if host == "localhost" or host.endswith(".localhost"):
        return ipaddress.ip_address("127.0.0.1")  # RFC 6761: always loopback
    if _NUMERIC_HOST.match(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def scheme_refusal(url: str) -> str | None:
    """Why ``url`` is not an http(s) URL with a host, or None."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        shown = f"{scheme}://" if scheme else "a relative or scheme-less URL"
        return f"{shown} is not followed; only http and https links are"
    if not parts.hostname:
        return "the URL has no host"
    return None


def address_refusal(
    url: str, address: IPAddress, origins: frozenset[Origin], host: str | None = None
) -> str | None:
    """Why ``url``, reaching ``address``, may not be fetched, or None."""
    reason = why_not_public(address)
    if reason is None or Origin.of(url) in origins:
        return None
    shown = host or urlsplit(url).hostname or "?"
    named = f"{shown} is {address}" if shown != str(address) else str(address)
    return (
        f"{named}, {reason}; a link to a non-public address is followed only on its "
        "source's own scheme, host and port"
    )


def static_refusal(url: str, origins: frozenset[Origin]) -> str | None:
    """Everything that can be judged without DNS: the scheme, and hosts that name an
    address by themselves. Names are judged by ``fetchguard`` when connected to."""
    reason = scheme_refusal(url)
    if reason is not None:
        return reason
    host = urlsplit(url.strip()).hostname or ""
    address = literal_address(host)
    if address is None:
        return None
    return address_refusal(url, address, origins, host)
