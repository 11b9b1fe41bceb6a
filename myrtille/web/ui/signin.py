"""Agents sign in with their name and password (``myrtille users set-password``) and get
a session cookie; SMEs never sign in (their links are signed)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from myrtille.web.api import state
from myrtille.web.auth import sign_in
from myrtille.web.sessions import checked_form, end_session, local_target, start_session
from myrtille.web.ui.common import SECURITY_HEADERS, Texts, language, link, render

router = APIRouter(include_in_schema=False)

TEXTS: Texts = {
    "fr": {
        "title": "Connexion des agents",
        "name": "Nom d'agent",
        "password": "Mot de passe",
        "submit": "Se connecter",
        "failed": "Nom ou mot de passe incorrect.",
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
        "help": "No password? An operator sets one with "
        "'myrtille users set-password NAME'. SMEs need no account: "
        "the links in their emails are enough.",
    },
}


def _form(
    request: Request, lang: str, next_url: str, failed: bool = False, name: str = ""
) -> HTMLResponse:
    return render(
        request,
        "signin.html",
        lang,
        TEXTS,
        401 if failed else 200,
        title=TEXTS[lang]["title"],
        next_url=next_url,
        failed=failed,
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
    agent = sign_in(state(request).database, name, form.get("password", ""))
    if agent is None:
        return _form(request, lang, target, failed=True, name=name)
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
