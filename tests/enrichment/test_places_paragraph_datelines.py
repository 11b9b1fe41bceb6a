"""Places (issue 14, session 4): a town that opens a paragraph as its dateline ("Quimper.
La conserverie...", "Rouen — ...") is that paragraph's news, as in a round-up of briefs:
it keeps its department even when another department is the first paragraph's subject.

Every text was written for these tests; none comes from an evaluation set. The firms are
not in the test registry, so only the text gives places. About 10 s (models loading).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import places_of

CASES = [
    (
        "fr-revue-de-la-semaine",
        "Bretagne : l'industrie en bref",
        "Lorient. Le chantier Kervran, premier employeur privé du Morbihan, a livré son "
        "troisième patrouilleur.\n\n"
        "Quimper. La conserverie Le Dour embauche vingt saisonniers pour l'hiver.\n\n"
        "Rennes. L'éditeur de logiciels Ardoise lève 3 millions d'euros.",
        {"56", "29", "35"},
        {"53"},
    ),
    (
        "en-roundup",
        "Normandy business roundup",
        "Caen. Cybervigil, the Calvados security firm, has hired 30 analysts.\n\n"
        "Rouen — A logistics group has opened a cold store for 40 staff.\n\n"
        "Évreux. A packaging maker has cut 25 jobs after losing a customer.",
        {"14", "76", "27"},
        {"28"},
    ),
]


@pytest.mark.parametrize(("name", "title", "text", "departments", "regions"), CASES)
def test_a_paragraph_s_dateline_is_its_news(
    enricher: Enricher,
    name: str,
    title: str,
    text: str,
    departments: set[str],
    regions: set[str],
) -> None:
    assert places_of(enricher, name, title, text) == (departments, regions)
