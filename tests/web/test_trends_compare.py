"""Trends that compare (issue 13.6) through the API: several queries, JSON and CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from tests.web.conftest import Live

TODAY = datetime.now(UTC).date()


def trends(live: Live, params: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    with live.client(live.key) as http:
        return http.get("/api/v1/trends", params=params)


def test_several_queries_come_as_series_on_the_same_periods(live: Live) -> None:
    response = trends(live, [("q", "sector:energy"), ("q", "event:acquisition"), ("q", "zzz")])
    assert response.status_code == 200, response.text
    body = response.json()
    assert [s["subject"] for s in body["series"]] == ["sector:energy", "event:acquisition", "zzz"]
    # The first series is also the single-query shape, unchanged.
    first = body["series"][0]
    assert body["subject"] == "sector:energy" and body["points"] == first["points"]
    assert body["total"] == first["total"] == 5
    periods = [[p["period"] for p in s["points"]] for s in body["series"]]
    assert periods[0] == periods[1] == periods[2] and len(periods[0]) == 30
    # Spikes are each series' own: energy spikes today, acquisitions never.
    assert [p["period"] for p in first["points"] if p["spike"]] == [TODAY.isoformat()]
    assert not any(p["spike"] for s in body["series"][1:] for p in s["points"])
    assert [s["total"] for s in body["series"][1:]] == [3, 0]


def test_one_query_has_one_series(live: Live) -> None:
    body = trends(live, [("sector", "energy")]).json()
    assert len(body["series"]) == 1 and body["series"][0]["points"] == body["points"]


def test_a_sixth_query_is_refused(live: Live) -> None:
    response = trends(live, [("q", f"word{n}") for n in range(6)])
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_parameter"
    assert "at most 5" in response.json()["message"]


def test_trends_as_csv_one_row_per_query_and_period(live: Live) -> None:
    params = [("q", "sector:energy"), ("q", "=cmd|' /C calc'!A0"), ("interval", "month")]
    params.append(("periods", "3"))
    response = trends(live, [*params, ("format", "csv")])
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert 'filename="myrtille-trends.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text, newline="")))
    assert len(rows) == 6
    assert list(rows[0]) == ["subject", "period", "count", "spike", "baseline_mean", "threshold"]
    assert {r["subject"] for r in rows} == {"sector:energy", "'=cmd|' /C calc'!A0"}
    json_body = trends(live, params).json()
    assert [int(r["count"]) for r in rows[:3]] == [p["count"] for p in json_body["points"]]
    assert rows[2]["period"] == TODAY.replace(day=1).isoformat()


def test_a_query_matching_nothing_is_zeros_not_an_error(live: Live) -> None:
    response = trends(live, [("q", "zzzrien"), ("periods", "5"), ("format", "csv")])
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text, newline="")))
    assert [r["count"] for r in rows] == ["0"] * 5
