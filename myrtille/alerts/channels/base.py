"""What every delivery channel implements, and what it is given to deliver.

A channel sends one alert at a time and says how it went by returning (sent) or raising:
``TransientDeliveryError`` (try again later: timeouts, 5xx, a refused connection) or
``PermanentDeliveryError`` (stop: a hard bounce, 410 Gone, an address that cannot work),
whose ``effect`` tells the dispatcher what to change (pause the subscriber, disable the
channel of the subscription).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from myrtille.exceptions import ItemError, TransientError


@dataclass
class AlertDocument:
    """The matched document, as an alert shows it (plain text only: it is crawled)."""

    id: str
    title: str
    url: str
    source: str
    published_at: datetime | None
    summary: str
    language: str | None = None
    companies: list[dict[str, Any]] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)


@dataclass
class Alert:
    """One outbox row to deliver on one channel."""

    outbox_id: int
    channel: str
    subscription_id: int
    subscription_name: str
    query: str
    subscriber_id: int
    subscriber_email: str
    language: Literal["fr", "en"]
    document: AlertDocument
    also_reported_by: list[dict[str, Any]] = field(default_factory=list)
    webhook_url: str | None = None
    webhook_secret: str | None = None
    apprise_url: str | None = None
    # Signed links for the subscriber (email): one-click unsubscribe and preferences.
    unsubscribe_url: str | None = None
    preferences_url: str | None = None
    attempt: int = 1
    # The subscriber's IANA time zone for dates shown (None: email.timezone).
    timezone: str | None = None
    # The subscription in plain words (alerts/describe.py): what a firm reads, never the query.
    description: str = ""


class TransientDeliveryError(TransientError):
    """Worth another try later."""


class PermanentDeliveryError(ItemError):
    """Not worth trying again; ``effect`` says what the dispatcher should change."""

    def __init__(
        self, message: str, effect: Literal["none", "pause_subscriber", "disable_channel"] = "none"
    ) -> None:
        super().__init__(message)
        self.effect = effect


class Channel(ABC):
    name: str = ""

    @abstractmethod
    def send(self, alert: Alert) -> None:
        """Deliver one alert, or raise one of the delivery errors above."""

    def close(self) -> None:  # noqa: B027 (optional)
        """Release connections."""


@dataclass
class DigestItem:
    document: AlertDocument
    also_reported_by: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class DigestSection:
    """One subscription's part of a digest; ``more`` items were left out and are one
    click away (``more_url``, the full search) — a digest is never silently truncated."""

    subscription_id: int
    subscription_name: str
    query: str
    items: list[DigestItem]
    more: int = 0
    more_url: str | None = None
    description: str = ""


@dataclass
class Digest:
    subscriber_id: int
    subscriber_email: str
    language: Literal["fr", "en"]
    frequency: Literal["daily", "weekly"]
    sections: list[DigestSection]
    unsubscribe_url: str | None = None
    preferences_url: str | None = None
    timezone: str | None = None
