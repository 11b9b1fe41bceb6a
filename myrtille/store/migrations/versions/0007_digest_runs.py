"""Digest watermarks.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from myrtille.store.schema import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "digest_run",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("subscriber_id", sa.Integer(), nullable=False),
        sa.Column("frequency", sa.String(length=8), nullable=False),
        sa.Column("slot", sa.String(length=16), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("sent_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["subscriber_id"],
            ["subscriber.id"],
            name=op.f("fk_digest_run_subscriber_id_subscriber"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digest_run")),
        sa.UniqueConstraint(
            "subscriber_id", "frequency", "slot", name=op.f("uq_digest_run_subscriber_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("digest_run")
