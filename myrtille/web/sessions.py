"""Agents' sessions in the web UI, and the CSRF check of every form.

The session cookie is a signed, expiring token (``alerts/tokens.py``) naming the agent and
carrying a stamp of its password hash: changing the password or revoking the agent ends
every session at once. The cookie is HttpOnly and SameSite=Lax.

CSRF: each browser gets a random nonce in an HttpOnly, SameSite=Strict cookie; forms carry
HMAC(secret, nonce) in a hidden field. A POST is accepted only when the field matches the
cookie it came with, and, when the browser says where it came from (Origin), only from
this site. A page on another site can neither read the cookie nor compute the field.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request, Response

from myrtille.alerts.tokens import TokenError, secret_key, sign, verify
from myrtille.store.schema import Agent

SESSION_COOKIE = "myrtille_session"
CSRF_COOKIE = "myrtille_csrf"
CSRF_FIELD = "csrf"
SESSION_PURPOSE = "agent-session"
SESSION_SECONDS = 12 * 3600
_NONCE = re.compile(r"[A-Za-z0-9_-]{32,64}")


@dataclass(frozen=True)
class SignedInAgent:
    id: int
    name: str


class SignInRequired(Exception):
    """The page is for agents; the handler sends the browser to the sign-in form."""

    def __init__(self, next_url: str) -> None:
        super().__init__(next_url)
        self.next_url = next_url


class CsrfFailed(Exception):
    """A form post without a valid CSRF field, or from another site."""


def secret(request: Request) -> bytes:
    app_state = request.app.state
    found = getattr(app_state, "secret", None)
    if found is None:
        settings = app_state.settings
        found = secret_key(settings.secret_key, settings.data_dir)
        app_state.secret = found
    return found


def _stamp(secret_bytes: bytes, agent: Agent) -> str:
    material = f"{agent.id}:{agent.password_hash or ''}".encode()
    return hmac.new(secret_bytes, material, hashlib.sha256).hexdigest()[:24]


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def start_session(request: Request, response: Response, agent: Agent) -> None:
    key = secret(request)
    token = sign(key, SESSION_PURPOSE, {"a": agent.id, "s": _stamp(key, agent)}, SESSION_SECONDS)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=SESSION_SECONDS,
        httponly=True,
        samesite="lax",
        secure=_secure(request),
        path="/",
    )


def end_session(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/")


def signed_in(request: Request) -> SignedInAgent | None:
    """The agent whose valid session cookie came with the request, else None."""
    if "agent" in request.state._state:
        return request.state.agent  # type: ignore[no-any-return]
    found: SignedInAgent | None = None
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        key = secret(request)
        try:
            payload: dict[str, Any] | None = verify(key, token, SESSION_PURPOSE)
        except TokenError:
            payload = None
        if payload is not None and isinstance(payload.get("a"), int):
            with request.app.state.database.session() as session:
                agent = session.get(Agent, payload["a"])
                if (
                    agent is not None
                    and not agent.revoked
                    and agent.password_hash
                    and hmac.compare_digest(_stamp(key, agent), str(payload.get("s", "")))
                ):
                    found = SignedInAgent(agent.id, agent.name)
    request.state.agent = found
    return found


def require_signed_in(request: Request) -> SignedInAgent:
    agent = signed_in(request)
    if agent is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise SignInRequired(target)
    return agent


def local_target(value: str | None, default: str = "/search") -> str:
    """Where to go after signing in: a path on this site only (no open redirect)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return default
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return default
    return value


# -- CSRF -------------------------------------------------------------------------------


def _nonce(request: Request) -> str:
    if "csrf_nonce" in request.state._state:
        return request.state.csrf_nonce  # type: ignore[no-any-return]
    nonce = request.cookies.get(CSRF_COOKIE, "")
    if not _NONCE.fullmatch(nonce):
        nonce = secrets.token_urlsafe(32)
        request.state.csrf_new = True
    request.state.csrf_nonce = nonce
    return nonce


def _field_for(request: Request, nonce: str) -> str:
    return hmac.new(secret(request), b"csrf:" + nonce.encode(), hashlib.sha256).hexdigest()


def csrf_field(request: Request) -> str:
    """The value of the hidden ``csrf`` field of this browser's forms."""
    return _field_for(request, _nonce(request))


def set_csrf_cookie(request: Request, response: Response) -> None:
    """Give the browser its nonce, the first time a page with forms is rendered."""
    if request.state._state.get("csrf_new"):
        response.set_cookie(
            CSRF_COOKIE,
            request.state.csrf_nonce,
            httponly=True,
            samesite="strict",
            secure=_secure(request),
            path="/",
        )


async def checked_form(request: Request) -> dict[str, str]:
    """The posted form, once its CSRF field and origin are checked (else CsrfFailed)."""
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = urlsplit(origin).netloc
        if host != request.headers.get("host", ""):
            raise CsrfFailed("the form was posted from another site")
    nonce = request.cookies.get(CSRF_COOKIE, "")
    form = await request.form()
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    sent = values.get(CSRF_FIELD, "")
    if not _NONCE.fullmatch(nonce) or not hmac.compare_digest(_field_for(request, nonce), sent):
        raise CsrfFailed("missing or wrong CSRF field")
    return values
