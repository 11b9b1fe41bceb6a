"""What a channel is given to deliver and how it says how it went: the alert (and the
digest, email's way of sending several), the destination of one subscription on one
channel, and the delivery errors.

A channel says how a delivery went by returning (sent) or raising:
``TransientDeliveryError`` (try again later: timeouts, 5xx, a refused connection) or
``PermanentDeliveryError`` (stop: a hard bounce, 410 Gone, an address that cannot work),
whose ``effect`` tells the dispatcher what to change (pause the subscriber, disable the
channel of the subscription). Below the channels and the modules they use (mail, smtp,
wire, netguard), which all import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from myrtille.exceptions import ItemError, MyrtilleError, TransientError
from myrtille.texts import N_, gettext


@dataclass(frozen=True)
class Destination:
    """Where one channel delivers one subscription's alerts: a copy of its stored row
    (``SubscriptionDestination``); what ``address`` and ``secret`` mean is the channel's."""

    channel: str
    address: str | None = None
    secret: str | None = None


class Worded:
    """An error's words in the catalogue, beside its English message (kept for the API,
    the CLI and logs): ``reason`` is a msgid, ``params`` its values; a value that is a
    ``Worded`` error or a ``Msgid`` is itself shown in the reader's language."""

    reason: str | None = None
    params: dict[str, Any] | None = None

    def worded(self, reason: str, /, **params: Any) -> Any:
        self.reason, self.params = reason, params
        return self

    def text(self, lang: str) -> str:
        if self.reason is None:
            return str(self)
        values = {k: _shown(v, lang) for k, v in (self.params or {}).items()}
        return gettext(lang, self.reason, **values)


class Words(Worded):
    """Words with no error of their own: a part of another error's words."""

    def __init__(self, reason: str, /, **params: Any) -> None:
        self.worded(reason, **params)

    def __str__(self) -> str:  # the English words
        return str(self.reason).format(**{k: str(v) for k, v in (self.params or {}).items()})


class Msgid(str):
    """A parameter that is a catalogue msgid (e.g. "a loopback address"), shown translated."""


def _shown(value: Any, lang: str) -> Any:
    if isinstance(value, Worded):
        return value.text(lang)
    return gettext(lang, value) if isinstance(value, Msgid) else value


class DestinationError(Worded, MyrtilleError):
    """A destination its channel cannot deliver to; the message says why and what to give
    (``text(lang)``: the same in a page's language)."""


# The title of a document removed (retention) before its alert went out: webhooks and
# the stream carry it as it is, emails say it in the subscriber's language.
REMOVED_TITLE = N_("(document removed)")


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
    attempt: int = 1
    # A legal notice about a portfolio company, sent at once: marked urgent.
    urgent: bool = False
    # The subscriber's IANA time zone for dates shown (None: email.timezone).
    timezone: str | None = None
    # The subscription in plain words (alerts/describe.py): what a firm reads, never the query.
    description: str = ""


class TransientDeliveryError(TransientError):
    """Worth another try later."""


class PermanentDeliveryError(Worded, ItemError):
    """Not worth trying again; ``effect`` says what the dispatcher should change."""

    def __init__(
        self, message: str, effect: Literal["none", "pause_subscriber", "disable_channel"] = "none"
    ) -> None:
        super().__init__(message)
        self.effect = effect


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
