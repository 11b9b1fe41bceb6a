"""Subscriptions through the REST API: list, create, preview and deactivate.

An agent's own subscriptions are those whose subscriber email is the agent's email. A
subscription for the agent's own address is active at once (the API key authenticates
the agent: consent is recorded as "operator"); one for any other address waits for that
person to confirm through the emailed link (double opt-in), and its token never appears
in a response.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, StrictBool
from sqlalchemy import select
from sqlalchemy.orm import Session

from myrtille.alerts.channels import CHANNELS
from myrtille.alerts.preview import preview as preview_query
from myrtille.alerts.subscriptions import (
    FREQUENCIES,
    SubscriptionError,
    ask_to_confirm,
    create_subscription,
    end_subscription,
    normalise_email,
)
from myrtille.alerts.tokens import secret_key
from myrtille.index.query import QueryError
from myrtille.store.schema import Agent, is_row_id, utcnow
from myrtille.store.subscriptions import Subscriber, Subscription
from myrtille.web.api import ApiError, ErrorBody, errors, parse_query, require_agent, state
from myrtille.web.ids import id_path
from myrtille.web.schemas import WebUrl

router = APIRouter(
    prefix="/api/v1/subscriptions",
    tags=["subscriptions"],
    dependencies=[Depends(require_agent)],
    responses=errors(401),
)

NO_EMAIL: dict[int | str, dict[str, Any]] = {
    403: {"model": ErrorBody, "description": "The agent has no usable email"}
}

# -- models ---------------------------------------------------------------------------


class SubscriptionOut(BaseModel):
    id: int
    name: str
    query: str
    frequency: str = Field(description="immediate, daily or weekly")
    channels: list[str]
    active: bool
    urgent: bool = Field(
        description="Urgent legal notices about a portfolio company are sent at once, even "
        "to a daily or weekly subscription (docs/portfolios.md)"
    )
    created_at: datetime


class SubscriptionListOut(BaseModel):
    subscriptions: list[SubscriptionOut]


class SubscriptionCreatedOut(SubscriptionOut):
    email: str = Field(description="The subscriber's address, as stored")
    confirmation: Literal["confirmed", "pending"] = Field(
        description="pending: inactive until the subscriber follows the emailed link"
    )
    webhook_secret: str | None = Field(
        default=None,
        description="Signing secret of the webhook deliveries; shown once, only here",
    )
    note: str | None = Field(
        default=None, description="Set when the confirmation email could not be sent"
    )


class SubscriptionIn(BaseModel):
    query: str = Field(
        description="A query of the query language", examples=["event:acquisition region:76"]
    )
    name: str | None = Field(default=None, description="Default: the query")
    # Checked by the route (400 with a message) rather than by the schema (422).
    frequency: str = Field(default="immediate", json_schema_extra={"enum": list(FREQUENCIES)})
    channels: list[str] | None = Field(
        default=None,
        description=f"Among {', '.join(CHANNELS.names())}; default: email, plus webhook and "
        "apprise when their URL is given",
    )
    webhook_url: str | None = Field(default=None, description="https://… receiver")
    apprise_url: str | None = Field(default=None, description="An Apprise URL, e.g. ntfy://topic")
    language: str = Field(default="fr", json_schema_extra={"enum": ["fr", "en"]})
    email: str | None = Field(
        default=None,
        description="Subscribe someone else: the subscription waits for their confirmation. "
        "Default: the agent's own email (active at once)",
    )
    urgent: StrictBool | None = Field(  # 0 or "yes" is not a boolean
        default=None,
        description="Send urgent legal notices about the companies of a portfolio the query "
        "names at once, even when daily or weekly. Default: on when the query uses "
        "portfolio:NAME, off otherwise",
    )


class SubscriptionChangeIn(BaseModel):
    """Only the fields given change."""

    name: str | None = Field(default=None, description="The subscription's name")
    frequency: str | None = Field(default=None, json_schema_extra={"enum": list(FREQUENCIES)})
    urgent: StrictBool | None = Field(default=None, description="See SubscriptionIn.urgent")


class PreviewHitOut(BaseModel):
    id: str
    title: str
    url: WebUrl
    published_at: datetime | None
    source: str
    snippet: str = Field(description="HTML-escaped text with the matched words in <mark>")


class PreviewOut(BaseModel):
    query: str
    days: int
    since: str = Field(description="First day searched (UTC), YYYY-MM-DD")
    total: int = Field(description="Documents the query matched over those days")
    hits: list[PreviewHitOut] = Field(description="The newest first")


# -- helpers --------------------------------------------------------------------------


def own_address_or_none(agent: Agent) -> str | None:
    """The agent's email as subscribers' emails are stored, or None when it has none."""
    try:
        return normalise_email(agent.email or "")
    except SubscriptionError:
        return None


def own_address(agent: Agent) -> str:
    address = own_address_or_none(agent)
    if address is None:
        raise ApiError(
            403,
            "no_email",
            f"agent '{agent.name}' has no valid email; an agent's subscriptions are found "
            "by its email",
        )
    return address


def out(subscription: Subscription) -> SubscriptionOut:
    return SubscriptionOut(
        id=subscription.id,
        name=subscription.name,
        query=subscription.query,
        frequency=subscription.frequency,
        channels=list(subscription.channels or []),
        active=subscription.active,
        urgent=subscription.urgent,
        created_at=subscription.created_at,
    )


def own_subscription(
    session: Session, subscription_id: int, address: str, *, live_only: bool = False
) -> Subscription:
    """The agent's own subscription of that id (``live_only``: not ended), or a 404."""
    missing = ApiError(404, "not_found", f"no subscription {subscription_id} of yours")
    if not is_row_id(subscription_id):
        raise missing
    query = (
        select(Subscription)
        .join(Subscriber, Subscriber.id == Subscription.subscriber_id)
        .where(Subscription.id == subscription_id, Subscriber.email == address)
    )
    if live_only:
        query = query.where(Subscription.ended_at.is_(None))
    subscription = session.scalar(query)
    if subscription is None:
        # Someone else's subscription is answered like an unknown one: ids leak nothing.
        raise missing
    return subscription


