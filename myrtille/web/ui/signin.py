"""Agents sign in with their name and password (``myrtille users set-password``) and get
a session cookie; SMEs never sign in (their links are signed)."""

from __future__ import annotations

import math

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from myrtille.web.api import state
from myrtille.web.auth import sign_in
from myrtille.web.sessions import checked_form, end_session, local_target, start_session
from myrtille.web.throttle import FailureThrottle
from myrtille.web.ui.common import SECURITY_HEADERS, Texts, language, link, render

router = APIRouter(include_in_schema=False)

TEXTS: Texts = {
    "fr": {
        "title": "Connexion des agents",
        "name": "Nom d'agent",
        "password": "Mot de passe",
        "submit": "Se connecter",
        "failed": "Nom ou mot de passe incorrect.",
        "throttled": "Trop d'essais manqués pour ce nom : réessayez dans {minutes} min.",
        "help": "Pas de mot de passe ? Un opérateur le définit avec "
        "« myrtille users set-password NOM ». Les PME n'ont pas besoin de compte : "
        "les liens de leurs e-mails suffisent.",
    },
    "en": {
        "title": "Agents' sign-in",
        "name": "Agent name",
        "password": "Password",
        "submit": "Sign in",
        "failed": "Wrong name or password.",
        "throttled": "Too many failed attempts for this name: try again in {minutes} min.",
        "help": "No password? An operator sets one with "
        "'myrtille users set-password NAME'. SMEs need no account: "
        "the links in their emails are enough.",
    },
}


def _throttle(request: Request) -> FailureThrottle:
    app_state = request.app.state
    if getattr(app_state, "signin_throttle", None) is None:
        app_state.signin_throttle = FailureThrottle()
    return app_state.signin_throttle  # type: ignore[no-any-return]


def _form(
    request: Request,
    lang: str,
    next_url: str,
    failed: bool = False,
    name: str = "",
    throttled: int = 0,
) -> HTMLResponse:
    return render(
        request,
        "signin.html",
        lang,
        TEXTS,
        429 if throttled else 401 if failed else 200,
        title=TEXTS[lang]["title"],
        next_url=next_url,
        failed=failed,
        throttled=TEXTS[lang]["throttled"].format(minutes=throttled) if throttled else "",
        name=name,
    )


@router.get("/signin", response_class=HTMLResponse)
def signin_page(request: Request, next: str | None = None, lang: str | None = None) -> Response:
    return _form(request, language(lang), local_target(next))


@router.post("/signin", response_class=HTMLResponse)
async def signin(request: Request) -> Response:
    form = await checked_form(request)
    lang = language(form.get("lang"))
    target = local_target(form.get("next"))
    name = form.get("name", "").strip()
    throttle = _throttle(request)
    key = f"{request.client.host if request.client else '?'}|{name.casefold()}"
    wait = throttle.wait_seconds(key)
    if wait:
        minutes = max(1, math.ceil(wait / 60))
        return _form(request, lang, target, name=name, throttled=minutes)
    # scrypt takes tens of milliseconds of CPU: off the event loop.
    agent = await run_in_threadpool(
        sign_in, state(request).database, name, form.get("password", "")
    )
    if agent is None:
        throttle.failed(key)
        return _form(request, lang, target, failed=True, name=name)
    throttle.succeeded(key)
    response = RedirectResponse(target, status_code=303, headers=SECURITY_HEADERS)
    start_session(request, response, agent)
    return response


@router.post("/signout")
async def signout(request: Request) -> Response:
    form = await checked_form(request)
    response = RedirectResponse(
        link("/search", language(form.get("lang"))), status_code=303, headers=SECURITY_HEADERS
    )
    end_session(response)
    return response
