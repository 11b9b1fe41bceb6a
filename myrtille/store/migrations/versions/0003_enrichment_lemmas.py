"""Folded lemmas of each enriched document, for the index.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("enrichment") as batch:
        batch.add_column(sa.Column("title_lemmas", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("text_lemmas", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("enrichment") as batch:
        batch.drop_column("text_lemmas")
        batch.drop_column("title_lemmas")
