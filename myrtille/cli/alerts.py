"""Alert commands: subscribe, subscriptions, confirm."""

from __future__ import annotations

import sys

import click
from rich.table import Table

from myrtille.cli import AppContext, err, main, out, reports_config_errors


def _secret(app: AppContext) -> bytes:
    from myrtille.alerts.tokens import secret_key

    return secret_key(app.settings.secret_key, app.settings.data_dir)


@main.command()
@click.option("--email", required=True, help="The subscriber's address.")
@click.option("--query", required=True, help="What to watch, in the query language.")
@click.option(
    "--frequency",
    type=click.Choice(["immediate", "daily", "weekly"]),
    default="immediate",
    show_default=True,
)
@click.option("--webhook", metavar="URL", help="Also POST each alert to this URL (signed).")
@click.option("--language", type=click.Choice(["fr", "en"]), default="fr", show_default=True)
@click.option("--name", help="A name for the subscription (default: the query).")
@click.option(
    "--confirmed",
    is_flag=True,
    help="Consent was obtained elsewhere (e.g. an existing list); recorded as such.",
)
@click.pass_obj
@reports_config_errors
def subscribe(
    app: AppContext,
    email: str,
    query: str,
    frequency: str,
    webhook: str | None,
    language: str,
    name: str | None,
    confirmed: bool,
) -> None:
    """Create a subscription; it waits for the subscriber's confirmation (double opt-in)."""
    from myrtille.alerts.subscriptions import SubscriptionError, create_subscription
    from myrtille.index.resolver import CodeResolver

    try:
        created = create_subscription(
            app.database,
            _secret(app),
            email=email,
            query=query,
            frequency=frequency,
            webhook_url=webhook,
            language=language,
            name=name,
            confirmed_by_operator=confirmed,
            resolver=CodeResolver(),
        )
    except SubscriptionError as exc:
        err.print(f"Cannot subscribe: {exc}", markup=False)
        sys.exit(2)
    if created.active:
        out.print(
            f"Subscription {created.subscription_id} is active"
            + (" (consent recorded by an operator)." if confirmed else "."),
            markup=False,
        )
    else:
        out.print(
            f"Subscription {created.subscription_id} waits for {email} to confirm. "
            f"Confirmation token (valid 7 days): {created.confirm_token}",
            markup=False,
        )


@main.command()
@click.argument("token")
@click.pass_obj
@reports_config_errors
def confirm(app: AppContext, token: str) -> None:
    """Confirm a subscriber with the token of their confirmation link."""
    from myrtille.alerts.subscriptions import SubscriptionError
    from myrtille.alerts.subscriptions import confirm as confirm_token
    from myrtille.alerts.tokens import TokenError

    try:
        subscriber_id = confirm_token(app.database, _secret(app), token)
    except (TokenError, SubscriptionError) as exc:
        err.print(f"Cannot confirm: {exc}", markup=False)
        sys.exit(2)
    out.print(
        f"Subscriber {subscriber_id} confirmed; their subscriptions are active.", markup=False
    )


@main.command()
@click.pass_obj
@reports_config_errors
def subscriptions(app: AppContext) -> None:
    """List subscriptions with their subscriber, frequency, channels and state."""
    from sqlalchemy import select

    from myrtille.store.schema import Subscriber, Subscription

    table = Table(title="Subscriptions", title_justify="left")
    for column in ("id", "subscriber", "query", "frequency", "channels", "state"):
        table.add_column(column, overflow="fold")
    with app.database.session() as session:
        rows = session.execute(
            select(Subscription, Subscriber)
            .join(Subscriber, Subscriber.id == Subscription.subscriber_id)
            .order_by(Subscription.id)
        )
        for subscription, subscriber in rows:
            state = "active" if subscription.active else "waiting for confirmation"
            if subscriber.paused:
                state = f"paused ({subscriber.paused_reason or 'by an operator'})"
            table.add_row(
                str(subscription.id),
                subscriber.email,
                subscription.query,
                subscription.frequency,
                ", ".join(subscription.channels),
                state,
            )
    out.print(table)