def invalid(message: str) -> ApiError:
    return ApiError(400, "invalid_parameter", message)


# -- routes ---------------------------------------------------------------------------


@router.get(
    "",
    response_model=SubscriptionListOut,
    responses=NO_EMAIL,
    summary="The subscriptions of the agent's own email",
)
def list_subscriptions(
    request: Request, agent: Annotated[Agent, Depends(require_agent)]
) -> SubscriptionListOut:
    address = own_address(agent)
    with state(request).database.session() as session:
        rows = session.scalars(
            select(Subscription)
            .join(Subscriber, Subscriber.id == Subscription.subscriber_id)
            .where(Subscriber.email == address)
            .order_by(Subscription.id)
        ).all()
        return SubscriptionListOut(subscriptions=[out(s) for s in rows])


@router.post(
    "",
    response_model=SubscriptionCreatedOut,
    status_code=201,
    responses={
        **errors(400),
        **NO_EMAIL,
        202: {
            "model": SubscriptionCreatedOut,
            "description": "Created, pending, but the confirmation email could not be sent "
            "(see note)",
        },
    },
    summary="Create a subscription (the agent's own, or someone else's with double opt-in)",
)
def create(
    request: Request, body: SubscriptionIn, agent: Annotated[Agent, Depends(require_agent)]
) -> Any:
    app = state(request)
    parse_query(body.query, app.resolver)  # 400 invalid_query with its position
    if body.frequency not in FREQUENCIES:
        raise invalid(f"frequency must be one of {', '.join(FREQUENCIES)}")
    if body.email is None:
        address = own_address(agent)
        own = True
    else:
        try:
            address = normalise_email(body.email)
        except SubscriptionError as exc:
            raise invalid(str(exc)) from None
        own = address == own_address_or_none(agent)
    settings = app.settings
    secret = secret_key(settings.secret_key, settings.data_dir)
    try:
        created = create_subscription(
            app.database,
            secret,
            email=address,
            query=body.query,
            frequency=body.frequency,
            channels=body.channels,
            # The fields that give a channel its address (the API's names for them).
            addresses={"webhook": body.webhook_url, "apprise": body.apprise_url},
            language=body.language,
            name=body.name,
            kind="agent" if own else "sme",
            confirmed_by_operator=own,
            require_confirmation=not own,
            resolver=app.resolver,
            settings=settings,
            urgent=body.urgent,
        )
    except SubscriptionError as exc:
        raise invalid(str(exc)) from None
    token = created.confirm_token
    with app.database.session() as session:
        subscription = session.get(Subscription, created.subscription_id)
        assert subscription is not None
        result = SubscriptionCreatedOut(
            **out(subscription).model_dump(),
            email=address,
            confirmation="confirmed" if subscription.active else "pending",
            webhook_secret=created.webhook_secret,
        )
    if result.confirmation == "confirmed" or token is None:
        return result
    failure = ask_to_confirm(settings, secret, address, body.language, token)
    if failure is not None:
        result.note = (
            f"the subscription was created but the confirmation email could not be sent "
            f"({failure}); create it again later to send a new one"
        )
        return JSONResponse(result.model_dump(mode="json"), status_code=202)
    return result


