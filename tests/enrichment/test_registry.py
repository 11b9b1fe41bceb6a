"""The company registry: Sirene import (streamed, bad rows reported), watchlist sync."""

from __future__ import annotations

import csv
import tracemalloc
from pathlib import Path

import pytest
from sqlalchemy import select

from myrtille.config.settings import WatchedCompany
from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import (
    BATCH,
    SIRENE_REQUIRED,
    find_companies,
    import_sirene,
    load_registry,
    sync_watchlist,
)
from myrtille.exceptions import ConfigError
from myrtille.store.companies import CompanyWord
from myrtille.store.database import Database

HEADER = [
    "siren",
    "statutDiffusionUniteLegale",
    "sigleUniteLegale",
    "nomUniteLegale",
    "denominationUniteLegale",
    "denominationUsuelle1UniteLegale",
    "activitePrincipaleUniteLegale",
    "etatAdministratifUniteLegale",
]


def luhn_siren(n: int) -> str:
    base = f"9{n:07d}"
    for check in range(10):
        digits = [int(c) for c in base + str(check)]
        total = sum(
            d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(digits)
        )
        if total % 10 == 0:
            return base + str(check)
    raise AssertionError


def write_sirene(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_import_reports_bad_rows_and_keeps_the_rest(tmp_path: Path, database: Database) -> None:
    path = write_sirene(
        tmp_path / "s.csv",
        [
            ["919985002", "O", "", "", "AEROVOLT SAS", "", "30.30Z", "A"],
            ["12345", "O", "", "", "TROP COURT", "", "30.30Z", "A"],  # line 3
            ["953600608", "O", "PAB", "", "PRECISION AERO BEARN", "PAB Aéro", "25.62B", "A"],
            ["900000009", "O", "", "", "", "", "10.71C", "A"],  # line 5: no name
            ["900000017", "O", "", "DUPONT", "", "", "47.11B", "A"],  # sole trader
            ["900000025", "O", "", "", "TEXTILES VAUCLAIR", "", "13.20Z", "C"],
            ["900000033", "O", "", "", "MAUVAIS NAF", "", "banane", "A"],  # line 8
        ],
    )
    report = import_sirene(database, path)
    assert report.imported == 4
    assert report.ceased == 1 and report.skipped_individuals == 1
    assert [line for line, _ in report.bad_rows] == [3, 5, 8]
    assert "not 9 digits" in report.bad_rows[0][1]
    records = {r.siren: r for r in load_registry(database)}
    assert records["900000025"].ceased is True
    assert records["953600608"].acronym == "PAB"
    assert records["953600608"].aliases == ("PAB Aéro",)
    assert records["900000033"].naf is None  # bad NAF dropped, company kept


def test_missing_columns_are_named(tmp_path: Path, database: Database) -> None:
    path = write_sirene(
        tmp_path / "s.csv", [["919985002", "AEROVOLT"]], header=["siren", "denominationUniteLegale"]
    )
    with pytest.raises(ConfigError) as caught:
        import_sirene(database, path)
    message = str(caught.value)
    assert "missing column(s)" in message
    assert "activitePrincipaleUniteLegale" in message and "etatAdministratifUniteLegale" in message
    assert set(SIRENE_REQUIRED) >= {"siren"}


def test_semicolon_files_and_reimport_are_fine(tmp_path: Path, database: Database) -> None:
    path = tmp_path / "s.csv"
    path.write_text(";".join(HEADER) + "\n919985002;O;;;AEROVOLT SAS;;30.30Z;A\n", encoding="utf-8")
    assert import_sirene(database, path).imported == 1
    assert import_sirene(database, path).imported == 1
    assert len(load_registry(database)) == 1


def test_imported_and_reimported_companies_are_found_by_their_words(
    tmp_path: Path, database: Database
) -> None:
    # On both backends: the words of each batch are written with the batch (PostgreSQL
    # in one statement of arrays), and a re-import rewrites them, never doubles them.
    path = write_sirene(
        tmp_path / "s.csv",
        [
            ["919985002", "O", "AVT", "", "AÉROVOLT SAS", "Aéro Volt", "30.30Z", "A"],
            ["953600608", "O", "", "", "PRECISION AERO BEARN", "", "25.62B", "C"],
            ["919985002", "O", "AVT", "", "AÉROVOLT SAS", "Aéro Volt", "30.30Z", "A"],
        ],
    )
    for _ in range(2):
        assert import_sirene(database, path).imported == 3
        assert [c.siren for c in find_companies(database, "aerovolt")] == ["919985002"]
        assert [c.siren for c in find_companies(database, "volt")] == ["919985002"]
        assert [c.siren for c in find_companies(database, "avt")] == ["919985002"]
        assert [c.ceased for c in find_companies(database, "aero")] == [False, True]
        with database.session() as session:
            words = session.scalars(select(CompanyWord.word).order_by(CompanyWord.word)).all()
        assert words == ["aero", "aero", "aerovolt", "avt", "bearn", "precision", "sas", "volt"]


def test_watchlist_keeps_its_aliases_over_sirene(tmp_path: Path, database: Database) -> None:
    sync_watchlist(
        database,
        [
            WatchedCompany(
                name="Aérovolt",
                aliases=["Aerovolt"],
                siren="919985002",
                department="31",
                region="76",
            )
        ],
    )
    write_sirene(
        tmp_path / "s.csv", [["919985002", "O", "AVT", "", "AEROVOLT SAS", "", "30.30Z", "A"]]
    )
    import_sirene(database, tmp_path / "s.csv")
    record = next(r for r in load_registry(database) if r.siren == "919985002")
    assert record.aliases == ("Aerovolt",) and record.department == "31"
    assert record.name == "Aérovolt" and record.acronym == "AVT"  # the watchlist names it


def _import_peak(tmp_path: Path, rows: int) -> int:
    from myrtille.store.database import open_database

    path = write_sirene(
        tmp_path / f"big{rows}.csv",
        [
            [luhn_siren(n), "O", "", "", f"ENTREPRISE NUMERO {n} SAS", "", "62.01Z", "A"]
            for n in range(rows)
        ],
    )
    database = open_database(f"sqlite:///{tmp_path / f'big{rows}.db'}")
    tracemalloc.start()
    report = import_sirene(database, path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    database.dispose()
    assert report.imported == rows and report.bad_count == 0
    return peak


def test_large_import_runs_in_bounded_memory(tmp_path: Path) -> None:
    # One full batch and a row, then five times as many rows: each peaks at one full
    # batch if the file is streamed (tracemalloc makes every traced row cost ~1.5 ms).
    small = _import_peak(tmp_path, BATCH + 1)
    large = _import_peak(tmp_path, 5 * BATCH)
    # Streamed in batches: five times the rows, about the same peak (one batch's worth).
    assert large < small * 1.5, (small, large)
    assert large < 40 * 1024 * 1024


def test_a_hundred_thousand_imported_companies_are_linked(tmp_path: Path, enricher) -> None:  # type: ignore[no-untyped-def]
    from myrtille.enrichment.enricher import DocumentInput
    from myrtille.store.database import open_database
    from tests.enrichment.test_enricher import REGISTRY

    rows = [
        [
            luhn_siren(n),
            "O",
            "",
            "",
            f"ENTREPRISE NUMERO {n} SAS",
            "",
            "62.01Z",
            "C" if n % 10 == 0 else "A",
        ]
        for n in range(100_000)
    ]
    rows[54_321][4] = "ZÉPHYRINE ROBOTIQUE"
    path = write_sirene(tmp_path / "stock.csv", rows)
    del rows
    database = open_database(f"sqlite:///{tmp_path / 'stock.db'}")
    report = import_sirene(database, path)
    assert report.imported == 100_000 and report.ceased == 10_000
    records = load_registry(database)
    assert len(records) == 100_000
    # The session's loaded models: the ruler is compiled with this registry when it runs.
    grown = Enricher(enricher.settings, [*REGISTRY, *records], models=enricher.models)
    try:
        [result] = grown.enrich(
            [
                DocumentInput(
                    "n1",
                    "Robotique lyonnaise",
                    "La société Zéphyrine Robotique ouvre un atelier à Lyon et recrute "
                    "12 personnes. Son client Entreprise Numero 77 SAS l'accompagne.",
                    "fr",
                )
            ]
        )
        linked = {c["siren"] for c in result.companies if c["siren"]}
        assert linked == {luhn_siren(54_321), luhn_siren(77)}
    finally:
        database.dispose()
