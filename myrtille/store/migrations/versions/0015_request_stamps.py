"""Rate limits shared by every web process (issue 15.5): the ``request_stamp`` table, one
row per request counted by the API keys' and the public pages' limits.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from myrtille.store.schema import UTCDateTime

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "request_stamp",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("scope", sa.String(32), nullable=False),
        sa.Column("subject", sa.String(128), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_stamp")),
    )
    op.create_index("ix_request_stamp_scope_subject", "request_stamp", ["scope", "subject", "at"])
    op.create_index(op.f("ix_request_stamp_at"), "request_stamp", ["at"])


def downgrade() -> None:
    op.drop_table("request_stamp")
