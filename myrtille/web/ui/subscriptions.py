"""Agents' subscriptions pages: the firms' subscriptions an agent set up here, a form to
make one (with a preview of the last 30 days that saves nothing), edit, pause, delete.

An agent's list holds the subscriptions it created in these pages (``agent_id``) that
have not ended; one the firm unsubscribed from, or the agent deleted, leaves the list.
Without "consent obtained elsewhere" the firm gets the double opt-in email and nothing
is sent before it confirms; with it, consent is recorded as given to an operator.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from myrtille.alerts.subscriptions import SubscriptionError, end_subscription
from myrtille.store.schema import is_row_id, utcnow
from myrtille.store.subscriptions import Subscriber, Subscription
from myrtille.texts import N_, gettext
from myrtille.web.api import state
from myrtille.web.ids import id_path
from myrtille.web.sessions import SignedInAgent, checked_form, require_signed_in
from myrtille.web.ui.common import SECURITY_HEADERS, language, link, message, render
from myrtille.web.ui.preview import preview_of
from myrtille.web.ui.subscription_form import (
    FREQUENCY_NAMES,
    HOME,
    STATE_NAMES,
    blank,
    channel_names,
    create,
    form_page,
    named,
    problems,
    query_problems,
    update,
)

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)

# What the list says after a change, by the notice named in its URL.
NOTICES = {
    "sent": N_(
        "Subscription saved. A confirmation email was sent to {email}; "
        "the subscription starts when the firm confirms."
    ),
    "unsent": N_(
        "Subscription saved, but the confirmation email could not be sent to {email} "
        "(see the server log). Delete it and create it again later."
    ),
    "active": N_("Subscription saved and active for {email} (consent recorded)."),
    "saved": N_("Changes saved."),
    "paused": N_("Subscription paused: nothing is sent until it is resumed."),
    "resumed": N_("Subscription resumed."),
    "deleted": N_("Subscription deleted."),
}

# -- reading --------------------------------------------------------------------------


def _owned(request: Request, agent: SignedInAgent, subscription_id: int) -> dict[str, Any] | None:
    """One of the agent's own subscriptions that has not ended, as the pages show it."""
    rows = _rows(request, agent, subscription_id)
    return rows[0] if rows else None


def _rows(
    request: Request, agent: SignedInAgent, subscription_id: int | None = None
) -> list[dict[str, Any]]:
    query = (
        select(Subscription, Subscriber)
        .join(Subscriber, Subscriber.id == Subscription.subscriber_id)
        .where(Subscription.agent_id == agent.id, Subscription.ended_at.is_(None))
        .order_by(Subscription.id.desc())
    )
    if subscription_id is not None:
        if not is_row_id(subscription_id):
            return []
        query = query.where(Subscription.id == subscription_id)
    with state(request).database.session() as session:
        return [
            {
                "id": subscription.id,
                "email": subscriber.email,
                "name": subscription.name,
                "query": subscription.query,
                "frequency": subscription.frequency,
                "channels": list(subscription.channels or []),
                "paused": subscription.paused,
                "urgent": "on" if subscription.urgent else "",
                "states": _states(subscription, subscriber),
                "webhook_secret": webhook.secret
                if (webhook := subscription.destination("webhook"))
                else None,
                "created": subscription.created_at,
            }
            for subscription, subscriber in session.execute(query)
        ]


def _states(subscription: Subscription, subscriber: Subscriber) -> list[str]:
    states = ["active" if subscription.active else "pending"]
    if subscription.paused:
        states.append("paused")
    if subscriber.paused:
        states.append("bounced")
    return states


def _not_found(request: Request, lang: str, subscription_id: int) -> HTMLResponse:
    return message(
        request,
        lang,
        404,
        gettext(lang, "Subscription not found"),
        gettext(
            lang,
            "No subscription #{id} among yours: go back to the list of your subscriptions.",
            id=subscription_id,
        ),
    )


def _done(lang: str, notice: str, subscription_id: int | None = None) -> Response:
    target = link(HOME, lang, done=notice, id=subscription_id)
    return RedirectResponse(target, status_code=303, headers=SECURITY_HEADERS)


# -- changes ------------------------------------------------------------------------------


def _set_paused(request: Request, subscription_id: int, paused: bool) -> None:
    with state(request).database.session() as session:
        subscription = session.get(Subscription, subscription_id)
        assert subscription is not None
        if subscription.paused != paused:
            subscription.paused = paused
            subscription.updated_at = utcnow()


def _delete(request: Request, subscription_id: int) -> None:
    with state(request).database.session() as session:
        subscription = session.get(Subscription, subscription_id)
        assert subscription is not None
        end_subscription(subscription)


# -- routes ---------------------------------------------------------------------------


@router.get(HOME, response_class=HTMLResponse)
def list_page(
    request: Request, lang: str | None = None, done: str | None = None, id: int | None = None
) -> HTMLResponse:
    agent = require_signed_in(request)
    chosen = language(lang)
    notice = None
    if done in NOTICES:
        owned = _owned(request, agent, id) if id is not None else None
        notice = gettext(chosen, NOTICES[done], email=owned["email"] if owned else "")
    return render(
        request,
        "agent_subscriptions.html",
        chosen,
        title=gettext(chosen, "Firms' subscriptions"),
        rows=[
            row
            | {
                "frequency_name": named(chosen, FREQUENCY_NAMES, [row["frequency"]])[0],
                "channel_names": named(chosen, channel_names(), row["channels"]),
                "state_names": dict(
                    zip(row["states"], named(chosen, STATE_NAMES, row["states"]), strict=True)
                ),
                "edit": link(f"{HOME}/{row['id']}/edit", chosen),
                "delete": link(f"{HOME}/{row['id']}/delete", chosen),
                "toggle": f"{HOME}/{row['id']}/{'resume' if row['paused'] else 'pause'}",
            }
            for row in _rows(request, agent)
        ],
        notice=notice,
        new=link(f"{HOME}/new", chosen),
    )


