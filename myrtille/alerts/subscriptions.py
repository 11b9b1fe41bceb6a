"""Subscribers and subscriptions: creation with validation, double opt-in, and the
active set the matcher is built from."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from sqlalchemy import func, select

from myrtille.alerts.channels import CHANNELS, UnknownChannel
from myrtille.alerts.delivery import DestinationError, Worded
from myrtille.alerts.matcher import CompiledSubscription, Matcher, required_keys
from myrtille.alerts.tokens import sign, verify
from myrtille.alerts.urgency import names_portfolio, portfolio_sirens
from myrtille.exceptions import MyrtilleError
from myrtille.index.query import QueryError, ValueResolver, parse
from myrtille.store.database import Database
from myrtille.store.schema import utcnow
from myrtille.store.subscriptions import Subscriber, Subscription, SubscriptionDestination
from myrtille.texts import N_, gettext

if TYPE_CHECKING:
    from myrtille.config.settings import Settings

log = logging.getLogger(__name__)

Frequency = Literal["immediate", "daily", "weekly"]
FREQUENCIES = ("immediate", "daily", "weekly")
# What agents read for each frequency (pages and the CLI), in their language.
FREQUENCY_NAMES = {
    "immediate": N_("immediate alert"),
    "daily": N_("daily digest"),
    "weekly": N_("weekly digest"),
}
CONFIRM_MAX_AGE = 7 * 86400
_LOCAL = r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
EMAIL = re.compile(rf"^{_LOCAL}@{_LABEL}(?:\.{_LABEL})+$")


class SubscriptionError(MyrtilleError):
    """A subscription that cannot be created as asked; the message says why (English, for
    the API and the CLI) and ``text(lang)`` says it in a page's language."""

    def __init__(
        self,
        message: str,
        reason: str | None = None,
        query: QueryError | None = None,
        cause: Worded | None = None,
        **params: str,
    ) -> None:
        super().__init__(message)
        self.reason = reason  # a catalogue msgid, or None: the message is shown as written
        self.query = query
        self.cause = cause  # a channel's refusal of an address, with its own words
        self.params = params

    def text(self, lang: str) -> str:
        if self.cause is not None:
            return self.cause.text(lang)
        if self.query is not None:
            return gettext(lang, "invalid query: {detail}", detail=self.query.text(lang))
        return gettext(lang, self.reason, **self.params) if self.reason else str(self)


def normalise_email(address: str) -> str:
    """The address with its domain lowercased; refuses what could break a header."""
    text = address.strip()
    if (
        any(c in text for c in '\r\n\t ,;<>"')
        or not EMAIL.match(text)
        or len(text) > 254
        or ".." in text
    ):
        shown = address.strip()[:80]
        raise SubscriptionError(
            f"'{shown}' is not a valid email address",
            N_("'{address}' is not a valid email address"),
            address=shown,
        )
    local, domain = text.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


@dataclass
class Created:
    subscriber_id: int
    subscription_id: int
    active: bool
    confirm_token: str | None
    # Secrets made by channels (a webhook's signing secret), by channel: shown once to the
    # subscriber, whose receiver verifies signatures with them.
    secrets: dict[str, str] = field(default_factory=dict)

    @property
    def webhook_secret(self) -> str | None:
        """The API's and the CLI's name for the webhook channel's secret."""
        return self.secrets.get("webhook")


def destinations_for(
    channels: list[str] | None,
    addresses: Mapping[str, str | None],
    settings: Settings | None,
) -> list[SubscriptionDestination]:
    """The destination rows of a new subscription, each checked by its channel. Without
    ``channels``: the default channels plus every channel given an address."""
    given = {channel: address for channel, address in addresses.items() if address}
    if not channels:
        defaults = [name for name in CHANNELS.names() if CHANNELS.get(name).default]
        channels = [*defaults, *(c for c in given if c not in defaults)]
    rows = []
    for channel in dict.fromkeys(channels):
        try:
            destination = CHANNELS.get(channel).destination(given.get(channel), settings)
        except UnknownChannel as exc:
            raise SubscriptionError(str(exc)) from None
        except DestinationError as exc:
            raise SubscriptionError(str(exc), cause=exc) from None
        rows.append(
            SubscriptionDestination(
                channel=channel, address=destination.address, secret=destination.secret
            )
        )
    return rows


