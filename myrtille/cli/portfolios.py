"""Portfolio commands: import, list, show, export, delete."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import click
from rich.table import Table

from myrtille.cli.command import (
    AppContext,
    err,
    main,
    out,
    print_file_problems,
    reports_config_errors,
)
from myrtille.cli.language import number, say, say_n
from myrtille.texts import N_, format_datetime, locale_language


@main.group()
def portfolios() -> None:
    """Agents' named lists of SIRENs, usable as portfolio:NAME in any query."""


def _agent_id(app: AppContext, name: str | None) -> int | None:
    if name is None:
        return None
    from sqlalchemy import select

    from myrtille.store.schema import Agent

    with app.database.session() as session:
        agent_id = session.scalar(select(Agent.id).where(Agent.name == name))
    if agent_id is None:
        err.print(
            say(
                "No agent named '{name}': see {command} for the agents' names.",
                name=name,
                command="myrtille users list",
            ),
            markup=False,
        )
        sys.exit(2)
    return agent_id


def _require(app: AppContext, name: str) -> None:
    from myrtille.config.suggestions import closest
    from myrtille.enrichment.stored_portfolios import find_portfolio, portfolio_names

    if find_portfolio(app.database, name) is None:
        guess = closest(name.lower(), portfolio_names(app.database))
        command = "myrtille portfolios list"
        if guess:
            said = say(
                "No portfolio named '{name}': did you mean '{guess}'? See {command}.",
                name=name,
                guess=guess,
                command=command,
            )
        else:
            said = say("No portfolio named '{name}': see {command}.", name=name, command=command)
        err.print(said, markup=False)
        sys.exit(2)


@portfolios.command(name="import")
@click.argument("name")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--agent", metavar="NAME", help="The agent who owns it (default: shared).")
@click.pass_obj
@reports_config_errors
def portfolios_import(app: AppContext, name: str, csv_file: Path, agent: str | None) -> None:
    """Import (or replace) portfolio NAME from a CSV of SIRENs with an optional label."""
    from myrtille.enrichment.portfolios import PortfolioError, import_portfolio_file
    from myrtille.web.ui.portfolios import FILE_PROBLEMS, LINE_PROBLEMS

    try:
        found = import_portfolio_file(app.database, name, csv_file, _agent_id(app, agent))
    except PortfolioError as exc:
        if exc.kind not in FILE_PROBLEMS:
            raise
        params = {k: number(v) if k in ("limit", "bad") else v for k, v in exc.params.items()}
        err.print(f"{csv_file}: " + say(FILE_PROBLEMS[exc.kind], **params), markup=False)
        sys.exit(2)
    imported = say_n("{n} company imported", "{n} companies imported", len(found.entries))
    summary = say(
        "Portfolio '{name}': {imported} from {rows}; {bad}; {duplicates}; {unknown}.",
        name=name.strip().lower(),
        imported=imported,
        rows=say_n("{n} row", "{n} rows", found.rows),
        bad=say_n("{n} bad line skipped", "{n} bad lines skipped", found.bad_count),
        duplicates=say_n(
            "{n} duplicate counted once", "{n} duplicates counted once", found.duplicates
        ),
        unknown=say_n(
            "{n} SIREN not in the registry (kept)",
            "{n} SIRENs not in the registry (kept)",
            found.unknown_count,
        ),
    )
    out.print(summary, markup=False)
    bad = [(p.line, say(LINE_PROBLEMS[p.kind], value=p.value)) for p in found.bad_problems]
    more_bad = (N_("… and {n} more bad line"), N_("… and {n} more bad lines"))
    print_file_problems(csv_file, bad, found.bad_count, more_bad)
    unknown = [
        (line, say("SIREN {siren} is not in the registry", siren=siren))
        for line, siren in found.unknown_lines
    ]
    more_unknown = (N_("… and {n} more unknown SIREN"), N_("… and {n} more unknown SIRENs"))
    print_file_problems(csv_file, unknown, found.unknown_count, more_unknown)


@portfolios.command(name="list")
@click.pass_obj
@reports_config_errors
def portfolios_list(app: AppContext) -> None:
    """Every portfolio, its size and when it was last imported."""
    from myrtille.enrichment.stored_portfolios import list_portfolios

    found = list_portfolios(app.database)
    if not found:
        hint = say(
            "No portfolios yet: {command}", command="myrtille portfolios import NAME FILE.csv"
        )
        out.print(hint, markup=False)
        return
    table = Table(title=say("Portfolios ({n})", n=len(found)), title_justify="left")
    for column in (say("name"), say("companies"), say("updated (UTC)")):
        table.add_column(column)
    lang = locale_language()
    for portfolio in found:
        updated = format_datetime(portfolio.updated_at, lang)
        table.add_row(portfolio.name, number(portfolio.size), updated)
    out.print(table)


@portfolios.command(name="show")
@click.argument("name")
@click.option("--limit", type=int, default=50, show_default=True)
@click.pass_obj
@reports_config_errors
def portfolios_show(app: AppContext, name: str, limit: int) -> None:
    """The companies of portfolio NAME: SIREN, label and registry name."""
    from myrtille.enrichment.stored_portfolios import find_portfolio, portfolio_rows

    _require(app, name)
    summary = find_portfolio(app.database, name)
    assert summary is not None
    title = say_n(
        "Portfolio {name} ({n} company)",
        "Portfolio {name} ({n} companies)",
        summary.size,
        name=summary.name,
    )
    table = Table(title=title, title_justify="left")
    for column in ("SIREN", say("label"), say("registry name")):
        table.add_column(column)
    unknown = say("(not in the registry)")
    for siren, label, registered in portfolio_rows(app.database, name, limit):
        table.add_row(siren, label or "", registered or unknown)
    out.print(table)


@portfolios.command(name="export")
@click.argument("name")
@click.pass_obj
@reports_config_errors
def portfolios_export(app: AppContext, name: str) -> None:
    """Write portfolio NAME as CSV (siren,label) to standard output."""
    from myrtille.enrichment.stored_portfolios import portfolio_rows

    _require(app, name)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["siren", "label"])
    for siren, label, _ in portfolio_rows(app.database, name):
        writer.writerow([siren, label or ""])


@portfolios.command(name="delete")
@click.argument("name")
@click.pass_obj
@reports_config_errors
def portfolios_delete(app: AppContext, name: str) -> None:
    """Delete portfolio NAME (subscriptions naming it stop matching until it is back)."""
    from myrtille.enrichment.stored_portfolios import delete_portfolio

    _require(app, name)
    delete_portfolio(app.database, name)
    out.print(say("Portfolio '{name}' deleted.", name=name.strip().lower()), markup=False)
