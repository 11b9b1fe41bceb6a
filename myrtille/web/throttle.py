"""Failed sign-ins, throttled so that passwords cannot be guessed at the speed of the server,
and so that guessing cannot lock an agent out (the rules are in docs/security.md):

1. Per name and client: after ``client_failures`` failures for one agent name from one
   client within ``window``, that client's attempts for that name are refused, even with
   the right password, until the oldest failure leaves the window. The client is the
   browser when it is a known browser of that name (it signed in as that agent before),
   else the client's address: so a stranger failing on purpose from the agent's own
   address (a shared office NAT) does not lock out the agent's browser either.
2. Per name, all clients: once ``name_failures`` failures for the name fall within the
   window, the name is under attack and attempts for it from unknown browsers are let
   through one per ``name_pace`` in all, whatever their address. Known browsers skip this
   rule: a flood from many addresses slows strangers down, never the agent's own browser.

Names are casefolded and counted whether or not such an agent exists (else the throttle
would tell which names do). Failures and the per-name pace are rows of the state database:
every web process shares them, and a restart forgets nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from fastapi import Request, Response
from sqlalchemy import delete, func, select, update

from myrtille.alerts.tokens import TokenError, sign, verify
from myrtille.config.web import SignInSettings
from myrtille.store.database import Database
from myrtille.store.schema import SignInFailure, SignInPace, utcnow

KNOWN_BROWSER_COOKIE = "myrtille_device"
KNOWN_BROWSER_PURPOSE = "agent-browser"
KEY_LENGTH = 128  # the width of the name and client columns


@dataclass(frozen=True)
class Verdict:
    """May this attempt be checked? ``wait_seconds`` 0: yes; else how long to wait."""

    wait_seconds: float = 0.0
    # Held back by the name's pace (rule 2), not by this client's own failures (rule 1).
    paced: bool = False


def name_key(name: str) -> str:
    return name.strip().casefold()[:KEY_LENGTH]


def client_address(request: Request) -> str:
    """The client's address. uvicorn has put the forwarded one there only when the peer is
    one of ``web.trusted_proxies`` (see web/server.py); otherwise it is the peer itself."""
    return request.client.host if request.client else "unknown"


class SignInThrottle:
    def __init__(
        self,
        database: Database,
        rules: SignInSettings,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.database = database
        self.rules = rules
        self.clock = clock

    def check(self, name: str, client: str, known_browser: bool) -> Verdict:
        """Whether this client may try this name now; when let through under the name's
        pace, the attempt takes the name's slot."""
        now = self.clock()
        since = now - self.rules.window
        client = client[:KEY_LENGTH]
        with self.database.session() as session:
            mine = (SignInFailure.name == name, SignInFailure.client == client)
            count = session.scalar(
                select(func.count()).where(*mine, SignInFailure.failed_at > since)
            )
            if count and count >= self.rules.client_failures:
                # Allowed again once enough of the recent failures have left the window.
                leaving = session.scalar(
                    select(SignInFailure.failed_at)
                    .where(*mine, SignInFailure.failed_at > since)
                    .order_by(SignInFailure.failed_at)
                    .offset(count - self.rules.client_failures)
                    .limit(1)
                )
                assert leaving is not None
                return Verdict(_seconds(leaving + self.rules.window - now))
            if known_browser:
                return Verdict()
            failures = session.scalar(
                select(func.count()).where(
                    SignInFailure.name == name, SignInFailure.failed_at > since
                )
            )
            if (failures or 0) < self.rules.name_failures:
                return Verdict()
            # One slot per name, taken by a conditional UPDATE: with several web processes
            # on one database, one attempt per pace gets through in all.
            session.execute(_insert_ignore(self.database, name, now))
            taken = session.execute(
                update(SignInPace)
                .where(SignInPace.name == name, SignInPace.next_at <= now)
                .values(next_at=now + self.rules.name_pace)
            ).rowcount
            if taken:
                return Verdict()
            next_at = session.scalar(select(SignInPace.next_at).where(SignInPace.name == name))
            wait = _seconds(next_at - now) if next_at else self.rules.name_pace.total_seconds()
            return Verdict(wait, paced=True)

    def failed(self, name: str, client: str) -> None:
        now = self.clock()
        with self.database.session() as session:
            session.add(SignInFailure(name=name, client=client[:KEY_LENGTH], failed_at=now))
            # Forgetting old rows here keeps the tables as small as one window of attacks.
            session.execute(
                delete(SignInFailure).where(SignInFailure.failed_at <= now - self.rules.window)
            )
            session.execute(delete(SignInPace).where(SignInPace.next_at <= now - self.rules.window))

    def succeeded(self, name: str, client: str) -> None:
        with self.database.session() as session:
            session.execute(
                delete(SignInFailure).where(
                    SignInFailure.name == name, SignInFailure.client == client[:KEY_LENGTH]
                )
            )


def _seconds(delta: timedelta) -> float:
    return max(0.0, delta.total_seconds())


def _insert_ignore(database: Database, name: str, now: datetime) -> Any:
    """INSERT of the name's pace row, open now, unless it exists (SQLite and PostgreSQL)."""
    if database.dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(SignInPace).values(name=name, next_at=now).on_conflict_do_nothing()


# -- known browsers --------------------------------------------------------------------


def known_browser(request: Request, secret: bytes, name: str) -> str | None:
    """The id of this browser when it signed in as ``name`` before (its signed cookie)."""
    token = request.cookies.get(KNOWN_BROWSER_COOKIE)
    if not token:
        return None
    try:
        payload = verify(secret, token, KNOWN_BROWSER_PURPOSE)
    except TokenError:
        return None
    browser = payload.get("b")
    if not isinstance(browser, str) or not hmac.compare_digest(
        str(payload.get("n", "")).encode(), name.encode()
    ):
        return None
    return browser


def browser_client(browser: str) -> str:
    """The throttle's client key of a known browser (never an address)."""
    return "browser:" + hashlib.sha256(browser.encode()).hexdigest()[:32]


def remember_browser(
    request: Request,
    response: Response,
    secret: bytes,
    name: str,
    lifetime: timedelta,
    browser: str | None = None,
) -> None:
    """Make this browser known for ``name`` after a successful sign-in."""
    seconds = int(lifetime.total_seconds())
    token = sign(
        secret,
        KNOWN_BROWSER_PURPOSE,
        {"n": name, "b": browser or secrets.token_urlsafe(16)},
        seconds,
    )
    response.set_cookie(
        KNOWN_BROWSER_COOKIE,
        token,
        max_age=seconds,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/signin",
    )
