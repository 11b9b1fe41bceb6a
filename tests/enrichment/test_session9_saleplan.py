"""A court-approved sale plan is the buyer's takeover, not a new insolvency (issue 14,
session 9).

The authors of news8 to news10 give a judgment adopting a sale plan ("jugement arrêtant
le plan de cession … au profit de", "approving the plan for the sale of the business to")
the buyer's acquisition alone: the proceedings it belongs to were opened earlier. A text
that opens the proceedings, or turns them into a liquidation, keeps its insolvency. Every
text here was written for these tests.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

REGISTRY: list[CompanyRecord] = []  # the firms here are outside any registry

SALE_PLANS = [
    (
        "fr",
        "Jugement du 2 décembre 2026 arrêtant le plan de cession de la SAS Verrerie Dalmont, "
        "en redressement judiciaire, au profit de la société Cristallerie Pernot, avec "
        "faculté de substitution. Administrateur judiciaire : Maître Lise Arnal.",
    ),
    (
        "en",
        "Judgment of 2 December 2026 approving the plan for the sale of the business of "
        "Verrerie Dalmont SAS, in receivership, to Cristallerie Pernot, which takes over 40 "
        "of the 55 employees. Administrator: Maître Lise Arnal.",
    ),
]


@pytest.mark.parametrize(("language", "text"), SALE_PLANS)
def test_a_sale_plan_is_no_insolvency(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    found = types(events_of(registry_enricher, text, language))
    assert "insolvency" not in found, found


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Jugement du 2 décembre 2026 arrêtant le plan de cession de la SAS Verrerie "
            "Dalmont au profit de la société Cristallerie Pernot et prononçant la conversion "
            "du redressement judiciaire en liquidation judiciaire.",
        ),
        (
            "en",
            "Judgment approving the plan for the sale of the business of Verrerie Dalmont SAS "
            "to Cristallerie Pernot, and converting the receivership into compulsory "
            "liquidation.",
        ),
    ],
)
def test_a_sale_plan_that_converts_keeps_its_insolvency(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "insolvency" in types(events_of(registry_enricher, text, language))
