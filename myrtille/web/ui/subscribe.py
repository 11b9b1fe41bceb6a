"""The public subscription page for firms, ``/subscribe``: no account, no password, no
query to write — sectors, territories, companies (searched in the registry, server-side),
event types and keywords, a frequency and a language; a preview of the last 30 days; then
the double opt-in email, whose link activates the subscription.

It is a plain HTML form that agencies may embed on their own sites, so ``POST /subscribe``
takes the documented fields (``public_form.py``) and needs no CSRF token: it creates
nothing but a pending subscription, which only the address's owner can activate. Abuse is
held back by a honeypot field, per-client and per-address limits
(``web/subscribe_limits.py``) and the operator's ``web.public_subscribe`` settings.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from myrtille.alerts.describe import describe
from myrtille.alerts.subscriptions import (
    FREQUENCIES,
    SubscriptionError,
    ask_to_confirm,
    create_subscription,
    normalise_email,
)
from myrtille.enrichment.registry import CompanyRecord, companies_by_siren, find_companies
from myrtille.texts import LANGUAGES, labels, sort_key
from myrtille.web import sessions
from myrtille.web.api import state
from myrtille.web.subscribe_limits import PublicSubscribeLimits
from myrtille.web.throttle import client_address
from myrtille.web.ui.common import language, link, other, render
from myrtille.web.ui.preview import preview_of
from myrtille.web.ui.public_form import Choices, problems, query_of, read_choices

log = logging.getLogger(__name__)
router = APIRouter()

PATH = "/subscribe"
PREVIEW_TITLES = 5
# The honeypot: hidden by CSS, labelled "leave empty" for screen readers; people leave it
# empty, form-filling robots do not.
HONEYPOT = "website"


def page(
    request: Request, lang: str, template: str, status: int = 200, **context: Any
) -> HTMLResponse:
    """A page of this module, through the UI's ``render`` (catalogue, base template)."""
    return render(request, template, lang, status, **context)


def page_language(request: Request, form: FormData | None = None) -> str:
    """``?lang=`` first; a form posted from another site says it with ``language``."""
    asked = request.query_params.get("lang")
    if asked is None and form is not None:
        asked = str(form.get("lang") or form.get("language") or "")
    return language(asked)


def closed(request: Request, lang: str) -> HTMLResponse:
    return page(request, lang, "public_subscribe_closed.html", 404)


def vocabulary(lang: str) -> dict[str, list[tuple[str, str]]]:
    """The choices of the form, by their names in ``lang``."""
    names = labels(lang)

    def sorted_by_name(kind: str) -> list[tuple[str, str]]:
        # By letters, accents only breaking ties: "Énergie" among the E, not after "Z".
        return sorted(names[kind].items(), key=lambda item: sort_key(item[1]))

    return {
        "sectors": sorted_by_name("sector"),
        "events": sorted_by_name("event"),
        "regions": sorted_by_name("region"),
        # Departments in their code's order (01, 02… 2A, 2B… 971), as French people list them.
        "departments": sorted(names["department"].items()),
    }


def form_page(
    request: Request,
    lang: str,
    choices: Choices,
    *,
    errors: dict[str, str] | None = None,
    company_q: str = "",
    found: list[CompanyRecord] | None = None,
    chosen: dict[str, CompanyRecord] | None = None,
    shown: dict[str, Any] | None = None,
    status: int | None = None,
) -> HTMLResponse:
    chosen = chosen or {}
    companies = [chosen[siren] for siren in choices.companies if siren in chosen]
    companies += [c for c in found or [] if c.siren and c.siren not in chosen]
    return page(
        request,
        lang,
        "public_subscribe.html",
        status or (400 if errors else 200),
        choices=choices,
        errors=errors or {},
        company_q=company_q,
        searched=found is not None,
        companies=companies,
        vocabulary=vocabulary(lang),
        frequencies=FREQUENCIES,
        languages=LANGUAGES,
        preview=shown,
        honeypot=HONEYPOT,
        action=link(PATH, lang),
        switch=link(PATH, other(lang), **_prefill(choices)),
    )


def _prefill(choices: Choices) -> dict[str, Any]:
    return {k: v for k, v in choices.fields().items() if k != "email"}


