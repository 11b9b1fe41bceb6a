"""Places (issue 14, session 4): a name that goes on after a hyphen with a lowercase word
and another hyphen ("Saint-Gilles-les-Bains", a seaside resort of La Réunion that is no
commune of the gazetteer) is a longer name, not the commune named by its first part
(Saint-Gilles, in the Gard). "Lyon-based" and a commune whose full name the gazetteer
holds ("Aix-les-Bains") are unchanged.

Every text was written for these tests; none comes from an evaluation set. About 10 s
(models loading).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import places_of

CASES = [
    (
        "fr-station-balneaire",
        "Un hôtel rénové à La Réunion",
        "Le groupe Océan Austral rouvre samedi l'hôtel Les Filaos, 120 chambres, à "
        "Saint-Gilles-les-Bains, après huit mois de travaux.",
        {"974"},
        {"04"},
    ),
    (
        "en-resort",
        "Dive operator expands on Réunion",
        "Bleu Corail, a dive operator based at Saint-Gilles-les-Bains, has bought two boats "
        "and will hire ten instructors.",
        {"974"},
        {"04"},
    ),
    (
        "fr-commune-entiere",
        "Un atelier à Aix-les-Bains",
        "Mécanique Dumaz ouvre un atelier de 40 salariés à Aix-les-Bains, à côté de son "
        "usine de Chambéry.",
        {"73"},
        {"84"},
    ),
]


@pytest.mark.parametrize(("name", "title", "text", "departments", "regions"), CASES)
def test_a_name_that_goes_on_is_a_longer_name(
    enricher: Enricher,
    name: str,
    title: str,
    text: str,
    departments: set[str],
    regions: set[str],
) -> None:
    assert places_of(enricher, name, title, text) == (departments, regions)
