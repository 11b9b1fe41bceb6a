"""The company registry: the config watchlist and Sirene units, kept in the state database.

A Sirene "StockUniteLegale" file is several GB: it is streamed, written in batches, and
bad rows are reported with their line numbers while the rest is imported.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Insert, case, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from myrtille.config.opml import slug
from myrtille.config.settings import WatchedCompany
from myrtille.exceptions import ConfigError
from myrtille.pipeline.document import storable
from myrtille.store.companies import Company
from myrtille.store.company_words import matching_ids, refresh_words
from myrtille.store.database import Database
from myrtille.store.schema import utcnow
from myrtille.texts import N_

SIRENE_REQUIRED = (
    "siren",
    "denominationUniteLegale",
    "activitePrincipaleUniteLegale",
    "etatAdministratifUniteLegale",
)
SIRENE_USUAL = (
    "denominationUsuelle1UniteLegale",
    "denominationUsuelle2UniteLegale",
    "denominationUsuelle3UniteLegale",
)
BATCH = 2000
# categorieEntreprise: small and medium, intermediate-sized, large (INSEE's three).
CATEGORIES = ("PME", "ETI", "GE")
MAX_REPORTED_ROWS = 50
# INSEE's denominationUniteLegale holds 120 characters: a longer one is a broken row.
MAX_NAME = 300
_NAF = re.compile(r"^\d{2}\.\d{2}[A-Z]$")
_SIREN = re.compile(r"\d{9}")
# Every column the import reads (the others are neither cleaned nor kept).
_READ = (
    *SIRENE_REQUIRED,
    *SIRENE_USUAL,
    "nomUniteLegale",
    "prenomUsuelUniteLegale",
    "sigleUniteLegale",
    "categorieEntreprise",
)

# A big CSV field (e.g. a corrupted quote swallowing lines) must not exhaust memory.
csv.field_size_limit(1_000_000)


@dataclass
class ImportReport:
    imported: int = 0
    ceased: int = 0
    skipped_individuals: int = 0
    persons: int = 0
    bad_rows: list[tuple[int, str]] = field(default_factory=list)
    # The same problems as catalogue texts and their parameters, for the reader's language.
    bad_reasons: list[tuple[int, str, dict[str, object]]] = field(default_factory=list)
    bad_count: int = 0

    def bad(self, line: int, reason: str, **params: object) -> None:
        """``reason`` is a catalogue text marked with ``N_``, ``params`` its fields."""
        self.bad_count += 1
        if len(self.bad_rows) < MAX_REPORTED_ROWS:
            self.bad_rows.append((line, reason.format(**params)))
            self.bad_reasons.append((line, reason, params))


@dataclass(frozen=True)
class CompanyRecord:
    """A registry entry as the linker uses it (no ORM session attached)."""

    id: str
    name: str
    siren: str | None
    aliases: tuple[str, ...]
    acronym: str | None
    naf: str | None
    department: str | None
    region: str | None
    ceased: bool
    # A sole trader: found by SIREN (legal notices), never by name in press text.
    person: bool = False


def valid_siren(value: str) -> bool:
    """Nine digits whose Luhn checksum holds, as INSEE allocates them (a typo in one
    digit, or two swapped, fails it)."""
    if not re.fullmatch(r"\d{9}", value):
        return False
    total = 0
    for position, char in enumerate(reversed(value)):
        digit = int(char) * (2 if position % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    return total % 10 == 0


def find_companies(database: Database, text: str, limit: int = 20) -> list[CompanyRecord]:
    """Companies of the registry by SIREN (spaces allowed) or by the start of words of
    their names ("aero vol" finds "Aérovolt"), active ones first, for people picking a
    company to watch. Served by the ``company_word`` index, not a scan of every name."""
    digits = re.sub(r"\s", "", text)
    wanted = text.strip()[:100]
    if not wanted:
        return []
    if re.fullmatch(r"\d{9}", digits):
        condition = Company.siren == digits
    else:
        ids = matching_ids(wanted)
        if ids is None:
            return []
        condition = Company.id.in_(ids)
    with database.session() as session:
        rows = session.scalars(
            select(Company).where(condition).order_by(Company.ceased, Company.name).limit(limit)
        )
        return [_record(row) for row in rows]


def companies_by_siren(database: Database, sirens: Iterable[str]) -> dict[str, CompanyRecord]:
    wanted = list(dict.fromkeys(sirens))
    if not wanted:
        return {}
    with database.session() as session:
        rows = session.scalars(select(Company).where(Company.siren.in_(wanted)))
        return {row.siren: _record(row) for row in rows if row.siren}


def _record(row: Company) -> CompanyRecord:
    return CompanyRecord(
        row.id,
        row.name,
        row.siren,
        tuple(row.aliases or ()),
        row.acronym,
        row.naf,
        row.department,
        row.region,
        bool(row.ceased),
    )


def watchlist_id(company: WatchedCompany) -> str:
    return company.siren or f"w-{slug(company.name, 'company')}"


def sync_watchlist(database: Database, companies: Iterable[WatchedCompany]) -> int:
    """Upsert the config's watchlist; its aliases and places win over Sirene's."""
    count = 0
    with database.session() as session:
        for company in companies:
            row = session.get(Company, watchlist_id(company))
            if row is None and company.siren:
                row = session.scalar(select(Company).where(Company.siren == company.siren))
            if row is None:
                row = Company(id=watchlist_id(company))
                session.add(row)
            row.siren = company.siren
            row.name = company.name
            row.aliases = list(dict.fromkeys(company.aliases))
            row.acronym = company.acronym
            row.naf = company.naf or row.naf
            row.website = company.website
            row.city, row.department, row.region = company.city, company.department, company.region
            row.ceased = bool(row.ceased)
            row.origin = "watchlist"
            row.updated_at = utcnow()
            count += 1
    return count


def load_registry(database: Database) -> list[CompanyRecord]:
    with database.session() as session:
        rows = session.execute(
            select(
                Company.id,
                Company.name,
                Company.siren,
                Company.aliases,
                Company.acronym,
                Company.naf,
                Company.department,
                Company.region,
                Company.ceased,
                Company.person,
            ).execution_options(yield_per=5000)
        )
        return [
            CompanyRecord(
                r.id,
                r.name,
                r.siren,
                tuple(r.aliases or ()),
                r.acronym,
                r.naf,
                r.department,
                r.region,
                bool(r.ceased),
                bool(r.person),
            )
            for r in rows
        ]


def _open_csv(path: Path) -> tuple[io.TextIOWrapper, csv.DictReader[str]]:
    try:
        handle = path.open("r", encoding="utf-8-sig", newline="", errors="replace")
    except OSError as exc:
        raise ConfigError(f"cannot read the Sirene file: {exc}", path=str(path)) from None
    sample = handle.read(4096)
    handle.seek(0)
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(handle, dialect=dialect)
    header = reader.fieldnames or []
    missing = [c for c in SIRENE_REQUIRED if c not in header]
    if missing:
        handle.close()
        raise ConfigError(
            f"not a Sirene StockUniteLegale file: missing column(s) {', '.join(missing)}",
            path=str(path),
            hint="export the 'unités légales' file with its header line",
        )
    return handle, reader


def _rows(
    reader: csv.DictReader[str], report: ImportReport, include_persons: bool = False
) -> Iterator[dict[str, object]]:
    # A column the header lacks reads as empty below, as a short row's missing fields do.
    columns = [c for c in _READ if c in (reader.fieldnames or ())]
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # A field past the size limit (an unclosed quote swallowing the file): the
            # reader cannot find the next row, so what follows is reported, not guessed.
            report.bad(reader.line_num, N_("unreadable from here on ({error})"), error=exc)
            return
        line = reader.line_num
        if None in row:
            report.bad(line, N_("more fields than the header"))
            continue
        # NUL (which PostgreSQL refuses) never belongs in a name or a code. Only the
        # columns read below are cleaned: the real file has ~35, most of them unused.
        row = {key: storable(row[key] or "") for key in columns}
        if len(row.get("denominationUniteLegale") or "") > MAX_NAME:
            report.bad(
                line,
                N_("denominationUniteLegale longer than {max} characters"),
                max=MAX_NAME,
            )
            continue
        siren = (row.get("siren") or "").strip()
        if not _SIREN.fullmatch(siren):
            report.bad(line, N_("siren '{value}' is not 9 digits"), value=siren[:20])
            continue
        name = (row.get("denominationUniteLegale") or "").strip()
        person = False
        if not name:
            surname = (row.get("nomUniteLegale") or "").strip()
            if surname and include_persons:
                # Kept so that legal notices carrying the SIREN link to the person; the
                # linker never looks for a person's name in press text (person=True).
                first = (row.get("prenomUsuelUniteLegale") or "").strip()
                name, person = f"{first} {surname}".strip(), True
                report.persons += 1
            elif surname:
                # A sole trader's name is a person's name: not a company to find in news.
                report.skipped_individuals += 1
                continue
            else:
                report.bad(line, N_("no denominationUniteLegale"))
                continue
        naf = (row.get("activitePrincipaleUniteLegale") or "").strip() or None
        if naf and not _NAF.match(naf):
            report.bad(
                line,
                N_("activitePrincipaleUniteLegale '{value}' is not a NAF code"),
                value=naf[:12],
            )
            naf = None
        state = (row.get("etatAdministratifUniteLegale") or "A").strip()
        usual = [(row.get(c) or "").strip() for c in SIRENE_USUAL]
        ceased = state == "C"
        category = (row.get("categorieEntreprise") or "").strip().upper()
        report.ceased += ceased
        yield {
            "id": siren,
            "siren": siren,
            "name": name,
            "aliases": [u for u in usual if u and u != name],
            "acronym": (row.get("sigleUniteLegale") or "").strip() or None,
            "naf": naf,
            "category": category if category in CATEGORIES else None,
            "ceased": ceased,
            "person": person,
            "origin": "sirene",
            "updated_at": utcnow(),
        }


def import_sirene(database: Database, path: Path, include_persons: bool = False) -> ImportReport:
    """Stream a StockUniteLegale CSV into the registry, batch by batch (bounded memory);
    ``include_persons`` keeps sole traders (natural persons), linked by SIREN only."""
    report = ImportReport()
    handle, reader = _open_csv(path)
    statement = _upsert(database.dialect)
    try:
        batch: list[dict[str, object]] = []
        for row in _rows(reader, report, include_persons):
            batch.append(row)
            if len(batch) >= BATCH:
                _write(database, statement, batch)
                report.imported += len(batch)
                batch = []
        if batch:
            _write(database, statement, batch)
            report.imported += len(batch)
    finally:
        handle.close()
    return report


def _upsert(dialect: str) -> Insert:
    """One INSERT .. ON CONFLICT (siren) DO UPDATE for the whole import, run with each
    batch's rows as executemany parameters: the statement is compiled once (a multi-row
    VALUES of 2,000 rows cost SQLAlchemy ~200 µs a row to build and compile)."""
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    table = Company.__table__
    statement = insert(table)
    # A watchlist entry keeps its own name, aliases and places; Sirene refreshes the facts
    # (and its denomination stays findable: it is added as an alias by the watchlist sync).
    return statement.on_conflict_do_update(
        index_elements=[table.c.siren],
        set_={
            # The watchlist's own spelling of a name wins over Sirene's capitals.
            "name": case(
                (table.c.origin == "watchlist", table.c.name), else_=statement.excluded.name
            ),
            "acronym": statement.excluded.acronym,
            "naf": statement.excluded.naf,
            "category": statement.excluded.category,
            "ceased": statement.excluded.ceased,
            "person": statement.excluded.person,
            "updated_at": statement.excluded.updated_at,
        },
    )


def _write(database: Database, statement: Insert, batch: list[dict[str, object]]) -> None:
    unique = {row["siren"]: row for row in batch}  # a file may repeat a SIREN
    with database.session() as session:
        # Core on the session's connection: no ORM bulk path, the driver's executemany.
        connection = session.connection()
        connection.execute(statement, list(unique.values()))
        # Core statements skip the ORM's listeners: the words follow the stored names.
        stored = connection.scalars(select(Company.id).where(Company.siren.in_(list(unique))))
        refresh_words(connection, list(stored))
