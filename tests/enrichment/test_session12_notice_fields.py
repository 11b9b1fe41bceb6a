"""Session 12: the firm a notice's field names (notice_fields.py).

- An English award notice's "Awardee:" field names the contract's winner.
- A sale plan's buyer whose name begins inside the field's own words ("au profit de la
  Société Ligérienne de Levage": the recogniser's mention starts at "Société").

Every notice here was written for these tests.
"""

from __future__ import annotations

from typing import Any

from myrtille.enrichment.enricher import DocumentInput, Enricher
from myrtille.enrichment.registry import CompanyRecord

BUYER = "914000041"  # Société Ligérienne de Levage
WINNER = "914000058"  # Atelier Rochebrune

REGISTRY = [
    CompanyRecord(
        BUYER, "Société Ligérienne de Levage", BUYER, (), None, "49.41A", "49", "52", False
    ),
    CompanyRecord(WINNER, "Atelier Rochebrune", WINNER, (), None, "43.32A", "2A", "94", False),
]

SALE_PLAN = (
    "Annonce n° 2026-3318\nTribunal de commerce d'Angers\n"
    "Jugement arrêtant le plan de cession\nDate du jugement : 24 novembre 2026\n\n"
    "RCS Angers 905 112 384\nDénomination : MANUTENTIONS DU LAYON\n"
    "Activité : location d'engins de levage avec opérateur\n"
    "Adresse : 6 rue des Tanneurs, 49300 Cholet\n\n"
    "Le tribunal a arrêté le plan de cession de l'entreprise au profit de la Société "
    "Ligérienne de Levage, qui reprend 18 des 25 salariés."
)
AWARD = (
    "CONTRACT AWARD NOTICE – English summary\nContracting authority: Collectivité de Corse, "
    "22 cours Grandval, 20187 Ajaccio Cedex 1.\nObject: restoration of the roofs of the "
    "Cervione convent.\nProcedure: open procedure.\nAwardee: Atelier Rochebrune, 20250 Corte.\n"
    "Declared subcontractor: Zinguerie Santoni SARL, 20200 Bastia.\n"
    "Amount: €412,000 excl. VAT.\nAward decision: 2026-11-20."
)


def _events(enricher: Enricher, language: str, title: str, text: str) -> list[dict[str, Any]]:
    [result] = enricher.enrich([DocumentInput("n1", title, text, language, kind="notice")])
    assert result.error is None, result.error
    return result.events


def test_sale_plan_buyer_named_from_inside_the_field(registry_enricher: Enricher) -> None:
    found = _events(registry_enricher, "fr", "BODACC A – Plan de cession", SALE_PLAN)
    assert ("acquisition", BUYER) in {(e["type"], e["siren"]) for e in found}


def test_english_awardee_field_wins_the_contract(registry_enricher: Enricher) -> None:
    found = _events(
        registry_enricher, "en", "Award notice: Cervione convent roof restoration", AWARD
    )
    assert ("contract", WINNER) in {(e["type"], e["siren"]) for e in found}
