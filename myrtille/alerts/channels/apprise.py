"""Apprise channel: one short plain-text notification per alert to the subscription's
Apprise URL (Slack, Teams, Matrix, ntfy, Telegram, a JSON endpoint…).

Only the schemas listed in ``apprise.schemas`` are accepted (all of them HTTP services
reached through ``requests``). Whatever the schema, every connection Apprise opens during
a send goes through the private-address guard (``guarded_requests``: checked address,
no proxy, no redirect), so a host typed by a subscriber (ntfy, gotify, mmost, json…)
cannot point at the inside of the network.
"""

from __future__ import annotations

import contextlib
import logging
import unicodedata
from collections.abc import Sequence
from typing import Any

import apprise

from myrtille.alerts.channels.base import Channel
from myrtille.alerts.delivery import (
    Alert,
    Destination,
    DestinationError,
    PermanentDeliveryError,
    TransientDeliveryError,
)
from myrtille.alerts.guarded_requests import guarded
from myrtille.alerts.netguard import resolve_host
from myrtille.config.delivery import AppriseSettings, WebhookSettings
from myrtille.config.settings import Settings
from myrtille.exceptions import NotConfigured
from myrtille.texts import N_

log = logging.getLogger(__name__)

SUMMARY_MAX = 500
TITLE_MAX = 250


def clean(text: str) -> str:
    """``text`` on one line without control characters: crawled titles may carry
    newlines or escapes that some services would interpret."""
    kept = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)
    return " ".join(kept.split())


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,;:.") + "…"


def message(alert: Alert) -> tuple[str, str]:
    """The (title, body) of an alert, plain text."""
    doc = alert.document
    title = shorten(clean(doc.title) or clean(doc.url), TITLE_MAX)
    header = clean(doc.source)
    if doc.published_at is not None:
        header += f" — {doc.published_at.date().isoformat()}"
    lines = [header, ""]
    summary = shorten(clean(doc.summary), SUMMARY_MAX)
    if summary:
        lines += [summary, ""]
    lines.append(clean(doc.url))
    return title, "\n".join(lines)


def schema_of(url: str) -> str:
    return url.split("://", 1)[0].strip().lower() if "://" in url else ""


def plugin_for(url: str, schemas: Sequence[str], asset: apprise.AppriseAsset) -> Any:
    """The Apprise plugin of ``url``; ``PermanentDeliveryError`` (disable_channel) when
    its schema is not allowed or Apprise cannot use it."""
    schema = schema_of(url)
    if schema not in schemas:
        shown = f"{schema[:20]}://" if schema else "(none)"
        allowed = ", ".join(sorted(schemas))
        refused = PermanentDeliveryError(
            f"the Apprise schema {shown} is not allowed; allowed schemas: "
            f"{allowed} (an operator can change apprise.schemas)",
            "disable_channel",
        )
        raise refused.worded(
            N_(
                "the Apprise schema {schema} is not allowed; allowed schemas: {allowed} "
                "(an operator can change apprise.schemas)"
            ),
            schema=shown,
            allowed=allowed,
        )
    plugin = apprise.Apprise.instantiate(url, asset=asset, suppress_exceptions=True)
    if plugin is None:
        unusable = PermanentDeliveryError(
            f"not a usable Apprise URL (schema {schema[:20]}://); see the Apprise wiki for "
            "how to write it",
            "disable_channel",
        )
        raise unusable.worded(
            N_(
                "not a usable Apprise URL (schema {schema}); see the Apprise wiki for how "
                "to write it"
            ),
            schema=f"{schema[:20]}://",
        )
    return plugin


def check_apprise_url(url: str, schemas: Sequence[str], allow_private: list[str]) -> None:
    """Refuse, at subscription time, an Apprise URL whose schema is not allowed, that
    Apprise cannot use, or whose host (for the schemas that take one) resolves to an
    address the guard refuses. A name that does not resolve now is left to the send,
    where every connection is checked anyway."""
    plugin = plugin_for(url, schemas, apprise.AppriseAsset())
    takes_host = any("{host}" in template for template in getattr(plugin, "templates", ()))
    host = str(plugin.host or "")
    if not takes_host or not host:
        return
    port = plugin.port or (443 if plugin.secure else 80)
    with contextlib.suppress(TransientDeliveryError):
        resolve_host(host, port, allow_private, f"{schema_of(url)}://{host}")


class AppriseChannel(Channel):
    name = "apprise"
    label = N_("chat (Apprise)")

    @classmethod
    def from_settings(cls, settings: Settings) -> AppriseChannel:
        if not settings.apprise.schemas:
            raise NotConfigured("apprise.schemas is empty: no Apprise URL is allowed")
        return cls(settings)

    @classmethod
    def destination(cls, address: str | None, settings: Settings | None) -> Destination:
        """An Apprise URL this channel would accept at every send (see check_apprise_url;
        without settings, the default schemas and private-address allowances)."""
        if "://" not in (address or ""):
            needs = DestinationError("an apprise channel needs an Apprise URL (e.g. ntfy://topic)")
            raise needs.worded(N_("an apprise channel needs an Apprise URL (e.g. ntfy://topic)"))
        assert address is not None
        try:
            apprise = settings.apprise if settings else AppriseSettings()
            webhooks = settings.webhooks if settings else WebhookSettings()
            check_apprise_url(address, apprise.schemas, list(webhooks.allow_private))
        except (PermanentDeliveryError, TransientDeliveryError) as exc:
            refused = DestinationError(f"apprise URL: {exc}")
            raise refused.worded(N_("Apprise URL: {problem}"), problem=exc) from None
        return Destination(cls.name, address)

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.allow_private = list(settings.webhooks.allow_private)
        self.schemas = list(settings.apprise.schemas)
        self.timeout = settings.webhooks.timeout.total_seconds()
        self.asset = apprise.AppriseAsset(
            app_id="Myrtille",
            app_desc="Myrtille alerts",
            # In the calling thread, where the guard is active (guarded_requests).
            async_mode=False,
            http_redirects=False,
        )

    def send(self, alert: Alert) -> None:
        url = alert.destination.address if alert.destination else None
        if not url:
            raise PermanentDeliveryError("the subscription has no Apprise URL", "disable_channel")
        # Checked again at each send: the operator may have narrowed apprise.schemas.
        plugin = plugin_for(url, self.schemas, self.asset)
        # Apprise's defaults (4 s) are not ours: one timeout setting for outgoing alerts.
        plugin.socket_connect_timeout = self.timeout
        plugin.socket_read_timeout = self.timeout
        notifier = apprise.Apprise(asset=self.asset)
        notifier.add(plugin)
        title, body = message(alert)
        with guarded(self.allow_private) as guard:
            ok = notifier.notify(body=body, title=title, body_format=apprise.NotifyFormat.TEXT)
        # Without the query string: Apprise's options, noise in a reason.
        service = plugin.url(privacy=True).split("?", 1)[0]
        if guard.refusal is not None:
            raise PermanentDeliveryError(
                f"Apprise {service}: {guard.refusal}", guard.refusal.effect
            )
        if not ok:
            # Apprise says only "failed" (a 500, a refused connection, a 401…): retry,
            # the dispatcher gives up after webhooks.retry_for.
            why = f" ({guard.failure})" if guard.failure is not None else ""
            raise TransientDeliveryError(f"Apprise could not notify {service}{why}")
