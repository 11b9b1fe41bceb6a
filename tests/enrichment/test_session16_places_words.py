"""Places (session 16): the words beside a name that make it a place or something else.

- A firm's name ending in a legal form holds no place: "VOSGES PACKAGING SOLUTIONS
  LIMITED", "Lozère Timber Supplies Ltd", "Morbihan Bois Énergie SAS".
- A bridge over a river named after a department is over the river ("a footbridge across
  the Loire in Orléans"; "le viaduc sur le Tarn" was already so).
- An island's commune after "the island of", "l'île de" is a place cue ("the island of
  Groix", "l'île de Groix").
- A cooperative of a town is a firm of that town ("la coopérative de Lapoutroie").
- At sea by a town: "moored off Quiberon", "au large de Quiberon".

Every text was written for these tests; none comes from an evaluation set. The firms are
not in the test registry, so only the text gives places.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import places_of

CASES = [
    (
        "en-firm-name-capitals",
        "Companies register: dissolutions",
        "The following company was dissolved on 2 November 2026: VOSGES PACKAGING SOLUTIONS "
        "LIMITED, Company No 12044871, registered office 5 Mill Lane, Derby DE1 3AB.",
        set(),
        set(),
    ),
    (
        "en-firm-name-title-case",
        "Timber importer struck off",
        "The registrar has struck off Lozère Timber Supplies Ltd, a Bristol importer of oak beams.",
        set(),
        set(),
    ),
    (
        "fr-firm-name-legal-form",
        "Bois-énergie : une chaufferie livrée",
        "La société Morbihan Bois Énergie SAS a livré une chaufferie au bois à un hôpital "
        "suisse de Lausanne.",
        set(),
        set(),
    ),
    (
        "en-bridge-over-river",
        "Sheffield steel for an Orléans footbridge",
        "Peak Structures has won a £4m contract for the steel of a footbridge across the "
        "Loire in Orléans.",
        {"45"},
        {"24"},
    ),
    (
        "en-island-commune",
        "Cornish boatyard to build ferry",
        "Falmouth Marine will build a 200-seat ferry for the crossing to the island of "
        "Groix, its first French order.",
        {"56"},
        {"53"},
    ),
    (
        "fr-island-commune",
        "Transport maritime : une nouvelle vedette",
        "Le chantier Navalu livrera au printemps une vedette de 150 places pour la desserte "
        "de l'île de Groix.",
        {"56"},
        {"53"},
    ),
    (
        "fr-cooperative-of-town",
        "Cidre : un accord d'approvisionnement de trois ans",
        "La cidrerie Kerlann a signé un accord d'approvisionnement avec la coopérative de "
        "Lapoutroie pour trois ans.",
        {"68"},
        {"44"},
    ),
    (
        "fr-offshore-of-town",
        "Éolien en mer : Néréide Énergies choisit ses flotteurs",
        "Le parc éolien flottant sera installé au large de Quiberon, a annoncé Néréide "
        "Énergies, qui a retenu le chantier Armor Acier.",
        {"56"},
        {"53"},
    ),
    (
        "en-offshore-of-town",
        "Floating wind developer picks its floaters",
        "The floating wind farm will be moored off Quiberon, developer Nereide Energies said, "
        "after picking Armor Steel for the floaters.",
        {"56"},
        {"53"},
    ),
    (
        "fr-guard-register-town-then-legal-form",
        "Annonces légales : immatriculation",
        "Immatriculation. RCS Lorient 853 441 212. SARL Ker Avel. Activité : restauration "
        "traditionnelle.",
        {"56"},
        {"53"},
    ),
    (
        "en-guard-department-then-capitalised-words",
        "Quarry opens",
        "Granite Works has opened a quarry in the Morbihan Energy Park.",
        {"56"},
        {"53"},
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
