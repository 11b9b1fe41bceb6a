"""The web app's settings: agents' sessions, sign-in throttling, trusted proxies, the
public subscription page and the rate limits."""

from __future__ import annotations

import ipaddress
import re
from datetime import timedelta

from pydantic import Field, field_validator

from myrtille.config.durations import Duration
from myrtille.config.model import Model


class SignInSettings(Model):
    """How failed sign-ins are throttled (see docs/security.md): per agent name and client,
    and, once a name is under attack from many clients, a slower pace for that name that
    browsers which signed in as that agent before are spared."""

    client_failures: int = Field(default=5, ge=1, le=100, description="per name and client")
    window: Duration = timedelta(minutes=15)
    name_failures: int = Field(default=20, ge=1, le=10_000, description="per name, all clients")
    name_pace: Duration = timedelta(seconds=10)
    known_browser_for: Duration = timedelta(days=90)


class PublicSubscribeSettings(Model):
    """The public subscription page for firms (``/subscribe``, docs/web-ui.md): on or off,
    which email domains may use it, and how often one client or one address may."""

    enabled: bool = True
    # Email domains allowed (an agency's members, say); empty: every domain.
    email_domains: list[str] = Field(default_factory=list)
    per_address_per_minute: int = Field(default=5, ge=1, le=10_000)
    per_email_per_day: int = Field(default=3, ge=1, le=1_000)

    @field_validator("email_domains")
    @classmethod
    def _domains(cls, values: list[str]) -> list[str]:
        domains = []
        for value in values:
            domain = value.strip().lstrip("@").lower()
            if not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", domain):
                raise ValueError(
                    f"'{value}' is not an email domain; write it as example.org (no @, no scheme)"
                )
            domains.append(domain)
        return domains


class RateLimit(Model):
    """At most ``requests`` within any ``window`` (a sliding window: never more, whatever
    the window's start)."""

    requests: int = Field(ge=1, le=1_000_000)
    window: Duration = timedelta(minutes=1)


class RateLimitSettings(Model):
    """How often one API key, and one client of the public pages, may be served (see
    docs/security.md); past a limit the answer is 429 with ``Retry-After``. Counted in the
    state database, so several web processes share one count."""

    # Per API key, every /api/v1 request it authenticates.
    api: RateLimit = Field(default_factory=lambda: RateLimit(requests=600))
    # Per client address, the pages anyone may read without signing in (search, documents,
    # companies, trends, map, sources, the subscription form); signed-in agents are not
    # counted.
    public_pages: RateLimit = Field(default_factory=lambda: RateLimit(requests=300))


class WebSettings(Model):
    """The web app's agents' sessions, sign-in throttling, the proxies it trusts and the
    live stream's pace."""

    session_lifetime: Duration = timedelta(hours=12)
    # Addresses or networks (CIDR) of reverse proxies whose X-Forwarded-For/-Proto are
    # believed; empty: nobody's, the peer address is the client.
    trusted_proxies: list[str] = Field(default_factory=list)
    signin: SignInSettings = Field(default_factory=SignInSettings)
    public_subscribe: PublicSubscribeSettings = Field(default_factory=PublicSubscribeSettings)
    rate_limits: RateLimitSettings = Field(default_factory=RateLimitSettings)
    # The live stream (/api/v1/stream): a keepalive comment after this long without a
    # write, so that proxies keep the connection; new rows looked for this often.
    stream_heartbeat: Duration = timedelta(seconds=15)
    stream_poll: Duration = timedelta(seconds=1)

    @field_validator("trusted_proxies")
    @classmethod
    def _proxies(cls, values: list[str]) -> list[str]:
        networks = []
        for value in values:
            try:
                networks.append(str(ipaddress.ip_network(value.strip(), strict=False)))
            except ValueError:
                raise ValueError(
                    f"'{value}' is not an IP address or network; write the proxy's address "
                    "(10.0.0.5) or network (10.0.0.0/24)"
                ) from None
        return networks
