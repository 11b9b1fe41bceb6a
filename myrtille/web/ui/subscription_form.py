"""The form of the agents' subscriptions pages (new and edit): checking it, previewing
its query over the last 30 days (nothing saved), and saving it."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse

from myrtille.alerts.preview import DEFAULT_DAYS, preview
from myrtille.alerts.subscriptions import (
    FREQUENCIES,
    SubscriptionError,
    ask_to_confirm,
    create_subscription,
    normalise_email,
)
from myrtille.index.query import QueryError, parse
from myrtille.store.schema import Subscription, utcnow
from myrtille.web.api import state
from myrtille.web.sessions import SignedInAgent, secret
from myrtille.web.ui.common import LANGUAGES, day, link, render, source_names
from myrtille.web.ui.subscription_texts import TEXTS

log = logging.getLogger(__name__)
HOME = "/agent/subscriptions"


def problems(request: Request, form: dict[str, str], lang: str, new: bool) -> list[str]:
    """What is wrong with the form, in the page's language (empty: fine)."""
    texts = TEXTS[lang]
    errors: list[str] = []
    if new:
        try:
            normalise_email(form.get("email", ""))
        except SubscriptionError as exc:
            errors.append(texts["bad_email"].format(detail=exc))
        if form.get("language") not in LANGUAGES:
            errors.append(texts["bad_choice"].format(field=texts["language"]))
        webhook = form.get("webhook_url", "").strip()
        if webhook and not webhook.startswith(("https://", "http://")):
            errors.append(texts["bad_webhook"])
    if form.get("frequency") not in FREQUENCIES:
        errors.append(texts["bad_choice"].format(field=texts["frequency"]))
    return errors + query_problems(request, form.get("query", ""), lang)


def query_problems(request: Request, query: str, lang: str) -> list[str]:
    try:
        parse(query, state(request).resolver)
    except QueryError as exc:
        return [TEXTS[lang]["bad_query"].format(position=exc.position + 1, detail=exc.message)]
    return []


def preview_of(request: Request, query: str, lang: str) -> dict[str, Any]:
    app = state(request)
    found = preview(app.index, query, app.resolver, days=DEFAULT_DAYS)
    names = source_names(request)
    return {
        "days": DEFAULT_DAYS,
        "since": found.since.isoformat() if found.since else "",
        "total": found.total,
        "hits": [
            {
                "title": hit.title or hit.id,
                "href": link(f"/documents/{quote(hit.id, safe='')}", lang),
                "source": names.get(hit.source, hit.source),
                "date": day(hit.published_at),
            }
            for hit in found.hits
        ],
    }


def form_page(
    request: Request,
    lang: str,
    form: dict[str, str],
    *,
    editing: dict[str, Any] | None = None,
    errors: list[str] | None = None,
    shown: dict[str, Any] | None = None,
) -> HTMLResponse:
    texts = TEXTS[lang]
    action = f"{HOME}/{editing['id']}/edit" if editing else f"{HOME}/new"
    return render(
        request,
        "agent_subscription_form.html",
        lang,
        TEXTS,
        400 if errors else 200,
        title=texts["edit_title"] if editing else texts["new"],
        action=action,
        cancel=link(HOME, lang),
        form=form,
        editing=editing,
        errors=errors or [],
        preview=shown,
        frequencies=FREQUENCIES,
        languages=LANGUAGES,
    )


def blank() -> dict[str, str]:
    return {
        "email": "",
        "name": "",
        "query": "",
        "frequency": "daily",
        "language": "fr",
        "webhook_url": "",
        "consent": "",
    }


def create(request: Request, agent: SignedInAgent, form: dict[str, str]) -> tuple[str, int]:
    """Store the checked form; send the firm its confirmation email unless the agent
    ticked that consent was obtained elsewhere. Returns the notice to show and the id.

    Raises ``SubscriptionError`` when the subscription is refused (nothing stored)."""
    app = state(request)
    key = secret(request)
    consent = form.get("consent") == "on"
    address = normalise_email(form["email"])
    created = create_subscription(
        app.database,
        key,
        email=address,
        query=form["query"],
        frequency=form["frequency"],
        webhook_url=form.get("webhook_url", "").strip() or None,
        language=form["language"],
        name=form.get("name", "").strip() or None,
        confirmed_by_operator=consent,
        # The firm's own say is needed unless the agent had it some other way.
        require_confirmation=not consent,
        resolver=app.resolver,
        agent_id=agent.id,
    )
    log.info(
        "agent %s created subscription %s for %s", agent.name, created.subscription_id, address
    )
    if created.confirm_token is None:
        return "active", created.subscription_id
    failure = ask_to_confirm(app.settings, key, address, form["language"], created.confirm_token)
    if failure is not None:
        log.warning("confirmation email to %s not sent: %s", address, failure)
        return "unsent", created.subscription_id
    return "sent", created.subscription_id


def update(request: Request, subscription_id: int, form: dict[str, str]) -> None:
    with state(request).database.session() as session:
        subscription = session.get(Subscription, subscription_id)
        assert subscription is not None
        subscription.query = form["query"]
        subscription.frequency = form["frequency"]
        subscription.name = form.get("name", "").strip() or form["query"][:80]
        # updated_at moves the subscriptions' version: the matcher reloads.
        subscription.updated_at = utcnow()
