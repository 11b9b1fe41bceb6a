"""What every delivery channel implements, and what it is given to deliver.

A channel is a component: built from the settings (``from_settings``, which raises
``NotConfigured`` when the settings switch it off), registered once in
``myrtille.alerts.channels.CHANNELS``, asked at subscription time to check where it is to
deliver (``destination``), then given one alert at a time with that destination.

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
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from myrtille.exceptions import ItemError, MyrtilleError, TransientError

if TYPE_CHECKING:
    from typing import Self

    from myrtille.config.settings import Settings


@dataclass(frozen=True)
class Destination:
    """Where one channel delivers one subscription's alerts: a copy of its stored row
    (``SubscriptionDestination``); what ``address`` and ``secret`` mean is the channel's."""

    channel: str
    address: str | None = None
    secret: str | None = None


class DestinationError(MyrtilleError):
    """A destination its channel cannot deliver to; the message says why and what to give."""


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
    # Where this channel delivers for the subscription (None: nowhere stored).
    destination: Destination | None = None
    # Signed links for the subscriber (email): one-click unsubscribe and preferences.
    unsubscribe_url: str | None = None
    preferences_url: str | None = None
    attempt: int = 1
    # A legal notice about a portfolio company, sent at once: marked urgent.
    urgent: bool = False
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
    """One way of delivering alerts; a subclass is one module and one registry entry."""

    # The name subscriptions, outbox rows, the CLI and the API know it by (at most 16).
    name: ClassVar[str] = ""
    # What people read, marked with N_ for the catalogue, translated where it is shown.
    label: ClassVar[str] = ""
    # Whether the dispatcher sends its outbox rows; False when something else reads them
    # (the live stream's connections).
    dispatched: ClassVar[bool] = True
    # Whether rows of daily and weekly subscriptions wait for the digest (email) instead
    # of being sent as soon as they are due.
    digested: ClassVar[bool] = False
    # Whether a subscription that names no channel delivers on it (email).
    default: ClassVar[bool] = False

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        """The channel for these settings; raise ``NotConfigured`` when they switch it off
        (it is then left out: its rows wait, new subscriptions cannot ask for it)."""
        return cls(settings)  # type: ignore[call-arg]

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @classmethod
    def destination(cls, address: str | None, settings: Settings | None) -> Destination:
        """Check, at subscription time, where this channel is asked to deliver, and what
        to store (e.g. a new signing secret); raise ``DestinationError`` saying what is
        wrong. ``settings`` may be None (then the defaults apply). By default a channel
        takes no address: it delivers to the subscriber."""
        if address:
            raise DestinationError(f"the {cls.name} channel takes no address")
        return Destination(cls.name)

    @abstractmethod
    def send(self, alert: Alert) -> None:
        """Deliver one alert to ``alert.destination``, or raise a delivery error above."""

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
