"""The REST API, version 1: search, documents, trends. Every route needs an API key.

Routes are plain ``def``: the index and the state database block, so FastAPI runs them in
its thread pool. Errors are JSON objects ``{"error": code, "message": text}`` (plus
``position`` for query errors); parameter validation errors are FastAPI's 422.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Security
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from myrtille.index.base import FACET_FIELDS, IndexBackend, IndexedDocument, SearchRequest
from myrtille.index.export import MEDIA_TYPES, ExportFormat, csv_cell, export_chunks, filename
from myrtille.index.hints import empty_index_hint, index_is_empty
from myrtille.index.query import (
    And,
    DateBound,
    Node,
    QueryError,
    ValueResolver,
    parse,
    parse_search,
)
from myrtille.index.query import Field as FieldNode
from myrtille.index.trends import index_trend
from myrtille.store.schema import MAX_ROW_ID, Agent
from myrtille.web.auth import authenticate
from myrtille.web.schemas import (
    BucketOut,
    DocumentOut,
    FacetOut,
    HitOut,
    SearchOut,
    StoryItemOut,
    TrendOut,
    TrendPointOut,
    TrendSeriesOut,
)

# -- errors ---------------------------------------------------------------------------


class ApiError(Exception):
    """An error answered as JSON with its status (the app installs the handler)."""

    def __init__(
        self,
        status: int,
        error: str,
        message: str,
        *,
        position: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message
        self.position = position
        self.headers = headers

    def response(self) -> JSONResponse:
        body: dict[str, Any] = {"error": self.error, "message": self.message}
        if self.position is not None:
            body["position"] = self.position
        return JSONResponse(body, status_code=self.status, headers=self.headers)


class ErrorBody(BaseModel):
    error: str = Field(description="A stable code: unauthorized, invalid_query, not_found…")
    message: str = Field(description="What went wrong, for people")
    position: int | None = Field(
        default=None, description="For invalid_query: where in q (0-based character offset)"
    )


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    described = {
        400: "Invalid query or parameter",
        401: "Missing, unknown or revoked API key",
        404: "No such document",
    }
    return {s: {"model": ErrorBody, "description": described[s]} for s in statuses}


# -- authentication -------------------------------------------------------------------

api_key_header = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="The key from `myrtille users create-agent`"
)
bearer = HTTPBearer(auto_error=False, description="The same key as a bearer token")


def state(request: Request) -> Any:
    return request.app.state


def require_agent(
    request: Request,
    api_key: Annotated[str | None, Security(api_key_header)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)],
) -> Agent:
    key = api_key or (credentials.credentials if credentials else None)
    challenge = {"WWW-Authenticate": "Bearer"}
    if not key:
        raise ApiError(
            401,
            "unauthorized",
            "an API key is required: send 'X-API-Key: <key>' or 'Authorization: Bearer <key>'",
            headers=challenge,
        )
    agent = authenticate(state(request).database, key)
    if agent is None:
        raise ApiError(401, "unauthorized", "unknown or revoked API key", headers=challenge)
    return agent


router = APIRouter(prefix="/api/v1", dependencies=[Depends(require_agent)], responses=errors(401))

# -- helpers --------------------------------------------------------------------------


def parse_query(q: str, resolver: ValueResolver) -> Node:
    try:
        return parse(q, resolver)
    except QueryError as exc:
        raise ApiError(400, "invalid_query", exc.message, position=exc.position) from None


def search_query(q: str, resolver: ValueResolver) -> Node:
    """Like ``parse_query``, but a blank ``q`` is every document, newest first."""
    try:
        return parse_search(q, resolver)
    except QueryError as exc:
        raise ApiError(400, "invalid_query", exc.message, position=exc.position) from None


def facet_list(facets: str | None) -> tuple[str, ...]:
    if not facets:
        return ()
    if facets.strip() == "all":
        return FACET_FIELDS
    chosen = tuple(dict.fromkeys(f.strip() for f in facets.split(",") if f.strip()))
    unknown = [f for f in chosen if f not in FACET_FIELDS]
    if unknown:
        raise ApiError(
            400,
            "invalid_parameter",
            f"facets: unknown facet '{unknown[0]}'; use all or some of {', '.join(FACET_FIELDS)}",
        )
    return chosen


@cache
def facet_labels(language: str = "fr") -> dict[str, dict[str, str]]:
    """Readable names of sector, event and region codes in ``language`` (companies carry
    their own; region names are proper names, the same in both languages)."""
    from myrtille.enrichment.geography import Gazetteer
    from myrtille.enrichment.lexicons import load_events, load_sectors

    def names(entries: Any) -> dict[str, str]:
        return {
            e.code: e.labels.get(language) or e.labels.get("fr") or e.labels.get("en") or e.code
            for e in entries
        }

    return {
        "sector": names(load_sectors()),
        "event": names(load_events()),
        "region": dict(Gazetteer.default().region_names),
    }


def export_response(
    documents: Iterator[IndexedDocument], format: ExportFormat, stem: str
) -> StreamingResponse:
    """A file download streamed as it is written: no matches, a header-only CSV or an
    empty JSON Lines file (not an error)."""
    return StreamingResponse(
        (chunk.encode() for chunk in export_chunks(format, documents)),
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{filename(stem, format)}"'},
    )


def today_utc() -> date:
    return datetime.now(UTC).date()


# -- routes ---------------------------------------------------------------------------

# Deeper pages are not worth the scan (Elasticsearch stops at 10 000 hits by default).
MAX_PAGE = 10_000
FACETS_HELP = f"Comma-separated facets to count ({', '.join(FACET_FIELDS)}), or all"


@router.get(
    "/search",
    response_model=SearchOut,
    responses={
        **errors(400),
        200: {
            "content": {
                "text/csv": {"example": "id,published_at,title,url,source,language,…\r\n"},
                "application/x-ndjson": {"example": '{"id": "…", "title": "…"}\n'},
            }
        },
    },
    summary="Search documents with the query language",
)
def search(
    request: Request,
    q: Annotated[
        str,
        Query(
            description="A query, e.g. event:acquisition region:occitanie (see the docs); "
            "empty: every document, newest first",
            examples=["event:acquisition region:occitanie"],
        ),
    ],
    sort: Annotated[Literal["relevance", "date"], Query()] = "relevance",
    page: Annotated[int, Query(ge=1, le=MAX_PAGE, description="From 1")] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 20,
    facets: Annotated[str | None, Query(description=FACETS_HELP)] = None,
    histogram: Annotated[
        Literal["day", "week", "month"] | None, Query(description="Count documents per period")
    ] = None,
    as_of: Annotated[
        int | None,
        Query(ge=0, le=MAX_ROW_ID, description="The as_of of the first page, for later pages"),
    ] = None,
    since: Annotated[date | None, Query(description="Documents filed on or after this day")] = None,
    until: Annotated[
        date | None, Query(description="Documents filed on or before this day")
    ] = None,
    format: Annotated[
        Literal["json", "csv", "jsonl"],
        Query(
            description="json: one page; csv or jsonl: every matching document, newest "
            "first, streamed as a file (columns in docs/api.md; page, per_page, sort, "
            "facets and histogram do not apply)"
        ),
    ] = "json",
) -> SearchOut | Response:
    app = state(request)
    node = search_query(q, app.resolver)
    chosen = facet_list(facets)
    if since and until and since > until:
        raise ApiError(400, "invalid_parameter", "since must not be after until")
    bounds: list[Node] = []
    if since:
        bounds.append(DateBound("after", since))
    if until:
        # until is inclusive; the query language's before: is not.
        bounds.append(DateBound("before", until + timedelta(days=1)))
    if bounds:
        node = And((node, *bounds))
    index: IndexBackend = app.index
    if format != "json":
        return export_response(index.scan(node, as_of=as_of), format, "search")
    result = index.search(
        SearchRequest(
            query=node,
            sort=sort,
            page=page,
            per_page=per_page,
            facets=chosen,
            histogram=histogram,
            as_of=as_of,
        )
    )
    labels = facet_labels()
    return SearchOut(
        total=result.total,
        page=result.page,
        per_page=result.per_page,
        as_of=result.as_of,
        hits=[HitOut.model_validate(asdict(hit)) for hit in result.hits],
        facets={
            name: [
                FacetOut(
                    value=f.value,
                    count=f.count,
                    label=f.label or labels.get(name, {}).get(f.value),
                )
                for f in counts
            ]
            for name, counts in result.facets.items()
        },
        histogram=[BucketOut(bucket=b, count=n) for b, n in result.histogram],
        hint=empty_index_hint(index) if index_is_empty(index, result.total) else None,
    )


@router.get(
    "/documents/{document_id}",
    response_model=DocumentOut,
    responses=errors(404),
    summary="One enriched document and the other documents of its story",
)
def document(
    request: Request,
    document_id: Annotated[str, Path(description="The document id, as in search hits")],
) -> DocumentOut:
    index: IndexBackend = state(request).index
    found = index.get(document_id)
    if found is None:
        raise ApiError(404, "not_found", f"no document '{document_id}' in the index")
    story = index.same_story(document_id) if found.cluster else []
    return DocumentOut.model_validate(
        {
            **asdict(found),
            "same_story": [
                StoryItemOut(
                    id=h.id,
                    title=h.title,
                    url=h.url,
                    source=h.source,
                    published_at=h.published_at,
                    language=h.language,
                )
                for h in story
            ],
        }
    )


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
