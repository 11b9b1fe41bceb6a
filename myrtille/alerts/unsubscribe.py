"""Unsubscribe links: the digest's token, and which subscriptions a token ends.

An alert's link lists its subscription (``u``, a list of ids). A digest's link names the
subscriber, the digest's frequency and when the link was made (``s``, ``f``, ``t``):
listing every subscription made its List-Unsubscribe header line outgrow RFC 5322's 998
characters for a subscriber with about a hundred subscriptions. It ends that subscriber's
subscriptions of that frequency created before ``t`` (those the digest was for), never one
made later. Tokens listing ids, already in mailboxes, keep working.
"""

from __future__ import annotations

import math
import time
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from myrtille.alerts.mail import LINK_MAX_AGE
from myrtille.alerts.tokens import TokenError, sign
from myrtille.config.delivery import EmailSettings
from myrtille.store.subscriptions import Subscription

PURPOSE = "unsubscribe"
_MALFORMED = "this link is not valid (it is malformed)"


def digest_unsubscribe_token(
    secret: bytes, subscriber_id: int, frequency: str, now: float | None = None
) -> str:
    """The one-click token of a digest: the subscriber's ``frequency`` subscriptions made
    up to now. ``t`` is in milliseconds, rounded up, so every subscription the digest
    holds was created at or before it."""
    issued = math.ceil((now if now is not None else time.time()) * 1000)
    data = {"s": subscriber_id, "f": frequency, "t": issued}
    return sign(secret, PURPOSE, data, LINK_MAX_AGE, now)


def digest_unsubscribe_url(
    email: EmailSettings, secret: bytes, subscriber_id: int, frequency: str
) -> str:
    token = digest_unsubscribe_token(secret, subscriber_id, frequency)
    return f"{email.public_url.rstrip('/')}/unsubscribe?token={token}"


def subscriptions_named(session: Session, payload: dict[str, Any]) -> list[Subscription]:
    """The subscriptions a verified unsubscribe token names, ended or not, by id."""
    query = select(Subscription).order_by(Subscription.id)
    try:
        if "u" in payload:  # an alert's link, or a digest's from before the digest token
            raw = payload["u"]
            ids = [int(value) for value in (raw if isinstance(raw, list) else [raw])]
            query = query.where(Subscription.id.in_(ids))
        else:
            issued = datetime.fromtimestamp(int(payload["t"]) / 1000, UTC)
            query = query.where(
                Subscription.subscriber_id == int(payload["s"]),
                Subscription.frequency == str(payload["f"]),
                Subscription.created_at <= issued,
            )
    except (KeyError, TypeError, ValueError, OverflowError, OSError):
        raise TokenError(_MALFORMED) from None
    return list(session.scalars(query))
