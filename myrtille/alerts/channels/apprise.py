"""Apprise channel: one short plain-text notification per alert to the subscription's
Apprise URL (Slack, Teams, Matrix, ntfy, Telegram, a JSON endpoint…).

Apprise connects by itself, so the private-address guard is applied to the URL kinds
that point at an arbitrary HTTP server (json://, xml://, form:// and their secure
variants) just before sending; see netguard for the residual DNS-rebinding window.
"""

from __future__ import annotations

import logging
import unicodedata

import apprise

from myrtille.alerts.channels.base import (
    Alert,
    Channel,
    PermanentDeliveryError,
    TransientDeliveryError,
)
from myrtille.alerts.netguard import check_destination
from myrtille.config.settings import Settings

log = logging.getLogger(__name__)

# Apprise kinds whose host is whatever the subscriber typed: guarded like webhooks.
# (The other kinds talk to their service's fixed API host.)
HTTP_KINDS = frozenset({"json", "jsons", "xml", "xmls", "form", "forms"})
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


class AppriseChannel(Channel):
    name = "apprise"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.allow_private = list(settings.webhooks.allow_private)
        self.timeout = settings.webhooks.timeout.total_seconds()
        self.asset = apprise.AppriseAsset(app_id="Myrtille", app_desc="Myrtille alerts")

    def send(self, alert: Alert) -> None:
        # Carried by the dispatcher from subscription.apprise_url (see Alert).
        url: str | None = getattr(alert, "apprise_url", None)
        if not url:
            raise PermanentDeliveryError("the subscription has no Apprise URL", "disable_channel")
        plugin = apprise.Apprise.instantiate(url, asset=self.asset, suppress_exceptions=True)
        if plugin is None:
            scheme = url.split("://", 1)[0][:20]
            raise PermanentDeliveryError(
                f"not a usable Apprise URL (scheme {scheme}://)", "disable_channel"
            )
        scheme = url.split("://", 1)[0].lower()
        if scheme in HTTP_KINDS:
            host = str(plugin.host or "")
            port = f":{plugin.port}" if plugin.port else ""
            check_destination(
                f"{'https' if plugin.secure else 'http'}://{host}{port}/", self.allow_private
            )
        # Apprise's defaults (4 s) are not ours: one timeout setting for outgoing alerts.
        plugin.socket_connect_timeout = self.timeout
        plugin.socket_read_timeout = self.timeout
        notifier = apprise.Apprise(asset=self.asset)
        notifier.add(plugin)
        title, body = message(alert)
        ok = notifier.notify(body=body, title=title, body_format=apprise.NotifyFormat.TEXT)
        if not ok:
            # Apprise says only "failed" (a 500, a refused connection, a 401…): retry,
            # the dispatcher gives up after webhooks.retry_for.
            service = plugin.url(privacy=True)
            raise TransientDeliveryError(f"Apprise could not notify {service}")
