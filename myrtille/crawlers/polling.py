"""Adaptive polling: each source's poll interval follows what its crawls give.

A pure rule, kept apart from the database: ``record_run`` feeds it each crawl's outcome
and stores the answer in ``source_state``; ``due_sources`` reads it back.
"""

from __future__ import annotations

from datetime import timedelta

MIN_INTERVAL = timedelta(minutes=5)
MAX_BACKOFF = timedelta(hours=24)
SHORTEN = 0.75
LENGTHEN = 1.5
BACKOFF_AFTER = 3  # the third failure in a row starts backing off


def bounds(configured: timedelta) -> tuple[timedelta, timedelta]:
    """The range a successful source's interval moves in: configured/4 to configured×4,
    never under 5 minutes unless the configured interval itself is shorter."""
    lowest = configured if configured < MIN_INTERVAL else max(configured / 4, MIN_INTERVAL)
    return lowest, configured * 4


def _clamp(value: timedelta, lowest: timedelta, highest: timedelta) -> timedelta:
    return max(lowest, min(value, highest))


def _whole_seconds(value: timedelta) -> timedelta:
    return timedelta(seconds=round(value.total_seconds()))


def next_interval(
    configured: timedelta,
    current: timedelta | None,
    *,
    new_items: int,
    failed: bool,
    consecutive_failures: int,
) -> tuple[timedelta, bool]:
    """The interval to wait after this run, and whether the source is backing off.

    ``current`` is the interval in force before this run (``None``: the configured one);
    ``consecutive_failures`` counts the failures in a row *before* this run.
    """
    lowest, highest = bounds(configured)
    current = current or configured
    if failed:
        streak = consecutive_failures + 1
        ceiling = max(MAX_BACKOFF, configured)
        interval = _clamp(current * 2, lowest, ceiling)
        return _whole_seconds(interval), streak >= BACKOFF_AFTER
    if consecutive_failures > 0:
        return configured, False
    factor = SHORTEN if new_items > 0 else LENGTHEN
    return _whole_seconds(_clamp(current * factor, lowest, highest)), False


def effective_interval(
    configured: timedelta, poll_interval_seconds: int | None, backing_off: bool = False
) -> timedelta:
    """The interval the schedule uses: the adapted one when there is one, kept within the
    bounds of the configured interval (which may have changed since it was stored)."""
    if not poll_interval_seconds:
        return configured
    lowest, highest = bounds(configured)
    if backing_off:
        highest = max(MAX_BACKOFF, configured)
    return _clamp(timedelta(seconds=poll_interval_seconds), lowest, highest)
