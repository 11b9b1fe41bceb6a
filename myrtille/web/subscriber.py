"""Public pages reached from the links in emails: confirm and unsubscribe (the
preferences page is ``web/preferences.py``).

No API key and no cookie: the signed token in the link is the only credential (see
``myrtille.alerts.tokens``). Unsubscribing takes a POST — the RFC 8058 one-click POST a
mail client sends, or the button of the page a GET shows — because mail scanners and link
previewers follow GET links and must not unsubscribe anyone.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from jinja2 import DictLoader, Environment, StrictUndefined
from sqlalchemy import select

from myrtille.alerts.describe import company_names, describe
from myrtille.alerts.subscriptions import SubscriptionError, confirm, end_subscription
from myrtille.alerts.tokens import TokenError, secret_key, verify
from myrtille.alerts.unsubscribe import PURPOSE as UNSUBSCRIBE
from myrtille.alerts.unsubscribe import subscriptions_named
from myrtille.config.settings import Settings
from myrtille.store.database import Database
from myrtille.store.schema import Subscriber, Subscription

router = APIRouter(include_in_schema=False)

SECURITY_HEADERS = {
    # Nothing but inline styles may load, and forms may only post back here.
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
    ),
    # The token is in the URL: never leak it to another site through Referer.
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}

PAGE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{ title }} · Myrtille</title>
<style>
body{margin:0;background:#f3f1f6;font-family:Arial,Helvetica,sans-serif;color:#222;overflow-wrap:anywhere}
main{max-width:640px;margin:40px auto;background:#fff;border-radius:6px;padding:24px 28px}
@media (max-width:600px){main{margin:12px 8px;padding:16px 14px}}
select,input{max-width:100%}
h1{font-size:22px;margin:0 0 16px}
.brand{font-size:12px;letter-spacing:1px;text-transform:uppercase;color:#5b2a86;margin:0 0 12px}
button{background:#5b2a86;color:#fff;border:0;border-radius:4px;padding:8px 16px;font-size:14px;
cursor:pointer}
.error{color:#a01c1c}
</style>
</head>
<body>
<main>
<p class="brand">Myrtille</p>
<h1>{{ title }}</h1>
{% for paragraph in paragraphs %}
<p{% if error %} class="error"{% endif %}>{{ paragraph }}</p>
{% endfor %}
{% if form_action %}
<form method="post" action="{{ form_action }}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">{{ t.unsubscribe_button }}</button>
</form>
{% endif %}
</main>
</body>
</html>
"""

_pages = Environment(
    loader=DictLoader({"page.html": PAGE}),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

TEXTS: dict[str, dict[str, str]] = {
    "fr": {
        "invalid": "Lien non valide",
        "confirmed": "Abonnement confirmé",
        "confirmed_text": "Merci : votre adresse est confirmée et vos veilles sont actives. "
        "Chaque message contient un lien pour vous désabonner.",
        "unsubscribe_title": "Se désabonner ?",
        "unsubscribe_text": "Confirmez pour ne plus recevoir les messages de :",
        "unsubscribe_button": "Me désabonner",
        "already": "Vous êtes déjà désabonné(e) : vous ne recevrez plus rien pour cette veille.",
        "done_title": "Désabonnement effectué",
        "done_text": "Vous ne recevrez plus de messages pour :",
        "gone": "Cette veille n'existe plus : vous ne recevrez rien.",
    },
    "en": {
        "invalid": "Invalid link",
        "confirmed": "Subscription confirmed",
        "confirmed_text": "Thank you: your address is confirmed and your watches are active. "
        "Every message has a link to unsubscribe.",
        "unsubscribe_title": "Unsubscribe?",
        "unsubscribe_text": "Confirm to stop receiving messages for:",
        "unsubscribe_button": "Unsubscribe",
        "already": "You are already unsubscribed: nothing more will be sent for this watch.",
        "done_title": "Unsubscribed",
        "done_text": "You will receive no more messages for:",
        "gone": "This watch no longer exists: nothing will be sent.",
    },
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


def _language(value: str | None) -> str:
    return value if value in TEXTS else "fr"


def _page(
    language: str,
    title: str,
    paragraphs: list[str],
    *,
    status: int = 200,
    error: bool = False,
    form_action: str | None = None,
) -> HTMLResponse:
    html = _pages.get_template("page.html").render(
        lang=language,
        t=TEXTS[language],
        title=title,
        paragraphs=paragraphs,
        error=error,
        form_action=form_action,
    )
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


def _invalid(message: str, language: str = "fr") -> HTMLResponse:
    # Token messages are plain English sentences written for the subscriber to read.
    return _page(language, TEXTS[language]["invalid"], [message], status=400, error=True)


def _unsubscribe_action(token: str) -> str:
    # Relative, so that it also works behind a reverse proxy that adds a path prefix.
    return f"unsubscribe?token={token}"


# -- routes -----------------------------------------------------------------------------


@router.get("/subscriptions/confirm", response_class=HTMLResponse)
def confirm_page(request: Request, token: str = "") -> HTMLResponse:
    context = link_context(request)
    try:
        subscriber_id = confirm(context.database, context.secret, token)
    except (TokenError, SubscriptionError) as exc:
        return _invalid(str(exc))
    with context.database.session() as session:
        subscriber = session.get(Subscriber, subscriber_id)
        language = _language(subscriber.language if subscriber else None)
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
        watches = [describe(row.query, language, row.frequency, companies=names) for row in active]
    texts = TEXTS[language]
    return _page(language, texts["confirmed"], [texts["confirmed_text"], *watches])


@router.get("/unsubscribe", response_class=HTMLResponse)
def unsubscribe_page(request: Request, token: str = "") -> HTMLResponse:
    """Only asks: the POST of its button (or of the mail client) unsubscribes."""
    context = link_context(request)
    try:
        payload = verify(context.secret, token, UNSUBSCRIBE)
        with context.database.session() as session:
            rows = subscriptions_named(session, payload)
            subscriber = session.get(Subscriber, rows[0].subscriber_id) if rows else None
            language = _language(subscriber.language if subscriber else None)
            texts = TEXTS[language]
            names = [row.name for row in rows]
            active = any(row.active for row in rows)
    except TokenError as exc:
        return _invalid(str(exc))
    if not rows:
        return _page(language, texts["unsubscribe_title"], [texts["gone"]])
    if not active:
        return _page(language, texts["unsubscribe_title"], [texts["already"], *names])
    return _page(
        language,
        texts["unsubscribe_title"],
        [texts["unsubscribe_text"], *names],
        form_action=_unsubscribe_action(token),
    )


@router.post("/unsubscribe", response_class=HTMLResponse)
def unsubscribe(request: Request, token: str = "") -> HTMLResponse:
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
            language = _language(subscriber.language if subscriber else None)
            names = [row.name for row in rows]
    except TokenError as exc:
        return _invalid(str(exc))
    texts = TEXTS[language]
    if not rows:
        return _page(language, texts["done_title"], [texts["gone"]])
    return _page(language, texts["done_title"], [texts["done_text"], *names])
