"""``/api/v1/trends``: mentions of a company, sector, event or up to five queries per
day, week or month, with spikes; JSON or CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from myrtille.index.export import csv_cell
from myrtille.index.query import Field as FieldNode
from myrtille.index.query import Node
from myrtille.index.trends import index_trend
from myrtille.web.api import ApiError, errors, require_agent, search_query, state, today_utc
from myrtille.web.schemas import TrendOut, TrendPointOut, TrendSeriesOut

router = APIRouter(prefix="/api/v1", dependencies=[Depends(require_agent)], responses=errors(401))

SUBJECTS = ("company", "sector", "event")
# Queries one trends request or page compares (one colour each on the page).
MAX_SERIES = 5
TREND_CSV_COLUMNS = ("subject", "period", "count", "spike", "baseline_mean", "threshold")


@router.get(
    "/trends",
    response_model=TrendOut,
    responses={
        **errors(400),
        200: {"content": {"text/csv": {"example": ",".join(TREND_CSV_COLUMNS) + "\r\n"}}},
    },
    summary="Mentions per day, week or month, with spikes; up to five queries compared",
    description=(
        "Give exactly one of company, sector, event or q; q may be repeated up to "
        f"{MAX_SERIES} times to compare queries (`series`, in the order given; `subject`, "
        "`total` and `points` are the first one's). A period is a spike when its "
        "count is at least 3 and greater than mean + 2 × standard deviation (population) "
        "of the `baseline` periods just before it. Periods end today (UTC); weeks start on "
        "Monday. `format=csv` answers one row per query and period: "
        + ",".join(TREND_CSV_COLUMNS)
        + "."
    ),
)
def trends(
    request: Request,
    company: Annotated[str | None, Query(description="SIREN or company name")] = None,
    sector: Annotated[str | None, Query(description="Sector code or name")] = None,
    event: Annotated[str | None, Query(description="Event type or name")] = None,
    q: Annotated[
        list[str] | None,
        Query(description=f"Any query of the query language; repeat to compare (≤ {MAX_SERIES})"),
    ] = None,
    interval: Annotated[Literal["day", "week", "month"], Query()] = "day",
    periods: Annotated[int, Query(ge=1, le=365, description="How many periods to show")] = 30,
    baseline: Annotated[
        int, Query(ge=1, le=90, description="Previous periods a period is compared with")
    ] = 7,
    format: Annotated[Literal["json", "csv"], Query(description="json or csv")] = "json",
) -> TrendOut | Response:
    app = state(request)
    given = {
        name: value
        for name, value in (("company", company), ("sector", sector), ("event", event), ("q", q))
        if value is not None
    }
    if len(given) != 1:
        raise ApiError(
            400,
            "invalid_parameter",
            "give exactly one of company, sector, event or q"
            + (f" (got {', '.join(given)})" if given else ""),
        )
    subjects: list[tuple[str, Node]] = []
    if q is not None:
        if len(q) > MAX_SERIES:
            raise ApiError(
                400,
                "invalid_parameter",
                f"q: {len(q)} queries given, at most {MAX_SERIES} can be compared; remove some",
            )
        subjects = [(value, search_query(value, app.resolver)) for value in q]
    else:
        ((field, value),) = given.items()
        try:
            code = app.resolver.resolve(field, value)
        except ValueError as exc:
            raise ApiError(400, "invalid_parameter", f"{field}: {exc}") from None
        subjects = [(f"{field}:{code}", FieldNode(field, code))]
    end = today_utc()
    series = [
        TrendSeriesOut(
            subject=label,
            total=sum(p.count for p in points),
            points=[TrendPointOut.model_validate(asdict(p)) for p in points],
        )
        for label, points in (
            (
                label,
                index_trend(
                    app.index, node, end=end, interval=interval, periods=periods, baseline=baseline
                ),
            )
            for label, node in subjects
        )
    ]
    if format == "csv":
        return Response(
            trend_csv(series),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="myrtille-trends.csv"'},
        )
    first = series[0]
    return TrendOut(
        subject=first.subject,
        interval=interval,
        periods=periods,
        baseline=baseline,
        start=first.points[0].period,
        end=end,
        total=first.total,
        points=first.points,
        series=series,
    )


def trend_csv(series: list[TrendSeriesOut]) -> str:
    """One row per query and period; subjects are typed by people, so formulas are
    neutralised as in search exports."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(TREND_CSV_COLUMNS)
    for one in series:
        for point in one.points:
            writer.writerow(
                [
                    csv_cell(one.subject),
                    point.period.isoformat(),
                    point.count,
                    "true" if point.spike else "false",
                    "" if point.baseline_mean is None else point.baseline_mean,
                    "" if point.threshold is None else point.threshold,
                ]
            )
    return buffer.getvalue()
