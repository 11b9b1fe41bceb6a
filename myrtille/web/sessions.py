"""Agents' sessions in the web UI, and the CSRF check of every form.

A session is a row of the state database (``AgentSession``) found by the SHA-256 of a random
session id; the cookie carries that id, signed, with a stamp of the agent's password hash.
Signing out deletes the row, so a copy of the cookie taken before is refused after; a
password change or ``users revoke`` revokes every session of the agent (web/auth.py), and
the stamp would refuse them anyway. The cookie is HttpOnly and SameSite=Lax.

CSRF: each browser gets a random nonce in an HttpOnly, SameSite=Strict cookie; forms carry
HMAC(secret, nonce) in a hidden field. A POST is accepted only when the field matches the
cookie it came with, and, when the browser says where it came from (Origin), only from
this site. A page on another site can neither read the cookie nor compute the field. The
nonce is replaced at sign-in and sign-out, so a field learnt before is worthless after.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request, Response
from sqlalchemy import delete, select

from myrtille.alerts.tokens import TokenError, secret_key, sign, verify
from myrtille.store.database import Database
from myrtille.store.schema import Agent, AgentSession, utcnow

SESSION_COOKIE = "myrtille_session"
CSRF_COOKIE = "myrtille_csrf"
CSRF_FIELD = "csrf"
SESSION_PURPOSE = "agent-session"
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


def _id_hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("ascii")).hexdigest()


def _session_cookie(request: Request) -> tuple[str, str] | None:
    """The session id and password stamp of the request's cookie, if we signed it and it
    has not expired."""
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    try:
        payload: dict[str, Any] = verify(secret(request), token, SESSION_PURPOSE)
    except TokenError:
        return None
    session_id = payload.get("i")
    if not isinstance(session_id, str):
        return None
    return session_id, str(payload.get("s", ""))


def create_session(database: Database, agent_id: int, lifetime_seconds: int) -> str:
    """A new session of the agent; returns its id (only its hash is stored)."""
    session_id = secrets.token_urlsafe(32)
    now = utcnow()
    with database.session() as session:
        # Expired rows are of no use to anyone: each sign-in sweeps them away.
        session.execute(delete(AgentSession).where(AgentSession.expires_at <= now))
        session.add(
            AgentSession(
                id_hash=_id_hash(session_id),
                agent_id=agent_id,
                created_at=now,
                expires_at=now + timedelta(seconds=lifetime_seconds),
            )
        )
    return session_id


def start_session(
    request: Request, response: Response, agent: Agent, session_id: str, lifetime_seconds: int
) -> None:
    """Give the browser the session's cookie and a new CSRF nonce."""
    key = secret(request)
    token = sign(key, SESSION_PURPOSE, {"i": session_id, "s": _stamp(key, agent)}, lifetime_seconds)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=lifetime_seconds,
        httponly=True,
        samesite="lax",
        secure=_secure(request),
        path="/",
    )
    rotate_csrf(request, response)


def end_session(request: Request, response: Response) -> None:
    """Sign out: the session's row goes, so no copy of the cookie works any more."""
    cookie = _session_cookie(request)
    if cookie is not None:
        with request.app.state.database.session() as session:
            session.execute(delete(AgentSession).where(AgentSession.id_hash == _id_hash(cookie[0])))
    response.delete_cookie(SESSION_COOKIE, path="/")
    rotate_csrf(request, response)


def signed_in(request: Request) -> SignedInAgent | None:
    """The agent whose live session came with the request, else None."""
    if "agent" in request.state._state:
        return request.state.agent  # type: ignore[no-any-return]
    found: SignedInAgent | None = None
    cookie = _session_cookie(request)
    if cookie is not None:
        session_id, stamp = cookie
        key = secret(request)
        with request.app.state.database.session() as session:
            row = session.execute(
                select(AgentSession, Agent)
                .join(Agent, Agent.id == AgentSession.agent_id)
                .where(AgentSession.id_hash == _id_hash(session_id))
            ).first()
            if row is not None:
                stored, agent = row
                if (
                    stored.revoked_at is None
                    and stored.expires_at > utcnow()
                    and not agent.revoked
                    and agent.password_hash
                    and hmac.compare_digest(_stamp(key, agent), stamp)
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


def rotate_csrf(request: Request, response: Response) -> None:
    """A new nonce for this browser (at sign-in and sign-out): a nonce planted or learnt
    before, and every form field made from it, stops working."""
    request.state.csrf_nonce = secrets.token_urlsafe(32)
    request.state.csrf_new = True
    set_csrf_cookie(request, response)


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
