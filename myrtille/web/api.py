"""What every route of the REST API, version 1, shares: its errors, its API-key check and
the reading of a request's query, facets and labels. The routes live in ``*_api.py``.

Routes are plain ``def``: the index and the state database block, so FastAPI runs them in
its thread pool. Errors are JSON objects ``{"error": code, "message": text}`` (plus
``position`` for query errors); parameter validation errors are FastAPI's 422.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from functools import cache
from typing import Annotated, Any

from fastapi import Request, Security
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, BeforeValidator, Field

from myrtille.config.durations import format_duration
from myrtille.index.base import FACET_FIELDS, IndexedDocument
from myrtille.index.export import MEDIA_TYPES, ExportFormat, export_chunks, filename
from myrtille.index.query import (
    Node,
    QueryError,
    ValueResolver,
    parse,
    parse_search,
)
from myrtille.store.schema import Agent
from myrtille.web.auth import authenticate
from myrtille.web.rate_limits import RateLimiter

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
        429: "Too many requests for this API key (web.rate_limits.api); see Retry-After",
    }
    return {s: {"model": ErrorBody, "description": described[s]} for s in statuses}


# -- parameters -----------------------------------------------------------------------


def _iso_day(value: object) -> object:
    # pydantic alone would read 0 as 1970-01-01 (a timestamp) and take a datetime with a
    # zero time; the schema says format: date, and so does the server.
    if isinstance(value, str) and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError("a day is written YYYY-MM-DD")
    return value


# A day in a query parameter: YYYY-MM-DD and nothing else.
Day = Annotated[date, BeforeValidator(_iso_day)]


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
    app = state(request)
    agent = authenticate(app.database, key)
    if agent is None:
        raise ApiError(401, "unauthorized", "unknown or revoked API key", headers=challenge)
    limit = app.settings.web.rate_limits.api
    wait = RateLimiter(app.database).wait("api", f"agent:{agent.id}", limit)
    if wait:
        raise ApiError(
            429,
            "rate_limited",
            f"this API key has made {limit.requests} requests within "
            f"{format_duration(limit.window)}, its limit (web.rate_limits.api); "
            f"try again in {wait} s",
            headers={"Retry-After": str(wait)},
        )
    return agent


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
