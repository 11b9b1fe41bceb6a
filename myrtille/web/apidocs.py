"""The interactive API documentation at ``/docs``, served whole by the app: no CDN.

Swagger UI's script, stylesheet and icon come from the ``fastapi-offline`` package, which
ships a Swagger UI 5 build (OpenAPI 3.1, as FastAPI writes it); the app serves them under
``/static/apidocs``. FastAPI's page starts Swagger UI with an inline script: its SHA-256
goes into the page's Content-Security-Policy, so nothing but that script and the app's
own files may run, and nothing may be fetched from another origin. ReDoc is off.
"""

from __future__ import annotations

import base64
import hashlib
import re
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

DOCS_URL = "/docs"
ASSETS_URL = "/static/apidocs"
ASSETS = Path(str(files("fastapi_offline") / "static"))
# Swagger UI would send the schema to an online validator for its badge: never.
SWAGGER_UI_PARAMETERS = {"validatorUrl": None}

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def script_hashes(html: str) -> list[str]:
    """CSP sources allowing exactly the inline scripts of ``html``."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(html)
    ]


def content_security_policy(html: str) -> str:
    # data: images are the icons inside Swagger UI's stylesheet.
    return (
        f"default-src 'none'; script-src 'self' {' '.join(script_hashes(html))}; "
        "style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


def docs_page(app: FastAPI, root_path: str = "") -> HTMLResponse:
    """Swagger UI for ``app``'s schema, every file from the app itself."""
    assets = f"{root_path}{ASSETS_URL}"
    page = get_swagger_ui_html(
        openapi_url=f"{root_path}{app.openapi_url}",
        title=f"{app.title} - API",
        swagger_js_url=f"{assets}/swagger-ui-bundle.js",
        swagger_css_url=f"{assets}/swagger-ui.css",
        swagger_favicon_url=f"{assets}/favicon.png",
        swagger_ui_parameters=SWAGGER_UI_PARAMETERS,
    )
    html = bytes(page.body).decode()
    return HTMLResponse(
        html,
        headers={
            "Content-Security-Policy": content_security_policy(html),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "X-Frame-Options": "DENY",
        },
    )


def install(app: FastAPI) -> None:
    """Serve Swagger UI's files and the ``/docs`` page (the app is made with docs_url=None)."""
    app.mount(ASSETS_URL, StaticFiles(directory=ASSETS), name="apidocs")

    @app.get(DOCS_URL, include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        return docs_page(app, request.scope.get("root_path", ""))
