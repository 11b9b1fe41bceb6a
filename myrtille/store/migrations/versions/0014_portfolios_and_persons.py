"""Portfolios (issue 13.3) and sole traders (issue 13.4): the ``portfolio`` and
``portfolio_company`` tables, a subscription's ``urgent`` setting (on by default), an
outbox row's ``urgent`` mark, and ``company.person`` for natural persons imported from
Sirene (linked by SIREN only).

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from myrtille.store.schema import UTCDateTime

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "portfolio",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("agent_id", sa.Integer(), sa.ForeignKey("agent.id"), nullable=True),
        sa.Column("size", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_portfolio"),
        sa.UniqueConstraint("name", name="uq_portfolio_name"),
    )
    op.create_index("ix_portfolio_agent_id", "portfolio", ["agent_id"])
    op.create_index("ix_portfolio_updated_at", "portfolio", ["updated_at"])
    op.create_table(
        "portfolio_company",
        sa.Column(
            "portfolio_id",
            sa.Integer(),
            sa.ForeignKey(
                "portfolio.id",
                ondelete="CASCADE",
                name="fk_portfolio_company_portfolio_id_portfolio",
            ),
            nullable=False,
        ),
        sa.Column("siren", sa.String(length=9), nullable=False),
        sa.Column("label", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("portfolio_id", "siren", name="pk_portfolio_company"),
    )
    op.create_index("ix_portfolio_company_siren", "portfolio_company", ["siren"])
    # Plain (string) defaults let SQLite add the columns in place: an expression default
    # makes Alembic copy the table, which the rows referencing it (outbox,
    # subscription_destination) forbid.
    with op.batch_alter_table("subscription") as batch:
        batch.add_column(sa.Column("urgent", sa.Boolean(), nullable=False, server_default="1"))
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("urgent", sa.Boolean(), nullable=False, server_default="0"))
    with op.batch_alter_table("company") as batch:
        batch.add_column(sa.Column("person", sa.Boolean(), nullable=False, server_default="0"))


def drop_column(table: str, column: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite's own DROP COLUMN (3.35+): a batch copy would drop and recreate the
        # table, which rows referencing it (outbox, destinations) do not allow.
        op.execute(sa.text(f"ALTER TABLE {table} DROP COLUMN {column}"))
    else:
        op.drop_column(table, column)


def downgrade() -> None:
    drop_column("company", "person")
    drop_column("outbox", "urgent")
    drop_column("subscription", "urgent")
    op.drop_index("ix_portfolio_company_siren", table_name="portfolio_company")
    op.drop_table("portfolio_company")
    op.drop_index("ix_portfolio_updated_at", table_name="portfolio")
    op.drop_index("ix_portfolio_agent_id", table_name="portfolio")
    op.drop_table("portfolio")
