"""Public pages reached from the links in emails: confirm and unsubscribe (the
preferences page is ``web/preferences.py``).

No API key and no cookie: the signed token in the link is the only credential (see
``myrtille.alerts.tokens``). Unsubscribing takes a POST — the RFC 8058 one-click POST a
mail client sends, or the button of the page a GET shows — because mail scanners and link
previewers follow GET links and must not unsubscribe anyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from myrtille.alerts.describe import company_names, describe
from myrtille.alerts.subscriptions import SubscriptionError, confirm, end_subscription
from myrtille.alerts.tokens import TokenError, secret_key, verify
from myrtille.alerts.unsubscribe import PURPOSE as UNSUBSCRIBE
from myrtille.alerts.unsubscribe import subscriptions_named
from myrtille.config.settings import Settings
from myrtille.store.database import Database
from myrtille.store.subscriptions import Subscriber, Subscription
from myrtille.texts import N_, gettext
from myrtille.web.ui.common import language, other, render

router = APIRouter(include_in_schema=False)

# Why a link is refused, by ``TokenError.kind``, in the reader's words.
TOKEN_PROBLEMS = {
    "altered": N_("This link is not valid: it was altered or not made by us."),
    "malformed": N_(
        "This link is not valid: it is incomplete. Copy the whole link from the email."
    ),
    "purpose": N_("This link is meant for something else."),
    "expired": N_("This link has expired: use the link of a more recent email."),
}


@dataclass
class LinkContext:
    """What the pages behind email links need; the signed token is their only credential."""

    settings: Settings
    database: Database
    secret: bytes


def link_context(request: Request) -> LinkContext:
    settings: Settings = request.app.state.settings
    secret = secret_key(settings.secret_key, settings.data_dir)
    return LinkContext(settings, request.app.state.database, secret)


GONE = N_("This watch no longer exists: nothing will be sent.")


def page_language(asked: str | None, subscriber: Subscriber | None) -> str:
    """The language asked for in the URL (the page's language link), else the
    subscriber's, else French."""
    return language(asked or (subscriber.language if subscriber else None))


def token_page(
    request: Request,
    lang: str,
    title: str,
    paragraphs: list[str],
    *,
    status: int = 200,
    error: bool = False,
    form_action: str | None = None,
) -> HTMLResponse:
    """A page behind a link in an email: the token stays in the language link."""
    token = request.query_params.get("token", "")
    return render(
        request,
        "subscriber_page.html",
        lang,
        status=status,
        token_page=True,
        switch=f"{request.url.path}?" + urlencode({"token": token, "lang": other(lang)}),
        title=title,
        paragraphs=paragraphs,
        error=error,
        form_action=form_action,
    )


def invalid_link(request: Request, problem: TokenError, asked: str | None) -> HTMLResponse:
    lang = language(asked)
    text = gettext(lang, TOKEN_PROBLEMS.get(problem.kind, TOKEN_PROBLEMS["malformed"]))
    return token_page(request, lang, gettext(lang, "Invalid link"), [text], status=400, error=True)


def _unsubscribe_action(token: str) -> str:
    # Relative, so that it also works behind a reverse proxy that adds a path prefix.
    return f"unsubscribe?token={token}"


# -- routes -----------------------------------------------------------------------------


@router.get("/subscriptions/confirm", response_class=HTMLResponse)
def confirm_page(request: Request, token: str = "", lang: str | None = None) -> HTMLResponse:
    context = link_context(request)
    try:
        subscriber_id = confirm(context.database, context.secret, token)
    except TokenError as exc:
        return invalid_link(request, exc, lang)
    except SubscriptionError:
        chosen = language(lang)
        gone = gettext(chosen, "This subscription no longer exists: nothing will be sent.")
        return token_page(
            request, chosen, gettext(chosen, "Invalid link"), [gone], status=400, error=True
        )
    with context.database.session() as session:
        subscriber = session.get(Subscriber, subscriber_id)
        chosen = page_language(lang, subscriber)
        active = list(
            session.scalars(
                select(Subscription).where(
                    Subscription.subscriber_id == subscriber_id,
                    Subscription.active.is_(True),
                    Subscription.ended_at.is_(None),
                )
            )
        )
        names = company_names(session, [row.query for row in active])
        # What is now watched, in plain words: the firm never reads the query.
        watches = [describe(row.query, chosen, row.frequency, companies=names) for row in active]
    thanks = gettext(
        chosen,
        "Thank you: your address is confirmed and your watches are active. "
        "Every message has a link to unsubscribe.",
    )
    return token_page(
        request, chosen, gettext(chosen, "Subscription confirmed"), [thanks, *watches]
    )


@router.get("/unsubscribe", response_class=HTMLResponse)
def unsubscribe_page(request: Request, token: str = "", lang: str | None = None) -> HTMLResponse:
    """Only asks: the POST of its button (or of the mail client) unsubscribes."""
    context = link_context(request)
    try:
        payload = verify(context.secret, token, UNSUBSCRIBE)
        with context.database.session() as session:
            rows = subscriptions_named(session, payload)
            subscriber = session.get(Subscriber, rows[0].subscriber_id) if rows else None
            chosen = page_language(lang, subscriber)
            names = [row.name for row in rows]
            active = any(row.active for row in rows)
    except TokenError as exc:
        return invalid_link(request, exc, lang)
    title = gettext(chosen, "Unsubscribe?")
    if not rows:
        return token_page(request, chosen, title, [gettext(chosen, GONE)])
    if not active:
        already = gettext(
            chosen, "You are already unsubscribed: nothing more will be sent for this watch."
        )
        return token_page(request, chosen, title, [already, *names])
    return token_page(
        request,
        chosen,
        title,
        [gettext(chosen, "Confirm to stop receiving messages for:"), *names],
        form_action=_unsubscribe_action(token),
    )


@router.post("/unsubscribe", response_class=HTMLResponse)
def unsubscribe(request: Request, token: str = "", lang: str | None = None) -> HTMLResponse:
    """RFC 8058 one-click: the body is ``List-Unsubscribe=One-Click`` (or empty); the
    token alone decides, and doing it twice changes nothing."""
    context = link_context(request)
    try:
        payload = verify(context.secret, token, UNSUBSCRIBE)
        with context.database.session() as session:
            rows = subscriptions_named(session, payload)
            for row in rows:
                end_subscription(row)
            subscriber = session.get(Subscriber, rows[0].subscriber_id) if rows else None
            chosen = page_language(lang, subscriber)
            names = [row.name for row in rows]
    except TokenError as exc:
        return invalid_link(request, exc, lang)
    title = gettext(chosen, "Unsubscribed")
    if not rows:
        return token_page(request, chosen, title, [gettext(chosen, GONE)])
    done = gettext(chosen, "You will receive no more messages for:")
    return token_page(request, chosen, title, [done, *names])
