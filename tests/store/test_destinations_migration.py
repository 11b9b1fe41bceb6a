"""Migration 0012 on SQLite and PostgreSQL: subscriptions of every channel combination and
their pending deliveries, written under 0011, are delivered after the upgrade exactly once
(counted by a real SMTP server and a real HTTP receiver), and the old columns come back
intact on a downgrade."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy import select

from myrtille.alerts.channels import CHANNELS
from myrtille.alerts.dispatcher import Dispatcher
from myrtille.alerts.subscriptions import load_matcher
from myrtille.config.loading import load_settings
from myrtille.demo.httpserver import Route
from myrtille.store.claims import OUTBOX, ClaimHolds
from myrtille.store.database import Database
from myrtille.store.schema import UTCDateTime
from myrtille.store.subscriptions import OutboxItem, Subscription, SubscriptionDestination
from tests.alerts.test_email import Recorder, smtp_server
from tests.alerts.test_webhook import PostServer, verify_standard_webhook

DAY = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
SECRET_2 = "whsec_" + "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3"
SECRET_3 = "whsec_" + "c2Vjb25kIHNlY3JldCBvZiAyNCBieXRlcw=="
SECRET_6 = "whsec_" + "dGhpcmQgc2VjcmV0IG9mIDI0IGJ5dGVzIQ=="
SECRET_7 = "whsec_" + "Zm91cnRoIHNlY3JldCBvZiAyNCBieXRlcyE="

subscriber = sa.table(
    "subscriber",
    sa.column("id", sa.Integer()),
    sa.column("email", sa.String()),
    sa.column("kind", sa.String()),
    sa.column("language", sa.String()),
    sa.column("timezone", sa.String()),
    sa.column("confirmed_at", UTCDateTime()),
    sa.column("paused", sa.Boolean()),
    sa.column("created_at", UTCDateTime()),
)
old_subscription = sa.table(
    "subscription",
    sa.column("id", sa.Integer()),
    sa.column("subscriber_id", sa.Integer()),
    sa.column("name", sa.Text()),
    sa.column("query", sa.Text()),
    sa.column("frequency", sa.String()),
    sa.column("channels", sa.JSON()),
    sa.column("webhook_url", sa.Text()),
    sa.column("webhook_secret", sa.Text()),
    sa.column("apprise_url", sa.Text()),
    sa.column("active", sa.Boolean()),
    sa.column("paused", sa.Boolean()),
    sa.column("created_at", UTCDateTime()),
    sa.column("updated_at", UTCDateTime()),
)
outbox = sa.table(
    "outbox",
    sa.column("id", sa.Integer()),
    sa.column("subscription_id", sa.Integer()),
    sa.column("cluster_id", sa.String()),
    sa.column("document_id", sa.String()),
    sa.column("channel", sa.String()),
    sa.column("also_reported_by", sa.JSON()),
    sa.column("status", sa.String()),
    sa.column("attempts", sa.Integer()),
    sa.column("next_attempt_at", UTCDateTime()),
    sa.column("created_at", UTCDateTime()),
    sa.column("sent_at", UTCDateTime()),
)


def old_subscriptions(port: int) -> list[dict[str, Any]]:
    """Every combination the 0011 columns could hold (a [] list with a URL: a webhook a
    410 had disabled; a daily email waiting for its digest)."""
    hook = f"http://127.0.0.1:{port}/hook"
    notify = f"json://127.0.0.1:{port}/notify"

    def row(number: int, channels: list[str], **columns: Any) -> dict[str, Any]:
        return {
            "id": number,
            "subscriber_id": number,
            "name": f"veille {number}",
            "query": "aerovolt",
            "frequency": columns.pop("frequency", "immediate"),
            "channels": channels,
            "webhook_url": None,
            "webhook_secret": None,
            "apprise_url": None,
            "active": True,
            "paused": False,
            "created_at": DAY,
            "updated_at": DAY,
        } | columns

    return [
        row(1, ["email"]),
        row(2, ["email", "webhook"], webhook_url=f"{hook}-2", webhook_secret=SECRET_2),
        row(3, ["webhook"], webhook_url=f"{hook}-3", webhook_secret=SECRET_3),
        row(4, ["apprise"], apprise_url=f"{notify}-4"),
        row(5, ["stream"]),
        row(
            6,
            ["email", "webhook", "stream", "apprise"],
            webhook_url=f"{hook}-6",
            webhook_secret=SECRET_6,
            apprise_url=f"{notify}-6",
        ),
        row(7, [], webhook_url=f"{hook}-7", webhook_secret=SECRET_7),
        row(8, ["email"], frequency="daily"),
    ]


def deliveries() -> list[dict[str, Any]]:
    """Outbox rows under 0011: pending ones, one left "sending" by a dispatcher that died
    an hour ago, one being sent right now by a live dispatcher, one already sent. Dated
    from the moment the test runs, not the moment the module was imported: in the whole
    suite that can be more than the dispatcher's 15 minutes before."""
    now = datetime.now(UTC)

    def row(number: int, subscription_id: int, channel: str, **columns: Any) -> dict[str, Any]:
        return {
            "id": number,
            "subscription_id": subscription_id,
            "cluster_id": f"c{number}",
            "document_id": f"d{number}",
            "channel": channel,
            "also_reported_by": [],
            "status": "pending",
            "attempts": 0,
            "next_attempt_at": now - timedelta(minutes=5),
            "created_at": now - timedelta(minutes=10),
            "sent_at": None,
        } | columns

    return [
        row(1, 1, "email"),
        row(2, 2, "email"),
        row(3, 2, "webhook"),
        row(4, 3, "webhook"),
        row(5, 4, "apprise"),
        row(6, 5, "stream"),
        row(7, 6, "email"),
        row(8, 6, "webhook"),
        row(9, 6, "stream"),
        row(10, 6, "apprise"),
        # Queued before a 410 disabled subscription 7's webhook: still due, as before.
        row(11, 7, "webhook"),
        row(12, 8, "email"),
        row(13, 2, "email", status="sending", next_attempt_at=now - timedelta(hours=1)),
        row(14, 2, "webhook", status="sending", next_attempt_at=now - timedelta(seconds=30)),
        row(15, 3, "webhook", status="sent", attempts=1, sent_at=now - timedelta(minutes=1)),
    ]