@router.get(
    "/preview",
    response_model=PreviewOut,
    responses=errors(400),
    summary="What a query would have matched over the last days",
)
def preview(
    request: Request,
    q: Annotated[
        str,
        Query(description="The subscription's query", examples=["sector:energy region:84"]),
    ],
    days: Annotated[int, Query(ge=1, le=365, description="How many days back")] = 30,
    limit: Annotated[int, Query(ge=1, le=100, description="How many hits to return")] = 20,
) -> PreviewOut:
    app = state(request)
    try:
        found = preview_query(app.index, q, app.resolver, days=days, limit=limit)
    except QueryError as exc:
        raise ApiError(400, "invalid_query", exc.message, position=exc.position) from None
    return PreviewOut(
        query=q,
        days=days,
        since=found.since.isoformat() if found.since else "",
        total=found.total,
        hits=[
            PreviewHitOut(
                id=h.id,
                title=h.title,
                url=h.url,
                published_at=h.published_at,
                source=h.source,
                snippet=h.snippet,
            )
            for h in found.hits
        ],
    )


@router.delete(
    # Only digits are an id: DELETE /preview answers 405, not 422.
    id_path("", "subscription_id"),
    response_model=SubscriptionOut,
    responses={
        404: {"model": ErrorBody, "description": "No subscription of that id for the agent"},
        **NO_EMAIL,
    },
    summary="Deactivate one of the agent's own subscriptions",
)
def deactivate(
    request: Request,
    subscription_id: Annotated[int, Path(description="The subscription id")],
    agent: Annotated[Agent, Depends(require_agent)],
) -> SubscriptionOut:
    address = own_address(agent)
    with state(request).database.session() as session:
        subscription = own_subscription(session, subscription_id, address)
        end_subscription(subscription)
        return out(subscription)


@router.patch(
    id_path("", "subscription_id"),
    response_model=SubscriptionOut,
    responses={
        **errors(400),
        404: {"model": ErrorBody, "description": "No subscription of that id for the agent"},
        **NO_EMAIL,
    },
    summary="Change the name, frequency or urgent setting of one of the agent's own subscriptions",
)
def change(
    request: Request,
    subscription_id: Annotated[int, Path(description="The subscription id")],
    body: SubscriptionChangeIn,
    agent: Annotated[Agent, Depends(require_agent)],
) -> SubscriptionOut:
    address = own_address(agent)
    if body.frequency is not None and body.frequency not in FREQUENCIES:
        raise invalid(f"frequency must be one of {', '.join(FREQUENCIES)}")
    if body.name is not None and not body.name.strip():
        raise invalid("name must not be empty; leave it out to keep the current one")
    with state(request).database.session() as session:
        subscription = own_subscription(session, subscription_id, address, live_only=True)
        if body.name is not None:
            subscription.name = body.name.strip()[:200]
        if body.frequency is not None:
            subscription.frequency = body.frequency
        if body.urgent is not None:
            subscription.urgent = body.urgent
        # updated_at moves the subscriptions' version: the matcher reloads.
        subscription.updated_at = utcnow()
        session.flush()
        return out(subscription)
