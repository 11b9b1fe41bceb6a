"""Webhook and Apprise subscriptions: a webhook's signing secret is made, stored and
handed out once, an Apprise subscription needs its URL, and the migration gives existing
webhooks a secret. The channel itself is tested in test_webhook.py."""

from __future__ import annotations

import base64
from importlib import resources
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import select, text

from myrtille.alerts.subscriptions import SubscriptionError, create_subscription
from myrtille.index.resolver import CodeResolver
from myrtille.store.database import Database
from myrtille.store.subscriptions import Subscription, SubscriptionDestination

SECRET = b"a test secret that is long enough"


def test_a_webhook_subscription_gets_a_secret(database: Database) -> None:
    created = create_subscription(
        database,
        SECRET,
        email="pme@exemple.fr",
        query="sector:energy",
        addresses={"webhook": "https://hooks.example/a"},
        resolver=CodeResolver(),
    )
    assert created.webhook_secret and created.webhook_secret.startswith("whsec_")
    assert len(base64.b64decode(created.webhook_secret.removeprefix("whsec_"))) == 24
    with database.session() as session:
        row = session.get(Subscription, created.subscription_id)
        assert row is not None
        webhook = row.destination("webhook")
        assert webhook is not None and webhook.secret == created.webhook_secret
        assert webhook.address == "https://hooks.example/a"
        assert row.channels == ["email", "webhook"]
    plain = create_subscription(
        database, SECRET, email="b@exemple.fr", query="sector:energy", resolver=CodeResolver()
    )
    assert plain.webhook_secret is None


def test_an_apprise_subscription_needs_its_url(database: Database) -> None:
    with pytest.raises(SubscriptionError, match="Apprise URL"):
        create_subscription(
            database,
            SECRET,
            email="pme@exemple.fr",
            query="sector:energy",
            channels=["apprise"],
            resolver=CodeResolver(),
        )
    created = create_subscription(
        database,
        SECRET,
        email="pme@exemple.fr",
        query="sector:energy",
        addresses={"apprise": "ntfy://myrtille-alerts"},
        resolver=CodeResolver(),
    )
    with database.session() as session:
        row = session.get(Subscription, created.subscription_id)
        assert row is not None
        apprise = row.destination("apprise")
        assert apprise is not None and apprise.address == "ntfy://myrtille-alerts"
        assert row.channels == ["email", "apprise"]


def test_migration_gives_existing_webhooks_a_secret(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'state.db'}")
    config = Config()
    config.set_main_option("script_location", str(resources.files("myrtille.store") / "migrations"))
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
        connection.execute(
            text(
                "INSERT INTO subscriber (email, kind, language, timezone, paused, created_at) "
                "VALUES ('a@exemple.fr', 'sme', 'fr', 'Europe/Paris', 0, '2026-01-01')"
            )
        )
        for url in ("'https://hooks.example/a'", "NULL"):
            connection.execute(
                text(
                    "INSERT INTO subscription (subscriber_id, name, query, frequency, channels,"
                    f" webhook_url, active, created_at, updated_at) VALUES (1, 'n', 'q',"
                    f" 'immediate', '[]', {url}, 1, '2026-01-01', '2026-01-01')"
                )
            )
    database.migrate()
    with database.session() as session:
        # Since 0012 the secret is the webhook destination's (disabled: channels was []).
        rows = session.execute(
            select(SubscriptionDestination.subscription_id, SubscriptionDestination.secret)
            .where(SubscriptionDestination.channel == "webhook")
            .order_by(SubscriptionDestination.subscription_id)
        ).all()
    database.dispose()
    assert [subscription_id for subscription_id, _ in rows] == [1]
    assert rows[0][1] is not None and rows[0][1].startswith("whsec_")
