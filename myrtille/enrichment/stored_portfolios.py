"""Stored portfolios, as the state database holds them once imported (``portfolios``):
listed, looked up by name, read back (their SIRENs, their rows), deleted, and the version
that tells a running process to reload them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select

from myrtille.store.companies import Company, Portfolio, PortfolioCompany
from myrtille.store.database import Database


@dataclass(frozen=True)
class PortfolioSummary:
    id: int
    name: str
    agent_id: int | None
    size: int
    updated_at: datetime


def list_portfolios(database: Database, agent_id: int | None = None) -> list[PortfolioSummary]:
    """Every portfolio (or an agent's own and the shared ones), by name."""
    query = select(Portfolio).order_by(Portfolio.name)
    if agent_id is not None:
        query = query.where((Portfolio.agent_id == agent_id) | Portfolio.agent_id.is_(None))
    with database.session() as session:
        return [
            PortfolioSummary(p.id, p.name, p.agent_id, p.size, p.updated_at)
            for p in session.scalars(query)
        ]


def find_portfolio(database: Database, name: str) -> PortfolioSummary | None:
    with database.session() as session:
        p = session.scalar(select(Portfolio).where(Portfolio.name == name.strip().lower()))
        return PortfolioSummary(p.id, p.name, p.agent_id, p.size, p.updated_at) if p else None


def portfolio_names(database: Database) -> list[str]:
    with database.session() as session:
        return list(session.scalars(select(Portfolio.name).order_by(Portfolio.name)))


def portfolio_sirens(database: Database, name: str) -> frozenset[str] | None:
    """The SIRENs of a portfolio as it stands now; None when there is no such portfolio."""
    with database.session() as session:
        portfolio_id = session.scalar(
            select(Portfolio.id).where(Portfolio.name == name.strip().lower())
        )
        if portfolio_id is None:
            return None
        return frozenset(
            session.scalars(
                select(PortfolioCompany.siren).where(PortfolioCompany.portfolio_id == portfolio_id)
            )
        )


def portfolio_rows(
    database: Database, name: str, limit: int | None = None, offset: int = 0
) -> list[tuple[str, str | None, str | None]]:
    """(SIREN, label, registry name) of a portfolio's companies, by SIREN."""
    query = (
        select(PortfolioCompany.siren, PortfolioCompany.label, Company.name)
        .join(Portfolio, Portfolio.id == PortfolioCompany.portfolio_id)
        .outerjoin(Company, Company.siren == PortfolioCompany.siren)
        .where(Portfolio.name == name.strip().lower())
        .order_by(PortfolioCompany.siren)
    )
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    with database.session() as session:
        return [(r[0], r[1], r[2]) for r in session.execute(query)]


def delete_portfolio(database: Database, name: str) -> bool:
    with database.session() as session:
        portfolio = session.scalar(select(Portfolio).where(Portfolio.name == name.strip().lower()))
        if portfolio is None:
            return False
        session.execute(
            delete(PortfolioCompany).where(PortfolioCompany.portfolio_id == portfolio.id)
        )
        session.delete(portfolio)
        return True


def portfolios_version(database: Database) -> tuple[int, str]:
    """Changes when a portfolio is imported again, created or deleted (for live reloads)."""
    with database.session() as session:
        count, latest = session.execute(select(func.count(), func.max(Portfolio.updated_at))).one()
        return int(count), str(latest)
