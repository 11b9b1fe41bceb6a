"""Portfolio commands: import, list, show, export, delete."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import click
from rich.table import Table

from myrtille.cli.command import (
    AppContext,
    main,
    out,
    print_file_problems,
    reports_config_errors,
)
from myrtille.cli.language import say, say_n
from myrtille.exceptions import ConfigError
from myrtille.texts import format_datetime, locale_language


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
        raise ConfigError(
            f"no agent named '{name}'", hint="see `myrtille users list` for the agents' names"
        )
    return agent_id


def _require(app: AppContext, name: str) -> None:
    from myrtille.config.suggestions import closest
    from myrtille.enrichment.portfolios import find_portfolio, portfolio_names

    if find_portfolio(app.database, name) is None:
        names = portfolio_names(app.database)
        guess = closest(name.lower(), names)
        raise ConfigError(
            f"no portfolio named '{name}'",
            hint=(f"did you mean '{guess}'? " if guess else "") + "see `myrtille portfolios list`",
        )


@portfolios.command(name="import")
@click.argument("name")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--agent", metavar="NAME", help="The agent who owns it (default: shared).")
@click.pass_obj
@reports_config_errors
def portfolios_import(app: AppContext, name: str, csv_file: Path, agent: str | None) -> None:
    """Import (or replace) portfolio NAME from a CSV of SIRENs with an optional label."""
    from myrtille.enrichment.portfolios import import_portfolio_file

    found = import_portfolio_file(app.database, name, csv_file, _agent_id(app, agent))
    out.print(
        f"Portfolio '{name.strip().lower()}': {len(found.entries)} companies imported "
        f"from {found.rows} rows; {found.bad_count} bad lines skipped; "
        f"{found.duplicates} duplicates counted once; "
        f"{found.unknown_count} SIRENs not in the registry (kept).",
        markup=False,
    )
    print_file_problems(csv_file, found.bad_lines, found.bad_count, "more bad lines")
    unknown = [
        (line, f"SIREN {siren} is not in the registry") for line, siren in found.unknown_lines
    ]
    print_file_problems(csv_file, unknown, found.unknown_count, "more unknown SIRENs")


@portfolios.command(name="list")
@click.pass_obj
@reports_config_errors
def portfolios_list(app: AppContext) -> None:
    """Every portfolio, its size and when it was last imported."""
    from myrtille.enrichment.portfolios import list_portfolios

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
        table.add_row(portfolio.name, str(portfolio.size), updated)
    out.print(table)


@portfolios.command(name="show")
@click.argument("name")
@click.option("--limit", type=int, default=50, show_default=True)
@click.pass_obj
@reports_config_errors
def portfolios_show(app: AppContext, name: str, limit: int) -> None:
    """The companies of portfolio NAME: SIREN, label and registry name."""
    from myrtille.enrichment.portfolios import find_portfolio, portfolio_rows

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
    from myrtille.enrichment.portfolios import portfolio_rows

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
    from myrtille.enrichment.portfolios import delete_portfolio

    _require(app, name)
    delete_portfolio(app.database, name)
    out.print(f"Portfolio '{name.strip().lower()}' deleted.", markup=False)
