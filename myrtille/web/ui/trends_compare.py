"""Trends that compare: up to MAX_SERIES queries drawn on one chart of the trends page.

Each query is a series with its own colour and pattern (``s1``…``s5`` in trends.html:
the Okabe–Ito colour-blind-safe palette, and a pattern so that colour is never the only
cue), its own spikes, and one column of the numbers table. All bars share one scale.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from myrtille.index.trends import index_trend
from myrtille.web.api import ApiError, search_query, state, today_utc
from myrtille.web.schemas import TrendPointOut, TrendSeriesOut
from myrtille.web.trends_api import MAX_SERIES, trend_csv

router = APIRouter(include_in_schema=False)


def compare_fields(queries: list[str]) -> list[str]:
    """The form's "compare with" boxes: the queries after the first, then empty ones."""
    rest = queries[1:MAX_SERIES]
    return rest + [""] * (MAX_SERIES - 1 - len(rest))


def trends_link(lang: str, queries: list[str], **params: object) -> str:
    """``/trends`` with every query as a repeated ``q`` (the language when not French)."""
    pairs: list[tuple[str, object]] = [("q", q) for q in queries]
    pairs += [(k, v) for k, v in params.items() if v not in (None, "")]
    if lang != "fr":
        pairs.append(("lang", lang))
    return "/trends" + ("?" + urlencode(pairs) if pairs else "")


def chart_slots(series: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One slot per period holding each series' bar, in the series' order."""
    return [
        {"label": bars[0]["label"], "bars": list(bars)}
        for bars in zip(*(s["bars"] for s in series), strict=True)
    ]


@router.get("/trends/export")
def trends_export(
    request: Request,
    q: Annotated[list[str] | None, Query()] = None,
    interval: Literal["day", "week", "month"] = "day",
    periods: Annotated[int, Query(ge=1, le=365)] = 30,
    baseline: Annotated[int, Query(ge=1, le=90)] = 7,
) -> Response:
    """The page's series as CSV, the columns of ``GET /api/v1/trends?format=csv``."""
    app = state(request)
    queries = [value.strip() for value in q or () if value.strip()]
    if not queries or len(queries) > MAX_SERIES:
        raise ApiError(400, "invalid_parameter", f"q: give 1 to {MAX_SERIES} queries")
    end = today_utc()
    series = []
    for query in queries:
        node = search_query(query, app.resolver)
        points = index_trend(
            app.index, node, end=end, interval=interval, periods=periods, baseline=baseline
        )
        series.append(
            TrendSeriesOut(
                subject=query,
                total=sum(p.count for p in points),
                points=[TrendPointOut.model_validate(asdict(p)) for p in points],
            )
        )
    return Response(
        trend_csv(series),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="myrtille-trends.csv"'},
    )
