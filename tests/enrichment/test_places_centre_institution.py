"""Places (issue 14, session 4): "Centre" followed by a lowercase word is an institution
("au Centre hospitalier", "at Centre spatial guyanais"), not the Centre-Val de Loire
region, even after a place cue; "la région Centre" stays the region.

Every text was written for these tests; none comes from an evaluation set. The firms are
not in the test registry, so only the text gives places. About 10 s (models loading).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import places_of

CASES = [
    (
        "fr-centre-hospitalier",
        "Vingt infirmiers recrutés",
        "Le laboratoire Biomédis, installé à Cayenne, a signé un contrat de maintenance au "
        "Centre hospitalier de l'Ouest guyanais pour trois ans.",
        {"973"},
        {"03"},
    ),
    (
        "en-spaceport",
        "Orbitec to test sensors in French Guiana",
        "Orbitec, a sensor maker based in Kourou, will run its first tests at Centre spatial "
        "guyanais next spring.",
        {"973"},
        {"03"},
    ),
    (
        "fr-region-centre",
        "Un entrepôt en région Centre",
        "Le logisticien Fretval ouvre un entrepôt dans la région Centre, à Vierzon.",
        {"18"},
        {"24"},
    ),
]


@pytest.mark.parametrize(("name", "title", "text", "departments", "regions"), CASES)
def test_a_centre_with_a_lowercase_word_is_an_institution(
    enricher: Enricher,
    name: str,
    title: str,
    text: str,
    departments: set[str],
    regions: set[str],
) -> None:
    assert places_of(enricher, name, title, text) == (departments, regions)
