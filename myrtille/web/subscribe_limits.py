"""How often the public subscription page may be used (docs/security.md):

- per client address: every POST to ``/subscribe`` (preview or subscribe) is stamped in
  the state database; past ``per_address_per_minute`` stamps within a minute the request
  is refused with 429 and ``Retry-After``, before anything is checked, created or sent;
- per email address: the confirmation emails sent to one address within a day are its
  pending public subscriptions of that day; past ``per_email_per_day`` another request for
  it is refused the same way, so the page cannot be used to flood someone's inbox.

The stamps are rows of the sign-in throttle's table (``signin_failure``, web/throttle.py)
under a name no sign-in can have (``throttle.name_key`` strips spaces, this one starts
with one): every web process shares them, and a restart forgets nothing. Stamped first,
counted after, one client's requests in turn (SQLite's single writer, a transaction lock on
PostgreSQL): two processes at the limit may both refuse, never both let through.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, text

from myrtille.config.web import PublicSubscribeSettings
from myrtille.store.database import Database
from myrtille.store.locks import lock_key
from myrtille.store.schema import SignInFailure, utcnow
from myrtille.store.subscriptions import Subscriber, Subscription
from myrtille.web.throttle import KEY_LENGTH

STAMP_NAME = " public-subscribe"
ADDRESS_WINDOW = timedelta(minutes=1)
EMAIL_WINDOW = timedelta(days=1)


class PublicSubscribeLimits:
    def __init__(
        self,
        database: Database,
        rules: PublicSubscribeSettings,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.database = database
        self.rules = rules
        self.clock = clock

    def client_wait(self, client: str) -> int:
        """Stamp this client's request; 0 when it may go on, else the seconds to wait."""
        now = self.clock()
        since = now - ADDRESS_WINDOW
        client = client[:KEY_LENGTH]
        limit = self.rules.per_address_per_minute
        with self.database.session() as session:
            if self.database.dialect == "postgresql":
                # Concurrent transactions do not see each other's stamps: one at a time per
                # client, until commit. (SQLite has one writer at a time already.)
                session.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"),
                    {"key": lock_key(f"subscribe:{client}")},
                )
            session.add(SignInFailure(name=STAMP_NAME, client=client, failed_at=now))
            session.flush()
            mine = (
                SignInFailure.name == STAMP_NAME,
                SignInFailure.client == client,
                SignInFailure.failed_at > since,
            )
            count = session.scalar(select(func.count()).where(*mine)) or 0
            waited = 0
            if count > limit:
                # Allowed again once enough stamps have left the window.
                leaving = session.scalar(
                    select(SignInFailure.failed_at)
                    .where(*mine)
                    .order_by(SignInFailure.failed_at)
                    .offset(count - limit)
                    .limit(1)
                )
                waited = _seconds((leaving or now) + ADDRESS_WINDOW - now)
            session.execute(
                delete(SignInFailure).where(
                    SignInFailure.name == STAMP_NAME, SignInFailure.failed_at <= since
                )
            )
            return waited

    def email_wait(self, address: str) -> int:
        """0 when one more confirmation email may go to ``address`` today, else the seconds
        until the oldest of the day's leaves the window."""
        now = self.clock()
        with self.database.session() as session:
            sent = list(
                session.scalars(
                    select(Subscription.created_at)
                    .join(Subscriber, Subscriber.id == Subscription.subscriber_id)
                    .where(
                        Subscriber.email == address,
                        Subscription.agent_id.is_(None),
                        Subscription.created_at > now - EMAIL_WINDOW,
                    )
                    .order_by(Subscription.created_at)
                )
            )
        limit = self.rules.per_email_per_day
        if len(sent) < limit:
            return 0
        return _seconds(sent[len(sent) - limit] + EMAIL_WINDOW - now)


def _seconds(delta: timedelta) -> int:
    return max(1, math.ceil(delta.total_seconds()))
