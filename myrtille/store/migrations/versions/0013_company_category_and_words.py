"""Company pages: the Sirene category (PME, ETI, GE) of a company, and the folded words of
its names in ``company_word`` so that a search by name is an index range, not a scan.

Existing companies get their words here; their category comes with the next Sirene import.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# Companies read, and words written, per round trip: memory stays bounded however many
# companies a Sirene import left (a million and more).
BATCH = 5000

# The words below are frozen copies of myrtille.store.company_words as it stood at this
# revision: a migration must do tomorrow what it did today, whatever the live code becomes.
WORD_LENGTH = 64
_WORD = re.compile(r"\w+", re.UNICODE)
_DOTTED = re.compile(r"\b(?:\w\.){2,}", re.UNICODE)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words_of(text: str) -> list[str]:
    folded = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), _fold(text))
    return [w[:WORD_LENGTH] for w in _WORD.findall(folded)]


def _search_words(name: str, aliases: Iterable[str], acronym: str | None) -> set[str]:
    found: set[str] = set()
    for text in (name, *aliases, acronym or ""):
        found.update(_words_of(text))
    return found


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
        # Byte order on PostgreSQL whatever the database's locale: a prefix is then a range
        # of the primary key, as in SQLite (a locale collation puts "ga{" before "gaz").
        sa.Column(
            "word",
            sa.String(length=64).with_variant(sa.String(length=64, collation="C"), "postgresql"),
            nullable=False,
        ),
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
    _backfill_words(op.get_bind())


def _backfill_words(connection: sa.Connection) -> None:
    """The words of the companies already stored, BATCH companies at a time in id order
    (keyset, not OFFSET: each batch is an index range whatever its position)."""
    after: str | None = None
    while True:
        query = sa.select(company.c.id, company.c.name, company.c.aliases, company.c.acronym)
        if after is not None:
            query = query.where(company.c.id > after)
        rows = connection.execute(query.order_by(company.c.id).limit(BATCH)).all()
        if not rows:
            return
        words = [
            {"word": word, "company_id": row.id}
            for row in rows
            for word in sorted(_search_words(row.name or "", row.aliases or (), row.acronym))
        ]
        if words:
            connection.execute(company_word.insert(), words)
        after = rows[-1].id


def downgrade() -> None:
    op.drop_index(op.f("ix_company_word_company_id"), table_name="company_word")
    op.drop_table("company_word")
    with op.batch_alter_table("company") as batch:
        batch.drop_column("category")
