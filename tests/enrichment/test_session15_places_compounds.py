"""Places (session 15): two French towns joined by a hyphen name the first one.

"le bassin Valenciennes-Denain", "the Metz-Thionville area", "the Caen-Ouistreham ferry
port": an area, a port or a hub named after a town and its neighbour is news of the first
town for the annotators (news10 and news13 count Marseille-Fos, Lens-Dourges,
Caen-Ouistreham and Belfort-Montbéliard). Before, a compound whose second half was any
place was no place at all. Guards: a compound ending in a region ("Caen-Normandie") or a
city abroad ("Lyon-Turin") stays no place, and the second town is never counted alone.

Every text was written for these tests; none comes from an evaluation set. The firms are
not in the test registry, so only the text gives places.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import places_of

CASES = [
    (
        "fr-two-towns-area",
        "Norvia ouvre un entrepôt",
        "Le logisticien Norvia ouvre un entrepôt de 30 000 m2 dans le bassin "
        "Valenciennes-Denain et y recrutera 90 préparateurs.",
        {"59"},
        {"32"},
    ),
    (
        "en-two-towns-area",
        "Norvia opens a warehouse",
        "Norvia, a logistics firm, is opening a 30,000 m2 warehouse in the Metz-Thionville "
        "area and will hire 90 people there.",
        {"57"},
        {"44"},
    ),
    (
        "en-guard-town-and-region",
        "Norvia opens a warehouse",
        "Norvia, a logistics firm, is opening a warehouse at the Caen-Normandie airport zone "
        "and will hire 90 people there.",
        set(),
        set(),
    ),
    (
        "fr-guard-town-and-city-abroad",
        "Norvia signe un contrat",
        "Le logisticien Norvia a signé un contrat de fret pour le chantier de la ligne Lyon-Turin.",
        set(),
        set(),
    ),
]


@pytest.mark.parametrize(
    ("name", "title", "text", "departments", "regions"), CASES, ids=[c[0] for c in CASES]
)
def test_places(
    enricher: Enricher,
    name: str,
    title: str,
    text: str,
    departments: set[str],
    regions: set[str],
) -> None:
    assert places_of(enricher, name, title, text) == (departments, regions)
