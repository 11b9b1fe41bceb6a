"""Events whose subject is a firm outside the registry (session 8, ``unlinked_subjects.py``):
a lead about such a firm leaves the events of its follow-up sentences ("The 80-strong
firm will hire …", "La PME prévoit d'embaucher …") to no registry firm; a registry firm
named beside it as the client, the investor, the rival it beat or a modifier ("the
Vallorin contract") does not take its event; a sentence naming another firm as its
subject gives its event to neither the main firm nor a firm named after the verb.

Every text was written for these tests (none comes from an evaluation set); the companies
are invented (the registry of ``test_attribution_new.py``). Each case fails with the
module's rules off (checked by making ``attribution.settle`` return what it is given).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.attribution_cases_subjects import ALCARENE, VALLORIN
from tests.enrichment.enriching import batch_events
from tests.enrichment.test_attribution_new import REGISTRY

__all__ = ["REGISTRY"]  # the registry_enricher fixture reads this module's REGISTRY

# (language, title, text, event type, SIREN): no event of that type may carry that SIREN,
# and the event itself must be found.
CASES: list[tuple[str, str, str, str, str]] = [
    # ---- a lead about an unlisted firm: its follow-ups are not the registry firm's
    (
        "fr",
        "Un marché de 2 millions pour Robotique Carnac",
        "L'intégrateur morbihannais Robotique Carnac a remporté un contrat de 2 millions "
        "d'euros auprès de la Brasserie Vallorin pour automatiser son atelier de mise en fût."
        "\n\nLa PME de 45 salariés prévoit d'embaucher huit techniciens d'ici l'été. La "
        "brasserie, fondée en 1998, produit 60 000 hectolitres par an.",
        "hiring",
        VALLORIN,
    ),
    (
        "fr",
        "Fermentis lève 3 millions, Vallorin au tour de table",
        "Fermentis lève 3 millions d'euros auprès de la Brasserie Vallorin et d'un fonds "
        "breton.\n\nL'argent servira à recruter douze ingénieurs d'ici la fin de l'année.",
        "hiring",
        VALLORIN,
    ),
    (
        "en",
        "Alcarène's steel supplier Acieries Ferval to hire 60",
        "Acieries Ferval, the steel supplier of Forges d'Alcarène, will hire 60 people at its "
        "Firminy mill next year.\n\nThe recruitment drive follows a record order book.",
        "hiring",
        ALCARENE,
    ),
    # ---- the rival the subject beat does not take its contract
    (
        "fr",
        "Les bogies du tramway de Grenoble échappent aux Forges d'Alcarène",
        "C'est finalement l'espagnol Aceros Biscaya qui a remporté le marché de 9 millions "
        "d'euros des bogies du tramway grenoblois, devant les Forges d'Alcarène.\n\nLe "
        "constructeur basque ouvrira un atelier à Échirolles et y créera 30 emplois.",
        "contract",
        ALCARENE,
    ),
    (
        "en",
        "Grenoble tram bogies go to Spain",
        "Spain's Aceros Biscaya has won the €9m contract for the Grenoble tram bogies, "
        "beating Forges d'Alcarène.\n\nThe Basque maker will open a workshop in Échirolles "
        "and create 30 jobs there.",
        "contract",
        ALCARENE,
    ),
    (
        "en",
        "Grenoble tram bogies go to Spain",
        "Spain's Aceros Biscaya has won the €9m contract for the Grenoble tram bogies, "
        "beating Forges d'Alcarène.\n\nThe Basque maker will open a workshop in Échirolles "
        "and create 30 jobs there.",
        "hiring",
        ALCARENE,
    ),
]


@pytest.fixture(scope="module")
def results(registry_enricher: Enricher) -> list[list[dict[str, object]]]:
    return batch_events(registry_enricher, CASES)


@pytest.mark.parametrize(
    "position", range(len(CASES)), ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CASES)]
)
def test_not_the_registry_firms_event(
    results: list[list[dict[str, object]]], position: int
) -> None:
    _, title, _, kind, siren = CASES[position]
    companies = [e["siren"] for e in results[position] if e["type"] == kind]
    assert companies, (title, results[position])  # the event itself is found
    assert siren not in companies, (title, results[position])
