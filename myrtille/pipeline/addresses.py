"""Which network addresses are public: the one classifier behind every guard that keeps
untrusted URLs (crawled links, subscribers' webhooks) away from the machine, its LAN and
cloud metadata services."""

from __future__ import annotations

import ipaddress

from myrtille.texts import N_

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Instance metadata services hand out cloud credentials: named apart so that refusals
# say so, and so that guards with allowances can demand an exact entry for them.
METADATA = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")
)
CGNAT = ipaddress.ip_network("100.64.0.0/10")


def why_not_public(address: IPAddress) -> str | None:
    """Why ``address`` must not be called, or None when it is a public address."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        # ::ffff:127.0.0.1 reaches 127.0.0.1: judge the IPv4 address it carries.
        return why_not_public(address.ipv4_mapped)
    if address in METADATA:
        return N_("a cloud metadata address")
    # Msgids: English where the reason is stored, translated where a page shows it.
    checks = (
        (address.is_loopback, N_("a loopback address")),
        (address.is_unspecified, N_("an unspecified address")),
        (address.is_link_local, N_("a link-local address")),
        (address.is_multicast, N_("a multicast address")),
        (isinstance(address, ipaddress.IPv4Address) and address in CGNAT, N_("a CGNAT address")),
        # Before is_private, which also covers 240.0.0.0/4.
        (address.is_reserved, N_("a reserved address")),
        (address.is_private, N_("a private address")),
        # Catch-all for special ranges not named above (documentation, benchmarking…).
        (not address.is_global, N_("an address that is not publicly routable")),
    )
    for hit, label in checks:
        if hit:
            return label
    return None
