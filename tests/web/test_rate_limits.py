"""The rate limiter's sliding window on SQLite and PostgreSQL, on a clock the test moves:
never more than the limit within any window, a refused request not counted, and a client
that waits ``Retry-After`` served."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from myrtille.config.web import RateLimit
from myrtille.store.database import Database
from myrtille.store.schema import RequestStamp
from myrtille.web.rate_limits import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def stamps(database: Database) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(RequestStamp)) or 0)


def test_the_window_slides_and_a_client_that_waits_is_served(database: Database) -> None:
    clock = Clock()
    limiter = RateLimiter(database, clock)
    limit = RateLimit(requests=3, window=timedelta(minutes=1))
    waits = []
    for seconds in (0, 10, 20, 30):
        clock.now += timedelta(seconds=seconds and 10)
        waits.append(limiter.wait("api", "agent:1", limit))
    # Three served at 0, 10 and 20 s; the fourth at 30 s waits until the first leaves.
    assert waits == [0, 0, 0, 30]
    # Knocking again and again while refused does not push the wait back, nor grow the table.
    for _ in range(20):
        assert limiter.wait("api", "agent:1", limit) == 30
    assert stamps(database) == 3
    # Others are counted apart: another subject, another scope.
    assert limiter.wait("api", "agent:2", limit) == 0
    assert limiter.wait("public", "agent:1", limit) == 0
    clock.now += timedelta(seconds=30)
    assert limiter.wait("api", "agent:1", limit) == 0
    assert limiter.wait("api", "agent:1", limit) == 10
    # After a whole window, the scope's old stamps are gone (agent:2's too); the public
    # scope's stamp goes with the next public request.
    clock.now += timedelta(minutes=5)
    assert limiter.wait("api", "agent:1", limit) == 0
    assert stamps(database) == 2
