"""The company registry and agents' portfolios: companies (config watchlist and imported
Sirene units), the words they are found by, and named lists of SIRENs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from myrtille.store.schema import Base, UTCDateTime, utcnow


class Company(Base):
    """A company of the registry: the config watchlist and imported Sirene units."""

    __tablename__ = "company"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    siren: Mapped[str | None] = mapped_column(String(9), unique=True)
    name: Mapped[str] = mapped_column(Text)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    acronym: Mapped[str | None] = mapped_column(String(64))
    naf: Mapped[str | None] = mapped_column(String(8))
    website: Mapped[str | None] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(Text)
    department: Mapped[str | None] = mapped_column(String(3))
    region: Mapped[str | None] = mapped_column(String(2))
    # Sirene's categorieEntreprise: PME, ETI or GE (None when the file does not say).
    category: Mapped[str | None] = mapped_column(String(8))
    ceased: Mapped[bool] = mapped_column(default=False)
    # A sole trader (a natural person): linked by SIREN only, never by name in press text.
    person: Mapped[bool] = mapped_column(default=False)
    origin: Mapped[str] = mapped_column(String(16), default="sirene")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CompanyWord(Base):
    """One folded word of a company's name, aliases or acronym: a company search by the
    start of a word is a range over this primary key, not a scan of a million names."""

    __tablename__ = "company_word"

    # Byte order on PostgreSQL (as SQLite's BINARY): a locale collation would put "ga{" before
    # "gaz", and the prefix range of company_words.starts_with would miss or mix words.
    word: Mapped[str] = mapped_column(
        String(64).with_variant(String(64, collation="C"), "postgresql"), primary_key=True
    )
    company_id: Mapped[str] = mapped_column(
        ForeignKey("company.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Portfolio(Base):
    """An agent's named list of SIRENs (clients, suppliers), usable as ``portfolio:NAME``.
    Names are unique across agents: a stored query names one portfolio, whoever reads it."""

    __tablename__ = "portfolio"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id"), index=True)
    size: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Changes with every import: the matcher re-resolves portfolio: queries when it moves.
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class PortfolioCompany(Base):
    """One SIREN of a portfolio, with the agent's own label for it."""

    __tablename__ = "portfolio_company"

    portfolio_id: Mapped[int] = mapped_column(
        ForeignKey("portfolio.id", ondelete="CASCADE"), primary_key=True
    )
    siren: Mapped[str] = mapped_column(String(9), primary_key=True, index=True)
    label: Mapped[str | None] = mapped_column(Text)
