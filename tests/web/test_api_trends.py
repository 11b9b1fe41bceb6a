"""Trends through the REST API on a real server (a sector's spike today, a company's counts,
a query per week, bad subjects and parameters answered 400), and the trends computation
itself (spikes over a baseline, periods filled with zeros)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from myrtille.index.trends import baselines, is_spike, period_counts, period_starts, trend
from tests.web.api_calls import assert_error, get
from tests.web.conftest import NOW, Live

TODAY = NOW.date()
# Counts are read against the server's today: it must stay NOW's date (tests/web/conftest.py).
pytestmark = pytest.mark.usefixtures("same_day")


# -- trends -------------------------------------------------------------------------------


def test_trends_of_a_sector_show_todays_spike(live: Live) -> None:
    response = get(live, "/api/v1/trends?sector=énergie")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["subject"] == "sector:energy" and body["interval"] == "day"
    points = body["points"]
    assert len(points) == 30 and body["periods"] == 30 and body["baseline"] == 7
    assert points[-1]["period"] == TODAY.isoformat() == body["end"]
    assert points[0]["period"] == (TODAY - timedelta(days=29)).isoformat() == body["start"]
    assert points[-1]["count"] == 4 and points[-1]["spike"] is True
    assert points[-1]["baseline_mean"] == 0 and points[-1]["threshold"] == 0
    assert [p["period"] for p in points if p["spike"]] == [TODAY.isoformat()]
    assert body["total"] == 5  # four today, one 15 days ago


def test_trends_of_a_company_without_spike(live: Live) -> None:
    body = get(live, "/api/v1/trends?company=Aérovolt&periods=10&baseline=3").json()
    counts = {p["period"]: p["count"] for p in body["points"]}
    assert len(counts) == 10 and sum(counts.values()) == 2
    assert counts[(TODAY - timedelta(days=3)).isoformat()] == 1
    assert not any(p["spike"] for p in body["points"])


def test_trends_of_a_query_per_week(live: Live) -> None:
    body = get(live, "/api/v1/trends?q=event:acquisition&interval=week&periods=8").json()
    periods = [date.fromisoformat(p["period"]) for p in body["points"]]
    assert len(periods) == 8 and all(day.weekday() == 0 for day in periods)
    assert periods[-1] == TODAY - timedelta(days=TODAY.weekday())
    assert body["total"] == 3  # d01, d02 and d08 (20 days ago)


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ("sector=energy&event=hiring", "exactly one of company, sector, event or q"),
        ("interval=day", "exactly one"),
        ("sector=basket-weaving", "is not a sector"),
    ],
)
def test_bad_trend_subjects_are_400s(live: Live, params: str, words: str) -> None:
    body = assert_error(get(live, f"/api/v1/trends?{params}"), 400, "invalid_parameter")
    assert words in str(body["message"])


def test_a_bad_trend_query_is_an_invalid_query(live: Live) -> None:
    body = assert_error(get(live, '/api/v1/trends?q="open'), 400, "invalid_query")
    assert body["position"] == 0


@pytest.mark.parametrize(
    "params", ["sector=energy&periods=1000", "sector=energy&interval=year", "q=a&baseline=0"]
)
def test_bad_trend_parameters_are_400s(live: Live, params: str) -> None:
    response = get(live, f"/api/v1/trends?{params}")
    assert response.status_code == 400 and response.json()["error"] == "invalid_parameter"


# -- trends, the computation ---------------------------------------------------------------


def flag_spikes(counts: list[int], baseline: int) -> list[bool]:
    return [is_spike(c, b) for c, b in zip(counts, baselines(counts, baseline), strict=True)]


def test_a_burst_over_a_quiet_baseline_is_a_spike() -> None:
    assert flag_spikes([1, 0, 2, 1, 0, 1, 1, 9], baseline=7) == [False] * 7 + [True]


def test_ordinary_variation_is_no_spike() -> None:
    assert flag_spikes([5, 9, 4, 8, 6, 10, 5, 10], baseline=7) == [False] * 8


def test_small_counts_are_never_spikes() -> None:
    # 2 is far above a baseline of zeros, but two articles are not a trend.
    assert flag_spikes([0, 0, 0, 2, 3], baseline=3) == [False, False, False, False, True]


def test_periods_are_filled_with_zeros_and_weeks_sum_their_days() -> None:
    end = date(2026, 3, 11)  # a Wednesday
    days = period_starts(end, "day", 3)
    assert days == [date(2026, 3, 9), date(2026, 3, 10), date(2026, 3, 11)]
    histogram = [("2026-03-01", 7), ("2026-03-09", 2), ("2026-03-11T00:00:00Z", 1)]
    assert period_counts(histogram, days, "day") == [2, 0, 1]
    weeks = period_starts(end, "week", 2)
    assert weeks == [date(2026, 3, 2), date(2026, 3, 9)]
    assert period_counts(histogram, weeks, "week") == [0, 3]


def test_trend_keeps_the_baseline_periods_out_of_sight() -> None:
    end = date(2026, 3, 11)
    histogram = [(f"2026-03-{d:02d}", 1) for d in range(1, 11)] + [("2026-03-11", 6)]
    points = trend(histogram, end=end, periods=3, baseline=5)
    assert [p.period for p in points] == [date(2026, 3, 9), date(2026, 3, 10), end]
    assert [(p.count, p.spike) for p in points] == [(1, False), (1, False), (6, True)]
    assert points[-1].baseline_mean == 1 and points[-1].threshold == 1