@router.get(f"{HOME}/new", response_class=HTMLResponse)
def new_page(request: Request, lang: str | None = None, q: str = "") -> HTMLResponse:
    """The form, its query prefilled by ``q`` ("Subscribe to this search")."""
    require_signed_in(request)
    return form_page(request, language(lang), blank() | {"query": q[:2000]})


@router.post(f"{HOME}/new", response_class=HTMLResponse)
async def new(request: Request) -> Response:
    agent = require_signed_in(request)
    posted = await checked_form(request)
    lang = language(posted.get("lang"))
    form = blank() | {k: v for k, v in posted.items() if k in blank()}
    # An unticked checkbox is not posted at all.
    form["urgent"] = posted.get("urgent", "")

    def answer() -> Response:
        if posted.get("action") == "preview":
            # Previewing needs only a valid query; the rest is checked when saving.
            errors = query_problems(request, form["query"], lang)
            shown = None if errors else preview_of(request, form["query"], lang)
            return form_page(request, lang, form, errors=errors, shown=shown)
        errors = problems(request, form, lang, new=True)
        if errors:
            return form_page(request, lang, form, errors=errors)
        try:
            notice, subscription_id = create(request, agent, form)
        except SubscriptionError as exc:
            refused = gettext(lang, "Subscription refused: {detail}", detail=exc.text(lang))
            return form_page(request, lang, form, errors=[refused])
        return _done(lang, notice, subscription_id)

    return await run_in_threadpool(answer)


@router.get(id_path(HOME, "subscription_id", "/edit"), response_class=HTMLResponse)
def edit_page(request: Request, subscription_id: int, lang: str | None = None) -> HTMLResponse:
    agent = require_signed_in(request)
    chosen = language(lang)
    row = _owned(request, agent, subscription_id)
    if row is None:
        return _not_found(request, chosen, subscription_id)
    form = blank() | {k: row[k] for k in ("name", "query", "frequency", "email", "urgent")}
    return form_page(request, chosen, form, editing=row)


@router.post(id_path(HOME, "subscription_id", "/edit"), response_class=HTMLResponse)
async def edit(request: Request, subscription_id: int) -> Response:
    agent = require_signed_in(request)
    posted = await checked_form(request)
    lang = language(posted.get("lang"))

    def answer() -> Response:
        row = _owned(request, agent, subscription_id)
        if row is None:
            return _not_found(request, lang, subscription_id)
        form = blank() | {"email": row["email"]}
        form |= {k: posted.get(k, "") for k in ("name", "query", "frequency", "urgent")}
        if posted.get("action") == "preview":
            errors = query_problems(request, form["query"], lang)
            shown = None if errors else preview_of(request, form["query"], lang)
            return form_page(request, lang, form, editing=row, errors=errors, shown=shown)
        errors = problems(request, form, lang, new=False)
        if errors:
            return form_page(request, lang, form, editing=row, errors=errors)
        update(request, subscription_id, form)
        return _done(lang, "saved")

    return await run_in_threadpool(answer)


async def _toggle(request: Request, subscription_id: int, paused: bool) -> Response:
    agent = require_signed_in(request)
    posted = await checked_form(request)
    lang = language(posted.get("lang"))

    def answer() -> Response:
        if _owned(request, agent, subscription_id) is None:
            return _not_found(request, lang, subscription_id)
        _set_paused(request, subscription_id, paused)
        return _done(lang, "paused" if paused else "resumed")

    return await run_in_threadpool(answer)


@router.post(id_path(HOME, "subscription_id", "/pause"), response_class=HTMLResponse)
async def pause(request: Request, subscription_id: int) -> Response:
    return await _toggle(request, subscription_id, True)


@router.post(id_path(HOME, "subscription_id", "/resume"), response_class=HTMLResponse)
async def resume(request: Request, subscription_id: int) -> Response:
    return await _toggle(request, subscription_id, False)


@router.get(id_path(HOME, "subscription_id", "/delete"), response_class=HTMLResponse)
def delete_page(request: Request, subscription_id: int, lang: str | None = None) -> HTMLResponse:
    """Only asks: the POST of its button deletes."""
    agent = require_signed_in(request)
    chosen = language(lang)
    row = _owned(request, agent, subscription_id)
    if row is None:
        return _not_found(request, chosen, subscription_id)
    return render(
        request,
        "agent_subscription_delete.html",
        chosen,
        title=gettext(chosen, "Delete this subscription?"),
        text=gettext(
            chosen,
            "The firm {email} will receive nothing more for “{name}”. This cannot be undone.",
            email=row["email"],
            name=row["name"],
        ),
        action=f"{HOME}/{subscription_id}/delete",
        cancel=link(HOME, chosen),
    )


@router.post(id_path(HOME, "subscription_id", "/delete"), response_class=HTMLResponse)
async def delete(request: Request, subscription_id: int) -> Response:
    agent = require_signed_in(request)
    posted = await checked_form(request)
    lang = language(posted.get("lang"))

    def answer() -> Response:
        if _owned(request, agent, subscription_id) is None:
            return _not_found(request, lang, subscription_id)
        _delete(request, subscription_id)
        log.info("agent %s deleted subscription %s", agent.name, subscription_id)
        return _done(lang, "deleted")

    return await run_in_threadpool(answer)
