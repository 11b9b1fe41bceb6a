"""Security headers on every response of the app: the JSON API, /healthz, /docs, the UI.

A page that sets its own Content-Security-Policy (the UI's strict one, /docs' hashed
script) keeps it, with ``frame-ancestors 'none'`` added when it lacks one; any other
response gets a policy that loads nothing and may not be framed. HSTS is sent only on
https — met directly, or through a trusted proxy whose forwarded headers uvicorn already
applied to the scope — since a browser ignores it on plain http anyway and a local
http deployment must stay reachable.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

NOTHING = "default-src 'none'; frame-ancestors 'none'"
PERMISSIONS = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
HSTS = "max-age=31536000"
ALWAYS = {
    "Permissions-Policy": PERMISSIONS,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def content_security_policy(existing: str | None) -> str:
    if not existing:
        return NOTHING
    if "frame-ancestors" in existing:
        return existing
    return f"{existing.rstrip('; ')}; frame-ancestors 'none'"


class SecurityHeaders:
    """Pure ASGI (not BaseHTTPMiddleware) so the live stream is not buffered."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        secure = scope.get("scheme") == "https"

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = content_security_policy(
                    headers.get("Content-Security-Policy")
                )
                for name, value in ALWAYS.items():
                    if name not in headers:
                        headers[name] = value
                if secure:
                    headers["Strict-Transport-Security"] = HSTS
            await send(message)

        await self.app(scope, receive, with_headers)