def create_subscription(
    database: Database,
    secret: bytes,
    *,
    email: str,
    query: str,
    frequency: str = "immediate",
    channels: list[str] | None = None,
    addresses: Mapping[str, str | None] | None = None,
    language: str = "fr",
    name: str | None = None,
    kind: str = "sme",
    confirmed_by_operator: bool = False,
    require_confirmation: bool = False,
    resolver: ValueResolver | None = None,
    agent_id: int | None = None,
    settings: Settings | None = None,
    urgent: bool | None = None,
) -> Created:
    """Validate and store; without operator consent the subscription waits for the
    subscriber to confirm through a signed link (double opt-in). ``addresses`` gives a
    channel where to deliver (a webhook's URL, an Apprise URL), which the channel checks
    against ``settings`` (without settings, the defaults). ``urgent`` (urgent legal
    notices at once) defaults to on when the query names a portfolio, off otherwise."""
    address = normalise_email(email)
    try:
        node = parse(query, resolver)
    except QueryError as exc:
        raise SubscriptionError(f"invalid query: {exc}", query=exc) from None
    if frequency not in FREQUENCIES:
        raise SubscriptionError(
            f"frequency must be one of {', '.join(FREQUENCIES)}",
            N_("frequency must be one of {choices}"),
            choices=", ".join(FREQUENCIES),
        )
    destinations = destinations_for(channels, addresses or {}, settings)
    if language not in ("fr", "en"):
        raise SubscriptionError("language must be fr or en", N_("language must be fr or en"))
    with database.session() as session:
        subscriber = session.scalar(select(Subscriber).where(Subscriber.email == address))
        if subscriber is None:
            subscriber = Subscriber(email=address, language=language, kind=kind)
            session.add(subscriber)
            session.flush()
        if confirmed_by_operator and subscriber.confirmed_at is None:
            subscriber.confirmed_at = utcnow()
            subscriber.consent = "operator"
            log.warning("consent for %s recorded by an operator (obtained elsewhere)", address)
        subscription = Subscription(
            subscriber_id=subscriber.id,
            name=name or query[:80],
            query=query,
            frequency=frequency,
            destinations=destinations,
            agent_id=agent_id,
            urgent=names_portfolio(node) if urgent is None else urgent,
            # Someone else asking for an address already confirmed still needs its owner's
            # say for this new subscription (require_confirmation).
            active=subscriber.confirmed_at is not None and not require_confirmation,
        )
        session.add(subscription)
        session.flush()
        token = (
            None
            if subscription.active
            else sign(
                secret, "confirm", {"s": subscriber.id, "u": [subscription.id]}, CONFIRM_MAX_AGE
            )
        )
        secrets = {d.channel: d.secret for d in destinations if d.secret}
        return Created(subscriber.id, subscription.id, subscription.active, token, secrets)


def confirm(database: Database, secret: bytes, token: str) -> int:
    """Record the subscriber's consent and activate their subscriptions."""
    payload = verify(secret, token, "confirm")
    with database.session() as session:
        subscriber = session.get(Subscriber, int(payload["s"]))
        if subscriber is None:
            raise SubscriptionError("this subscriber no longer exists")
        first = subscriber.confirmed_at is None
        if first:
            subscriber.confirmed_at = utcnow()
            subscriber.consent = "link"
        # A first confirmation activates everything the address was signed up for (all of
        # it was pending). Later links activate only the subscriptions they were made for,
        # so a new link never brings back subscriptions the subscriber turned off.
        wanted = [int(i) for i in payload.get("u", [])]
        # What was unsubscribed or deleted stays so, whatever link is followed.
        query = select(Subscription).where(
            Subscription.subscriber_id == subscriber.id, Subscription.ended_at.is_(None)
        )
        if not first:
            query = query.where(Subscription.id.in_(wanted))
        for subscription in session.scalars(query):
            subscription.active = True
            subscription.updated_at = utcnow()
        return subscriber.id


def ask_to_confirm(
    settings: Settings,
    secret: bytes,
    address: str,
    language: str,
    token: str,
    description: str = "",
) -> str | None:
    """Email the double opt-in link (or write it as .eml without SMTP), saying what the
    subscription is in plain words when ``description`` is given; None when done, else
    why it could not be sent (the subscription stays pending)."""
    from myrtille.alerts.channels.email import EmailChannel
    from myrtille.alerts.delivery import PermanentDeliveryError, TransientDeliveryError

    try:
        EmailChannel(settings, secret).send_confirmation(address, language, token, description)
    except (TransientDeliveryError, PermanentDeliveryError, OSError) as exc:
        return str(exc)
    return None


def end_subscription(subscription: Subscription) -> bool:
    """Unsubscribe (or delete): inactive for good; False when it had already ended."""
    if subscription.ended_at is not None and not subscription.active:
        return False
    now = utcnow()
    subscription.active = False
    subscription.ended_at = subscription.ended_at or now
    # updated_at moves the subscriptions' version: the matcher reloads.
    subscription.updated_at = now
    return True


def subscriptions_version(database: Database) -> tuple[int, str]:
    """Changes when a subscription is added, changed or removed (for live reloads)."""
    with database.session() as session:
        count, latest = session.execute(
            select(func.count(), func.max(Subscription.updated_at))
        ).one()
        return int(count), str(latest)


def load_matcher(database: Database, resolver: ValueResolver | None = None) -> Matcher:
    """The matcher of the active, confirmed, unpaused subscriptions of subscribers not
    paused."""
    matcher = Matcher()
    with database.session() as session:
        rows = session.scalars(
            select(Subscription)
            .join(Subscriber, Subscriber.id == Subscription.subscriber_id)
            .where(
                Subscription.active.is_(True),
                Subscription.paused.is_(False),
                Subscriber.confirmed_at.is_not(None),
                Subscriber.paused.is_(False),
            )
        )
        for subscription in rows:
            subscription_id, query, channels, urgent = (
                subscription.id,
                subscription.query,
                subscription.channels,
                subscription.urgent,
            )
            if not channels:
                # Every channel of it was disabled by a delivery: nothing to send to.
                continue
            try:
                node = parse(query, resolver)
            except QueryError as exc:
                # A lexicon change can invalidate an old query: skip it loudly, go on.
                log.error("subscription %s has an invalid query, skipped: %s", subscription_id, exc)
                continue
            matcher.add(
                CompiledSubscription(
                    subscription_id,
                    node,
                    required_keys(node),
                    tuple(channels),
                    portfolio_sirens(node) if urgent else frozenset(),
                )
            )
    return matcher
