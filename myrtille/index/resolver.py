"""Field values as users type them, made into the codes the index stores:
``region:occitanie`` → ``76``, ``dept:haute-garonne`` → ``31``, ``sector:aéronautique``
→ ``aeronautics``, ``event:rachat`` → ``acquisition``, ``company:"Aérovolt SAS"`` →
``aerovolt``."""

from __future__ import annotations

import re
from functools import cached_property

from myrtille.config.suggestions import closest
from myrtille.enrichment.geography import Gazetteer
from myrtille.enrichment.lexicons import load_events, load_sectors
from myrtille.enrichment.names import company_key
from myrtille.enrichment.stored_portfolios import portfolio_names, portfolio_sirens
from myrtille.index.problems import QueryProblem
from myrtille.index.query import Members, ValueResolver, words_of
from myrtille.store.database import Database

EVENT_ALIASES = {
    "levee de fonds": "fundraising",
    "levee": "fundraising",
    "financement": "fundraising",
    "rachat": "acquisition",
    "fusion": "acquisition",
    "merger": "acquisition",
    "investissement": "investment",
    "fermeture": "closure",
    "licenciement": "closure",
    "recrutement": "hiring",
    "embauche": "hiring",
    "faillite": "insolvency",
    "redressement": "insolvency",
    "liquidation": "insolvency",
    "sauvegarde": "insolvency",
    "contrat": "contract",
    "marche": "contract",
    "partenariat": "partnership",
    "brevet": "innovation",
    "produit": "innovation",
    "nomination": "leadership",
    "dirigeant": "leadership",
    "international": "export",
}


class CodeResolver(ValueResolver):
    """Knows the lexicons and the gazetteer; unknown codes are errors, not empty results."""

    def __init__(
        self,
        sector_codes: dict[str, str] | None = None,
        event_codes: dict[str, str] | None = None,
        database: Database | None = None,
    ) -> None:
        self._sectors = sector_codes
        self._events = event_codes
        # Portfolios are read when a query names one, so a search sees the current list.
        self.database = database

    def portfolio(self, raw: str) -> Members:
        name = raw.strip().lower()
        if self.database is None:
            return super().portfolio(raw)
        sirens = portfolio_sirens(self.database, name)
        if sirens is None:
            known = portfolio_names(self.database)
            guess = closest(name, known)
            listed = ", ".join(known[:20])
            if not known:
                raise QueryProblem("no_portfolio_yet", value=raw)
            if guess:
                raise QueryProblem("no_such_portfolio_guess", value=raw, guess=guess, names=listed)
            raise QueryProblem("no_such_portfolio", value=raw, names=listed)
        return Members(name, sirens)

    @cached_property
    def sectors(self) -> dict[str, str]:
        if self._sectors is not None:
            return self._sectors
        return _aliases(load_sectors())

    @cached_property
    def events(self) -> dict[str, str]:
        if self._events is not None:
            return self._events
        return {**{k: v for k, v in EVENT_ALIASES.items()}, **_aliases(load_events())}

    def resolve(self, field: str, raw: str) -> str:
        folded = " ".join(words_of(raw))
        if field == "company":
            digits = re.sub(r"\s", "", raw)
            if re.fullmatch(r"\d{9}", digits):
                return digits
            key = company_key(raw)
            if not key:
                raise QueryProblem("not_a_company", value=raw)
            return key
        if field == "sector":
            return self._code(self.sectors, raw, folded, "sector")
        if field == "event":
            return self._code(self.events, raw, folded, "event")
        if field == "region":
            gazetteer = Gazetteer.default()
            if raw.strip() in gazetteer.region_names:
                return raw.strip()
            place = gazetteer.resolve(raw)
            if place is None or place.kind != "region":
                known = ", ".join(sorted(gazetteer.region_names))
                raise QueryProblem("not_a_region", value=raw, codes=known)
            return place.region
        if field == "dept":
            gazetteer = Gazetteer.default()
            code = raw.strip().upper()
            if code in gazetteer.department_region:
                return code.lower()
            place = gazetteer.resolve(raw)
            if place is None or place.kind != "department" or place.department is None:
                raise QueryProblem("not_a_department", value=raw)
            return place.department.lower()
        return super().resolve(field, raw)

    @staticmethod
    def _code(table: dict[str, str], raw: str, folded: str, field: str) -> str:
        code = table.get(folded) or table.get(folded.replace(" ", "_"))
        if code is None:
            # Written as terms to type ("sector:energy"): what the reader copies.
            codes = ", ".join(f"{field}:{c}" for c in sorted(set(table.values())))
            problem = "not_a_sector" if field == "sector" else "not_an_event"
            raise QueryProblem(problem, value=raw, codes=codes)
        return code


def _aliases(entries) -> dict[str, str]:  # type: ignore[no-untyped-def]
    table: dict[str, str] = {}
    for entry in entries:
        table[entry.code] = entry.code
        table[" ".join(words_of(entry.code))] = entry.code
        for label in entry.labels.values():
            folded = " ".join(words_of(label))
            table.setdefault(folded, entry.code)
            first = folded.split(" ")[0] if folded else ""
            if len(first) > 3:
                table.setdefault(first, entry.code)
    return table
