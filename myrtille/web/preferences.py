"""The subscriber's own page, behind the preferences link of every email: their
subscriptions; each one's frequency; the language of their emails; unsubscribe from one
or from all.

No account and no cookie: the signed token of the link (purpose "preferences", naming the
subscriber, expiring; see ``alerts/mail.py``) is the only credential. Every change is a
POST form carrying it, refused as a whole when the token is altered, expired or made for
something else, or when it names a subscription that is not the subscriber's.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from myrtille.alerts.describe import company_names, describe
from myrtille.alerts.subscriptions import FREQUENCIES, end_subscription
from myrtille.alerts.tokens import TokenError, verify
from myrtille.store.schema import utcnow
from myrtille.store.subscriptions import Subscriber, Subscription
from myrtille.texts import N_, gettext
from myrtille.web.subscriber import LinkContext, invalid_link, link_context, page_language
from myrtille.web.ui.common import LANGUAGES, link, other, render
from myrtille.web.ui.subscription_form import FREQUENCY_NAMES, language_choices

router = APIRouter(include_in_schema=False)

# A firm's view of its watches: frequencies and states by name (agents' pages say more).
STATE_NAMES = {
    "active": N_("active"),
    "ended": N_("unsubscribed"),
    "pending": N_("awaiting confirmation"),
    "paused": N_("deliveries paused"),
}
REFUSALS = {
    "not_yours": N_("This watch is not (or no longer) one of yours: nothing changed."),
    "bad_choice": N_("This choice is not possible: nothing changed."),
    "other_site": N_("This form did not come from this page: nothing changed."),
}
# Said in the language just chosen, to show that the choice is taken.
SAVED_LANGUAGE = N_("Your messages will now be in English.")


class Refused(Exception):
    """A change the page will not make; the argument is the key of its text."""


def _page(
    request: Request,
    lang: str,
    *,
    status: int = 200,
    notice: str | None = None,
    error: str | None = None,
    token: str = "",
    email: str = "",
    subscriptions: list[dict[str, Any]] | None = None,
    stored_language: str = "",
) -> HTMLResponse:
    return render(
        request,
        "sme_preferences.html",
        lang,
        status=status,
        token_page=True,
        switch=link("/preferences", other(lang), token=token),
        title=gettext(lang, "My subscriptions"),
        notice=notice,
        error=error,
        token=token,
        email=email,
        subscriptions=subscriptions or [],
        frequencies={f: gettext(lang, FREQUENCY_NAMES[f]) for f in FREQUENCIES},
        languages=language_choices(lang),
        stored_language=stored_language,
    )


def _subscriber_id(context: LinkContext, token: str) -> int:
    payload = verify(context.secret, token, "preferences")
    try:
        return int(payload["s"])
    except (KeyError, TypeError, ValueError):
        raise TokenError("this link is not valid (it is malformed)") from None


def _show(
    request: Request,
    context: LinkContext,
    subscriber_id: int,
    token: str,
    asked: str | None = None,
    error: str | None = None,
    status: int = 200,
    *,
    notice: str | None = None,
) -> HTMLResponse:
    with context.database.session() as session:
        subscriber = session.get(Subscriber, subscriber_id)
        if subscriber is None:
            return invalid_link(request, TokenError("no such subscriber", "altered"), asked)
        chosen = page_language(asked, subscriber)
        rows = list(
            session.scalars(
                select(Subscription)
                .where(Subscription.subscriber_id == subscriber_id)
                .order_by(Subscription.id)
            )
        )
        names = company_names(session, [row.query for row in rows])
        listed = [
            {
                "id": row.id,
                "name": row.name,
                # A firm reads its watch in plain words, never the query (agents see that).
                "description": describe(row.query, chosen, companies=names),
                "frequency": gettext(chosen, FREQUENCY_NAMES[row.frequency])
                if row.frequency in FREQUENCY_NAMES
                else row.frequency,
                "frequency_code": row.frequency,
                "state": _state(row, subscriber),
                "state_name": gettext(chosen, STATE_NAMES[_state(row, subscriber)]),
                "open": row.ended_at is None,
            }
            for row in rows
        ]
        email = subscriber.email
        stored_language = subscriber.language
    return _page(
        request,
        chosen,
        status=status,
        notice=notice,
        error=gettext(chosen, REFUSALS[error]) if error else None,
        token=token,
        email=email,
        subscriptions=listed,
        stored_language=stored_language,
    )


def _state(row: Subscription, subscriber: Subscriber) -> str:
    if row.ended_at is not None:
        return "ended"
    if not row.active:
        return "pending"
    return "paused" if row.paused or subscriber.paused else "active"


def _change(
    context: LinkContext, subscriber_id: int, form: dict[str, str], asked: str | None
) -> str:
    """Make the change the form asks for; returns the notice to show (in the language
    the subscriber has after the change)."""
    action = form.get("action", "")
    with context.database.session() as session:
        subscriber = session.get(Subscriber, subscriber_id)
        if subscriber is None:
            raise Refused("not_yours")
        if action == "language":
            chosen = form.get("language", "")
            if chosen not in LANGUAGES:
                raise Refused("bad_choice")
            subscriber.language = chosen
            return gettext(chosen, SAVED_LANGUAGE)
        lang = page_language(asked, subscriber)
        open_rows = list(
            session.scalars(
                select(Subscription).where(
                    Subscription.subscriber_id == subscriber_id, Subscription.ended_at.is_(None)
                )
            )
        )
        if action == "unsubscribe_all":
            for row in open_rows:
                end_subscription(row)
            return gettext(lang, "Unsubscribed: Myrtille will send you no more messages.")
        wanted = form.get("subscription", "")
        row = next((r for r in open_rows if str(r.id) == wanted), None)
        if row is None:
            raise Refused("not_yours")
        if action == "unsubscribe":
            end_subscription(row)
            return gettext(
                lang, "Unsubscribed: nothing more will be sent for “{name}”.", name=row.name
            )
        if action == "frequency":
            frequency = form.get("frequency", "")
            if frequency not in FREQUENCIES:
                raise Refused("bad_choice")
            if row.frequency != frequency:
                row.frequency = frequency
                row.updated_at = utcnow()
            return gettext(
                lang,
                "Frequency of “{name}”: {frequency}.",
                name=row.name,
                frequency=gettext(lang, FREQUENCY_NAMES[frequency]),
            )
        raise Refused("bad_choice")


def _same_site(request: Request) -> bool:
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return True
    return urlsplit(origin).netloc == request.headers.get("host", "")


# -- routes -----------------------------------------------------------------------------


@router.get("/preferences", response_class=HTMLResponse)
def preferences(request: Request, token: str = "", lang: str | None = None) -> HTMLResponse:
    context = link_context(request)
    try:
        subscriber_id = _subscriber_id(context, token)
    except TokenError as exc:
        return invalid_link(request, exc, lang)
    return _show(request, context, subscriber_id, token, lang)


@router.post("/preferences", response_class=HTMLResponse)
async def change_preferences(request: Request) -> HTMLResponse:
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    token = form.get("token", "")
    asked = request.query_params.get("lang") or form.get("lang")
    context = link_context(request)

    def answer() -> HTMLResponse:
        try:
            subscriber_id = _subscriber_id(context, token)
        except TokenError as exc:
            return invalid_link(request, exc, asked)
        if not _same_site(request):
            return _show(request, context, subscriber_id, token, asked, "other_site", 403)
        try:
            notice = _change(context, subscriber_id, form, asked)
        except Refused as refused:
            return _show(request, context, subscriber_id, token, asked, str(refused), 400)
        # After a change of language, the page speaks the new one.
        after = None if form.get("action") == "language" else asked
        return _show(request, context, subscriber_id, token, after, notice=notice)

    return await run_in_threadpool(answer)
