"""A public-contract notice's award field names the supplier the contract is the event
of ("Attributaire : X SAS", "Name and address of the contractor: X"), whatever the
buyer's and the object's fields name before it (a hall, a street the models take for a
firm) (issue 14, session 4).

Every text was written for these tests (none comes from an evaluation set); the companies
are invented (the registry of ``test_attribution_new.py``). Run time: about 5 s.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.attribution_cases_subjects import ALCARENE, VALLORIN
from tests.enrichment.enriching import batch_events
from tests.enrichment.test_attribution_new import REGISTRY

__all__ = ["REGISTRY"]  # the registry_enricher fixture reads this module's REGISTRY

# (language, title, text, event type, the SIREN the event of that type must carry)
CASES: list[tuple[str, str, str, str, str]] = [
    (
        "fr",
        "BOAMP — Résultat de marché — Salle polyvalente de Cusset",
        "RÉSULTAT DE MARCHÉ\nAcheteur : Ville de Cusset, 03300 Cusset (Allier)\nObjet : "
        "rénovation de la salle polyvalente du Vernet\nLot 4 : serrurerie, métallerie\n"
        "Attributaire : Forges d'Alcarène, Thiers (63) — SIRET 900 000 301 00012\n"
        "Montant : 238 400,00 € HT\nDate d'attribution : 14 novembre 2026",
        "contract",
        ALCARENE,
    ),
    (  # already right without the field's rule: kept as a guard
        "en",
        "Contract award notice - Rennes",
        "CONTRACT AWARD NOTICE\nContracting authority: Rennes Métropole, 4 avenue Henri "
        "Fréville, Rennes\nObject: supply of beer for the Tombées de la Nuit festival\n"
        "Lot 1: draught beer\nName and address of the contractor: Brasserie Vallorin, "
        "Rennes, France\nTotal value: EUR 54,000",
        "contract",
        VALLORIN,
    ),
]


@pytest.fixture(scope="module")
def found(registry_enricher: Enricher) -> list[list[dict[str, object]]]:
    return batch_events(registry_enricher, CASES)


@pytest.mark.parametrize("case", range(len(CASES)))
def test_the_event_is_the_named_firms(found: list[list[dict[str, object]]], case: int) -> None:
    *_, kind, siren = CASES[case]
    assert siren in {e["siren"] for e in found[case] if e["type"] == kind}
