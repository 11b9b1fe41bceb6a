"""Webhook channel: one signed JSON POST per alert, following Standard Webhooks
(https://www.standardwebhooks.com): ``webhook-id``, ``webhook-timestamp`` and
``webhook-signature`` headers, HMAC-SHA256 with the subscription's ``whsec_`` secret.

The receiver's answer decides what happens next: 2xx sent; 410 Gone disables the
channel; other 4xx (but 408/409/425/429) and any redirect are permanent for this alert;
408/429/5xx, timeouts and connection errors are retried by the dispatcher.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import time
from datetime import UTC, datetime
from typing import Any

import httpx

from myrtille.alerts.channels.base import Channel
from myrtille.alerts.delivery import (
    Alert,
    Destination,
    DestinationError,
    PermanentDeliveryError,
    TransientDeliveryError,
)
from myrtille.alerts.netguard import resolve_destination
from myrtille.config.delivery import WebhookSettings
from myrtille.config.settings import Settings
from myrtille.pipeline.normalise import web_mentions, web_url
from myrtille.texts import N_

SECRET_PREFIX = "whsec_"
# Statuses that say "later" rather than "never" although they are 4xx.
RETRYABLE_4XX = frozenset({408, 409, 425, 429})
USER_AGENT = "Myrtille-Webhooks/1.0"


def new_secret() -> str:
    """A Standard Webhooks secret: ``whsec_`` + base64 of 24 random bytes."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(24)).decode()


def secret_key(secret: str) -> bytes:
    """The HMAC key of a ``whsec_…`` secret (the base64-decoded part after the prefix)."""
    if not secret.startswith(SECRET_PREFIX):
        raise ValueError("a webhook secret starts with whsec_")
    try:
        return base64.b64decode(secret[len(SECRET_PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("the webhook secret is not valid base64") from None


def sign(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """The ``webhook-signature`` header value: ``v1,`` + base64 HMAC-SHA256."""
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def payload(alert: Alert, now: datetime | None = None) -> dict[str, Any]:
    """The JSON body of an alert (documented in docs/webhooks.md: keep them in step)."""
    doc = alert.document
    moment = now or datetime.now(UTC)
    return {
        "type": "myrtille.alert",
        "timestamp": moment.isoformat().replace("+00:00", "Z"),
        "data": {
            "subscription": {
                "id": alert.subscription_id,
                "name": alert.subscription_name,
                "query": alert.query,
            },
            "document": {
                "id": doc.id,
                "title": doc.title,
                "url": web_url(doc.url),
                "source": doc.source,
                "published_at": doc.published_at.isoformat() if doc.published_at else None,
                "language": doc.language,
                "summary": doc.summary,
                "companies": doc.companies,
                "sectors": doc.sectors,
                "events": doc.events,
                "regions": doc.regions,
            },
            "also_reported_by": web_mentions(alert.also_reported_by),
        },
    }


class WebhookChannel(Channel):
    name = "webhook"
    label = N_("webhook")

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.allow_private = list(settings.webhooks.allow_private)
        self.client = httpx.Client(
            timeout=settings.webhooks.timeout.total_seconds(),
            follow_redirects=False,
            # We connect to the address the guard checked (see _post); proxies from the
            # environment would connect elsewhere, and a kept-alive connection opened
            # with one name's SNI must not carry another name's request.
            trust_env=False,
            limits=httpx.Limits(max_keepalive_connections=0),
        )

    @classmethod
    def destination(cls, address: str | None, settings: Settings | None) -> Destination:
        """An http(s) URL whose host the send-time guard would let us call (refused now,
        as Apprise URLs are); its signing secret is made here, stored, and shown once."""
        if not (address or "").startswith(("https://", "http://")):
            needs = DestinationError("a webhook channel needs --webhook https://…")
            raise needs.worded(N_("a webhook channel needs an https:// URL"))
        assert address is not None
        allow_private = (settings.webhooks if settings else WebhookSettings()).allow_private
        try:
            resolve_destination(address, list(allow_private))
        except TransientDeliveryError:
            pass  # a name that does not resolve yet: every send checks it again
        except PermanentDeliveryError as exc:
            refused = DestinationError(f"webhook URL: {exc}")
            raise refused.worded(N_("webhook URL: {problem}"), problem=exc) from None
        return Destination(cls.name, address, new_secret())

    def close(self) -> None:
        self.client.close()

    def send(self, alert: Alert) -> None:
        destination = alert.destination or Destination(self.name)
        url, secret = destination.address, destination.secret
        if not url:
            raise PermanentDeliveryError("the subscription has no webhook URL", "disable_channel")
        if not secret:
            raise PermanentDeliveryError(
                "the subscription has no webhook secret; recreate the webhook subscription",
                "disable_channel",
            )
        try:
            secret_key(secret)
        except ValueError as exc:
            raise PermanentDeliveryError(
                f"invalid webhook secret: {exc}", "disable_channel"
            ) from None
        # Checked before every send: DNS answers change between retries.
        addresses = resolve_destination(url, self.allow_private)
        body = json.dumps(payload(alert), ensure_ascii=False, separators=(",", ":")).encode()
        # Stable per outbox row, so a retry carries the same id and receivers deduplicate.
        message_id = f"msg_{alert.outbox_id}"
        timestamp = int(time.time())
        headers = {
            "content-type": "application/json",
            "user-agent": USER_AGENT,
            "webhook-id": message_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": sign(secret, message_id, timestamp, body),
        }
        response = self._post(url, addresses, headers, body)
        self._judge(url, response)

    def _post(
        self, url: str, addresses: list[str], headers: dict[str, str], body: bytes
    ) -> httpx.Response:
        """POST to the first checked address that accepts a connection.

        Connecting to the checked address (not re-resolving the name) defeats DNS
        rebinding; the Host header and the TLS SNI keep the name, so virtual hosting
        and certificate verification work as if we had connected by name.
        """
        target = httpx.URL(url)
        host = target.host
        extensions: dict[str, Any] = {"sni_hostname": host} if target.scheme == "https" else {}
        headers = {**headers, "host": target.netloc.decode("ascii")}
        error: Exception | None = None
        for address in addresses:
            try:
                return self.client.post(
                    target.copy_with(host=address),
                    content=body,
                    headers=headers,
                    extensions=extensions,
                )
            except httpx.ConnectError as exc:
                # Nothing was sent: trying the next address (IPv6 then IPv4) is safe.
                error = exc
            except httpx.TimeoutException as exc:
                raise TransientDeliveryError(f"webhook {host}: timed out ({exc!r})") from None
            except httpx.HTTPError as exc:
                raise TransientDeliveryError(f"webhook {host}: {exc!r}") from None
        raise TransientDeliveryError(f"webhook {host}: cannot connect ({error})")

    @staticmethod
    def _judge(url: str, response: httpx.Response) -> None:
        host = httpx.URL(url).host
        status = response.status_code
        if 200 <= status < 300:
            return
        if status == 410:
            raise PermanentDeliveryError(
                f"webhook {host} answered 410 Gone: the channel is disabled", "disable_channel"
            )
        if 300 <= status < 400:
            location = response.headers.get("location", "?")
            raise PermanentDeliveryError(
                f"webhook {host} answered {status} to {location}: redirects are not "
                "followed; update the URL"
            )
        if 400 <= status < 500 and status not in RETRYABLE_4XX:
            raise PermanentDeliveryError(f"webhook {host} answered {status}: not retried")
        retry_after = response.headers.get("retry-after")
        hint = f" (retry-after {retry_after})" if retry_after else ""
        raise TransientDeliveryError(f"webhook {host} answered {status}{hint}")
