"""The words companies are found by (``company_word``): migration 0013 gives every company
already stored its words, reading them in bounded batches (as a million-row Sirene import
needs), and on PostgreSQL a search by the start of a word matches what SQLite matches,
served by the primary key, whatever the locale the database was created with."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib import resources
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, make_url, text

from myrtille.enrichment.registry import find_companies
from myrtille.store.companies import Company
from myrtille.store.company_words import matching_ids, search_words
from myrtille.store.database import Database, open_database
from myrtille.store.schema import UTCDateTime

COMPANIES = 20_000
DAY = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

old_company = sa.table(
    "company",
    sa.column("id", sa.String()),
    sa.column("siren", sa.String()),
    sa.column("name", sa.Text()),
    sa.column("aliases", sa.JSON()),
    sa.column("acronym", sa.String()),
    sa.column("ceased", sa.Boolean()),
    sa.column("origin", sa.String()),
    sa.column("updated_at", UTCDateTime()),
)


def alembic_config(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("myrtille.store") / "migrations"))
    config.attributes["connection"] = connection
    return config


def sirene_unit(number: int) -> dict[str, Any]:
    return {
        "id": f"{number:09d}",
        "siren": f"{number:09d}",
        "name": f"Société Numéro{number} Énergie S.A.S.",
        "aliases": [f"Alias{number}"] if number % 3 == 0 else [],
        "acronym": f"SN{number}" if number % 2 == 0 else None,
        "ceased": False,
        "origin": "sirene",
        "updated_at": DAY,
    }


def test_0013_gives_every_stored_company_its_words_in_bounded_batches(state_url: str) -> None:
    database = Database(state_url)
    try:
        with database.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0012")
            connection.execute(old_company.insert(), [sirene_unit(n) for n in range(COMPANIES)])
        reads: list[str] = []

        @event.listens_for(database.engine, "before_cursor_execute")
        def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if statement.lstrip().upper().startswith("SELECT") and "FROM company" in statement:
                reads.append(" ".join(statement.split()))

        with database.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0013")
        event.remove(database.engine, "before_cursor_execute", record)
        # 4 batches of 5,000 and the empty read that ends them, each a keyset range.
        assert len(reads) == COMPANIES // 5000 + 1, reads
        assert all("LIMIT" in read and "ORDER BY company.id" in read for read in reads), reads
        assert all("company.id >" in read for read in reads[1:]), reads
        with database.engine.connect() as connection:
            stored: dict[str, set[str]] = {}
            for company_id, word in connection.execute(
                text("SELECT company_id, word FROM company_word")
            ):
                stored.setdefault(company_id, set()).add(word)
        assert len(stored) == COMPANIES
        for number in (0, 1, 2, 3, 4_999, 5_000, 12_345, COMPANIES - 1):
            unit = sirene_unit(number)
            assert stored[unit["id"]] == search_words(
                unit["name"], unit["aliases"], unit["acronym"]
            )
        assert stored["000000006"] == {"societe", "numero6", "energie", "sas", "alias6", "sn6"}
    finally:
        database.dispose()


# -- PostgreSQL under a locale collation ----------------------------------------------------


@pytest.fixture
def french_postgres(postgres_server: str) -> Iterator[str]:
    """A fresh database whose default collation is ICU French, as an operator's
    `initdb --locale-provider=icu` would make it (the test server's default is C)."""
    name = f"myrtille_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(
            text(
                f'CREATE DATABASE "{name}" TEMPLATE template0 LOCALE_PROVIDER icu '
                "ICU_LOCALE 'fr-FR' LOCALE 'C.UTF-8'"
            )
        )
    try:
        yield make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


NAMES = [
    "Gaz du Sud-Ouest",
    "Søla Technologies",
    "Sola Partenaires",
    "Sol_ar Conseil",
    "Solar & Co",
    "100% Bio",
    "Tech_Nova",
    "Cabinet 1789",
]


@pytest.fixture
def french_registry(french_postgres: str) -> Iterator[Database]:
    database = open_database(french_postgres)
    with database.session() as session:
        for number, name in enumerate(NAMES):
            session.add(Company(id=f"c{number}", name=name))
    yield database
    database.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("gaz", ["Gaz du Sud-Ouest"]),  # a locale puts "ga{" (the range's end) before "gaz"
        ("1789", ["Cabinet 1789"]),  # and "178:" before "1789"
        ("sola", ["Sola Partenaires", "Solar & Co"]),  # not "søla": ø is not o
        ("søl", ["Søla Technologies"]),
        ("solar", ["Solar & Co"]),
        ("sol_", ["Sol_ar Conseil"]),
        ("sol_ar", ["Sol_ar Conseil"]),
        ("tech_n", ["Tech_Nova"]),
        ("100%", ["100% Bio"]),
        ("%", []),
        ("&", []),
        ("_", []),
        ("so%", ["Sol_ar Conseil", "Sola Partenaires", "Solar & Co"]),  # % is no wildcard
    ],
)
def test_word_starts_match_byte_for_byte_under_a_french_collation(
    french_registry: Database, query: str, expected: list[str]
) -> None:
    assert sorted(c.name for c in find_companies(french_registry, query)) == expected


@pytest.mark.postgres
def test_word_starts_are_served_by_the_primary_key_on_postgresql(
    french_registry: Database,
) -> None:
    subquery = matching_ids("gaz sud")
    assert subquery is not None
    with french_registry.engine.connect() as connection:
        compiled = subquery.compile(
            dialect=connection.dialect, compile_kwargs={"literal_binds": True}
        )
        # Eight rows are cheaper to scan than to look up: ask whether the index can serve.
        connection.execute(text("SET enable_seqscan = off"))
        plan = "\n".join(row[0] for row in connection.execute(text(f"EXPLAIN {compiled}")))
    assert "pk_company_word" in plan and "Seq Scan" not in plan, plan
