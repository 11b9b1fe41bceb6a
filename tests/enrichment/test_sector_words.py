"""Everyday trade words of the sector lexicon (issue 14, sector recall), and a word that
names another trade ("a potato processor" is no chip). Texts written for this module,
none from an evaluation set. Runs in about 5 s (the session's enricher, models loaded once).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import sector_codes

# (sector, language, title, text)
STATED: list[tuple[str, str, str, str]] = [
    (
        "automotive",
        "fr",
        "Cluses : le décolleteur Bouvard embauche",
        "L'entreprise haut-savoyarde recrute quinze régleurs.",
    ),
    (
        "agrifood",
        "en",
        "Burgundy mustard prices soar",
        "A poor harvest of seeds has doubled the cost of the condiment's main ingredient.",
    ),
    (
        "agrifood",
        "fr",
        "La moutarderie Vallet change de mains",
        "Le fondateur cède l'entreprise à ses cadres.",
    ),
    (
        "health",
        "fr",
        "Des pansements aux algues bientôt testés à Brest",
        "Une jeune entreprise finistérienne prépare ses premiers essais.",
    ),
    (
        "defence",
        "en",
        "Bourges firm wins order for night vision goggles",
        "The Bourges company will deliver 4,000 units over three years.",
    ),
    (
        "chemicals",
        "en",
        "Work starts on Dunkirk cathode materials plant",
        "The €600m site will employ 500 people.",
    ),
    (
        "tourism",
        "en",
        "Cider house opens a visitor centre in the Pays d'Auge",
        "It expects 20,000 guests in its first year.",
    ),
    (
        "transport",
        "fr",
        "Le déménageur Gallois ouvre une agence à Angers",
        "L'entreprise familiale y emploiera huit personnes dès janvier.",
    ),
    (
        "automotive",
        "fr",
        "Le fabricant de camping-cars Vercors Loisirs recrute",
        "Il cherche quarante monteurs pour son usine de la Drôme.",
    ),
    (
        "health",
        "en",
        "Private ambulance operator expands in Brittany",
        "The Vannes company adds twelve vehicles and 30 crew.",
    ),
    (
        "health",
        "en",
        "Creuse agency to train 200 carers",
        "The six-month course opens in March in Guéret.",
    ),
    (
        "textile_luxury",
        "en",
        "Calais workshop looks for seamstresses",
        "It has twelve vacancies and few applicants.",
    ),
    (
        "transport",
        "fr",
        "Pénurie de caristes dans le Vaucluse",
        "Les agences d'intérim peinent à pourvoir une centaine de postes.",
    ),
    (
        "tourism",
        "fr",
        "Un parc aquatique ouvrira à Lacanau en 2028",
        "Le projet prévoit 120 000 entrées par an et trente emplois.",
    ),
    (
        "chemicals",
        "fr",
        "Un fabricant de pesticides ferme son site de l'Oise",
        "Quarante salariés sont concernés.",
    ),
    # French trade nouns in the feminine, which the lemmatizer leaves as they are.
    (
        "agrifood",
        "fr",
        "Une viticultrice du Jura élue à la tête de la chambre",
        "Elle succède à un président en poste depuis dix ans.",
    ),
    (
        "construction",
        "fr",
        "Nantes : trois plombières créent leur entreprise",
        "Elles interviendront chez les particuliers de l'agglomération.",
    ),
    (
        "transport",
        "fr",
        "Les cheminotes de Tours se mobilisent",
        "Elles demandent une revalorisation de leurs primes.",
    ),
]

TRAPS: list[tuple[str, str, str, str]] = [
    (
        "digital",
        "en",
        "Picardy potato processor hires 30",
        "The processor will run a third shift at its Péronne plant from March.",
    ),
    (
        # The cars of a metro are rolling stock, not cars.
        "automotive",
        "en",
        "Rennes workshop to refurbish 40 metro cars",
        "The metro cars will get new seats and screens over two years.",
    ),
]


@pytest.mark.parametrize(
    ("sector", "language", "title", "text"), STATED, ids=[c[2][:40] for c in STATED]
)
def test_an_everyday_trade_word(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector in sector_codes(enricher, language, title, text)


@pytest.mark.parametrize(
    ("sector", "language", "title", "text"), TRAPS, ids=[c[2][:40] for c in TRAPS]
)
def test_a_word_of_another_trade(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector not in sector_codes(enricher, language, title, text)
