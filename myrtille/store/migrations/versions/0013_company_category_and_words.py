"""Company pages: the Sirene category (PME, ETI, GE) of a company, and the folded words of
its names in ``company_word`` so that a search by name is an index range, not a scan.

Existing companies get their words here; their category comes with the next Sirene import.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from myrtille.store.company_words import search_words

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

BATCH = 5000

company = sa.table(
    "company",
    sa.column("id", sa.String()),
    sa.column("name", sa.Text()),
    sa.column("aliases", sa.JSON()),
    sa.column("acronym", sa.String()),
)
company_word = sa.table(
    "company_word", sa.column("word", sa.String()), sa.column("company_id", sa.String())
)


def upgrade() -> None:
    with op.batch_alter_table("company") as batch:
        batch.add_column(sa.Column("category", sa.String(length=8), nullable=True))
    op.create_table(
        "company_word",
        sa.Column("word", sa.String(length=64), nullable=False),
        sa.Column("company_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
            name=op.f("fk_company_word_company_id_company"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("word", "company_id", name=op.f("pk_company_word")),
    )
    op.create_index(
        op.f("ix_company_word_company_id"), "company_word", ["company_id"], unique=False
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(company.c.id, company.c.name, company.c.aliases, company.c.acronym)
    ).fetchall()
    words = [
        {"word": word, "company_id": row.id}
        for row in rows
        for word in search_words(row.name, row.aliases or (), row.acronym)
    ]
    for start in range(0, len(words), BATCH):
        connection.execute(company_word.insert(), words[start : start + BATCH])


def downgrade() -> None:
    op.drop_index(op.f("ix_company_word_company_id"), table_name="company_word")
    op.drop_table("company_word")
    with op.batch_alter_table("company") as batch:
        batch.drop_column("category")
