"""Places (session 16): datelines of villages, a title's last town, overseas districts.

- A dateline in capitals opening a line before a dash or a full stop ("PIANA — …",
  "MAUBOURGUET. La fromagerie …") is where the story was filed, even for a village the
  matcher otherwise takes only after a cue and never in capitals.
- A line break parts a title's last word from the text's first: "… investit à Laval" then
  "Fromagerie Cazal …" is not one name "Laval Fromagerie".
- A mainland village named once in a text whose other places are all overseas is a
  district or a hamlet of the island ("à Mornac" in a Martinique story), not the mainland
  commune.

Every text was written for these tests; none comes from an evaluation set. The firms are
not in the test registry, so only the text gives places.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import places_of

CASES = [
    (
        "fr-village-dateline",
        "Salaisons : un nouvel atelier pour Charcuterie Mattei",
        "PIANA — Charcuterie Mattei a inauguré samedi un atelier de séchage de 600 m² pour "
        "1,5 million d'euros.",
        {"2A"},
        {"94"},
    ),
    (
        "en-village-dateline",
        "Ham curer opens a new drying shed",
        "PIANA – Charcuterie Mattei opened a 600 m2 drying shed on Saturday, a 1.5 million "
        "euro investment.",
        {"2A"},
        {"94"},
    ),
    (
        "fr-village-dateline-full-stop",
        "Fromagerie : une levée de fonds participative",
        "MAUBOURGUET. La fromagerie Lascaze a levé 800 000 euros auprès de 600 particuliers.",
        {"65"},
        {"76"},
    ),
    (
        "fr-title-town-then-firm",
        "Agroalimentaire : une laiterie investit à Laval",
        "Fromagerie Cazal va investir 4 millions d'euros dans sa laiterie, qui emploiera 30 "
        "personnes de plus.",
        {"53"},
        {"52"},
    ),
    (
        "en-title-town-then-firm",
        "Dairy to expand at Laval",
        "Fromagerie Cazal will invest 4 million euros in its dairy and add 30 jobs.",
        {"53"},
        {"52"},
    ),
    (
        "fr-overseas-district",
        "Martinique : la distillerie Karété agrandit ses chais à Mornac",
        "La distillerie Karété, au Lamentin, investit 2 millions d'euros dans de nouveaux "
        "chais de vieillissement et recrute six personnes.",
        {"972"},
        {"02"},
    ),
    (
        "en-guard-mainland-village-twice",
        "Megève chalet firm buys a hotel in Martinique",
        "Chalets Aravis, which runs four chalets in Megève, has bought a 60-room hotel in "
        "Le Lamentin, Martinique. Staff based in Megève will train the new team.",
        {"74", "972"},
        {"84", "02"},
    ),
    (
        "fr-guard-capitals-heading",
        "Résultats de la coopérative",
        "RÉSULTATS — La coopérative Agrival a vu son chiffre d'affaires progresser de 4 %.",
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
