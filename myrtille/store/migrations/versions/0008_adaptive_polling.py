"""Adaptive polling: each source's current poll interval and back-off flag.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("source_state") as batch:
        batch.add_column(sa.Column("poll_interval_seconds", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("backing_off", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("source_state") as batch:
        batch.drop_column("backing_off")
        batch.drop_column("poll_interval_seconds")
