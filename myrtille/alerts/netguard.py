"""The private-address guard of outgoing deliveries (webhooks, Apprise HTTP kinds).

A subscriber chooses the URL we POST to, so without a guard a subscription could make
the server call its own admin ports, the LAN or the cloud metadata service (SSRF).
Every address the host resolves to must be public, unless the operator allows the host
or the network in ``webhooks.allow_private``.

DNS rebinding: a name can resolve to a public address when checked and to a private one
when the HTTP client resolves it again a moment later. ``resolve_destination`` returns
the addresses it checked so the caller can connect to one of *those* (keeping the Host
header and the TLS SNI / certificate check on the name): the webhook channel does this,
which closes the gap. Apprise does its own connecting: ``guarded_requests`` makes each of
its connections go through ``resolve_host`` and to a checked address, which closes it too.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from myrtille.alerts.delivery import Msgid, PermanentDeliveryError, TransientDeliveryError, Words
from myrtille.pipeline.addresses import METADATA, why_not_public
from myrtille.texts import N_

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def _refused(url: str, reason: Words) -> PermanentDeliveryError:
    # disable_channel: the URL will not become acceptable by itself; the subscriber
    # (or the operator, through allow_private) has to change something.
    refused = PermanentDeliveryError(f"refused destination {url}: {reason}", "disable_channel")
    return refused.worded(N_("refused destination {url}: {reason}"), url=url, reason=reason)


def _allowances(allow_private: list[str]) -> tuple[set[str], list[IPNetwork]]:
    hosts: set[str] = set()
    networks: list[IPNetwork] = []
    for entry in allow_private:
        text = entry.strip().lower()
        if not text:
            continue
        try:
            # A bare address is a /32 (or /128) network.
            networks.append(ipaddress.ip_network(text.strip("[]"), strict=False))
        except ValueError:
            hosts.add(text.rstrip("."))
    return hosts, networks


def resolve_destination(url: str, allow_private: list[str]) -> list[str]:
    """The checked addresses of ``url``'s host, in resolver order; raises
    ``PermanentDeliveryError`` (disable_channel) when the URL may not be called."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise _refused(url, Words(N_("not a valid URL ({detail})"), detail=str(exc))) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise _refused(url, Words(N_("only http:// and https:// URLs are allowed")))
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise _refused(url, Words(N_("the URL has no host")))
    port = port or (443 if parts.scheme.lower() == "https" else 80)
    return resolve_host(host, port, allow_private, url)


def resolve_host(host: str, port: int, allow_private: list[str], target: str) -> list[str]:
    """The checked addresses of ``host`` (a name or an address literal, IPv6 with or
    without brackets), in resolver order; ``target`` names the destination in refusals.
    Raises ``PermanentDeliveryError`` (disable_channel) when any address is refused,
    ``TransientDeliveryError`` when the name does not resolve."""
    url = target
    host = host.strip("[]").rstrip(".")
    lowered = host.lower()
    if lowered == "localhost" or lowered.endswith(".localhost"):
        # RFC 6761: always loopback, whatever this machine's resolver answers today (the
        # crawler's rule reads these names the same way).
        infos = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
    else:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            # Often a passing DNS failure; the dispatcher retries, then gives up after
            # retry_for.
            raise TransientDeliveryError(f"cannot resolve {host}: {exc}") from None
    hosts, networks = _allowances(allow_private)
    host_allowed = host.lower() in hosts
    addresses: list[str] = []
    for info in infos:
        text = str(info[4][0]).split("%", 1)[0]  # drop an IPv6 zone id (fe80::1%eth0)
        address = ipaddress.ip_address(text)
        reason = why_not_public(address)
        if reason is not None:
            found = {"host": host, "address": str(address)}
            exact = any(n.num_addresses == 1 and address in n for n in networks)
            listed = any(address in n for n in networks)
            if address in METADATA and not exact:
                only_exact = N_(
                    "{host} resolves to {address}, {reason} (only an exact "
                    "webhooks.allow_private entry opens it)"
                )
                raise _refused(url, Words(only_exact, **found, reason=Msgid(reason)))
            if not (host_allowed or listed):
                operator_may = N_(
                    "{host} resolves to {address}, {reason}; an operator can allow it in "
                    "webhooks.allow_private"
                )
                raise _refused(url, Words(operator_may, **found, reason=Msgid(reason)))
        if text not in addresses:
            addresses.append(text)
    if not addresses:
        raise TransientDeliveryError(f"{host} resolves to no address")
    return addresses
