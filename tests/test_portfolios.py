"""Portfolio CSV imports through `myrtille portfolios`: every bad input of issue 13.3 gets a
clear per-line report, and a fatal error leaves the stored portfolio as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from myrtille.cli import main
from myrtille.enrichment.stored_portfolios import portfolio_rows, portfolio_sirens
from myrtille.store.companies import Company
from myrtille.store.database import open_database
from tests.index.test_export_memory import PROBE


def luhn_siren(prefix: int) -> str:
    """The SIREN whose first eight digits are ``prefix`` (the Luhn check digit added)."""
    body = f"{prefix:08d}"
    for check in range(10):
        candidate = body + str(check)
        total = 0
        for position, char in enumerate(reversed(candidate)):
            digit = int(char) * (2 if position % 2 else 1)
            total += digit - 9 if digit > 9 else digit
        if total % 10 == 0:
            return candidate
    raise AssertionError("unreachable")


PEUGEOT = "552100554"
OTHER = "542065479"


def run(data: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--data-dir", str(data), *args])
    return result.exit_code, result.output


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def stored(data: Path, name: str) -> list[tuple[str, str | None, str | None]]:
    database = open_database(f"sqlite:///{data}/myrtille.db")
    try:
        return portfolio_rows(database, name)
    finally:
        database.dispose()


def test_bad_lines_are_reported_by_number_and_the_good_ones_kept(
    tmp_path: Path, data: Path
) -> None:
    database = open_database(f"sqlite:///{data.mkdir(parents=True) or data}/myrtille.db")
    with database.session() as session:
        session.add(Company(id=PEUGEOT, siren=PEUGEOT, name="Peugeot"))
    database.dispose()
    csv_file = tmp_path / "clients.csv"
    csv_file.write_text(
        "siren,label\n"
        f"{PEUGEOT},<script>alert(1)</script>\n"
        "552100555,typo\n"
        "12345,short\n"
        f"{PEUGEOT},again\n"
        "\n"
        f"{OTHER[:3]} {OTHER[3:6]} {OTHER[6:]},spaced\n",
        encoding="utf-8",
    )
    code, output = run(data, "portfolios", "import", "Clients", str(csv_file))
    assert code == 0, output
    assert "2 companies imported from 5 rows; 2 bad lines skipped; 1 duplicate counted" in output
    assert f"{csv_file}:3: “552100555” is not a valid SIREN (its check digit is wrong" in output
    assert f"{csv_file}:4: “12345” is not a SIREN (9 digits)" in output
    assert f"{csv_file}:7: SIREN {OTHER} is not in the registry" in output
    assert f"SIREN {PEUGEOT} is not in the registry" not in output
    # The label is kept as text; pages escape it (tests/browser/test_portfolios.py).
    assert stored(data, "clients") == [
        (OTHER, "spaced", None),
        (PEUGEOT, "<script>alert(1)</script>", "Peugeot"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"siren,label\n", "The file has a header but no rows"),
        (b"", "The file is empty"),
        (
            b"siren|label\n552100554|x\n",
            "No “siren” column in the file's first line ('siren|label')",
        ),
        (b"siren,label\n123,x\n552100555,y\n", "No line of the file holds a valid SIREN (2 bad"),
        # Tabs: the hint must not claim the file is ','-delimited.
        (b"siren\tlabel\n552100554\tx\n", "separated by “,” or “;”"),
    ],
    ids=["header-only", "empty", "wrong-delimiter", "all-bad", "tab-delimited"],
)
def test_a_fatal_error_leaves_the_portfolio_as_it_was(
    tmp_path: Path, data: Path, content: bytes, message: str
) -> None:
    first = tmp_path / "first.csv"
    first.write_text(f"siren\n{PEUGEOT}\n", encoding="utf-8")
    assert run(data, "portfolios", "import", "clients", str(first))[0] == 0
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    code, output = run(data, "portfolios", "import", "clients", str(bad))
    assert code == 2
    assert message in output
    assert str(bad) in output
    assert [row[0] for row in stored(data, "clients")] == [PEUGEOT]


def test_bom_semicolons_and_latin1_bytes(tmp_path: Path, data: Path) -> None:
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbfSIREN;Libell\xc3\xa9\n" + f"{PEUGEOT};Caf\u00e9".encode())
    assert run(data, "portfolios", "import", "a", str(bom))[0] == 0
    assert stored(data, "a") == [(PEUGEOT, "Café", None)]
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes(b"siren;label\n" + PEUGEOT.encode() + b";Soci\xe9t\xe9 g\xe9n\xe9rale\n")
    assert run(data, "portfolios", "import", "b", str(latin1))[0] == 0
    assert stored(data, "b") == [(PEUGEOT, "Société générale", None)]
    # A BOM-marked file with Latin-1 bytes further on: the header is still found.
    both = tmp_path / "both.csv"
    both.write_bytes(b"\xef\xbb\xbfsiren;label\n" + PEUGEOT.encode() + b";Caf\xe9\n")
    assert run(data, "portfolios", "import", "c", str(both))[0] == 0
    assert stored(data, "c") == [(PEUGEOT, "Café", None)]


def test_no_header_and_bad_names(tmp_path: Path, data: Path) -> None:
    bare = tmp_path / "bare.csv"
    bare.write_text(f"{PEUGEOT},Peugeot\n{OTHER}\n", encoding="utf-8")
    assert run(data, "portfolios", "import", "bare", str(bare))[0] == 0
    assert [r[0] for r in stored(data, "bare")] == [OTHER, PEUGEOT]
    code, output = run(data, "portfolios", "import", "no spaces", str(bare))
    assert code == 2 and "“no spaces” is not a portfolio name" in output


def test_list_show_export_delete(tmp_path: Path, data: Path) -> None:
    csv_file = tmp_path / "p.csv"
    csv_file.write_text(f'siren,label\n{PEUGEOT},"Lion, the"\n', encoding="utf-8")
    run(data, "portfolios", "import", "clients", str(csv_file))
    code, output = run(data, "portfolios", "list")
    assert code == 0 and "clients" in output and "1" in output
    code, output = run(data, "portfolios", "show", "clients")
    assert code == 0 and PEUGEOT in output and "(not in the registry)" in output
    code, output = run(data, "portfolios", "export", "clients")
    assert code == 0 and output == f'siren,label\n{PEUGEOT},"Lion, the"\n'
    code, output = run(data, "portfolios", "show", "clinets")
    assert code == 2 and "did you mean 'clients'?" in output
    code, output = run(data, "portfolios", "delete", "clients")
    assert code == 0
    database = open_database(f"sqlite:///{data}/myrtille.db")
    assert portfolio_sirens(database, "clients") is None
    database.dispose()


def small_file(tmp_path: Path) -> Path:
    small = tmp_path / "small.csv"
    small.write_text(f"siren,label\n{PEUGEOT},Client\n", encoding="utf-8")
    return small


def import_in_child(data: Path, name: str, csv_file: Path) -> tuple[str, float]:
    """`myrtille portfolios import` in a child process: its output and peak RSS in MB."""
    report = data.parent / "peak-kb.txt"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(report), "--data-dir", str(data),
         "portfolios", "import", name, str(csv_file)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr, int(report.read_text(encoding="ascii")) / 1024


def test_a_hundred_thousand_rows_and_one_more(tmp_path: Path, data: Path) -> None:
    big = tmp_path / "big.csv"
    with big.open("w", encoding="utf-8") as handle:
        handle.write("siren,label\n")
        for i in range(100_000):
            handle.write(f"{luhn_siren(10_000_000 + i)},Client {i}\n")
    # The real command in a child that reports its own peak (VmHWM): the test process's
    # ru_maxrss may already be high from earlier tests and would hide any growth.
    output, peak_mb = import_in_child(data, "big", big)
    # Counts as English writes them (the CLI's language here).
    assert "100,000 companies imported from 100,000 rows" in output
    assert "… and 99,800 more unknown SIRENs" in output
    _, idle_mb = import_in_child(data, "small", small_file(tmp_path))
    print(f"100,000-row import: peak RSS {peak_mb:.0f} MB (one row: {idle_mb:.0f} MB)")
    # A generous bound on what the rows add (docs/portfolios.md states the figures
    # measured: about 52 MB); speed is measured, not asserted.
    assert peak_mb - idle_mb < 150
    with big.open("a", encoding="utf-8") as handle:
        handle.write(f"{luhn_siren(20_000_000)},one too many\n")
    code, output = run(data, "portfolios", "import", "big", str(big))
    assert code == 2 and "More than 100,000 rows (line 100002)" in output
    database = open_database(f"sqlite:///{data}/myrtille.db")
    with database.session() as session:
        assert session.scalar(select(Company.id).limit(1)) is None
    assert len(portfolio_sirens(database, "big") or ()) == 100_000
    database.dispose()


def test_portfolio_in_a_query_reads_the_current_list_and_suggests_names(
    tmp_path: Path, data: Path
) -> None:
    from myrtille.index.query import Members, QueryError, parse
    from myrtille.index.resolver import CodeResolver

    csv_file = tmp_path / "p.csv"
    csv_file.write_text(f"siren\n{PEUGEOT}\n", encoding="utf-8")
    run(data, "portfolios", "import", "clients", str(csv_file))
    database = open_database(f"sqlite:///{data}/myrtille.db")
    resolver = CodeResolver(database=database)
    assert parse("portfolio:Clients", resolver) == Members("clients", frozenset({PEUGEOT}))
    csv_file.write_text(f"siren\n{PEUGEOT}\n{OTHER}\n", encoding="utf-8")
    run(data, "portfolios", "import", "clients", str(csv_file))
    # The same resolver, no restart: the portfolio as it is now.
    assert parse("portfolio:clients", resolver) == Members("clients", frozenset({PEUGEOT, OTHER}))
    with pytest.raises(QueryError) as error:
        parse("usine portfolio:clinets", resolver)
    assert error.value.position == len("usine portfolio:")
    assert "no portfolio named 'clinets'; did you mean 'portfolio:clients'?" in str(error.value)
    database.dispose()
    code, output = run(data, "search", "portfolio:clinets")
    assert code == 2 and "did you mean 'portfolio:clients'?" in output
