"""Sector recall on text by other hands (issue 14, session 6).

- The only sector a text names is what it is about, even named once ("fonds de commerce
  de restaurant", "which machines parts for helicopter engines"); two sectors named once
  each are still left out (`sectors._sole`).
- A trade noun governs its term across a compound qualifier or the noun the term
  qualifies ("a maker of long-range inspection drones", "le spécialiste des capteurs
  optroniques"; `sectors._across`), and so does "machine" ("which machines helicopter
  engine housings"; `trade_statements.made`).
- A sector beside the lead that rests on a registered company and a term in passing is a
  client's or a neighbour's (`sectors._passing`).
- Everyday trade words: banane / banana, motorisation thermique, électronique de défense /
  defence electronics, conception-réalisation, chef de chantier, aube de turbine.

Texts written for this module, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import sector_codes

# An invented specialty-chemicals firm (20.14Z, chemicals), the client of the texts below.
REGISTRY = [
    CompanyRecord(
        "934567896", "Chimalp SAS", "934567896", ("Chimalp",), None, "20.14Z", "38", "84", False
    ),
]

# (language, title, text): a hydrogen producer's news; its registered client is named with
# one chemical term in passing.
NEIGHBOUR: list[tuple[str, str, str]] = [
    (
        "fr",
        "Hydrovert livrera de l'hydrogène à son voisin Chimalp",
        "Le producteur d'hydrogène Hydrovert a signé un contrat de dix ans avec Chimalp, son "
        "voisin sur la plateforme chimique de Roussillon. Chimalp remplacera ainsi le gaz "
        "qu'elle achète aujourd'hui.",
    ),
    (
        "en",
        "Hydrovert to supply hydrogen to neighbour Chimalp",
        "Hydrogen producer Hydrovert has signed a ten-year contract with Chimalp, its "
        "neighbour on the Roussillon chemical platform. Chimalp will use it in place of the "
        "gas it buys today.",
    ),
]

# (sector, language, title, text): the text names one sector once, and no other.
SOLE: list[tuple[str, str, str, str]] = [
    (
        "tourism",
        "fr",
        "Bastia : un fonds de commerce cédé sur le port",
        "Le fonds de commerce de restaurant exploité place du Marché a été vendu 310 000 "
        "euros à une SARL créée en octobre. Entrée en jouissance le 1er décembre.",
    ),
    (
        "aeronautics",
        "en",
        "Usitarb to hire 35 in Tarbes",
        "Usitarb, which turns titanium shafts for helicopter engines, will hire 35 people "
        "at its Tarbes workshop by the summer, its chairwoman said.",
    ),
]

# (language, title, text): two sectors named once each, neither stated as a trade.
TWO_IN_PASSING: list[tuple[str, str, str]] = [
    (
        "fr",
        "Vierzon : Marvel Industrie recrute vingt personnes",
        "La PME livre des pièces pour les moteurs d'hélicoptère et des chariots pour les "
        "hôpitaux de la région.",
    ),
    (
        "en",
        "Corvel to hire 20 in Vierzon",
        "The firm delivers parts for helicopter engines and trolleys for hospitals in the region.",
    ),
]

# (sector, language, title, text): a trade noun governs the term from further back, while
# another sector is named once in passing.
ACROSS: list[tuple[str, str, str, str]] = [
    (
        "defence",
        "fr",
        "Bourges : Optilis étudie un second site",
        "Le spécialiste des capteurs optroniques Optilis étudierait un second site près de "
        "Vierzon, sur un terrain voisin de l'aéroport, selon des élus.",
    ),
    (
        "aeronautics",
        "en",
        "Aérovue to open a second plant near Toulouse",
        "Aérovue, a Blagnac maker of long-range inspection drones, will open a second plant "
        "next year, helped by orders from wind farm operators.",
    ),
    (
        "aeronautics",
        "en",
        "Mécatarb adds a night shift",
        "Mécatarb, which machines helicopter engine housings in Tarbes, has added a night "
        "shift. Its founder also chairs the board of the town's hospital.",
    ),
]

# (sector, language, title, text): everyday trade words, each the text's only sector term.
WORDS: list[tuple[str, str, str, str]] = [
    (
        "agrifood",
        "fr",
        "Guadeloupe : Karubana expédie vers le Canada",
        "Le groupement de Capesterre a vendu ses premières bananes à une enseigne de Montréal.",
    ),
    (
        "agrifood",
        "en",
        "Guadeloupe growers' group ships to Canada",
        "Karubana, based in Capesterre, sold its first bananas to a Montreal grocer this week.",
    ),
    (
        "automotive",
        "fr",
        "Vallée de la Meuse : Fondimeuse réduit la voilure",
        "L'atelier de Givet réduit ses équipes de nuit, faute de commandes liées aux "
        "motorisations thermiques.",
    ),
    (
        "defence",
        "fr",
        "Brest : Armelec embauche cinquante techniciens",
        "Armelec, spécialisée dans l'électronique de défense, recrutera cinquante "
        "techniciens en 2027.",
    ),
    (
        "defence",
        "en",
        "Armelec to hire 50 technicians in Brest",
        "The defence electronics group will recruit 50 technicians in 2027, its chairman "
        "said on Friday.",
    ),
    (
        "construction",
        "fr",
        "Angers : Bâtiloire remporte le futur collège",
        "Le groupement mené par Bâtiloire a remporté le marché de conception-réalisation du "
        "futur collège de Trélazé, un contrat de 31 millions d'euros.",
    ),
    (
        "construction",
        "fr",
        "Bâtiloire recrute en Maine-et-Loire",
        "L'entreprise cherche quinze chefs de chantier et trente compagnons pour l'an prochain.",
    ),
    (
        "aeronautics",
        "fr",
        "Pau : Usibéarn signe un contrat de cinq ans",
        "Usibéarn usinera des aubes de turbine haute pression pour un grand motoriste "
        "européen, pour 40 millions d'euros sur la durée.",
    ),
]


@pytest.mark.parametrize(("sector", "language", "title", "text"), SOLE, ids=[c[2] for c in SOLE])
def test_the_only_sector_named(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}


@pytest.mark.parametrize(
    ("language", "title", "text"), TWO_IN_PASSING, ids=[c[1] for c in TWO_IN_PASSING]
)
def test_two_sectors_named_once_each(
    enricher: Enricher, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == set()


@pytest.mark.parametrize(
    ("sector", "language", "title", "text"), ACROSS, ids=[c[2] for c in ACROSS]
)
def test_a_trade_noun_across_qualifiers(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}


@pytest.mark.parametrize(("sector", "language", "title", "text"), WORDS, ids=[c[2] for c in WORDS])
def test_everyday_trade_words(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector in sector_codes(enricher, language, title, text)


@pytest.mark.parametrize(("language", "title", "text"), NEIGHBOUR, ids=[c[0] for c in NEIGHBOUR])
def test_a_registered_client_named_in_passing(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    assert sector_codes(registry_enricher, language, title, text) == {"energy"}