def alembic_config(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("myrtille.store") / "migrations"))
    config.attributes["connection"] = connection
    return config


def test_destinations_are_migrated_and_pending_deliveries_sent_once(
    state_url: str, tmp_path: Path
) -> None:
    database = Database(state_url)
    receiver = PostServer(
        {
            **{f"/hook-{n}": Route(b"", status=200, conditional=False) for n in (2, 3, 6, 7)},
            **{f"/notify-{n}": Route(b"{}", status=200, conditional=False) for n in (4, 6)},
        }
    )
    recorder = Recorder()
    with receiver, smtp_server(recorder) as smtp_port:
        subscriptions = old_subscriptions(receiver.port)
        with database.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0011")
            connection.execute(
                subscriber.insert(),
                [
                    {
                        "id": s["id"],
                        "email": f"pme{s['id']}@exemple.fr",
                        "kind": "sme",
                        "language": "fr",
                        "timezone": "Europe/Paris",
                        "confirmed_at": DAY,
                        "paused": False,
                        "created_at": DAY,
                    }
                    for s in subscriptions
                ],
            )
            connection.execute(old_subscription.insert(), subscriptions)
            connection.execute(outbox.insert(), deliveries())
            if connection.dialect.name == "postgresql":
                # Explicit ids leave the sequences behind; the service inserts after us.
                for table in ("subscriber", "subscription", "outbox"):
                    connection.execute(
                        sa.text(
                            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                            f"(SELECT max(id) FROM {table}))"
                        )
                    )
        with database.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0012")
            # Read as 0012 left them, whatever later revisions add to the tables.
            destination = SubscriptionDestination.__table__
            stored = [
                (row.subscription_id, row.channel, row.address, row.secret, row.disabled)
                for row in connection.execute(
                    sa.select(
                        destination.c.subscription_id,
                        destination.c.channel,
                        destination.c.address,
                        destination.c.secret,
                        destination.c.disabled_at.is_not(None).label("disabled"),
                    ).order_by(destination.c.subscription_id, destination.c.id)
                )
            ]
        # Then to the latest revision, as a deployment does, and on with the service.
        database.migrate()
        with database.session() as session:
            channels = {s.id: s.channels for s in session.scalars(select(Subscription))}
        hook = f"http://127.0.0.1:{receiver.port}/hook"
        notify = f"json://127.0.0.1:{receiver.port}/notify"
        assert stored == [
            (1, "email", None, None, False),
            (2, "email", None, None, False),
            (2, "webhook", f"{hook}-2", SECRET_2, False),
            (3, "webhook", f"{hook}-3", SECRET_3, False),
            (4, "apprise", f"{notify}-4", None, False),
            (5, "stream", None, None, False),
            (6, "email", None, None, False),
            (6, "webhook", f"{hook}-6", SECRET_6, False),
            (6, "stream", None, None, False),
            (6, "apprise", f"{notify}-6", None, False),
            (7, "webhook", f"{hook}-7", SECRET_7, True),
            (8, "email", None, None, False),
        ]
        assert channels[6] == ["email", "webhook", "stream", "apprise"]
        assert channels[7] == []
        # Nothing is matched for a subscription whose every channel was disabled.
        assert load_matcher(database).get(7) is None and load_matcher(database).get(6) is not None

        settings = load_settings(
            None,
            env={},
            overrides={
                "data_dir": str(tmp_path),
                "email": {
                    "public_url": "https://veille.example/",
                    "smtp_host": "127.0.0.1",
                    "smtp_port": smtp_port,
                },
                "webhooks": {"allow_private": ["127.0.0.1"]},
            },
        )
        channels_built = CHANNELS.build(settings)
        # Row 14's dispatcher is alive: on PostgreSQL a live claim holds its advisory lock
        # (store/claims.py), and a "sending" row without one is a dead dispatcher's.
        live_dispatcher = ClaimHolds(database)
        live_dispatcher.hold(OUTBOX, [14])
        try:
            first = Dispatcher(settings, database, None, channels_built).run()
            second = Dispatcher(settings, database, None, channels_built).run()
        finally:
            live_dispatcher.close()
            for channel in channels_built.values():
                channel.close()

    assert (first.sent, first.failed, first.retried) == (10, 0, 0), first.errors
    assert (second.sent, second.failed, second.retried) == (0, 0, 0)
    mailed = sorted(rcpt for envelope in recorder.envelopes for rcpt in envelope.rcpt_tos)
    assert mailed == ["pme1@exemple.fr", "pme2@exemple.fr", "pme2@exemple.fr", "pme6@exemple.fr"]
    posted = sorted(delivery.path for delivery in receiver.deliveries)
    assert posted == ["/hook-2", "/hook-3", "/hook-6", "/hook-7", "/notify-4", "/notify-6"]
    secrets = {"/hook-2": SECRET_2, "/hook-3": SECRET_3, "/hook-6": SECRET_6, "/hook-7": SECRET_7}
    for delivery in receiver.deliveries:
        if delivery.path in secrets:
            assert verify_standard_webhook(secrets[delivery.path], delivery.headers, delivery.body)
    with database.session() as session:
        status = dict(session.execute(select(OutboxItem.id, OutboxItem.status)).all())
    assert status == {
        **{n: "sent" for n in (1, 2, 3, 4, 5, 7, 8, 10, 11, 13, 15)},
        # The stream's rows wait for its readers; the daily email for its digest.
        6: "pending",
        9: "pending",
        12: "pending",
        # Another dispatcher is sending it: not ours to send again.
        14: "sending",
    }

    # And back: the old columns hold what they held.
    with database.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0011")
        restored = connection.execute(
            sa.select(
                old_subscription.c.id,
                old_subscription.c.channels,
                old_subscription.c.webhook_url,
                old_subscription.c.webhook_secret,
                old_subscription.c.apprise_url,
            ).order_by(old_subscription.c.id)
        ).all()
    database.dispose()
    assert [tuple(r) for r in restored] == [
        (s["id"], s["channels"], s["webhook_url"], s["webhook_secret"], s["apprise_url"])
        for s in subscriptions
    ]
