"""Subscription commands: subscribe (and its preview), confirm, subscriptions; the
delivery commands are in ``delivery``."""

from __future__ import annotations

import sys

import click
from rich.table import Table

from myrtille.alerts.channels import CHANNELS
from myrtille.cli.command import AppContext, err, main, out, reports_config_errors
from myrtille.cli.language import query_refused, say, say_n
from myrtille.texts import N_, format_date, locale_language

SUBSCRIPTION_COLUMNS = (
    N_("id"),
    N_("subscriber"),
    N_("query"),
    N_("frequency"),
    N_("channels"),
    N_("state"),
)


class ChannelChoice(click.Choice):  # type: ignore[type-arg]
    """The registry's channels, read when a command runs, not when this module loads."""

    def __init__(self) -> None:
        super().__init__(())

    @property  # type: ignore[override]
    def choices(self) -> tuple[str, ...]:
        return CHANNELS.names()

    @choices.setter
    def choices(self, _value: object) -> None:
        """click.Choice sets its choices once; ours are the registry's."""


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
@click.option(
    "--apprise",
    "apprise_url",
    metavar="URL",
    help="Also notify this Apprise URL (Slack, Teams, Matrix, ntfy…).",
)
@click.option(
    "--channel",
    "channels",
    multiple=True,
    type=ChannelChoice(),
    help="Channels (repeatable); default: email, plus webhook/apprise when given.",
)
@click.option("--kind", type=click.Choice(["sme", "agent"]), default="sme", show_default=True)
@click.option(
    "--preview",
    is_flag=True,
    help="Only show what the query matched over the last 30 days; save nothing.",
)
@click.option("--language", type=click.Choice(["fr", "en"]), default="fr", show_default=True)
@click.option("--name", help="A name for the subscription (default: the query).")
@click.option(
    "--confirmed",
    is_flag=True,
    help="Consent was obtained elsewhere (e.g. an existing list); recorded as such.",
)
@click.option(
    "--urgent/--no-urgent",
    default=None,
    help="Send urgent legal notices about a portfolio's companies at once, even when daily "
    "or weekly (default: on when the query uses portfolio:NAME).",
)
@click.pass_obj
@reports_config_errors
def subscribe(
    app: AppContext,
    email: str,
    query: str,
    frequency: str,
    webhook: str | None,
    apprise_url: str | None,
    channels: tuple[str, ...],
    kind: str,
    preview: bool,
    language: str,
    name: str | None,
    confirmed: bool,
    urgent: bool | None,
) -> None:
    """Create a subscription; it waits for the subscriber's confirmation (double opt-in)."""
    from myrtille.alerts.subscriptions import SubscriptionError, create_subscription
    from myrtille.index.resolver import CodeResolver

    if preview:
        _preview(app, query)
        return

    try:
        created = create_subscription(
            app.database,
            _secret(app),
            email=email,
            query=query,
            frequency=frequency,
            # The options that give a channel its address (user-facing names).
            addresses={"webhook": webhook, "apprise": apprise_url},
            channels=list(channels) or None,
            kind=kind,
            language=language,
            name=name,
            confirmed_by_operator=confirmed,
            resolver=CodeResolver(database=app.database),
            settings=app.settings,
            urgent=urgent,
        )
    except SubscriptionError as exc:
        err.print(
            say("Cannot subscribe: {reason}", reason=exc.text(locale_language())), markup=False
        )
        sys.exit(2)
    if created.webhook_secret:
        out.print(
            say(
                "Webhook signing secret (give it to the receiver; shown once): {secret}",
                secret=created.webhook_secret,
            ),
            markup=False,
        )
    number = created.subscription_id
    if created.active and confirmed:
        out.print(
            say("Subscription {id} is active (consent recorded by an operator).", id=number),
            markup=False,
        )
    elif created.active:
        out.print(say("Subscription {id} is active.", id=number), markup=False)
    else:
        out.print(
            say(
                "Subscription {id} waits for {email} to confirm. "
                "Confirmation token (valid 7 days): {token}",
                id=number,
                email=email,
                token=created.confirm_token,
            ),
            markup=False,
        )
        from myrtille.alerts.channels.email import EmailChannel
        from myrtille.alerts.delivery import PermanentDeliveryError, TransientDeliveryError

        try:
            written = EmailChannel.from_settings(app.settings).send_confirmation(
                email, language, created.confirm_token or ""
            )
        except (TransientDeliveryError, PermanentDeliveryError) as exc:
            err.print(
                say(
                    "The confirmation email could not be sent ({error}); send the link "
                    "yourself or run this command again later.",
                    error=exc,
                ),
                markup=False,
            )
        else:
            if written:
                said = say("Confirmation email written to {path}.", path=written)
            else:
                said = say("Confirmation email sent.")
            out.print(said, markup=False)


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
    except TokenError as exc:
        from myrtille.web.subscriber import TOKEN_PROBLEMS

        problem = TOKEN_PROBLEMS.get(exc.kind, TOKEN_PROBLEMS["malformed"])
        err.print(say("Cannot confirm: {reason}", reason=say(problem)), markup=False)
        sys.exit(2)
    except SubscriptionError as exc:
        err.print(say("Cannot confirm: {reason}", reason=exc.text(locale_language())), markup=False)
        sys.exit(2)
    out.print(
        say("Subscriber {id} confirmed; their subscriptions are active.", id=subscriber_id),
        markup=False,
    )


