"""The FastAPI application: the state database and the index, opened once and shared."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse

from myrtille.config.settings import Settings
from myrtille.index.factory import open_index
from myrtille.index.resolver import CodeResolver
from myrtille.pipeline.status import prometheus_text, read_status
from myrtille.store.database import open_database
from myrtille.web import (
    api,
    api_errors,
    apidocs,
    companies_api,
    favicon,
    map_api,
    preferences,
    search_api,
    subscriber,
    subscriptions_api,
    trends_api,
    ui,
)
from myrtille.web import stream as stream_routes
from myrtille.web.headers import SecurityHeaders


def package_version() -> str:
    try:
        return version("myrtille")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0+unknown"


def create_app(settings: Settings) -> FastAPI:
    # Opened here rather than at startup so that a bad configuration fails before the
    # server binds its port, and so that tests can use the app without a lifespan.
    database = open_database(settings.state_url)
    index = open_index(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        index.close()
        database.dispose()

    app = FastAPI(
        title="Myrtille",
        version=package_version(),
        description="Economic-news watch: search, documents and trends. "
        "Every /api/v1 route needs an API key (`myrtille users create-agent`).",
        # /docs is served by apidocs.py from the app's own files (no CDN); ReDoc is off.
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.database = database
    app.state.index = index
    # Loads the sector and event lexicons on first use, then keeps them.
    app.state.resolver = CodeResolver(database=database)

    @app.exception_handler(api.ApiError)
    async def api_error(_request: Request, exc: api.ApiError) -> JSONResponse:
        return exc.response()

    @app.get("/healthz", tags=["health"], summary="Liveness probe (no key needed)")
    def healthz() -> JSONResponse:
        # "degraded" (503) while a job of the service backs off from a storage problem.
        from myrtille.store.health import current_problems

        problems = current_problems(settings.data_dir)
        if not problems:
            return JSONResponse({"status": "ok"})
        return JSONResponse(
            {
                "status": "degraded",
                "problems": [p.as_json() for p in problems],
            },
            status_code=503,
        )

    @app.get(
        "/metrics",
        tags=["health"],
        response_class=PlainTextResponse,
        summary="Prometheus metrics (aggregate counts only; no key needed)",
    )
    def metrics() -> PlainTextResponse:
        from myrtille.store.health import current_problems

        status = read_status(database, indexed=index.count())
        status.service_problems = [
            (p.job, p.kind, p.message, p.failures) for p in current_problems(settings.data_dir)
        ]
        return PlainTextResponse(
            prometheus_text(status), media_type="text/plain; version=0.0.4; charset=utf-8"
        )

    app.add_middleware(SecurityHeaders)
    api_errors.install(app)
    app.include_router(search_api.router)
    app.include_router(trends_api.router)
    app.include_router(subscriber.router)
    app.include_router(preferences.router)
    app.include_router(stream_routes.router)
    app.include_router(subscriptions_api.router)
    app.include_router(companies_api.router)
    app.include_router(map_api.router)
    app.include_router(favicon.router)
    ui.install(app)
    apidocs.install(app)
    return app
