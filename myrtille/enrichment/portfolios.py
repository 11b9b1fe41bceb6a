"""Portfolios: an agent's named lists of SIRENs (clients, suppliers), usable as
``portfolio:NAME`` in any query.

A portfolio is imported from a CSV file of SIRENs with an optional label column. The file
is streamed and every line checked first (nine digits, Luhn); bad lines and SIRENs that
the registry does not know are reported by line number, duplicates counted once. Only then
is the portfolio written, in one transaction: a fatal error (no SIREN column, no rows, too
many rows, an unreadable file) leaves the previous contents untouched. Listing, reading
back and deleting stored portfolios is ``stored_portfolios``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import delete, insert, select

from myrtille.enrichment.registry import valid_siren
from myrtille.exceptions import ConfigError
from myrtille.store.companies import Company, Portfolio, PortfolioCompany
from myrtille.store.database import Database
from myrtille.store.schema import utcnow

MAX_ROWS = 100_000
MAX_LABEL_CHARS = 200
MAX_REPORTED_LINES = 200
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
SIREN_COLUMNS = ("siren",)
LABEL_COLUMNS = ("label", "libelle", "libellé", "nom", "name")
_WRITE_BATCH = 5000
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class PortfolioError(ConfigError):
    """A portfolio file or name that cannot be used at all; ``kind`` and ``params`` let a
    page say it in its own language (web/ui/portfolios.py), the message says it in
    English for the CLI."""

    def __init__(
        self,
        kind: str,
        message: str,
        params: dict[str, object],
        *,
        path: str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message, path=path, line=line, hint=hint)
        self.kind = kind
        self.params = params


@dataclass(frozen=True)
class LineProblem:
    """A skipped line: ``kind`` is no_siren, not_nine_digits or checksum."""

    line: int
    kind: str
    value: str


@dataclass
class PortfolioFile:
    """What a CSV file holds, once checked: the SIRENs (first label wins) and the problems."""

    entries: dict[str, str | None] = field(default_factory=dict)
    rows: int = 0
    duplicates: int = 0
    bad_count: int = 0
    bad_lines: list[tuple[int, str]] = field(default_factory=list)
    bad_problems: list[LineProblem] = field(default_factory=list)
    unknown_count: int = 0
    unknown_lines: list[tuple[int, str]] = field(default_factory=list)
    encoding: str = "utf-8"
    delimiter: str = ","
    _line_of: dict[str, int] = field(default_factory=dict, repr=False)

    def bad(self, line: int, reason: str, kind: str, value: str = "") -> None:
        self.bad_count += 1
        if len(self.bad_lines) < MAX_REPORTED_LINES:
            self.bad_lines.append((line, reason))
            self.bad_problems.append(LineProblem(line, kind, value))


def check_name(name: str) -> str:
    """The portfolio name as stored (lower case); an error says what a name may hold."""
    folded = name.strip().lower()
    if not NAME_PATTERN.fullmatch(folded):
        raise PortfolioError(
            "bad_name",
            f"'{name[:80]}' is not a portfolio name",
            {"name": name[:80]},
            hint="use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or "
            "digit (it is written portfolio:NAME in queries)",
        )
    return folded


def read_portfolio(stream: BinaryIO, where: str = "the portfolio file") -> PortfolioFile:
    """Check every line of a portfolio CSV (UTF-8 with or without BOM, else Latin-1; ','
    or ';' delimited). Raises ConfigError on what makes the whole file unusable."""
    try:
        return _read(stream, "utf-8-sig", where)
    except UnicodeDecodeError:
        # Spreadsheets on Windows still save Latin-1: read it again that way.
        stream.seek(0)
        found = _read(stream, "latin-1", where)
        found.encoding = "latin-1"
        return found


def _read(stream: BinaryIO, encoding: str, where: str) -> PortfolioFile:
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    try:
        sample = text.read(8192)
        text.seek(0)
        if not sample.strip():
            raise PortfolioError(
                "empty",
                "the file is empty",
                {},
                path=where,
                hint="one SIREN per line, e.g. 552100554",
            )
        delimiter = _delimiter(sample)
        reader = csv.reader(text, delimiter=delimiter)
        found = PortfolioFile(delimiter=delimiter)
        siren_at, label_at, first = _columns(reader, where, delimiter)
        lines = _lines(reader, first)
        for line, row in lines:
            if not any(cell.strip() for cell in row):
                continue
            found.rows += 1
            if found.rows > MAX_ROWS:
                raise PortfolioError(
                    "too_many_rows",
                    f"more than {MAX_ROWS:,} rows (line {line})",
                    {"limit": MAX_ROWS, "line": line},
                    path=where,
                    hint="split the file into several portfolios",
                )
            _check_row(found, line, row, siren_at, label_at)
        if not found.rows:
            raise PortfolioError(
                "no_rows",
                "the file has a header but no rows",
                {},
                path=where,
                hint="add one SIREN per line under the header",
            )
        if not found.entries:
            raise PortfolioError(
                "no_valid_siren",
                f"no line of the file holds a valid SIREN ({found.bad_count} bad lines)",
                {"bad": found.bad_count},
                path=where,
                hint="a SIREN is 9 digits whose Luhn checksum holds, e.g. 552100554",
            )
        return found
    except csv.Error as exc:  # a field past the size limit: an unclosed quote, most often
        line = reader.line_num
        raise PortfolioError(
            "unreadable", f"the file cannot be read past line {line} ({exc})", {"line": line},
            path=where, line=line, hint="look for a quote (\") that is never closed",
        ) from None  # fmt: skip
    finally:
        text.detach()


def _delimiter(sample: str) -> str:
    first = sample.splitlines()[0] if sample.splitlines() else sample
    # The header (or the first row) says which one: the one it holds more of.
    return ";" if first.count(";") > first.count(",") else ","


def _columns(
    reader: Iterator[list[str]], where: str, delimiter: str
) -> tuple[int, int | None, tuple[int, list[str]] | None]:
    """Where the SIREN and the label are, and the first row when there is no header."""
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        # A UTF-8 BOM read back as Latin-1 (a BOM-marked file with Latin-1 bytes further on).
        row = [row[0].removeprefix("\u00ef\u00bb\u00bf"), *row[1:]]
        cells = [cell.strip().lower() for cell in row]
        if re.fullmatch(r"\d{3}\s?\d{3}\s?\d{3}", cells[0]):
            # No header: SIREN first, label second.
            return 0, 1 if len(cells) > 1 else None, (reader.line_num, row)  # type: ignore[attr-defined]
        siren_at = next((i for i, c in enumerate(cells) if c in SIREN_COLUMNS), None)
        if siren_at is None:
            shown = ", ".join(repr(c[:40]) for c in row[:5])
            seen = f"this file looks '{delimiter}'-delimited"
            if len(row) == 1:  # tabs, '|'…: nothing to say which one the file meant
                seen = "its first line holds neither ',' nor ';'"
            raise PortfolioError(
                "no_siren_column",
                f"no 'siren' column in the header ({shown})",
                {"header": shown, "delimiter": delimiter},
                path=where,
                line=reader.line_num,  # type: ignore[attr-defined]
                hint="the first line must name the columns, e.g. siren,label; the delimiter "
                f"must be ',' or ';' ({seen})",
            )
        label_at = next((i for i, c in enumerate(cells) if c in LABEL_COLUMNS), None)
        return siren_at, label_at, None
    raise PortfolioError("empty", "the file is empty", {}, path=where, hint="one SIREN per line")


def _lines(
    reader: Iterator[list[str]], first: tuple[int, list[str]] | None
) -> Iterator[tuple[int, list[str]]]:
    if first is not None:
        yield first
    for row in reader:
        yield reader.line_num, row  # type: ignore[attr-defined]


def _check_row(
    found: PortfolioFile, line: int, row: list[str], siren_at: int, label_at: int | None
) -> None:
    raw = row[siren_at].strip() if siren_at < len(row) else ""
    siren = re.sub(r"\s", "", raw)
    if not re.fullmatch(r"\d{9}", siren):
        shown = _CONTROL.sub("", raw)[:20]
        if raw:
            found.bad(line, f"'{shown}' is not a SIREN (9 digits)", "not_nine_digits", shown)
        else:
            found.bad(line, "no SIREN", "no_siren")
        return
    if not valid_siren(siren):
        found.bad(
            line,
            f"'{siren}' is not a valid SIREN (its Luhn checksum fails: a typo?)",
            "checksum",
            siren,
        )
        return
    if siren in found.entries:
        found.duplicates += 1
        return
    label = row[label_at].strip() if label_at is not None and label_at < len(row) else ""
    label = _CONTROL.sub(" ", label)[:MAX_LABEL_CHARS].strip()
    found.entries[siren] = label or None
    found._line_of[siren] = line


def mark_unknown(database: Database, found: PortfolioFile) -> None:
    """Report the SIRENs the registry does not know (they are kept: they match once the
    registry knows them, e.g. after a Sirene import)."""
    sirens = list(found.entries)
    known: set[str] = set()
    with database.session() as session:
        for start in range(0, len(sirens), 500):
            chunk = sirens[start : start + 500]
            known.update(session.scalars(select(Company.siren).where(Company.siren.in_(chunk))))
    for siren in sirens:
        if siren not in known:
            found.unknown_count += 1
            if len(found.unknown_lines) < MAX_REPORTED_LINES:
                found.unknown_lines.append((found._line_of[siren], siren))


def import_portfolio(
    database: Database,
    name: str,
    stream: BinaryIO,
    agent_id: int | None = None,
    where: str = "the portfolio file",
) -> PortfolioFile:
    """Check the file, then replace the portfolio's companies in one transaction."""
    stored_name = check_name(name)
    found = read_portfolio(stream, where)
    mark_unknown(database, found)
    with database.session() as session:
        portfolio = session.scalar(select(Portfolio).where(Portfolio.name == stored_name))
        if portfolio is None:
            portfolio = Portfolio(name=stored_name, agent_id=agent_id)
            session.add(portfolio)
            session.flush()
        elif agent_id is not None and portfolio.agent_id not in (None, agent_id):
            raise PortfolioError(
                "not_yours",
                f"the portfolio '{stored_name}' belongs to another agent",
                {"name": stored_name},
                hint="choose another name",
            )
        session.execute(
            delete(PortfolioCompany).where(PortfolioCompany.portfolio_id == portfolio.id)
        )
        rows = [
            {"portfolio_id": portfolio.id, "siren": siren, "label": label}
            for siren, label in found.entries.items()
        ]
        for start in range(0, len(rows), _WRITE_BATCH):
            session.execute(insert(PortfolioCompany), rows[start : start + _WRITE_BATCH])
        portfolio.size = len(rows)
        portfolio.updated_at = utcnow()
    return found


def import_portfolio_file(
    database: Database, name: str, path: Path, agent_id: int | None = None
) -> PortfolioFile:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ConfigError(f"cannot read the portfolio file: {exc}", path=str(path)) from None
    with handle:
        return import_portfolio(database, name, handle, agent_id, where=str(path))
