"""Sirene import: rows/s of ``import_sirene`` (a fresh registry, then a re-import of the
same file, every row an update) against the floor a user would otherwise reach for: the
same CSV read with ``csv`` and written by a bare ``sqlite3`` executemany into a table of
the same columns (no validation, no upsert, no search words). Rounds alternate the order.

    .venv/bin/python bench/sirene_import.py [--rows 20000] [--repeats 3]
        [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/postgres] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/x.py` puts bench/, not the repo, on the path
    sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, make_url, text  # noqa: E402

from myrtille.enrichment.registry import import_sirene  # noqa: E402
from myrtille.store.database import open_database  # noqa: E402
from tests.enrichment.test_registry import luhn_siren, write_sirene  # noqa: E402

BARE_TABLE = """CREATE TABLE company (id TEXT PRIMARY KEY, siren TEXT UNIQUE, name TEXT,
aliases TEXT, acronym TEXT, naf TEXT, category TEXT, ceased INTEGER, person INTEGER,
origin TEXT, updated_at TEXT)"""


def sirene_file(path: Path, rows: int) -> Path:
    """The test's layout; one name in ten accented, one unit in ten ceased."""
    return write_sirene(
        path,
        [
            [
                luhn_siren(n),
                "O",
                "ENR" if n % 7 == 0 else "",
                "",
                f"{'ÉNERGIE' if n % 10 == 3 else 'ENTREPRISE'} NUMERO {n} SAS",
                "",
                "62.01Z",
                "C" if n % 10 == 0 else "A",
            ]
            for n in range(rows)
        ],
    )


def ours(url: str, path: Path, rows: int) -> tuple[float, float]:
    """Seconds of a first import and of a re-import (the schema is made beforehand)."""
    database = open_database(url)
    try:
        times = []
        for _ in range(2):
            start = time.perf_counter()
            report = import_sirene(database, path)
            times.append(time.perf_counter() - start)
            if report.imported != rows or report.bad_count:
                sys.exit(f"imported {report.imported} of {rows}, {report.bad_count} bad")
        return times[0], times[1]
    finally:
        database.dispose()


def bare_sqlite(db: Path, path: Path, rows: int) -> float:
    start = time.perf_counter()
    connection = sqlite3.connect(db)
    connection.execute(BARE_TABLE)
    with path.open(encoding="utf-8", newline="") as handle:
        values = (
            (
                r["siren"],
                r["siren"],
                r["denominationUniteLegale"],
                "[]",
                r["sigleUniteLegale"] or None,
                r["activitePrincipaleUniteLegale"],
                None,
                r["etatAdministratifUniteLegale"] == "C",
                False,
                "sirene",
                "2026-01-01 00:00:00",
            )
            for r in csv.DictReader(handle)
        )
        connection.executemany(f"INSERT INTO company VALUES ({', '.join('?' * 11)})", values)
    connection.commit()
    seconds = time.perf_counter() - start
    (count,) = connection.execute("SELECT count(*) FROM company").fetchone()
    connection.close()
    if count != rows:
        sys.exit(f"bare sqlite3 wrote {count} of {rows} rows")
    return seconds


def postgres_round(server: str, path: Path, rows: int) -> tuple[float, float]:
    """``ours`` in a fresh database on that server, dropped afterwards."""
    name = f"myrtille_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        url = make_url(server).set(database=name).render_as_string(hide_password=False)
        return ours(url, path, rows)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--postgres", help="a PostgreSQL server URL: also time ours there")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results: dict[str, list[float]] = {k: [] for k in ("ours", "reimport", "bare", "pg", "pg_re")}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        path = sirene_file(work / "StockUniteLegale.csv", args.rows)
        for round_ in range(args.repeats):
            order = ["ours", "bare"] if round_ % 2 == 0 else ["bare", "ours"]
            for which in order:
                db = work / f"{which}{round_}.db"
                if which == "bare":
                    results["bare"].append(bare_sqlite(db, path, args.rows))
                else:
                    first, again = ours(f"sqlite:///{db}", path, args.rows)
                    results["ours"].append(first)
                    results["reimport"].append(again)
            if args.postgres:
                first, again = postgres_round(args.postgres, path, args.rows)
                results["pg"].append(first)
                results["pg_re"].append(again)
            print(f"round {round_ + 1}/{args.repeats} done", file=sys.stderr)
    rate = {k: args.rows / statistics.median(v) for k, v in results.items() if v}
    out: dict[str, float] = {
        "rows": args.rows,
        "ours_rows_s": round(rate["ours"]),
        "ours_reimport_rows_s": round(rate["reimport"]),
        "bare_sqlite3_rows_s": round(rate["bare"]),
        "ratio_vs_bare_sqlite3": round(rate["ours"] / rate["bare"], 3),
    }
    if args.postgres:
        out["ours_postgres_rows_s"] = round(rate["pg"])
        out["ours_postgres_reimport_rows_s"] = round(rate["pg_re"])
    if args.json:
        print(json.dumps(out))
    else:
        for key, value in out.items():
            print(f"{key}: {value}")


if __name__ == "__main__":
    main()
