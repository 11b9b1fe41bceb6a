"""Places (session 10), from the errors of news11 (four authors who list every French place
a text mentions):

- cues and names: a craft firm's town ("un électricien de Laval"), a hospital's ("au CHRU
  de Nancy"), a place in apposition choosing among homonyms ("Saint-Denis, just north of
  Paris"), "Réunion island", natural regions within one department ("dans le Haut-Doubs",
  "in the Tarentaise"); a town with its department in brackets or after "RCS" is stated,
  never in passing ("Dijon (Côte-d'Or)", a notice's winner).

Every text was written for these tests; none comes from an evaluation set. The firms are
not in the test registry, so only the text gives places. About 10 s (models loading).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import places_of

NAMES = [
    (
        # A craft firm of a town is a cue for a name shared with people ("Laval").
        "fr-craft-firm-town",
        "Nantes : le groupe Bâtiplus rachète un électricien de Laval",
        "Le groupe Bâtiplus, installé à Nantes, a racheté un électricien de Laval et ses "
        "douze salariés, a-t-il annoncé lundi.",
        {"44", "53"},
        {"52"},
    ),
    (
        # A place in apposition says which Saint-Denis: the one north of Paris, not La
        # Réunion's, which the text names too.
        "en-homonym-apposition",
        "Kalenda Énergies to build a biomass plant",
        "Kalenda Énergies, a subsidiary of Ardier, a group headquartered in Saint-Denis, just "
        "north of Paris, will build a biomass plant at Le Port, on Réunion island.",
        {"93", "974"},
        {"11", "04"},
    ),
    (
        "fr-homonym-apposition",
        "Kalenda Énergies construira une centrale à biomasse",
        "Kalenda Énergies, filiale d'Ardier, dont le siège est à Saint-Denis, au nord de "
        "Paris, construira une centrale à biomasse au Port, à La Réunion.",
        {"93", "974"},
        {"11", "04"},
    ),
    (
        "en-island-homonym",
        "Quantix opens an annotation centre",
        "Quantix, a Paris software firm, has opened an annotation centre with 30 staff in "
        "Saint-Denis, on Réunion island.",
        {"75", "974"},
        {"11", "04"},
    ),
    (
        # "Réunion" alone is also a meeting: "Réunion island" is the island.
        "en-island",
        "Kalenda to build a biomass plant",
        "Kalenda Énergies will build a EUR 85 million biomass plant on Réunion island, its "
        "first outside mainland France.",
        {"974"},
        {"04"},
    ),
    (
        # A hospital's town is a cue for a name shared with people ("Nancy").
        "fr-hospital-town",
        "Medisonde termine son étude clinique",
        "La start-up Medisonde a terminé l'étude clinique de sa sonde portable au CHRU de "
        "Nancy, auprès de 400 patients.",
        {"54"},
        {"44"},
    ),
    (
        # A natural region within one department, after a cue, is that department.
        "fr-natural-region",
        "Fromages : la coopérative Grand Vaux rachète une fruitière",
        "La coopérative Grand Vaux a racheté une fruitière dans le Haut-Doubs, où elle "
        "collecte déjà le lait de 40 fermes.",
        {"25"},
        {"27"},
    ),
    (
        "en-natural-region",
        "Hotel group Cimes buys a ski-resort hotel",
        "Hotel group Cimes has bought a 60-room hotel in the Tarentaise, its fourth in the Alps.",
        {"73"},
        {"84"},
    ),
    (
        # A town with its department in brackets is stated, never in passing: a notice's
        # winner in another region.
        "en-bracketed-winner",
        "Award notice: school transport in the Vosges",
        "Buyer: Vosges department council, Épinal.\n\n"
        "Lot 1: awarded to Autocars Martin, Épinal.\n\n"
        "Lot 2: awarded to Transports Garnier, Dijon (Côte-d'Or).",
        {"88", "21"},
        {"44", "27"},
    ),
    (
        "fr-register-seller",
        "Vente d'un fonds de commerce de boulangerie à Épinal",
        "Acheteur : Pâtisserie des Vosges, 12 rue de la Gare, 88000 Épinal.\n\n"
        "Vendeur : Boulangerie Martin, immatriculée au RCS Dijon.",
        {"88", "21"},
        {"44", "27"},
    ),
]


@pytest.mark.parametrize(("name", "title", "text", "departments", "regions"), NAMES)
def test_cues_and_homonyms(
    enricher: Enricher,
    name: str,
    title: str,
    text: str,
    departments: set[str],
    regions: set[str],
) -> None:
    assert places_of(enricher, name, title, text) == (departments, regions)
