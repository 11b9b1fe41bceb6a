"""Sectors stated in everyday press wording (issue 14), in French and English.

Each article names its sector the way a trade journalist does — a trade, a product, a
site, a profession, an institution — rather than with the sector's own name; the
traps use sector words figuratively or in passing. Texts written for this module, none
from an evaluation set. Runs in about 15 s (the session's enricher, models loaded once).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import sector_codes

# (sector, language, title, text)
STATED: list[tuple[str, str, str, str]] = [
    (
        "agrifood",
        "fr",
        "Cantal : la salaisonnerie Delmon embauche douze personnes",
        "L'entreprise familiale, installée depuis 1962 à Saint-Flour, agrandit son atelier "
        "de découpe et vise de nouveaux clients en Espagne.",
    ),
    (
        "agrifood",
        "fr",
        "Reprise confirmée à Lamballe",
        "Le spécialiste de la charcuterie Kerbrat reprend l'usine de Lamballe, où sont "
        "fabriqués ses jambons et ses saucissons. Les 80 salariés sont conservés.",
    ),
    (
        "health",
        "fr",
        "Une maison de santé ouvre à Guéret",
        "Deux généralistes, une sage-femme et trois infirmières y recevront leurs "
        "premiers patients en septembre, a annoncé la mairie.",
    ),
    (
        "construction",
        "fr",
        "Les artisans de Mayenne peinent à recruter",
        "Carreleurs, plombiers et plâtriers manquent dans le département : la chambre de "
        "métiers compte 300 offres non pourvues.",
    ),
    (
        "transport",
        "fr",
        "Lille : les livreurs de colis en grève",
        "Ils dénoncent les cadences imposées depuis l'ouverture du nouveau centre de tri "
        "de Lesquin.",
    ),
    (
        "tourism",
        "fr",
        "Les stations thermales retrouvent leurs curistes",
        "À Vichy comme à Dax, la fréquentation a dépassé son niveau de 2019, selon la fédération.",
    ),
    (
        "digital",
        "fr",
        "Un studio de jeu vidéo s'installe à Angoulême",
        "La jeune société compte embaucher une trentaine de personnes d'ici deux ans.",
    ),
    (
        "defence",
        "fr",
        "Le troisième patrouilleur livré à Brest",
        "Le navire rejoint la Marine nationale après six mois d'essais en mer.",
    ),
    (
        "energy",
        "fr",
        "Le gazoduc entre la Bretagne et la Normandie mis en service",
        "L'ouvrage de 110 kilomètres a coûté 200 millions d'euros.",
    ),
    (
        "chemicals",
        "fr",
        "Marseille : une savonnerie centenaire rachetée",
        "Le repreneur garde les quinze salariés et la marque.",
    ),
    (
        "textile_luxury",
        "fr",
        "Troyes : le bonnetier Arvel relocalise sa production",
        "Les chaussettes et les pulls seront de nouveau tricotés dans l'Aube dès l'automne.",
    ),
    (
        "automotive",
        "fr",
        "Les ventes de deux-roues reculent en Auvergne",
        "Les marchands de motos et de scooters de la région constatent un recul de 8 % "
        "sur le trimestre.",
    ),
    (
        "transport",
        "en",
        "Logistics group opens a hub near Lyon",
        "The new site at Saint-Quentin-Fallavier will employ 150 people by next spring.",
    ),
    (
        "tourism",
        "en",
        "Holiday villages fill up in the Dordogne",
        "Their owners say bookings rose by 12% on last year, driven by "
        "visitors from Britain and Belgium.",
    ),
    (
        "agrifood",
        "en",
        "Oyster beds lost to the storm in the bay of Arcachon",
        "Shellfish in the oldest parks were buried under sand, the trade's local committee says.",
    ),
    (
        "health",
        "en",
        "Nursing home operator to open three sites in Occitanie",
        "The group will hire 200 staff, including nurses and care assistants.",
    ),
    (
        "textile_luxury",
        "en",
        "Handbag maker expands its Limousin workshop",
        "The company will train forty new leather workers over two years.",
    ),
    (
        "construction",
        "en",
        "Roofers and plumbers in short supply in Normandy",
        "Trade bodies say small firms turn down one job in three for lack of staff.",
    ),
    (
        "energy",
        "en",
        "Small modular reactor project picks a site in the Rhône valley",
        "The developer expects a building permit in 2027 and a first start-up in 2032.",
    ),
    (
        "defence",
        "en",
        "Howitzer order lifts Bourges plant",
        "The contract covers 30 guns for an Eastern European army, to be delivered by 2028.",
    ),
    (
        "chemicals",
        "en",
        "Polyethylene plant restarts after the summer shutdown",
        "The site near Lavéra had stopped for eight weeks of maintenance.",
    ),
    (
        "digital",
        "en",
        "Broadband roll-out reaches the last villages of the Creuse",
        "Some 4,000 homes will be connected by the end of the year.",
    ),
    (
        "automotive",
        "en",
        "Motorbike maker recalls 2,000 machines",
        "A faulty part may cause the front brake to fail, the company said.",
    ),
    (
        "aeronautics",
        "en",
        "Turboprop maker picks Pau for its new line",
        "The plant will assemble 40 units a year from 2027.",
    ),
]

# (sector that must not be found, language, title, text)
TRAPS: list[tuple[str, str, str, str]] = [
    (
        # One mention ("parcs éoliens en mer") is one piece of evidence, not three.
        "energy",
        "fr",
        "Le groupe nantais Gaudin rachète un spécialiste des travaux maritimes",
        "La société bretonne construit des quais et des digues, notamment pour les parcs "
        "éoliens en mer. Elle emploie 80 personnes.",
    ),
    (
        # "conserve" is the verb here, not the tinned food.
        "agrifood",
        "fr",
        "Le groupe Marnier conserve son siège à Reims",
        "La direction a renoncé au déménagement annoncé l'an dernier.",
    ),
    (
        # An air taxi is an aircraft, not a taxi.
        "transport",
        "en",
        "Air taxi maker picks Toulouse for its test centre",
        "The start-up will fly its first air taxi prototype there next year.",
    ),
    (
        # Sector words in passing: delivery lorries and software at a biscuit maker.
        "transport",
        "fr",
        "La biscuiterie Lemoine investit 4 millions d'euros",
        "L'entreprise remplace deux fours, modernise son logiciel de gestion et renouvelle "
        "ses camions de livraison.",
    ),
    (
        # Figurative: the "driving seat" and the "engine" of a merger.
        "automotive",
        "en",
        "Bank takes the driving seat in the merger",
        "The lender has been the engine of the deal and will keep a 30% stake.",
    ),
]


@pytest.mark.parametrize(
    ("sector", "language", "title", "text"), STATED, ids=[c[2][:40] for c in STATED]
)
def test_a_sector_stated_in_everyday_wording(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector in sector_codes(enricher, language, title, text)


@pytest.mark.parametrize(
    ("sector", "language", "title", "text"), TRAPS, ids=[c[2][:40] for c in TRAPS]
)
def test_a_sector_word_in_passing_or_figurative(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector not in sector_codes(enricher, language, title, text)