@main.command()
@click.pass_obj
@reports_config_errors
def subscriptions(app: AppContext) -> None:
    """List subscriptions with their subscriber, frequency, channels and state."""
    from sqlalchemy import select

    from myrtille.alerts.subscriptions import FREQUENCY_NAMES
    from myrtille.store.subscriptions import Subscriber, Subscription

    table = Table(title=say("Subscriptions"), title_justify="left")
    channels = CHANNELS.labels()
    for column in SUBSCRIPTION_COLUMNS:
        table.add_column(say(column), overflow="fold")
    with app.database.session() as session:
        rows = session.execute(
            select(Subscription, Subscriber)
            .join(Subscriber, Subscriber.id == Subscription.subscriber_id)
            .order_by(Subscription.id)
        )
        for subscription, subscriber in rows:
            state = say("active") if subscription.active else say("waiting for confirmation")
            if subscription.ended_at is not None:
                ended = format_date(subscription.ended_at, locale_language())
                state = say("ended {date}", date=ended)
            elif subscriber.paused:
                why = subscriber.paused_reason or say("by an operator")
                state = say("paused ({reason})", reason=why)
            elif subscription.paused:
                state = say("paused (by its agent)")
            table.add_row(
                str(subscription.id),
                subscriber.email,
                subscription.query,
                say(FREQUENCY_NAMES.get(subscription.frequency, subscription.frequency)),
                ", ".join(say(channels.get(name, name)) for name in subscription.channels),
                state,
            )
    out.print(table)


def _preview(app: AppContext, query: str) -> None:
    from myrtille.alerts.preview import preview
    from myrtille.index.factory import open_index
    from myrtille.index.query import QueryError
    from myrtille.index.resolver import CodeResolver

    try:
        result = preview(open_index(app.settings), query, CodeResolver(database=app.database))
    except QueryError as exc:
        err.print(query_refused(exc), markup=False)
        sys.exit(2)
    out.print(
        say_n(
            "Over the last 30 days this query matched {n} document (nothing saved):",
            "Over the last 30 days this query matched {n} documents (nothing saved):",
            result.total,
        ),
        markup=False,
    )
    names = {source.id: source.label for source in app.settings.sources}
    lang = locale_language()
    for hit in result.hits:
        day = format_date(hit.published_at, lang) if hit.published_at else "-"
        source = names.get(hit.source, hit.source)
        out.print(f"  {day}  [{source}] {hit.title}", markup=False)
