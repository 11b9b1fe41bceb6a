"""Mentions per period and their spikes, from a day histogram of the index.

Pure functions over ``(bucket, count)`` pairs, so that the rule is tested without an
index or the API. The spike rule:

    a period is a spike when its count is at least MIN_SPIKE_COUNT (3) and greater than
    mean + 2 × standard deviation of the ``baseline`` periods just before it (population
    standard deviation; a period without ``baseline`` earlier periods is never a spike).

The minimum count keeps one or two articles after a silent week from being called a
spike; the callers ask for ``baseline`` periods more than they show so that every shown
period has a full history. ``index_trend`` is the one place that asks an index for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean, pstdev
from typing import Literal

from myrtille.index.base import IndexBackend, SearchRequest
from myrtille.index.query import And, DateBound, Node

TrendInterval = Literal["day", "week", "month"]
SPIKE_STDEVS = 2.0
MIN_SPIKE_COUNT = 3


@dataclass(frozen=True)
class TrendPoint:
    period: date  # the first day of the period (a Monday for weeks, the 1st for months)
    count: int
    spike: bool
    # The baseline the count was compared with (None without a full history).
    baseline_mean: float | None = None
    threshold: float | None = None


def period_start(day: date, interval: TrendInterval) -> date:
    if interval == "month":
        return day.replace(day=1)
    return day - timedelta(days=day.weekday()) if interval == "week" else day


def _months_later(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def next_period(start: date, interval: TrendInterval) -> date:
    """The first day of the period after the one starting on ``start``."""
    if interval == "month":
        return _months_later(start, 1)
    return start + timedelta(days=7 if interval == "week" else 1)


def period_starts(end: date, interval: TrendInterval, count: int) -> list[date]:
    """The first days of the ``count`` periods ending with the one that holds ``end``."""
    last = period_start(end, interval)
    if interval == "month":
        return [_months_later(last, n - count + 1) for n in range(count)]
    step = timedelta(days=7 if interval == "week" else 1)
    return [last - step * (count - 1 - n) for n in range(count)]


def period_counts(
    day_counts: Iterable[tuple[str, int]], starts: Sequence[date], interval: TrendInterval
) -> list[int]:
    """Day buckets summed per period; periods without documents count 0, days outside
    the periods are ignored."""
    slots = {start: n for n, start in enumerate(starts)}
    counts = [0] * len(starts)
    for bucket, count in day_counts:
        try:
            # Backends name day buckets 2026-01-31 (SQLite) or 2026-01-31T00:00:00… (ES).
            day = date.fromisoformat(str(bucket)[:10])
        except ValueError:
            continue
        slot = slots.get(period_start(day, interval))
        if slot is not None:
            counts[slot] += int(count)
    return counts


@dataclass(frozen=True)
class Baseline:
    """What a period is compared with: its ``baseline`` previous periods."""

    mean: float
    threshold: float


def baselines(counts: Sequence[int], baseline: int) -> list[Baseline | None]:
    """Each period's baseline; None for the first periods, which lack a full history."""
    result: list[Baseline | None] = []
    for n in range(len(counts)):
        if baseline < 1 or n < baseline:
            result.append(None)
            continue
        history = counts[n - baseline : n]
        mean = fmean(history)
        result.append(Baseline(mean, mean + SPIKE_STDEVS * pstdev(history)))
    return result


def is_spike(count: int, base: Baseline | None) -> bool:
    return base is not None and count > base.threshold and count >= MIN_SPIKE_COUNT


def trend(
    day_counts: Iterable[tuple[str, int]],
    *,
    end: date,
    interval: TrendInterval = "day",
    periods: int = 30,
    baseline: int = 7,
) -> list[TrendPoint]:
    """The last ``periods`` periods ending with ``end``; ``day_counts`` should start at
    ``window_start`` so that the first shown periods have their history too."""
    starts = period_starts(end, interval, periods + baseline)
    counts = period_counts(day_counts, starts, interval)
    bases = baselines(counts, baseline)
    points: list[TrendPoint] = []
    for start, count, base in zip(starts, counts, bases, strict=True):
        points.append(
            TrendPoint(
                period=start,
                count=count,
                spike=is_spike(count, base),
                baseline_mean=round(base.mean, 3) if base else None,
                threshold=round(base.threshold, 3) if base else None,
            )
        )
    # The first ``baseline`` periods were only history.
    return points[baseline:]


def window_start(end: date, interval: TrendInterval, periods: int, baseline: int) -> date:
    """The first day whose documents ``trend`` needs."""
    return period_starts(end, interval, periods + baseline)[0]


def index_trend(
    index: IndexBackend,
    subject: Node,
    *,
    end: date,
    interval: TrendInterval = "day",
    periods: int = 30,
    baseline: int = 7,
) -> list[TrendPoint]:
    """The trend of ``subject`` in ``index`` (the API and the trends page both use it)."""
    start = window_start(end, interval, periods, baseline)
    node = And((subject, DateBound("after", start), DateBound("before", end + timedelta(days=1))))
    # Day buckets whatever the interval: the periods are made here, the same on every backend.
    result = index.search(SearchRequest(query=node, per_page=1, histogram="day"))
    return trend(result.histogram, end=end, interval=interval, periods=periods, baseline=baseline)
