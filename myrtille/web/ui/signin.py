"""Agents sign in with their name and password (``myrtille users set-password``) and get
a session cookie; SMEs never sign in (their links are signed). Failed attempts are
throttled (web/throttle.py)."""

from __future__ import annotations

import math

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from myrtille.texts import gettext, ngettext
from myrtille.web.api import state
from myrtille.web.auth import sign_in
from myrtille.web.sessions import (
    checked_form,
    create_session,
    end_session,
    local_target,
    secret,
    start_session,
)
from myrtille.web.throttle import (
    SignInThrottle,
    Verdict,
    browser_client,
    client_address,
    known_browser,
    name_key,
    remember_browser,
)
from myrtille.web.ui.common import SECURITY_HEADERS, language, link, render

router = APIRouter(include_in_schema=False)


def _form(
    request: Request,
    lang: str,
    next_url: str,
    failed: bool = False,
    name: str = "",
    wait: Verdict | None = None,
) -> HTMLResponse:
    throttled = ""
    if wait is not None:
        seconds = max(1, math.ceil(wait.wait_seconds))
        if wait.paced:
            throttled = ngettext(
                lang,
                "This name is getting many failed attempts: try again in {n} second. "
                "A browser you signed in from before does not wait.",
                "This name is getting many failed attempts: try again in {n} seconds. "
                "A browser you signed in from before does not wait.",
                seconds,
            )
        else:
            throttled = ngettext(
                lang,
                "Too many failed attempts for this name: try again in {n} minute.",
                "Too many failed attempts for this name: try again in {n} minutes.",
                max(1, math.ceil(seconds / 60)),
            )
    response = render(
        request,
        "signin.html",
        lang,
        status=429 if wait is not None else 401 if failed else 200,
        title=gettext(lang, "Agents' sign-in"),
        next_url=next_url,
        failed=failed,
        throttled=throttled,
        name=name,
    )
    if wait is not None:
        response.headers["Retry-After"] = str(seconds)
    return response


@router.get("/signin", response_class=HTMLResponse)
def signin_page(request: Request, next: str | None = None, lang: str | None = None) -> Response:
    return _form(request, language(lang), local_target(next))


@router.post("/signin", response_class=HTMLResponse)
async def signin(request: Request) -> Response:
    form = await checked_form(request)
    lang = language(form.get("lang"))
    target = local_target(form.get("next"))
    name = form.get("name", "").strip()
    app_state = state(request)
    web = app_state.settings.web
    throttle = SignInThrottle(app_state.database, web.signin)
    key = name_key(name)
    browser = known_browser(request, secret(request), key)
    client = browser_client(browser) if browser else client_address(request)
    verdict = await run_in_threadpool(throttle.check, key, client, browser is not None)
    if verdict.wait_seconds:
        return _form(request, lang, target, name=name, wait=verdict)
    # scrypt takes tens of milliseconds of CPU: off the event loop.
    agent = await run_in_threadpool(sign_in, app_state.database, name, form.get("password", ""))
    if agent is None:
        await run_in_threadpool(throttle.failed, key, client)
        return _form(request, lang, target, failed=True, name=name)
    await run_in_threadpool(throttle.succeeded, key, client)
    lifetime = int(web.session_lifetime.total_seconds())
    session_id = await run_in_threadpool(create_session, app_state.database, agent.id, lifetime)
    response = RedirectResponse(target, status_code=303, headers=SECURITY_HEADERS)
    start_session(request, response, agent, session_id, lifetime)
    remember_browser(request, response, secret(request), key, web.signin.known_browser_for, browser)
    return response


@router.post("/signout")
async def signout(request: Request) -> Response:
    form = await checked_form(request)
    response = RedirectResponse(
        link("/search", language(form.get("lang"))), status_code=303, headers=SECURITY_HEADERS
    )
    await run_in_threadpool(end_session, request, response)
    return response
