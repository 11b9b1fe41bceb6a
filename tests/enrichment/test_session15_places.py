"""Places (session 15): a wire dateline counts beside the text's other places.

"PARIS, Nov 18 (Wire) - The Toulouse-based …": the town a wire story was filed from is a
place of the story for the annotators even when the text names others (46 of the tuning
set's 48 such datelines are gold), and Paris named only there is no passing mention. The
dateline is kept out of the weighing of the other places, then added back. Guards: Paris
named once in the body beside another region, and a place in capitals that is no
dateline, stay left out as before.

Every text was written for these tests; none comes from an evaluation set. The firms are
not in the test registry, so only the text gives places.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import places_of

CASES = [
    (
        "en-wire-dateline-paris",
        "Aerolune to buy Toulouse parts maker Sotrac",
        "PARIS, Nov 18 (Wire) - Aerolune, the Toulouse-based maker of cabin seats, has agreed "
        "to buy Sotrac, a machining firm also based in Toulouse, for 40 million euros.\n\n"
        "Sotrac employs 120 people at its Toulouse plant, the company said.",
        {"75", "31"},
        {"11", "76"},
    ),
    (
        "fr-wire-dateline-marseille",
        "Le nantais Brévane rachète un chaudronnier",
        "MARSEILLE, 3 déc (AFP) - Le groupe nantais Brévane a signé l'acquisition d'un "
        "chaudronnier de Saint-Nazaire, a-t-il annoncé mercredi.\n\n"
        "Le chaudronnier emploie 80 salariés à Saint-Nazaire, où Brévane compte investir "
        "5 millions d'euros.",
        {"13", "44"},
        {"93", "52"},
    ),
    (
        "en-wire-dateline-agency-only",
        "Lille grocer Norvia raises 12 million euros",
        "STRASBOURG (Wire) - Norvia, an online grocer based in Lille, has raised 12 million "
        "euros from two funds to open a second warehouse near Lille, it said on Tuesday.",
        {"67", "59"},
        {"44", "32"},
    ),
    (
        "en-guard-paris-once-in-the-body",
        "Aerolune to buy Toulouse parts maker Sotrac",
        "Aerolune, the Toulouse-based maker of cabin seats, has agreed to buy Sotrac, a "
        "machining firm also based in Toulouse, for 40 million euros.\n\n"
        "Sotrac employs 120 people at its Toulouse plant and will show its parts at a trade "
        "fair in Paris next month.",
        {"31"},
        {"76"},
    ),
    (
        "fr-guard-capitals-no-dateline",
        "Brévane rachète un chaudronnier de Saint-Nazaire",
        "Le groupe nantais Brévane a signé l'acquisition d'un chaudronnier de Saint-Nazaire. "
        "Le chaudronnier emploie 80 salariés à Saint-Nazaire et exposera au salon de PARIS "
        "en mars.",
        {"44"},
        {"52"},
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
