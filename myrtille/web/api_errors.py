"""Every error under /api/v1 in the one documented shape ``{"error", "message"}``.

FastAPI answers a bad parameter or an unreadable body with its own 422 ``{"detail": …}``
and Starlette an unknown path or method with ``{"detail": "Not Found"}``: clients of the
API would need two parsers. Here they become ``ApiError`` bodies with the same status
codes the docs list (400 for what the client sent, 404, 405 with ``Allow``). Outside the
API the same errors are pages in the reader's language (``web/ui/errors.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException
from starlette.routing import Match

from myrtille.web import api_schema
from myrtille.web.api import ApiError
from myrtille.web.ui import errors as ui_errors

API_PREFIX = "/api/v1"
REASONS = {404: "not_found", 405: "method_not_allowed"}
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def in_api(request: Request) -> bool:
    path = request.url.path
    return path == API_PREFIX or path.startswith(API_PREFIX + "/")


def _where(loc: Sequence[Any]) -> str:
    # ("query", "per_page") -> "per_page"; ("body", "channels", 0) -> "body.channels.0"
    parts = [str(p) for p in loc]
    return ".".join(parts[1:] if parts and parts[0] in ("query", "path", "header") else parts)


def validation_error(errors: Sequence[dict[str, Any]]) -> ApiError:
    """The first problem names the parameter; the others follow in the same message."""
    for error in errors:
        if error.get("type") == "json_invalid":
            reason = (error.get("ctx") or {}).get("error", "not JSON")
            return ApiError(
                400,
                "invalid_body",
                f"the request body is not valid JSON ({reason}, near character "
                f"{error['loc'][-1] if len(error['loc']) > 1 else 0}); send one JSON object "
                "with Content-Type: application/json",
            )
    problems = []
    for error in errors:
        where = _where(error.get("loc", ()))
        given = error.get("input")
        shown = f" (got {given!r:.60})" if isinstance(given, str | int | float) else ""
        problems.append(f"{where or 'body'}: {error.get('msg', 'invalid')}{shown}")
    if any(tuple(e.get("loc", ())) == ("body",) for e in errors):
        return ApiError(
            400,
            "invalid_body",
            "the request body must be one JSON object with the documented fields: "
            + "; ".join(problems),
        )
    return ApiError(400, "invalid_parameter", "; ".join(problems))


def allowed_methods(request: Request) -> str:
    """Every method the path answers to. Starlette's 405 names only the methods of the
    first route whose path matched, while FastAPI makes one route per method: a path with
    GET and POST would answer ``Allow: GET``."""
    allowed = [
        method
        for method in METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] is Match.FULL
            for route in request.app.router.routes
        )
    ]
    return ", ".join(allowed)


def install(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        if not in_api(request):
            return ui_errors.invalid_request(request, exc.errors())
        return validation_error(exc.errors()).response()

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        headers = exc.headers
        if exc.status_code == 405:
            allowed = allowed_methods(request) or (exc.headers or {}).get("Allow", "")
            headers = {**(exc.headers or {}), "Allow": allowed}
        if not in_api(request):
            return ui_errors.http_error(request, exc.status_code, headers)
        reason = REASONS.get(exc.status_code, "http_error")
        if exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}; use {allowed}"
        elif exc.status_code == 404:
            message = f"no such API path: {request.url.path} (see /docs)"
        else:
            message = str(exc.detail)
        return ApiError(exc.status_code, reason, message, headers=headers).response()

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        # Starlette logs the exception and re-raises it after this answer.
        if not in_api(request):
            return ui_errors.internal_error(request)
        message = "an internal error; nothing was changed; the server log says what failed"
        return ApiError(500, "internal_error", message).response()

    app.openapi = documented_openapi(app)  # type: ignore[method-assign]


def documented_openapi(app: FastAPI) -> Callable[[], dict[str, Any]]:
    """The schema with /api/v1's 422 replaced by the 400 ErrorBody it now is, and what
    ``api_schema.complete`` adds."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = build()
        for path, operations in schema.get("paths", {}).items():
            if not path.startswith(API_PREFIX):
                continue
            for operation in operations.values():
                responses = operation.get("responses", {})
                if responses.pop("422", None) is not None:
                    responses.setdefault(
                        "400",
                        {
                            "description": "Invalid parameter or body",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/ErrorBody"}
                                }
                            },
                        },
                    )
        api_schema.complete(schema)
        app.openapi_schema = schema
        return schema

    return openapi
