"""webhook secret and apprise url

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 10:00:00.000000
"""

from __future__ import annotations

import base64
import secrets

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("subscription", schema=None) as batch_op:
        batch_op.add_column(sa.Column("webhook_secret", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("apprise_url", sa.Text(), nullable=True))
    # Webhook subscriptions made before signing existed get a secret, so their deliveries
    # go on (signed; receivers that do not verify yet see no difference).
    subscription = sa.table(
        "subscription",
        sa.column("id", sa.Integer()),
        sa.column("webhook_url", sa.Text()),
        sa.column("webhook_secret", sa.Text()),
    )
    connection = op.get_bind()
    ids = (
        connection.execute(
            sa.select(subscription.c.id).where(
                subscription.c.webhook_url.is_not(None), subscription.c.webhook_secret.is_(None)
            )
        )
        .scalars()
        .all()
    )
    for subscription_id in ids:
        secret = "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()
        connection.execute(
            subscription.update()
            .where(subscription.c.id == subscription_id)
            .values(webhook_secret=secret)
        )


def downgrade() -> None:
    with op.batch_alter_table("subscription", schema=None) as batch_op:
        batch_op.drop_column("apprise_url")
        batch_op.drop_column("webhook_secret")
