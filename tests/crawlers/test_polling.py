"""Adaptive polling: the interval rule, its persistence, and the schedule that uses it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from myrtille.config.settings import Settings
from myrtille.crawlers.health import SourceRun, record_run
from myrtille.crawlers.polling import bounds, effective_interval, next_interval
from myrtille.crawlers.runner import due_sources
from myrtille.store.database import Database
from myrtille.store.schema import SourceState, utcnow
from tests.web.test_sources_page import load_state

M = timedelta(minutes=1)
H = timedelta(hours=1)


def step(
    configured: timedelta,
    current: timedelta | None,
    *,
    new: int = 0,
    failed: bool = False,
    failures: int = 0,
) -> tuple[timedelta, bool]:
    return next_interval(
        configured, current, new_items=new, failed=failed, consecutive_failures=failures
    )


def test_new_items_shorten_and_nothing_new_lengthens() -> None:
    assert step(60 * M, None, new=3) == (45 * M, False)
    assert step(60 * M, 40 * M, new=1) == (30 * M, False)
    assert step(60 * M, None) == (90 * M, False)
    assert step(60 * M, 90 * M) == (135 * M, False)


@pytest.mark.parametrize(
    ("configured", "lowest", "highest"),
    [
        (60 * M, 15 * M, 4 * H),
        (12 * M, 5 * M, 48 * M),  # configured/4 = 3m, raised to the 5-minute floor
        (2 * M, 2 * M, 8 * M),  # configured under 5 minutes: the configured interval
        (5 * M, 5 * M, 20 * M),
    ],
)
def test_bounds(configured: timedelta, lowest: timedelta, highest: timedelta) -> None:
    assert bounds(configured) == (lowest, highest)
    assert step(configured, lowest, new=5) == (lowest, False)
    assert step(configured, highest) == (highest, False)


def test_interval_converges_to_bounds() -> None:
    current = None
    for _ in range(20):
        current, _ = step(30 * M, current)
    assert current == 2 * H
    for _ in range(20):
        current, _ = step(30 * M, current, new=2)
    assert current == timedelta(minutes=7, seconds=30)


def test_failures_double_up_to_a_day_and_back_off_from_the_third() -> None:
    assert step(60 * M, None, failed=True, failures=0) == (2 * H, False)
    assert step(60 * M, 2 * H, failed=True, failures=1) == (4 * H, False)
    assert step(60 * M, 4 * H, failed=True, failures=2) == (8 * H, True)
    assert step(60 * M, 8 * H, failed=True, failures=3) == (16 * H, True)
    assert step(60 * M, 16 * H, failed=True, failures=4) == (24 * H, True)
    assert step(60 * M, 24 * H, failed=True, failures=5) == (24 * H, True)
    # Backing off may go past configured×4, never past a day.
    assert step(6 * H, 6 * H, failed=True, failures=0) == (12 * H, False)
    # A failure with items still counts as a failure.
    assert step(60 * M, None, new=4, failed=True, failures=0) == (2 * H, False)


def test_success_after_failures_returns_to_configured() -> None:
    assert step(60 * M, 24 * H, failures=5) == (60 * M, False)
    assert step(60 * M, 2 * H, new=3, failures=1) == (60 * M, False)


def test_effective_interval_keeps_within_current_bounds() -> None:
    assert effective_interval(30 * M, None) == 30 * M
    assert effective_interval(30 * M, 45 * 60) == 45 * M
    # The configured interval changed since: the stored one is brought back in range.
    assert effective_interval(10 * M, 24 * 3600) == 40 * M
    assert effective_interval(10 * M, 24 * 3600, backing_off=True) == 24 * H


def run_of(source_id: str, *, new: int = 0, error: str | None = None) -> SourceRun:
    run = SourceRun(source_id=source_id, kind="feed", interval=30 * M)
    run.new = run.found = new
    if error:
        run.fail(error)
    return run


def test_record_run_persists_the_adapted_interval(database: Database) -> None:
    record_run(database, run_of("eco"))
    state = load_state(database, "eco")
    assert state is not None
    assert state.poll_interval_seconds == 45 * 60 and state.backing_off is False

    record_run(database, run_of("eco", new=2))
    state = load_state(database, "eco")
    assert state is not None and state.poll_interval_seconds == round(45 * 60 * 0.75)

    for _ in range(3):
        record_run(database, run_of("eco", error="HTTP 503 server error"))
    state = load_state(database, "eco")
    assert state is not None
    assert state.consecutive_failures == 3 and state.backing_off is True
    assert state.poll_interval_seconds == round(45 * 60 * 0.75) * 8

    record_run(database, run_of("eco"))
    state = load_state(database, "eco")
    assert state is not None
    assert state.poll_interval_seconds == 30 * 60 and state.backing_off is False


def test_record_run_without_configured_interval_leaves_it(database: Database) -> None:
    record_run(database, SourceRun(source_id="eco", kind="feed"))
    state = load_state(database, "eco")
    assert state is not None
    assert state.poll_interval_seconds is None and state.backing_off is False


def test_due_sources_honours_a_lengthened_interval(
    database: Database, settings_for: Callable[..., Settings]
) -> None:
    settings = settings_for(
        [
            {"id": "quiet", "kind": "feed", "url": "https://example.org/q.xml", "interval": "30m"},
            {"id": "plain", "kind": "feed", "url": "https://example.org/p.xml", "interval": "30m"},
        ]
    )
    record_run(database, run_of("quiet"))  # nothing new: 30m becomes 45m
    crawled = utcnow() - timedelta(hours=1)
    with database.session() as session:
        for source_id in ("quiet", "plain"):
            state = session.get(SourceState, source_id) or SourceState(
                source_id=source_id, kind="feed"
            )
            state.last_attempt_at = crawled
            session.merge(state)

    def due(after: timedelta) -> list[str]:
        return [s.id for s in due_sources(settings, database, now=crawled + after)]

    # Each source also waits its own offset (under 10 % of the interval; see test_jitter).
    assert due(29 * M) == []
    assert due(34 * M) == ["plain"]  # past the configured interval, not the adapted one
    assert due(50 * M) == ["quiet", "plain"]
