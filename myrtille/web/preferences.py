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
from myrtille.store.schema import Subscriber, Subscription, utcnow
from myrtille.web.subscriber import SECURITY_HEADERS, LinkContext, link_context
from myrtille.web.ui.common import LANGUAGES, templates

router = APIRouter(include_in_schema=False)

TEXTS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Mes abonnements",
        "intro": "Les veilles de {email} :",
        "none": "Vous n'avez aucune veille.",
        "query": "requête :",
        "frequency": "Fréquence",
        "change": "Modifier",
        "language": "Langue des messages",
        "unsubscribe_one": "Me désabonner de cette veille",
        "unsubscribe_all": "Me désabonner de tout",
        "immediate": "alerte immédiate",
        "daily": "résumé quotidien",
        "weekly": "résumé hebdomadaire",
        "fr": "français",
        "en": "anglais",
        "active": "active",
        "ended": "désabonnée",
        "pending": "en attente de confirmation",
        "paused": "envois suspendus",
        "saved_frequency": "Fréquence de « {name} » : {frequency}.",
        "saved_language": "Vos messages seront désormais en français.",
        "unsubscribed_one": "Désabonnement effectué : vous ne recevrez plus rien pour « {name} ».",
        "unsubscribed_all": "Désabonnement effectué : vous ne recevrez plus aucun message "
        "de Myrtille.",
        "invalid": "Lien non valide",
        "refused": "Demande refusée",
        "not_yours": "Cette veille n'est pas (ou plus) l'une des vôtres : rien n'a changé.",
        "bad_choice": "Ce choix n'est pas possible : rien n'a changé.",
        "other_site": "Ce formulaire ne vient pas de cette page : rien n'a changé.",
    },
    "en": {
        "title": "My subscriptions",
        "intro": "The watches of {email}:",
        "none": "You have no watch.",
        "query": "query:",
        "frequency": "Frequency",
        "change": "Change",
        "language": "Language of the messages",
        "unsubscribe_one": "Unsubscribe from this watch",
        "unsubscribe_all": "Unsubscribe from everything",
        "immediate": "immediate alert",
        "daily": "daily digest",
        "weekly": "weekly digest",
        "fr": "French",
        "en": "English",
        "active": "active",
        "ended": "unsubscribed",
        "pending": "waiting for confirmation",
        "paused": "deliveries paused",
        "saved_frequency": "Frequency of '{name}': {frequency}.",
        "saved_language": "Your messages will now be in English.",
        "unsubscribed_one": "Unsubscribed: nothing more will be sent for '{name}'.",
        "unsubscribed_all": "Unsubscribed: Myrtille will send you no more messages.",
        "invalid": "Invalid link",
        "refused": "Request refused",
        "not_yours": "This watch is not (or no longer) one of yours: nothing changed.",
        "bad_choice": "This choice is not possible: nothing changed.",
        "other_site": "This form did not come from this page: nothing changed.",
    },
}


class Refused(Exception):
    """A change the page will not make; the argument is the key of its text."""


def _language(value: str | None) -> str:
    return value if value in LANGUAGES else "fr"


def _page(
    language: str,
    *,
    status: int = 200,
    title: str | None = None,
    notice: str | None = None,
    error: str | None = None,
    token: str = "",
    email: str = "",
    subscriptions: list[dict[str, Any]] | None = None,
) -> HTMLResponse:
    texts = TEXTS[language]
    html = templates.get_template("sme_preferences.html").render(
        lang=language,
        t=texts,
        title=title or texts["title"],
        notice=notice,
        error=error,
        token=token,
        email=email,
        subscriptions=subscriptions or [],
        frequencies=FREQUENCIES,
        languages=LANGUAGES,
    )
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


def _invalid(message: str, language: str = "fr") -> HTMLResponse:
    # Token messages are plain English sentences written for the subscriber to read.
    return _page(language, status=400, title=TEXTS[language]["invalid"], error=message)


def _subscriber_id(context: LinkContext, token: str) -> int:
    payload = verify(context.secret, token, "preferences")
    try:
        return int(payload["s"])
    except (KeyError, TypeError, ValueError):
        raise TokenError("this link is not valid (it is malformed)") from None


def _show(
    context: LinkContext,
    subscriber_id: int,
    token: str,
    *,
    notice: str | None = None,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    with context.database.session() as session:
        subscriber = session.get(Subscriber, subscriber_id)
        if subscriber is None:
            return _invalid("this subscriber no longer exists")
        language = _language(subscriber.language)
        texts = TEXTS[language]
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
                "description": describe(row.query, language, companies=names),
                "frequency": row.frequency,
                "state": _state(row, subscriber),
                "open": row.ended_at is None,
            }
            for row in rows
        ]
        email = subscriber.email
    return _page(
        language,
        status=status,
        notice=notice,
        error=texts[error] if error else None,
        token=token,
        email=email,
        subscriptions=listed,
    )


def _state(row: Subscription, subscriber: Subscriber) -> str:
    if row.ended_at is not None:
        return "ended"
    if not row.active:
        return "pending"
    return "paused" if row.paused or subscriber.paused else "active"


def _change(context: LinkContext, subscriber_id: int, form: dict[str, str]) -> str:
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
            return TEXTS[chosen]["saved_language"]
        texts = TEXTS[_language(subscriber.language)]
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
            return texts["unsubscribed_all"]
        wanted = form.get("subscription", "")
        row = next((r for r in open_rows if str(r.id) == wanted), None)
        if row is None:
            raise Refused("not_yours")
        if action == "unsubscribe":
            end_subscription(row)
            return texts["unsubscribed_one"].format(name=row.name)
        if action == "frequency":
            frequency = form.get("frequency", "")
            if frequency not in FREQUENCIES:
                raise Refused("bad_choice")
            if row.frequency != frequency:
                row.frequency = frequency
                row.updated_at = utcnow()
            return texts["saved_frequency"].format(name=row.name, frequency=texts[frequency])
        raise Refused("bad_choice")


def _same_site(request: Request) -> bool:
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return True
    return urlsplit(origin).netloc == request.headers.get("host", "")


# -- routes -----------------------------------------------------------------------------


@router.get("/preferences", response_class=HTMLResponse)
def preferences(request: Request, token: str = "") -> HTMLResponse:
    context = link_context(request)
    try:
        subscriber_id = _subscriber_id(context, token)
    except TokenError as exc:
        return _invalid(str(exc))
    return _show(context, subscriber_id, token)


@router.post("/preferences", response_class=HTMLResponse)
async def change_preferences(request: Request) -> HTMLResponse:
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    token = form.get("token", "")
    context = link_context(request)

    def answer() -> HTMLResponse:
        try:
            subscriber_id = _subscriber_id(context, token)
        except TokenError as exc:
            return _invalid(str(exc))
        if not _same_site(request):
            return _show(context, subscriber_id, token, error="other_site", status=403)
        try:
            notice = _change(context, subscriber_id, form)
        except Refused as refused:
            return _show(context, subscriber_id, token, error=str(refused), status=400)
        return _show(context, subscriber_id, token, notice=notice)

    return await run_in_threadpool(answer)
