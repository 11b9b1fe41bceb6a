"""Rate limits shared by every web process (docs/security.md, ``web.rate_limits``): per API
key on /api/v1, per client address on the public pages.

A sliding log: each request served is a row of the state database (``request_stamp``),
stamped first and counted after, one subject's requests in turn (SQLite's single writer,
a transaction lock on PostgreSQL), so that two processes at the limit never both let a
request through; at most ``requests`` rows fall within any ``window``. A limit held
in a process's memory would let each process behind a proxy serve the whole limit again.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Literal

from fastapi import Request
from sqlalchemy import delete, func, select, text

from myrtille.config.web import RateLimit
from myrtille.store.database import Database
from myrtille.store.locks import lock_key
from myrtille.store.schema import RequestStamp, utcnow
from myrtille.web.sessions import signed_in
from myrtille.web.throttle import client_address

Scope = Literal["api", "public", "subscribe"]
SUBJECT_LENGTH = 128  # the width of the subject column


class RateLimiter:
    def __init__(self, database: Database, clock: Callable[[], datetime] = utcnow) -> None:
        self.database = database
        self.clock = clock

    def wait(self, scope: Scope, subject: str, limit: RateLimit) -> int:
        """Count this request of ``subject``; 0 when it may be served, else the seconds
        until it would be (for ``Retry-After``)."""
        now = self.clock()
        since = now - limit.window
        subject = subject[:SUBJECT_LENGTH]
        with self.database.session() as session:
            if self.database.dialect == "postgresql":
                # Concurrent transactions do not see each other's stamps: one at a time per
                # subject, until commit. (SQLite has one writer at a time already.)
                session.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"),
                    {"key": lock_key(f"rate:{scope}:{subject}")},
                )
            stamp = RequestStamp(scope=scope, subject=subject, at=now)
            session.add(stamp)
            session.flush()
            mine = (
                RequestStamp.scope == scope,
                RequestStamp.subject == subject,
                RequestStamp.at > since,
            )
            count = session.scalar(select(func.count()).where(*mine)) or 0
            waited = 0
            if count > limit.requests:
                # Served again once enough stamps have left the window: the others (ours
                # is the newest) must fall below the limit.
                leaving = session.scalar(
                    select(RequestStamp.at)
                    .where(*mine)
                    .order_by(RequestStamp.at)
                    .offset(count - limit.requests - 1)
                    .limit(1)
                )
                waited = _seconds((leaving or now) + limit.window - now)
                # A refused request is not served, so it does not count: a flood keeps the
                # subject's rows at the limit, and a client that waits is served.
                session.delete(stamp)
            # Stamps older than this scope's window count for nobody any more.
            session.execute(
                delete(RequestStamp).where(RequestStamp.scope == scope, RequestStamp.at <= since)
            )
            return waited


class PublicPagesLimited(Exception):
    """A client has asked for more public pages than ``web.rate_limits.public_pages``
    allows; the UI answers 429 with ``Retry-After`` in the reader's language."""

    def __init__(self, wait_seconds: int) -> None:
        super().__init__(f"retry after {wait_seconds} s")
        self.wait_seconds = wait_seconds


def public_pages_limit(request: Request) -> None:
    """The public pages' dependency: counts a client that is not a signed-in agent."""
    if signed_in(request) is not None:
        return
    app = request.app.state
    limit = app.settings.web.rate_limits.public_pages
    wait = RateLimiter(app.database).wait("public", client_address(request), limit)
    if wait:
        raise PublicPagesLimited(wait)


def _seconds(delta: timedelta) -> int:
    return max(1, math.ceil(delta.total_seconds()))
