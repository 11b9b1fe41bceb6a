"""A forced digest's slot, the local day plus the run's time (``2026-12-05+050512``), is
17 characters: ``digest_run.slot`` widened from 16 to 40. PostgreSQL enforces the length;
SQLite does not, hence a batch (copy-and-move) alteration for it.

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("digest_run") as batch:
        batch.alter_column(
            "slot",
            existing_type=sa.String(length=16),
            type_=sa.String(length=40),
            existing_nullable=False,
        )


def downgrade() -> None:
    # Forced slots longer than 16 would not fit back: they were only ever one-off runs.
    op.execute(sa.text("DELETE FROM digest_run WHERE length(slot) > 16"))
    with op.batch_alter_table("digest_run") as batch:
        batch.alter_column(
            "slot",
            existing_type=sa.String(length=40),
            type_=sa.String(length=16),
            existing_nullable=False,
        )
