"""Places (issue 14.3): a French town's name that is a foreign city's in a text about that
country ("signé à Vienne avec le ministère autrichien"), a town named only to say where
another one is ("Bourgoin-Jallieu, near Lyon"), a river's valley ("the Meuse valley"),
a firm of a town named like a person or a city abroad ("l'entreprise de Brest"), the
demonym of Clermont-Ferrand and a tender's lot ("Lot 4, joinery"); a wire dateline ("LYON
(AFP) -") in a story about another place counts beside it (session 15); "Savoie" as the
province in a text whose Savoie places are all in the Haute-Savoie; "the Paris region", "la région
parisienne" as Île-de-France, and Paris in "the greater Paris area".

Every text was written for these tests; none comes from an evaluation set. The firms are
not in the test registry, so only the text gives places.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import places_of

CASES = [
    (
        "fr-vienne-autriche",
        "Les Forges Barrault décrochent un contrat ferroviaire",
        "Le fabricant d'essieux de Montbéliard a signé mardi à Vienne un contrat de 40 "
        "millions d'euros avec l'opérateur ferroviaire autrichien. Les livraisons "
        "commenceront en 2027.",
        {"25"},
        {"27"},
    ),
    (
        "en-valence-spain",
        "Orchard cooperative signs with a Spanish retailer",
        "Vergers du Quercy, based in Cahors, will supply a Spanish supermarket chain from "
        "its new platform. The contract was signed in Valence with the chain's buyers, who "
        "will stock its plums in 300 stores across Spain.",
        {"46"},
        {"76"},
    ),
    (
        "fr-vienne-reste-francaise",
        "Un équipementier ferme son atelier de Vienne",
        "L'équipementier, installé à Poitiers, fermera son atelier de Vienne, malgré une "
        "commande autrichienne signée l'an dernier.",
        {"86"},
        {"75"},
    ),
    (
        "en-near-lyon",
        "Software firm Quadrix hires 60",
        "Quadrix, a payroll software maker headquartered in Bourgoin-Jallieu, near Lyon, "
        "will hire 60 developers this year.",
        {"38"},
        {"84"},
    ),
    (
        "fr-a-km-de",
        "Le logisticien Transcar agrandit son entrepôt",
        "Transcar investit 12 millions d'euros dans son entrepôt de Saint-Quentin-Fallavier, "
        "à 30 km de Lyon, et embauchera 45 caristes.",
        {"38"},
        {"84"},
    ),
    (
        "en-meuse-valley",
        "Foundry in Charleville-Mézières seeks a buyer",
        "Fonderie Pradel, in Charleville-Mézières, is looking for a buyer. For a century the "
        "Meuse valley has cast engine parts for carmakers.",
        {"08"},
        {"44"},
    ),
    (
        "fr-entreprise-de-brest",
        "Digue de Lorient : un marché de 9 millions",
        "Le port de Lorient a confié les travaux de sa digue à la SBTM. L'entreprise de Brest "
        "mobilisera quarante compagnons.",
        {"29", "56"},
        {"53"},
    ),
    (
        "fr-pme-de-laval",
        "Imprimerie : un investissement de 3 millions",
        "La PME de Laval installe une presse numérique et embauche huit conducteurs.",
        {"53"},
        {"52"},
    ),
    (
        "fr-brest-metropole",
        "Tramway de Brest : le marché des rames attribué",
        "Brest métropole a retenu un constructeur pour sa deuxième ligne de tramway, "
        "livrée en 2029.",
        {"29"},
        {"53"},
    ),
    (
        "en-brest-belarus",
        "Dairy equipment maker Laiterie Tech signs in Belarus",
        "Laiterie Tech, based in Vitré, signed a contract in Brest with a Belarusian dairy "
        "for two cheese lines.",
        {"35"},
        {"53"},
    ),
    (
        "fr-clermontoise",
        "Une charpente en bois pour une école suisse",
        "L'entreprise clermontoise Charpentes Vidal a remporté le chantier d'une école à Lausanne.",
        {"63"},
        {"84"},
    ),
    (
        "en-tender-lot",
        "Contract award notice: school renovation in Espalion",
        "Contracting authority: Département de l'Aveyron. Lot 4, joinery: awarded to "
        "Menuiseries Vayssettes SARL. Lot n° 7, plumbing: unsuccessful.",
        {"12"},
        {"76"},
    ),
    (
        "en-dateline-elsewhere",
        "Shipyard wins ferry order",
        "LYON, Dec 5 (AFP) — Chantiers Morvan of Saint-Nazaire won an order for two ferries, "
        "the company said.",
        {"69", "44"},
        {"84", "52"},
    ),
    (
        "fr-dateline-ailleurs",
        "Un sous-traitant automobile ferme son usine",
        "STRASBOURG (AFP) - L'équipementier Valtec fermera son usine de Sochaux en juin, "
        "supprimant 140 emplois.",
        {"67", "25"},
        {"44", "27"},
    ),
    (
        "en-dateline-only-place",
        "Bakery chain expands",
        "NANTES, Dec 5 (Reuters) - Fournil Atlantique will open 12 shops next year, its chief "
        "executive said.",
        {"44"},
        {"52"},
    ),
    (
        "en-savoie-province",
        "Savoie cheese maker buys a dairy",
        "Fromagerie Jolivet, based in Thônes in Haute-Savoie, has bought a small dairy.",
        {"74"},
        {"84"},
    ),
    (
        "fr-savoie-province",
        "Un fromager de Savoie rachète une laiterie",
        "La fromagerie Jolivet, installée à Thônes, en Haute-Savoie, a racheté une laiterie.",
        {"74"},
        {"84"},
    ),
    (
        "fr-savoie-departement",
        "Un fabricant d'Annecy investit en Savoie",
        "Le fabricant, installé à Annecy, investit dans la Savoie voisine.",
        {"73", "74"},
        {"84"},
    ),
    (
        "en-paris-region",
        "Grocery delivery firm opens warehouses",
        "Frais Express will open four warehouses in the Paris region and hire 200 drivers.",
        set(),
        {"11"},
    ),
    (
        "fr-region-parisienne",
        "Le livreur Frais Express ouvre quatre entrepôts",
        "Frais Express ouvrira quatre entrepôts en région parisienne et embauchera 200 chauffeurs.",
        set(),
        {"11"},
    ),
    (
        "fr-start-up-parisienne",
        "La start-up parisienne Lumeo lève 4 millions",
        "Installée à Paris depuis 2021, Lumeo conçoit des capteurs de qualité de l'air.",
        {"75"},
        {"11"},
    ),
    (
        "en-greater-paris-area",
        "Bakery chain Fournil Duval expands",
        "Fournil Duval will open 15 shops in the greater Paris area next year.",
        {"75"},
        {"11"},
    ),
]


@pytest.mark.parametrize(
    ("name", "title", "text", "departments", "regions"), CASES, ids=[c[0] for c in CASES]
)
def test_places_of_the_news(
    enricher: Enricher,
    name: str,
    title: str,
    text: str,
    departments: set[str],
    regions: set[str],
) -> None:
    assert places_of(enricher, name, title, text) == (departments, regions)
