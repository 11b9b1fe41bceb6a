"""The form of the agents' subscriptions pages (new and edit): checking it, previewing
its query over the last 30 days (nothing saved), and saving it."""

from __future__ import annotations

import logging
from typing import Any

from babel import Locale
from fastapi import Request
from fastapi.responses import HTMLResponse

from myrtille.alerts.channels import CHANNELS
from myrtille.alerts.subscriptions import (
    FREQUENCIES,
    FREQUENCY_NAMES,
    SubscriptionError,
    ask_to_confirm,
    create_subscription,
    normalise_email,
)
from myrtille.index.query import QueryError, parse
from myrtille.store.schema import utcnow
from myrtille.store.subscriptions import Subscription
from myrtille.texts import N_, gettext
from myrtille.web.api import state
from myrtille.web.sessions import SignedInAgent, secret
from myrtille.web.ui.common import LANGUAGES, link, render

log = logging.getLogger(__name__)
HOME = "/agent/subscriptions"

# Codes the pages show by their names, in the page's language (FREQUENCY_NAMES too).
STATE_NAMES = {
    "pending": N_("awaiting confirmation"),
    "active": N_("active"),
    "paused": N_("paused"),
    "bounced": N_("deliveries blocked (address bounced)"),
    "ended": N_("ended"),
}


def channel_names() -> dict[str, str]:
    """Each channel's name for people, from the channel registry (catalogue ids)."""
    return CHANNELS.labels()


def named(lang: str, table: dict[str, str], codes: list[str]) -> list[str]:
    """The names of ``codes`` in ``lang``; a code the table does not know is shown as is."""
    return [gettext(lang, table[code]) if code in table else code for code in codes]


def language_choices(lang: str) -> dict[str, str]:
    """The emails' languages, each named in the page's language ("anglais", "French")."""
    return {code: Locale.parse(code).get_display_name(lang) or code for code in LANGUAGES}


def problems(request: Request, form: dict[str, str], lang: str, new: bool) -> list[str]:
    """What is wrong with the form, in the page's language (empty: fine). Every message is
    the catalogue's: a library's English text never reaches the page."""
    errors: list[str] = []
    if new:
        try:
            normalise_email(form.get("email", ""))
        except SubscriptionError:
            errors.append(
                gettext(
                    lang,
                    "Invalid email address: “{email}” is not one; write it as name@company.fr.",
                    email=form.get("email", "").strip()[:80],
                )
            )
        if form.get("language") not in LANGUAGES:
            field = gettext(lang, "Emails' language")
            errors.append(gettext(lang, "Invalid value for “{field}”: choose one.", field=field))
        webhook = form.get("webhook_url", "").strip()
        if webhook and not webhook.startswith(("https://", "http://")):
            errors.append(gettext(lang, "The webhook URL must start with https:// or http://."))
    if form.get("frequency") not in FREQUENCIES:
        field = gettext(lang, "Frequency")
        errors.append(gettext(lang, "Invalid value for “{field}”: choose one.", field=field))
    return errors + query_problems(request, form.get("query", ""), lang)


def query_problems(request: Request, query: str, lang: str) -> list[str]:
    try:
        parse(query, state(request).resolver)
    except QueryError as exc:
        return [
            gettext(
                lang,
                "Invalid query (position {position}): {detail}",
                position=exc.position + 1,
                detail=exc.text(lang),
            )
        ]
    return []


def form_page(
    request: Request,
    lang: str,
    form: dict[str, str],
    *,
    editing: dict[str, Any] | None = None,
    errors: list[str] | None = None,
    shown: dict[str, Any] | None = None,
) -> HTMLResponse:
    action = f"{HOME}/{editing['id']}/edit" if editing else f"{HOME}/new"
    new, edit = gettext(lang, "New subscription"), gettext(lang, "Edit the subscription")
    return render(
        request,
        "agent_subscription_form.html",
        lang,
        status=400 if errors else 200,
        title=edit if editing else new,
        action=action,
        cancel=link(HOME, lang),
        form=form,
        editing=editing
        and editing | {"channel_names": named(lang, channel_names(), editing["channels"])},
        errors=errors or [],
        preview=shown,
        frequencies={f: gettext(lang, FREQUENCY_NAMES[f]) for f in FREQUENCIES},
        languages=language_choices(lang),
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
        # Urgent legal notices at once: only portfolio:NAME queries have any (alerts/urgency.py).
        "urgent": "on",
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
        addresses={"webhook": form.get("webhook_url", "").strip() or None},
        language=form["language"],
        name=form.get("name", "").strip() or None,
        confirmed_by_operator=consent,
        # The firm's own say is needed unless the agent had it some other way.
        require_confirmation=not consent,
        resolver=app.resolver,
        agent_id=agent.id,
        settings=app.settings,
        urgent=form.get("urgent") == "on",
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
        subscription.urgent = form.get("urgent") == "on"
        # updated_at moves the subscriptions' version: the matcher reloads.
        subscription.updated_at = utcnow()
