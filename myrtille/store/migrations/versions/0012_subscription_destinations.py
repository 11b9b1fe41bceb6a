"""Subscription destinations as data: one row per (subscription, channel) instead of the
``channels`` list and the ``webhook_url``/``webhook_secret``/``apprise_url`` columns.

Nothing is lost: every listed channel becomes an enabled destination (with its URL and
secret), and a webhook or Apprise URL whose channel a delivery had disabled (410 Gone, an
unusable URL: the channel was taken out of the list, the URL kept) becomes a disabled
destination. Outbox rows are not touched: they name their channel, as before.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from myrtille.store.schema import UTCDateTime, utcnow

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# The channels that had columns of their own before this revision: (url, secret) columns.
ADDRESSED = {"webhook": ("webhook_url", "webhook_secret"), "apprise": ("apprise_url", None)}
DISABLED_BEFORE = "disabled by a delivery before migration 0012 (reason not recorded then)"

subscription = sa.table(
    "subscription",
    sa.column("id", sa.Integer()),
    sa.column("channels", sa.JSON()),
    sa.column("webhook_url", sa.Text()),
    sa.column("webhook_secret", sa.Text()),
    sa.column("apprise_url", sa.Text()),
    sa.column("updated_at", UTCDateTime()),
)
destination = sa.table(
    "subscription_destination",
    sa.column("id", sa.Integer()),
    sa.column("subscription_id", sa.Integer()),
    sa.column("channel", sa.String(16)),
    sa.column("address", sa.Text()),
    sa.column("secret", sa.Text()),
    sa.column("disabled_at", UTCDateTime()),
    sa.column("disabled_reason", sa.Text()),
    sa.column("created_at", UTCDateTime()),
)


def destinations_of(row: Any) -> list[dict[str, Any]]:
    """The destination rows of one old subscription row, in its channels' order."""
    values = row._mapping
    # NULL was the column's "never set": the matcher read it as email alone.
    listed = values["channels"] if values["channels"] is not None else ["email"]
    channels = list(dict.fromkeys(str(c) for c in listed))
    moment = values["updated_at"] or utcnow()
    found = []
    for channel in [*channels, *(c for c in ADDRESSED if c not in channels)]:
        url_column, secret_column = ADDRESSED.get(channel, (None, None))
        address = values[url_column] if url_column else None
        enabled = channel in channels
        if not enabled and address is None:
            continue
        found.append(
            {
                "subscription_id": values["id"],
                "channel": channel,
                "address": address,
                "secret": values[secret_column] if secret_column else None,
                "disabled_at": None if enabled else moment,
                "disabled_reason": None if enabled else DISABLED_BEFORE,
                "created_at": moment,
            }
        )
    return found


def upgrade() -> None:
    op.create_table(
        "subscription_destination",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("secret", sa.Text(), nullable=True),
        sa.Column("disabled_at", UTCDateTime(), nullable=True),
        sa.Column("disabled_reason", sa.Text(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["subscription.id"],
            name=op.f("fk_subscription_destination_subscription_id_subscription"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscription_destination")),
        sa.UniqueConstraint(
            "subscription_id", "channel", name=op.f("uq_subscription_destination_subscription_id")
        ),
    )
    op.create_index(
        op.f("ix_subscription_destination_subscription_id"),
        "subscription_destination",
        ["subscription_id"],
    )
    connection = op.get_bind()
    rows = connection.execute(sa.select(subscription).order_by(subscription.c.id)).all()
    found = [values for row in rows for values in destinations_of(row)]
    if found:
        connection.execute(destination.insert(), found)
    for column in ("apprise_url", "webhook_secret", "webhook_url", "channels"):
        if connection.dialect.name == "sqlite":
            # SQLite's own DROP COLUMN (3.35+): a batch copy of the table would drop and
            # recreate it, which its foreign keys (outbox, destinations) do not allow.
            op.execute(sa.text(f"ALTER TABLE subscription DROP COLUMN {column}"))
        else:
            op.drop_column("subscription", column)


def downgrade() -> None:
    with op.batch_alter_table("subscription", schema=None) as batch_op:
        batch_op.add_column(sa.Column("channels", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("webhook_url", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("webhook_secret", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("apprise_url", sa.Text(), nullable=True))
    connection = op.get_bind()
    kept: dict[int, dict[str, Any]] = {}
    rows = connection.execute(sa.select(destination).order_by(destination.c.id)).all()
    for row in rows:
        values = row._mapping
        old = kept.setdefault(values["subscription_id"], {"channels": []})
        if values["disabled_at"] is None:
            old["channels"].append(values["channel"])
        url_column, secret_column = ADDRESSED.get(values["channel"], (None, None))
        if url_column:
            old[url_column] = values["address"]
        if secret_column:
            old[secret_column] = values["secret"]
    ids = connection.execute(sa.select(subscription.c.id)).scalars().all()
    for subscription_id in ids:
        connection.execute(
            subscription.update()
            .where(subscription.c.id == subscription_id)
            .values(**kept.get(subscription_id, {"channels": []}))
        )
    op.drop_table("subscription_destination")
