"""Agents' sessions kept server-side (sign-out ends them), and the sign-in throttle's
failures and per-name pace, shared by every web process.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from myrtille.store.schema import UTCDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agent_session",
        sa.Column("id_hash", sa.String(64), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["agent.id"], name=op.f("fk_agent_session_agent_id_agent")
        ),
        sa.PrimaryKeyConstraint("id_hash", name=op.f("pk_agent_session")),
    )
    op.create_index(op.f("ix_agent_session_agent_id"), "agent_session", ["agent_id"])
    op.create_index(op.f("ix_agent_session_expires_at"), "agent_session", ["expires_at"])
    op.create_table(
        "signin_failure",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("client", sa.String(128), nullable=False),
        sa.Column("failed_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signin_failure")),
    )
    op.create_index(
        "ix_signin_failure_name_client", "signin_failure", ["name", "client", "failed_at"]
    )
    op.create_index("ix_signin_failure_name_failed_at", "signin_failure", ["name", "failed_at"])
    op.create_index(op.f("ix_signin_failure_failed_at"), "signin_failure", ["failed_at"])
    op.create_table(
        "signin_pace",
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("next_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_signin_pace")),
    )
    op.create_index(op.f("ix_signin_pace_next_at"), "signin_pace", ["next_at"])


def downgrade() -> None:
    op.drop_table("signin_pace")
    op.drop_table("signin_failure")
    op.drop_table("agent_session")
