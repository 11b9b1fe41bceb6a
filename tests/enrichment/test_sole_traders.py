"""Sole traders (issue 13.4): `companies import sirene --include-persons` keeps natural
persons, a legal notice carrying their SIREN links to them, and press text naming them
never does (no name matching for persons)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from myrtille.cli import main
from myrtille.config.settings import EnrichmentSettings
from myrtille.enrichment.enricher import DocumentInput, Enricher
from myrtille.enrichment.registry import load_registry
from myrtille.store.companies import Company
from myrtille.store.database import open_database

PERSON = "552100554"
FIRM = "542065479"
SIRENE = (
    "siren,denominationUniteLegale,nomUniteLegale,prenomUsuelUniteLegale,"
    "activitePrincipaleUniteLegale,etatAdministratifUniteLegale\n"
    f"{FIRM},BOULANGERIES DU LAURAGAIS,,,10.71C,A\n"
    f"{PERSON},,MARTY,Juliette,47.24Z,A\n"
)


def test_persons_are_imported_on_request_and_linked_by_siren_only(
    tmp_path: Path, enricher: Enricher
) -> None:
    data = tmp_path / "data"
    csv_file = tmp_path / "StockUniteLegale.csv"
    csv_file.write_text(SIRENE, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["--data-dir", str(data), "companies", "import", "sirene", str(csv_file)]
    )
    assert result.exit_code == 0, result.output
    assert "1 sole trader skipped (--include-persons keeps them)" in result.output
    result = CliRunner().invoke(
        main,
        [
            "--data-dir",
            str(data),
            "companies",
            "import",
            "sirene",
            "--include-persons",
            str(csv_file),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "2 companies imported" in result.output
    assert "1 of them a sole trader (linked by SIREN only)" in result.output
    database = open_database(f"sqlite:///{data}/myrtille.db")
    with database.session() as session:
        rows = session.execute(select(Company.siren, Company.name, Company.person)).all()
    assert sorted(rows) == [
        (FIRM, "BOULANGERIES DU LAURAGAIS", False),
        (PERSON, "Juliette MARTY", True),
    ]
    registry = load_registry(database)
    database.dispose()
    linker = Enricher(EnrichmentSettings(max_chars=5000), registry, models=enricher.models)
    notice, article = linker.enrich(
        [
            DocumentInput(
                "n1",
                "Procédures collectives — MARTY Juliette (Castelnaudary)",
                "Jugement d'ouverture d'une procédure de liquidation judiciaire.",
                "fr",
                kind="notice",
                fields={"notice_type": "collective", "siren": PERSON, "company_name": "MARTY"},
            ),
            DocumentInput(
                "a1",
                "Juliette Marty ouvre une épicerie fine à Castelnaudary",
                "Juliette Marty, ancienne cadre, ouvre une épicerie fine. Juliette Marty "
                "vendra les produits des Boulangeries du Lauragais.",
                "fr",
            ),
        ]
    )
    assert [c["siren"] for c in notice.companies] == [PERSON]
    assert {e["type"] for e in notice.events} >= {"insolvency"}
    assert PERSON not in {c["siren"] for c in article.companies}
    assert FIRM in {c["siren"] for c in article.companies}
