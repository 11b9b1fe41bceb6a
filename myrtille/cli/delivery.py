"""Delivery commands: dispatch, digest, and the deliveries ledger."""

from __future__ import annotations

import click
from rich.table import Table

from myrtille.alerts.channels import CHANNELS
from myrtille.cli.command import AppContext, err, main, out, reports_config_errors
from myrtille.cli.language import number, say, say_n
from myrtille.texts import N_

DELIVERY_COLUMNS = (
    N_("id"),
    N_("subscriber"),
    N_("channel"),
    N_("status"),
    N_("attempts"),
    N_("document"),
    N_("last error / also reported by"),
)
# The outbox's statuses, by name (the same words as the status command's columns).
DELIVERY_STATUSES = {
    "pending": N_("pending"),
    "sending": N_("sending"),
    "sent": N_("sent"),
    "failed": N_("failed"),
}


def _channels(app: AppContext):  # type: ignore[no-untyped-def]
    """Every channel the settings configure (the registry's, built from them)."""
    return CHANNELS.build(app.settings)


def _print_run(summary: str, errors: list[str]) -> None:
    """A sending run's one-line summary, then its first 20 errors on stderr."""
    out.print(summary, markup=False)
    for error in errors[:20]:
        err.print(f"  {error}", markup=False)


@main.command()
@click.option("--limit", type=int, help="Send at most this many deliveries.")
@click.pass_obj
@reports_config_errors
def dispatch(app: AppContext, limit: int | None) -> None:
    """Send every due delivery once (retries included) and exit."""
    from myrtille.alerts.dispatcher import Dispatcher
    from myrtille.index.factory import open_index

    report = Dispatcher(app.settings, app.database, open_index(app.settings), _channels(app)).run(
        limit
    )
    _print_run(
        say(
            "{sent} sent, {retried} to retry, {failed} failed.",
            sent=number(report.sent),
            retried=number(report.retried),
            failed=number(report.failed),
        ),
        report.errors,
    )


@main.command()
@click.option("--frequency", type=click.Choice(["daily", "weekly"]), required=True)
@click.option("--now", "force", is_flag=True, help="Send now, whatever the subscribers' time.")
@click.pass_obj
@reports_config_errors
def digest(app: AppContext, frequency: str, force: bool) -> None:
    """Build and send the digests that are due (or all, with --now)."""
    from myrtille.alerts.channels.email import EmailChannel
    from myrtille.alerts.digests import DigestBuilder
    from myrtille.index.factory import open_index

    # Digests are email's own: the one channel built here.
    email = EmailChannel.from_settings(app.settings)
    with email.digest_run():  # shared parts rendered once, SMTP connections kept open
        report = DigestBuilder(
            app.settings,
            app.database,
            open_index(app.settings),
            email.send_digest,
            parallel=app.settings.email.smtp_connections,
        ).run(frequency, force=force)  # type: ignore[arg-type]
    sent = say_n("{n} digest sent", "{n} digests sent", report.sent)
    items = say_n("{n} item", "{n} items", report.items)
    _print_run(
        say(
            "{sent} ({items}); {empty} with nothing new; {failed} failed.",
            sent=sent,
            items=items,
            empty=number(report.skipped_empty),
            failed=number(report.failed),
        ),
        report.errors,
    )


@main.command()
@click.option("--status", type=click.Choice(["pending", "sending", "sent", "failed"]))
@click.option("--limit", type=int, default=50, show_default=True)
@click.pass_obj
@reports_config_errors
def deliveries(app: AppContext, status: str | None, limit: int) -> None:
    """The delivery ledger: each alert, its channel, status, attempts and last error."""
    from sqlalchemy import select

    from myrtille.store.subscriptions import OutboxItem, Subscriber, Subscription

    table = Table(title=say("Deliveries (newest first)"), title_justify="left")
    for column in DELIVERY_COLUMNS:
        table.add_column(say(column), overflow="fold")
    channels = CHANNELS.labels()
    query = (
        select(OutboxItem, Subscriber.email)
        .join(Subscription, Subscription.id == OutboxItem.subscription_id)
        .join(Subscriber, Subscriber.id == Subscription.subscriber_id)
        .order_by(OutboxItem.id.desc())
        .limit(limit)
    )
    if status:
        query = query.where(OutboxItem.status == status)
    with app.database.session() as session:
        for row, email in session.execute(query):
            note = row.last_error or ", ".join(
                r.get("source", "") for r in row.also_reported_by or []
            )
            table.add_row(
                str(row.id),
                email,
                say(channels.get(row.channel, row.channel)),
                say(DELIVERY_STATUSES.get(row.status, row.status)),
                number(row.attempts),
                row.document_id[:12],
                note,
            )
    out.print(table)
