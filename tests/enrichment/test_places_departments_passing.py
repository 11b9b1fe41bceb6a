"""Places (issue 14.3): a department named once, after the first paragraph, while another
department is the subject, is where a competitor, a firm bought years ago, a buyer's seat
or a delivery's destination is: it gives its region, not its department. A list of places
with the subject's ("dans le Finistère et le Morbihan") and a regional survey ("l'Occitanie
... dans le Gers") keep their departments.

Every text was written for these tests; none comes from an evaluation set. The firms are
not in the test registry, so only the text gives places. About 10 s (models loading).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import places_of

CASES = [
    (
        "fr-concurrent-autre-departement",
        "Les Menuiseries Guérin agrandissent leur atelier de Laval",
        "Les Menuiseries Guérin investissent 6 millions d'euros à Laval, en Mayenne, pour "
        "doubler leur atelier de fenêtres.\n\n"
        "L'entreprise mayennaise embauchera 30 menuisiers d'ici à l'été. Son principal "
        "concurrent, installé dans la Sarthe, a fermé un site l'an dernier.",
        {"53"},
        {"52"},
    ),
    (
        "en-destination-other-department",
        "Bordeaux cooper Tonnellerie Lamarque adds a kiln",
        "Tonnellerie Lamarque, a barrel maker in Bordeaux, is spending 3 million euros on a "
        "new drying kiln at its Gironde workshop.\n\n"
        "The barrels will be shipped to estates in Bergerac and Spain.",
        {"33"},
        {"75"},
    ),
    (
        "fr-liste-avec-le-sujet",
        "La coopérative Terres d'Iroise ouvre une laiterie à Landerneau",
        "La coopérative Terres d'Iroise ouvre une laiterie de 20 millions d'euros à "
        "Landerneau, dans le Finistère.\n\n"
        "Elle collecte le lait de 600 fermes du Finistère et du Morbihan.",
        {"29", "56"},
        {"53"},
    ),
    (
        "fr-enquete-regionale",
        "Les embauches repartent en Normandie",
        "Les intentions d'embauche progressent de 8 % en Normandie cette année, selon "
        "France Travail. La hausse atteint 11 % dans le Calvados.\n\n"
        "Dans l'Orne, les recrutements restent stables.",
        {"14", "61"},
        {"28"},
    ),
]


@pytest.mark.parametrize(("name", "title", "text", "departments", "regions"), CASES)
def test_departments_of_the_news(
    enricher: Enricher,
    name: str,
    title: str,
    text: str,
    departments: set[str],
    regions: set[str],
) -> None:
    assert places_of(enricher, name, title, text) == (departments, regions)
