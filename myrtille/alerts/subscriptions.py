"""Subscribers and subscriptions: creation with validation, double opt-in, and the
active set the matcher is built from."""

from __future__ import annotations

import base64
import logging
import re
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sqlalchemy import func, select

from myrtille.alerts.matcher import CompiledSubscription, Matcher, required_keys
from myrtille.alerts.tokens import sign, verify
from myrtille.exceptions import MyrtilleError
from myrtille.index.query import QueryError, ValueResolver, parse
from myrtille.store.database import Database
from myrtille.store.schema import Subscriber, Subscription, utcnow

if TYPE_CHECKING:
    from myrtille.config.settings import Settings

log = logging.getLogger(__name__)

Frequency = Literal["immediate", "daily", "weekly"]
FREQUENCIES = ("immediate", "daily", "weekly")
CHANNELS = ("email", "webhook", "stream", "apprise")
CONFIRM_MAX_AGE = 7 * 86400
_LOCAL = r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
EMAIL = re.compile(rf"^{_LOCAL}@{_LABEL}(?:\.{_LABEL})+$")


class SubscriptionError(MyrtilleError):
    """A subscription that cannot be created as asked; the message says why."""


def normalise_email(address: str) -> str:
    """The address with its domain lowercased; refuses what could break a header."""
    text = address.strip()
    if (
        any(c in text for c in '\r\n\t ,;<>"')
        or not EMAIL.match(text)
        or len(text) > 254
        or ".." in text
    ):
        raise SubscriptionError(f"'{address.strip()[:80]}' is not a valid email address")
    local, domain = text.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def check_apprise(url: str, settings: Settings | None) -> None:
    """Refuse now what the Apprise channel would refuse at every send."""
    # Imported here: Apprise loads its plugins, which only this path needs.
    from myrtille.alerts.channels.apprise import check_apprise_url
    from myrtille.alerts.channels.base import PermanentDeliveryError, TransientDeliveryError
    from myrtille.config.settings import AppriseSettings, WebhookSettings

    schemas = (settings.apprise if settings else AppriseSettings()).schemas
    allow_private = (settings.webhooks if settings else WebhookSettings()).allow_private
    try:
        check_apprise_url(url, schemas, list(allow_private))
    except (PermanentDeliveryError, TransientDeliveryError) as exc:
        raise SubscriptionError(f"apprise URL: {exc}") from None


@dataclass
class Created:
    subscriber_id: int
    subscription_id: int
    active: bool
    confirm_token: str | None
    # Shown once to the subscriber: their receiver verifies webhook signatures with it.
    webhook_secret: str | None = None


def new_webhook_secret() -> str:
    """A Standard Webhooks secret: ``whsec_`` + base64 of 24 random bytes."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


def create_subscription(
    database: Database,
    secret: bytes,
    *,
    email: str,
    query: str,
    frequency: str = "immediate",
    channels: list[str] | None = None,
    webhook_url: str | None = None,
    apprise_url: str | None = None,
    language: str = "fr",
    name: str | None = None,
    kind: str = "sme",
    confirmed_by_operator: bool = False,
    require_confirmation: bool = False,
    resolver: ValueResolver | None = None,
    agent_id: int | None = None,
    settings: Settings | None = None,
) -> Created:
    """Validate and store; without operator consent the subscription waits for the
    subscriber to confirm through a signed link (double opt-in). An Apprise URL is
    checked against ``settings`` (its allowed schemas and private-address allowances;
    without settings, the defaults)."""
    address = normalise_email(email)
    try:
        parse(query, resolver)
    except QueryError as exc:
        raise SubscriptionError(f"invalid query: {exc}") from None
    if frequency not in FREQUENCIES:
        raise SubscriptionError(f"frequency must be one of {', '.join(FREQUENCIES)}")
    channels = channels or [
        "email",
        *(["webhook"] if webhook_url else []),
        *(["apprise"] if apprise_url else []),
    ]
    unknown = [c for c in channels if c not in CHANNELS]
    if unknown:
        raise SubscriptionError(
            f"unknown channel(s) {', '.join(unknown)}; use {', '.join(CHANNELS)}"
        )
    if "webhook" in channels and not (webhook_url or "").startswith(("https://", "http://")):
        raise SubscriptionError("a webhook channel needs --webhook https://…")
    if "apprise" in channels and "://" not in (apprise_url or ""):
        raise SubscriptionError("an apprise channel needs an Apprise URL (e.g. ntfy://topic)")
    if apprise_url:
        check_apprise(apprise_url, settings)
    webhook_secret = new_webhook_secret() if webhook_url else None
    if language not in ("fr", "en"):
        raise SubscriptionError("language must be fr or en")
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
            channels=channels,
            webhook_url=webhook_url,
            webhook_secret=webhook_secret,
            apprise_url=apprise_url,
            agent_id=agent_id,
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
        return Created(subscriber.id, subscription.id, subscription.active, token, webhook_secret)


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
    from myrtille.alerts.channels.base import PermanentDeliveryError, TransientDeliveryError
    from myrtille.alerts.channels.email import EmailChannel

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
        rows = session.execute(
            select(Subscription.id, Subscription.query, Subscription.channels)
            .join(Subscriber, Subscriber.id == Subscription.subscriber_id)
            .where(
                Subscription.active.is_(True),
                Subscription.paused.is_(False),
                Subscriber.confirmed_at.is_not(None),
                Subscriber.paused.is_(False),
            )
        )
        for subscription_id, query, channels in rows:
            try:
                node = parse(query, resolver)
            except QueryError as exc:
                # A lexicon change can invalidate an old query: skip it loudly, go on.
                log.error("subscription %s has an invalid query, skipped: %s", subscription_id, exc)
                continue
            matcher.add(
                CompiledSubscription(
                    subscription_id, node, required_keys(node), tuple(channels or ["email"])
                )
            )
    return matcher