def too_many(request: Request, lang: str, wait: int, email: bool) -> HTMLResponse:
    response = page(
        request,
        lang,
        "public_subscribe_limited.html",
        429,
        minutes=max(1, -(-wait // 60)),
        # A wait of hours (the per-email limit is a day) is said in hours, not minutes.
        hours=-(-wait // 3600) if wait > 90 * 60 else 0,
        email=email,
        back=link(PATH, lang),
    )
    response.headers["Retry-After"] = str(wait)
    return response


@router.get(PATH, response_class=HTMLResponse)
def subscribe_form(request: Request) -> HTMLResponse:
    """The form; ``company_q`` searches the registry and shows matching companies as
    checkboxes, every other choice kept (the fields of the form prefill it too)."""
    lang = page_language(request)
    app = state(request)
    if not app.settings.web.public_subscribe.enabled:
        return closed(request, lang)
    params = request.query_params
    return company_search(request, lang, {k: params.getlist(k) for k in params})


def company_search(request: Request, lang: str, fields: dict[str, list[Any]]) -> HTMLResponse:
    """The form again with the registry's companies matching ``company_q`` as checkboxes,
    every other choice kept."""
    app = state(request)
    choices = read_choices(fields, lang)
    company_q = str((fields.get("company_q") or [""])[0]).strip()[:100]
    found = find_companies(app.database, company_q) if company_q else None
    chosen = companies_by_siren(app.database, choices.companies)
    return form_page(
        request, lang, choices, company_q=company_q, found=found, chosen=chosen, status=200
    )


@router.post(PATH, response_class=HTMLResponse)
async def subscribe(request: Request) -> HTMLResponse:
    form = await request.form()
    lang = page_language(request, form)
    app = state(request)
    rules = app.settings.web.public_subscribe
    if not rules.enabled:
        return closed(request, lang)
    if form.get("action") == "find_company":
        # Posted, not sent by GET, so that the email typed so far stays out of URLs and
        # logs; a registry search creates and sends nothing, so it is not counted.
        fields = {k: form.getlist(k) for k in form}
        return await run_in_threadpool(company_search, request, lang, fields)
    limits = PublicSubscribeLimits(app.database, rules)
    wait = await run_in_threadpool(limits.client_wait, client_address(request))
    if wait:
        return too_many(request, lang, wait, email=False)
    choices = read_choices({k: form.getlist(k) for k in form}, lang)
    if str(form.get(HONEYPOT) or "").strip():
        # A robot: it gets what looks like success, and nothing is created or sent.
        log.info("public subscription with the honeypot filled ignored")
        return sent_page(request, lang, choices, "")
    return await run_in_threadpool(_subscribe, request, lang, choices, form, limits)


def _subscribe(
    request: Request,
    lang: str,
    choices: Choices,
    form: FormData,
    limits: PublicSubscribeLimits,
) -> HTMLResponse:
    app = state(request)
    previewing = form.get("action") == "preview"
    chosen = companies_by_siren(app.database, choices.companies)
    errors = problems(
        choices,
        lang,
        app.settings.web.public_subscribe,
        chosen,
        app.resolver,
        need_email=not previewing or bool(choices.email),
    )
    if errors:
        return form_page(request, lang, choices, errors=errors, chosen=chosen)
    query = query_of(choices)
    if previewing:
        return form_page(
            request,
            lang,
            choices,
            chosen=chosen,
            shown=preview_of(request, query, lang, limit=PREVIEW_TITLES),
        )
    address = normalise_email(choices.email)
    wait = limits.email_wait(address)
    if wait:
        return too_many(request, lang, wait, email=True)
    names = {siren: company.name for siren, company in chosen.items()}
    key = sessions.secret(request)
    try:
        created = create_subscription(
            app.database,
            key,
            email=address,
            query=query,
            frequency=choices.frequency,
            language=choices.language,
            # What the firm reads of it, in its language (its query it never sees).
            name=describe(query, choices.language, companies=names, resolver=app.resolver),
            kind="sme",
            require_confirmation=True,
            resolver=app.resolver,
        )
    except SubscriptionError as exc:
        # Checked above; a refusal here is a bug worth seeing, not a page to hide it.
        log.error("public subscription refused after its checks: %s", exc)
        raise
    assert created.confirm_token is not None
    failure = ask_to_confirm(
        app.settings,
        key,
        address,
        choices.language,
        created.confirm_token,
        describe(
            query, choices.language, choices.frequency, companies=names, resolver=app.resolver
        ),
    )
    if failure is not None:
        log.warning("confirmation email to %s not sent: %s", address, failure)
        return page(
            request,
            lang,
            "public_subscribe_sent.html",
            503,
            failed=True,
            email=address,
            description="",
            back=link(PATH, lang),
        )
    log.info("public subscription %s pending for %s", created.subscription_id, address)
    description = describe(query, lang, choices.frequency, companies=names, resolver=app.resolver)
    return sent_page(request, lang, choices, description, email=address)


def sent_page(
    request: Request, lang: str, choices: Choices, description: str, email: str = ""
) -> HTMLResponse:
    return page(
        request,
        lang,
        "public_subscribe_sent.html",
        200,
        failed=False,
        email=email or choices.email[:254],
        description=description,
        back=link(PATH, lang),
    )
