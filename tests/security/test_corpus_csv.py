"""Every hostile Sirene StockUniteLegale and portfolio CSV of tests/corpora/{sirene,
portfolio}/ through the real imports: in a child process that measures each file (SQLite),
and on PostgreSQL, which refuses what SQLite lets through (NUL). No crash: a file is
imported, or refused with a ConfigError that names the problem; names and labels stored
valid, without NUL."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from myrtille.enrichment.portfolios import PortfolioError, import_portfolio
from myrtille.enrichment.registry import import_sirene
from myrtille.exceptions import ConfigError
from myrtille.store.companies import Company, PortfolioCompany
from myrtille.store.database import Database, open_database
from tests.corpora.build import case_bytes, manifest
from tests.security.checks import reader_held
from tests.security.corpus import reader_runs, text_problem

SIRENE = manifest("sirene")
PORTFOLIO = manifest("portfolio")


@pytest.fixture(scope="module")
def sirene_runs() -> dict[str, dict[str, Any]]:
    return reader_runs("sirene")


@pytest.fixture(scope="module")
def portfolio_runs() -> dict[str, dict[str, Any]]:
    return reader_runs("portfolio")


@pytest.fixture(scope="module")
def postgres(postgres_server: str, tmp_path_factory: pytest.TempPathFactory) -> Any:
    # One database for the module: each file is imported in turn, as an operator would.
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"myrtille_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
    database = open_database(url)
    try:
        yield database
    finally:
        database.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def file_of(entry: dict[str, Any]) -> str:
    return str(entry["file"]).split("/", 1)[1]


def expected(entry: dict[str, Any], refused: bool) -> None:
    if entry.get("expect_error") is not None:
        assert refused is entry["expect_error"], entry


@pytest.mark.parametrize("entry", SIRENE, ids=[str(e["file"]) for e in SIRENE])
def test_each_sirene_file_imports_within_bounds(sirene_runs: dict, entry: dict) -> None:
    run = sirene_runs[str(entry["file"])]
    reader_held("sirene", run)
    expected(entry, run["failure"] is not None)


@pytest.mark.parametrize("entry", SIRENE, ids=[str(e["file"]) for e in SIRENE])
def test_each_sirene_file_imports_on_postgresql(
    postgres: Database, tmp_path: Path, entry: dict
) -> None:
    path = tmp_path / file_of(entry)
    path.write_bytes(case_bytes("sirene", file_of(entry)))
    try:
        import_sirene(postgres, path)
    except ConfigError:
        expected(entry, True)
        return
    expected(entry, False)
    with postgres.session() as session:
        for company in session.scalars(select(Company)):
            for value in (company.name, company.acronym, *company.aliases):
                assert text_problem(value, 300) is None, (company.siren, value)


@pytest.mark.parametrize("entry", PORTFOLIO, ids=[str(e["file"]) for e in PORTFOLIO])
def test_each_portfolio_file_is_read_within_bounds(portfolio_runs: dict, entry: dict) -> None:
    run = portfolio_runs[str(entry["file"])]
    reader_held("portfolio", run)
    expected(entry, run["failure"] is not None)


@pytest.mark.parametrize("entry", PORTFOLIO, ids=[str(e["file"]) for e in PORTFOLIO])
def test_each_portfolio_file_imports_on_postgresql(postgres: Database, entry: dict) -> None:
    body = io.BytesIO(case_bytes("portfolio", file_of(entry)))
    try:
        import_portfolio(postgres, "corpus", body)
    except PortfolioError:
        expected(entry, True)
        return
    expected(entry, False)
    with postgres.session() as session:
        for row in session.scalars(select(PortfolioCompany)):
            assert text_problem(row.label, 200) is None, (row.siren, row.label)


def test_a_quote_never_closed_is_a_named_problem_not_a_crash(portfolio_runs: dict) -> None:
    # Regression (issue 15): a field past the CSV size limit raised _csv.Error out of both
    # imports (myrtille companies import, myrtille portfolios import, the upload page).
    run = portfolio_runs["portfolio/portfolio-huge-field.csv"]
    assert run["failure"].startswith("myrtille.enrichment.portfolios.PortfolioError"), run
    assert "cannot be read past line 4" in run["failure"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_upload_page_names_an_unreadable_file_and_runs_nothing(
    tmp_path: Path, lang: str
) -> None:
    # Regression (issue 15): the upload page answered 500 to a quote never closed.
    from tests.security.rendered import executable_parts
    from tests.web.conftest import signed_in, start_live
    from tests.web.test_portfolio_pages import upload

    with start_live(tmp_path / "data") as live:
        agent = signed_in(live)
        broken = upload(agent, "corpus", case_bytes("portfolio", "portfolio-huge-field.csv"), lang)
        hostile = upload(
            agent, "labels", case_bytes("portfolio", "portfolio-markup-labels.csv"), lang
        )
        shown = agent.get(f"/agent/portfolios/labels?lang={lang}")
        agent.close()
    assert broken.status_code == 400, broken.text[:500]
    expected = {
        "fr": "Le fichier est illisible après la ligne 4",
        "en": "The file cannot be read past line 4",
    }[lang]
    assert expected in broken.text
    for page in (broken, hostile, shown):
        assert page.status_code in (200, 400), page.status_code
        assert not executable_parts(page.content), executable_parts(page.content)
