"""How often the public subscription page may be used (docs/security.md):

- per client address: every POST to ``/subscribe`` (preview or subscribe) is stamped in
  the state database; past ``per_address_per_minute`` stamps within a minute the request
  is refused with 429 and ``Retry-After``, before anything is checked, created or sent;
- per email address: the confirmation emails sent to one address within a day are its
  pending public subscriptions of that day; past ``per_email_per_day`` another request for
  it is refused the same way, so the page cannot be used to flood someone's inbox.

The per-address count is the web app's one sliding log (``rate_limits.RateLimiter``,
scope ``subscribe``): every web process shares it, a restart forgets nothing, and two
processes at the limit never both let a request through.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import select

from myrtille.config.web import PublicSubscribeSettings, RateLimit
from myrtille.store.database import Database
from myrtille.store.schema import utcnow
from myrtille.store.subscriptions import Subscriber, Subscription
from myrtille.web.rate_limits import RateLimiter

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
        """Count this client's request; 0 when it may go on, else the seconds to wait."""
        limit = RateLimit(requests=self.rules.per_address_per_minute, window=ADDRESS_WINDOW)
        return RateLimiter(self.database, self.clock).wait("subscribe", client, limit)

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
