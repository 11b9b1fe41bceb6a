"""``GET /api/v1/map``: documents matching a query per department or region, as JSON or CSV.

The counts are those the ``/map`` page draws (``territory.py``); like every /api/v1 route
it needs an API key and answers errors as ``{"error", "message"}`` (``api.py``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from myrtille.web.api import ApiError, Day, errors, require_agent, search_query, state
from myrtille.web.schemas import MapAreaOut, MapOut
from myrtille.web.territory import Level, counts_csv, period_query, territory_counts

router = APIRouter(prefix="/api/v1", dependencies=[Depends(require_agent)], responses=errors(401))


@router.get(
    "/map",
    response_model=MapOut,
    responses={
        **errors(400),
        200: {"content": {"text/csv": {"example": "code,name,count\r\n01,Ain,0\r\n"}}},
    },
    summary="Documents matching a query per department or region",
    description=(
        "Counts of the documents matching `q` (any query; empty: every document) in the "
        "period, for every department or region, zeros included. A document naming two "
        "departments counts in both. `format=csv` answers `code,name,count`."
    ),
)
def territory_map(
    request: Request,
    q: Annotated[
        str, Query(description="A query of the query language", examples=["event:acquisition"])
    ] = "",
    level: Annotated[Level, Query(description="department or region")] = "department",
    after: Annotated[Day | None, Query(description="Documents filed on or after this day")] = None,
    before: Annotated[Day | None, Query(description="Documents filed before this day")] = None,
    format: Annotated[Literal["json", "csv"], Query(description="json or csv")] = "json",
) -> MapOut | Response:
    app = state(request)
    node = search_query(q, app.resolver)
    if after and before and after >= before:
        raise ApiError(
            400,
            "invalid_parameter",
            f"after ({after}) must be earlier than before ({before}): before is exclusive",
        )
    counts = territory_counts(app.index, period_query(node, after, before), level)
    if format == "csv":
        return Response(
            counts_csv(counts),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="myrtille-map-{level}.csv"'},
        )
    return MapOut(
        q=q,
        level=level,
        after=after,
        before=before,
        total=counts.total,
        areas=[MapAreaOut(code=a.code, name=a.name, count=a.count) for a in counts.areas],
    )
