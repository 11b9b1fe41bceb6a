"""Which company an event belongs to (session 7): a customer's verb whose trigger spans
the supplier's name ("a retenu VALLORIN pour usiner") gives the contract to that supplier,
whatever the parse made of its words; a firm named as someone's former employer
("former Alcarène executive", "un ancien d'Alcarène", "passé par") is not the firm whose
head changes; "la coentreprise", "the joint venture" is the firm the document introduced
as such ("une coentreprise baptisée X"), not the firms that set it up; an insolvency in
apposition to a firm ("la Brasserie X, en redressement judiciaire") is that firm's.

Every text was written for these tests (none comes from an evaluation set); the companies
are invented (the registry of ``test_attribution_new.py``). Run time: about 10 s.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.attribution_cases_subjects import ALCARENE, MORVELLE, VALLORIN
from tests.enrichment.enriching import batch_events, check_event_company
from tests.enrichment.test_attribution_new import REGISTRY

__all__ = ["REGISTRY"]  # the registry_enricher fixture reads this module's REGISTRY

# (language, title, text, event type, company): the SIREN the event of that type must
# carry (None: no registry firm), or ("not", SIREN): no event of that type may be its.
CASES: list[tuple[str, str, str, str, object]] = [
    # ---- the supplier named inside the customer's trigger ("retenu X pour usiner")
    (
        "fr",
        "Un nouveau fournisseur pour les Tissages Morvelle",
        "Les Tissages Morvelle, installés à Roanne, ont retenu FORGES D'ALCARÈNE pour "
        "fabriquer les cadres de leurs nouveaux métiers à tisser.",
        "contract",
        ALCARENE,
    ),
    (
        "fr",
        "Un nouveau fournisseur pour les Tissages Morvelle",
        "Les Tissages Morvelle, installés à Roanne, ont retenu FORGES D'ALCARÈNE pour "
        "fabriquer les cadres de leurs nouveaux métiers à tisser.",
        "contract",
        ("not", MORVELLE),
    ),
    (
        "en",
        "A new supplier for Brasserie Vallorin",
        "Brasserie Vallorin, the Redon brewer, has chosen FORGES D'ALCARÈNE to manufacture "
        "the steel frames of its new bottling hall.",
        "contract",
        ("not", VALLORIN),
    ),
    # ---- a firm named as someone's former employer is not the firm that changes its head
    (
        "fr",
        "Vallorin : un ancien d'Alcarène prend la direction générale",
        "La Brasserie Vallorin, à Redon, a nommé Paul Guérin directeur général à compter de mars.",
        "leadership",
        ("not", ALCARENE),
    ),
    # ---- "la coentreprise", "the joint venture": the firm introduced as such, not the
    # firms that set it up
    (
        "fr",
        "Alcarène et Morvelle créent une usine commune",
        "Les Forges d'Alcarène et les Tissages Morvelle ont signé un accord pour construire "
        "une usine à Figeac. Le site sera exploité par une coentreprise baptisée Brasserie "
        "Vallorin, détenue à parts égales.\n\nPour Paul Guérin, directeur général des "
        "Tissages Morvelle, « c'est un projet d'avenir ».\n\nLa coentreprise emploiera une "
        "vingtaine de personnes.",
        "hiring",
        VALLORIN,
    ),
    (
        "en",
        "Alcarène and Morvelle to build a joint plant",
        "Forges d'Alcarène and Tissages Morvelle have signed an agreement to build a plant in "
        "Figeac. The site will be run by a joint venture called Brasserie Vallorin, owned "
        "equally by the two firms.\n\nFor Paul Guerin, chief executive of Tissages Morvelle, "
        '"this is a project for the future".\n\nThe joint venture will hire about twenty '
        "people.",
        "hiring",
        VALLORIN,
    ),
    # ---- an insolvency in apposition to a firm is that firm's, not the clause subject's
    (
        "fr",
        "Alcarène s'offre Vallorin",
        "Les Forges d'Alcarène ont racheté la Brasserie Vallorin, en redressement judiciaire "
        "depuis mars.",
        "insolvency",
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
    check_event_company(CASES[position], results[position])
