"""Places (session 11): general faults of the place finder.

- accents: folded matching read a capitalised common word as a town spelt with other
  accents ("Maçon", the trade, as Mâcon); a lowercase accented letter the name's own
  spelling lacks makes the word another word (placespelling.py);
- a town and its district, station or airport joined by a hyphen ("Tours-Nord",
  "Lyon-Part-Dieu") is the town, unless the compound names another department's place
  or a new town ("Paris-Saclay", "Saint-Quentin-en-Yvelines"; placecompounds.py);
- the world's main business cities that fold like a small French commune ("Berne" and
  Berné in the Morbihan) are the city abroad unless the text places the commune
  (cities_abroad.csv, placecontext.namesake_abroad); the same list names a place abroad
  for export news (abroad.py);
- collectivities with no department ("Saint-Pierre and Miquelon") hold no place: not
  La Réunion's Saint-Pierre (placecollectivities.py).

Every text was written for these tests; none comes from an evaluation set. The firms are
not in the test registry, so only the text gives places. About 10 s (models loading).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.abroad import names_abroad
from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import places_of

CASES = [
    (
        "fr-trade-not-town",
        "Bâtinord embauche douze compagnons",
        "Maçon de métier, Paul Girard dirige Bâtinord, une entreprise de gros œuvre "
        "installée à Lille, qui embauchera douze compagnons cet hiver.",
        {"59"},
        {"32"},
    ),
    (
        "en-trade-not-town",
        "Bâtinord to hire twelve builders",
        "Maçon by trade, Paul Girard runs Bâtinord, a building firm in Lille that will "
        "hire twelve builders this winter.",
        {"59"},
        {"32"},
    ),
    (
        "fr-town-district",
        "Vellard ouvre une plateforme logistique",
        "Le transporteur Vellard, basé à Rennes, ouvre une plateforme logistique de "
        "20 000 m2 à Tours-Nord, avec 80 emplois à la clé.",
        {"35", "37"},
        {"53", "24"},
    ),
    (
        "en-town-station-district",
        "Kalisto hires 40 engineers",
        "Kalisto, a software firm whose offices stand in Lyon-Part-Dieu, is hiring 40 "
        "engineers this year.",
        {"69"},
        {"84"},
    ),
    (
        "fr-new-town-not-its-namesake",
        "Dalbert déménage son siège",
        "Le groupe Dalbert transfère son siège et ses 300 salariés à "
        "Saint-Quentin-en-Yvelines d'ici à l'été.",
        set(),
        set(),
    ),
    (
        # A district whose town's name is a common word is not that town's: the Croix-Rousse
        # is Lyon's, not Croix's (Nord).
        "fr-district-of-another-town",
        "Une soierie de Lyon recrute",
        "La soierie Berlan, installée sur les pentes de la Croix-Rousse, à Lyon, recrute "
        "quatre tisserands.",
        {"69"},
        {"84"},
    ),
    (
        "fr-city-abroad-not-commune",
        "Oenotek ouvre un bureau en Suisse",
        "La PME bordelaise Oenotek, installée à Bordeaux, ouvre un bureau à Berne pour ses "
        "clients suisses.",
        {"33"},
        {"75"},
    ),
    (
        "en-city-abroad-not-commune",
        "Oenotek opens a Swiss office",
        "Oenotek, a wine technology firm based in Bordeaux, has opened an office in Berne "
        "to serve its Swiss customers.",
        {"33"},
        {"75"},
    ),
    (
        "en-collectivity-not-reunion",
        "Nordpêche to build a fish plant",
        "Nordpêche, a fishing company from Brest, is building a fish processing plant in "
        "Saint-Pierre and Miquelon, the French archipelago off Newfoundland.",
        {"29"},
        {"53"},
    ),
    (
        "fr-collectivity-not-reunion",
        "Nordpêche construit une usine",
        "L'armateur Nordpêche, basé à Brest, construit une usine de transformation à "
        "Saint-Pierre-et-Miquelon, l'archipel français au large de Terre-Neuve.",
        {"29"},
        {"53"},
    ),
    (
        # Guards: La Réunion's towns stay theirs; a Pacific territory's town gives nothing.
        "fr-reunion-town",
        "Ocelis ouvre un entrepôt",
        "La société Ocelis ouvre un entrepôt de 40 emplois à Saint-Pierre, dans le sud de "
        "La Réunion.",
        {"974"},
        {"04"},
    ),
    (
        "en-pacific-territory",
        "Minéa invests in its nickel plant",
        "Minéa will invest €200m in its nickel plant in Nouméa, New Caledonia.",
        set(),
        set(),
    ),
]


@pytest.mark.parametrize(("name", "title", "text", "departments", "regions"), CASES)
def test_places(
    enricher: Enricher,
    name: str,
    title: str,
    text: str,
    departments: set[str],
    regions: set[str],
) -> None:
    assert places_of(enricher, name, title, text) == (departments, regions)


@pytest.mark.parametrize(
    ("sentence", "abroad"),
    [
        ("Vistec a signé un contrat de distribution à Séoul.", True),
        ("Vistec signed a distribution deal in São Paulo.", True),
        ("Vistec signed a distribution deal in Frankfurt.", True),
        # A French commune's name too, or a first name: not enough for export.
        ("Vistec a signé un contrat à Montréal.", False),
        ("Florence Martin a signé le contrat.", False),
    ],
)
def test_business_cities_abroad(sentence: str, abroad: bool) -> None:
    assert names_abroad(sentence) is abroad
