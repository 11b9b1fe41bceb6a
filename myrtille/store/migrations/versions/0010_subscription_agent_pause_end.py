"""Subscriptions set up by an agent in the web UI: who manages them, a pause flag, and
when they ended (unsubscribed or deleted).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from myrtille.store.schema import UTCDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("subscription") as batch:
        batch.add_column(sa.Column("agent_id", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("paused", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("ended_at", UTCDateTime(), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_subscription_agent_id_agent"), "agent", ["agent_id"], ["id"]
        )
        batch.create_index(batch.f("ix_subscription_agent_id"), ["agent_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("subscription") as batch:
        batch.drop_index(batch.f("ix_subscription_agent_id"))
        batch.drop_constraint(batch.f("fk_subscription_agent_id_agent"), type_="foreignkey")
        batch.drop_column("ended_at")
        batch.drop_column("paused")
        batch.drop_column("agent_id")
