"""Everyday wordings of events the rules missed (issue 14, session 12, events recall,
second round): a firm put in charge of works, mandated, commissioned, hired or tasked to do
them ("sera chargée de la rénovation du pont", "has been commissioned to design the
terminal"), works awarded by name ("has been awarded the maintenance of"), a tender's
winner ("lauréate de l'appel d'offres"), a contract a customer made with a firm, an investor
let in ("brings in X as a minority shareholder", "opens its capital to X"), trades taken on
("will take on 40 welders").

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented and the title reports nothing, so the wording alone is tested.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VERLANDE, VERLANDE_TITLE, events_of, types

REGISTRY = [VERLANDE]

TITLE = VERLANDE_TITLE

# (language, text, expected type)
WORDINGS = [
    # a firm in charge of the works, mandated for them
    ("fr", "Verlande Industries sera chargée de la rénovation du pont de Roanne.", "contract"),
    (
        "fr",
        "Verlande Industries est chargée de construire la nouvelle station d'épuration.",
        "contract",
    ),
    ("fr", "Verlande Industries a été mandatée pour rénover la piscine municipale.", "contract"),
    # a tender's winner, a contract the customer made
    (
        "fr",
        "Verlande Industries a été désignée lauréate de l'appel d'offres de la Région.",
        "contract",
    ),
    ("fr", "La ville a passé un contrat avec Verlande Industries.", "contract"),
    # commissioned, hired, tasked; works awarded by name
    ("en", "Verlande Industries has been commissioned to design the new terminal.", "contract"),
    ("en", "Verlande Industries has been hired to refurbish the Lyon metro cars.", "contract"),
    ("en", "Verlande Industries has been tasked with rebuilding the pier.", "contract"),
    (
        "en",
        "Verlande Industries has been awarded the maintenance of the Lyon tram fleet.",
        "contract",
    ),
    # an investor let in
    ("en", "Verlande Industries brings in Demeter as a minority shareholder.", "fundraising"),
    ("en", "Verlande Industries opens its capital to Demeter.", "fundraising"),
    # trades taken on
    ("en", "Verlande Industries will take on 40 welders.", "hiring"),
]


@pytest.mark.parametrize(("language", "text", "expected"), WORDINGS)
def test_wording_reports_its_event(
    registry_enricher: Enricher, language: str, text: str, expected: str
) -> None:
    assert expected in types(events_of(registry_enricher, text, language, TITLE[language]))


# Close wordings that report no event of the family.
NOT_EVENTS = [
    # a person in charge, a call for projects, a court's mandate
    (
        "fr",
        "Claire Martin, chargée de la construction de l'usine, a quitté Verlande Industries.",
        "contract",
    ),
    ("fr", "Verlande Industries a été lauréate de l'appel à projets France 2030.", "contract"),
    (
        "fr",
        "Le nom du lauréat de l'appel d'offres lancé par Verlande Industries ne sera connu "
        "qu'à l'automne.",
        "contract",
    ),
    (
        "fr",
        "L'administrateur mandaté par le tribunal a rencontré les salariés de Verlande Industries.",
        "contract",
    ),
    # a grant awarded, a head appointed
    (
        "en",
        "Verlande Industries was awarded a €2m grant for the renovation of its plant.",
        "contract",
    ),
    ("en", "Claire Martin was appointed to run Verlande Industries.", "contract"),
    # debt taken on, a showroom opened to the public
    ("en", "Verlande Industries will take on €5 million of debt.", "hiring"),
    ("en", "Verlande Industries opens a showroom to the public.", "fundraising"),
]


@pytest.mark.parametrize(("language", "text", "absent"), NOT_EVENTS)
def test_close_wording_reports_no_event(
    registry_enricher: Enricher, language: str, text: str, absent: str
) -> None:
    assert absent not in types(events_of(registry_enricher, text, language, TITLE[language]))
