"""Which company an event belongs to (session 6): a press release's dateline is no subject;
an order a firm places is its supplier's contract; a sentence connective before a comma
("Instead,", "Ensuite,") is no firm's name; the event's own word is no firm ("Brevet
déposé"); "la toulousaine Aerilys" names Aerilys.

Every text was written for these tests (none comes from an evaluation set); the companies
are invented (the registry of ``test_attribution_new.py``). Run time: about 10 s.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.attribution_cases_subjects import ALCARENE, MORVELLE, VALLORIN
from tests.enrichment.enriching import batch_events
from tests.enrichment.test_attribution_new import REGISTRY

__all__ = ["REGISTRY"]  # the registry_enricher fixture reads this module's REGISTRY

# (language, title, text, event type, company): the SIREN the event of that type must
# carry (None: no registry firm), or ("not", SIREN): no event of that type may be its.
CASES: list[tuple[str, str, str, str, object]] = [
    # ---- a dateline's place is not the subject (the French one, already right, a guard)
    (
        "en",
        "Alcarène to supply forged parts to Vallorin",
        "Figeac, 2 December 2026 — Alcarène today announced a ten-year supply contract with "
        "Vallorin for forged parts.",
        "contract",
        ALCARENE,
    ),
    (
        "fr",
        "Alcarène fournira Vallorin",
        "Figeac, le 2 décembre 2026 – Alcarène annonce un contrat de fourniture de dix ans "
        "avec Vallorin.",
        "contract",
        ALCARENE,
    ),
    # ---- the customer places an order: the supplier's contract, not the customer's
    (
        "fr",
        "La Brasserie Vallorin s'équipe d'une nouvelle ligne d'embouteillage",
        "La Brasserie Vallorin, installée à Redon depuis 1998, a passé commande d'une "
        "ligne d'embouteillage de 12 000 bouteilles à l'heure.",
        "contract",
        ("not", VALLORIN),
    ),
    (
        "en",
        "Brasserie Vallorin buys a new bottling line",
        "Brasserie Vallorin, the Redon brewer founded in 1998, has placed an order for a "
        "bottling line that fills 12,000 bottles an hour.",
        "contract",
        ("not", VALLORIN),
    ),
    # ---- a connective before a comma is no firm in apposition
    (
        "en",
        "Tissages Morvelle denies closure",
        "Tissages Morvelle denied reports that it would close its Roanne weaving mill. "
        "Instead, the textile group said it would invest €4 million in new looms.",
        "investment",
        MORVELLE,
    ),
    (
        "fr",
        "Les Tissages Morvelle démentent toute fermeture",
        "Les Tissages Morvelle ont démenti toute fermeture de leur site de Roanne. "
        "Ensuite, l'entreprise textile, fondée en 1921, a annoncé un investissement de "
        "4 millions d'euros dans de nouveaux métiers à tisser.",
        "investment",
        MORVELLE,
    ),
    # ---- the event's own word is no firm (the English one, already right, a guard)
    (
        "fr",
        "La Brasserie Vallorin fête ses 25 ans",
        "La Brasserie Vallorin fête ses 25 ans à Redon. Brevet déposé, premiers brassins "
        "sans gluten en 2027.",
        "innovation",
        VALLORIN,
    ),
    (
        "en",
        "Vallorin invents gluten-free beer",
        "Brasserie Vallorin, in Redon, has developed a gluten-free brewing process. Patent "
        "filed; first brews due in 2027.",
        "innovation",
        VALLORIN,
    ),
    # ---- a French description before a name: "la toulousaine Aerilys" (English puts the
    # place before the name, "Toulouse-based Aerilys", which names the firm already)
    (
        "fr",
        "Drones : la toulousaine Aerilys lève 5 millions",
        "Aerilys, qui fabrique des drones d'inspection, a bouclé un tour de table. Elle "
        "figure parmi les clients des Forges d'Alcarène.",
        "fundraising",
        ("not", ALCARENE),
    ),
]


@pytest.fixture(scope="module")
def results(registry_enricher: Enricher) -> list[list[dict[str, object]]]:
    return batch_events(registry_enricher, CASES)


@pytest.mark.parametrize(
    "position", range(len(CASES)), ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CASES)]
)
def test_event_company(results: list[list[dict[str, object]]], position: int) -> None:
    _, title, _, kind, want = CASES[position]
    companies = [e["siren"] for e in results[position] if e["type"] == kind]
    if isinstance(want, tuple):
        assert want[1] not in companies, (title, results[position])
    else:
        assert want in companies, (title, results[position])
