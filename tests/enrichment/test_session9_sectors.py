"""Works contracts, little beside much, and everyday words of a trade (session 9).

- A public contract's type ("Type de marché : travaux", "Type of contract: Works") says
  the work is building or civil engineering, whatever it is for: a works notice is
  construction news, and its object (a bus station, a hospital ward, a fishing port) is
  what is built, not a trade (`trade_statements.stated_trades`). A services notice keeps
  its object's sector.
- A second sector with under 45% of the lead's evidence is named beside the news (a
  software firm's hospital clients), not news of its own (`sector_asides.overshadowed`).
- "Port" alone is a place (the works' site), not transport news: a port's traffic, its
  operator or its logistics are.
- Everyday words found missing in text by other hands: sawmills, road resurfacing,
  insulating glass, shuttle boats, sightseeing boats, radiology, kaolin,
  fruit packing stations.

Texts written for this module, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.trade_statements import WORKS_FIELD
from tests.enrichment.enriching import sector_codes

# (sector, language, title, text)
Case = tuple[str, str, str, str]

WORKS: list[Case] = [
    (
        "construction",
        "fr",
        "Avis d'attribution — Vannes",
        "Avis d'attribution de marché public\n"
        "Acheteur : Vannes Agglomération, 30 rue Alphonse-Le-Roy, 56000 Vannes\n"
        "Objet : agrandissement de la gare routière de Vannes et de ses quais pour autocars\n"
        "Type de marché : Travaux\n"
        "Attributaire : SARL Le Bihan et Fils, 56400 Auray\n"
        "Montant : 1 450 000 euros HT\n",
    ),
    (
        "construction",
        "en",
        "Award notice — Quimper",
        "Contract award notice\n"
        "Contracting authority: Centre hospitalier de Cornouaille, 29000 Quimper\n"
        "Object: refurbishment of the maternity ward and of two operating theatres\n"
        "Type of contract: Works\n"
        "Successful tenderer: Kerguelen Frères, 29500 Ergué-Gabéric\n"
        "Amount: EUR 2,100,000 excl. VAT\n",
    ),
]

SERVICES: list[Case] = [
    (
        "transport",
        "fr",
        "Avis d'attribution — Pontivy",
        "Avis d'attribution de marché public\n"
        "Acheteur : Pontivy Communauté, 56300 Pontivy\n"
        "Objet : transport scolaire des élèves des écoles de la communauté, en autocar\n"
        "Type de marché : Services\n"
        "Attributaire : Cars du Blavet, 56300 Pontivy\n",
    ),
]

WORDS: list[Case] = [
    (
        "construction",
        "fr",
        "Gérardmer : la scierie Vautrin embauche",
        "La scierie Vautrin, installée à Gérardmer depuis 1932, va recruter six personnes "
        "au printemps.",
    ),
    (
        "construction",
        "en",
        "Vosges sawmill to hire six",
        "Vautrin, a family sawmill in Gérardmer, will recruit six people in the spring.",
    ),
    (
        "construction",
        "en",
        "Morbihan plans EUR 9m for its roads",
        "The Morbihan department will spend EUR 9 million next year on the resurfacing "
        "of its secondary roads, it said on Friday.",
    ),
    (
        "construction",
        "fr",
        "Verralys investit 12 millions d'euros à Dijon",
        "Verralys, qui produit du double vitrage, va investir 12 millions d'euros dans une "
        "nouvelle ligne à Dijon.",
    ),
    (
        "construction",
        "en",
        "Verralys to invest EUR 12m in Dijon",
        "Verralys, which produces insulating glass units for houses, will invest EUR 12 "
        "million in a new line in Dijon.",
    ),
    (
        "transport",
        "en",
        "Lorient orders two electric boats",
        "The city of Lorient has ordered two electric shuttle boats to cross the harbour "
        "between Lorient and Locmiquélic from 2028.",
    ),
    (
        "tourism",
        "fr",
        "Annecy : un bateau-promenade électrique pour Lac Bleu Navigation",
        "Lac Bleu Navigation a mis à l'eau son premier bateau-promenade électrique, qui "
        "emmènera 120 passagers autour du lac dès le mois de mai.",
    ),
    (
        "health",
        "fr",
        "Radiolia lève 4 millions d'euros",
        "Radiolia, à Rennes, qui repère les fractures sur les radiographies des urgences, "
        "a levé 4 millions d'euros auprès de ses actionnaires historiques.",
    ),
    (
        "health",
        "en",
        "Rennes start-up Radiolia raises EUR 4m",
        "Radiolia, a Rennes company that helps radiologists spot fractures faster, has "
        "raised EUR 4 million from its existing shareholders.",
    ),
    (
        "chemicals",
        "en",
        "Kaolia to hire 15 in Limousin",
        "Kaolia, which refines kaolin for paper mills, will hire 15 people at its Limousin "
        "plant next year.",
    ),
    (
        "agrifood",
        "en",
        "Moissac apple packer to hire 30",
        "Pommes du Tarn, a fruit company in Moissac, will hire 30 seasonal workers for its "
        "packing station this autumn.",
    ),
]

BESIDE: list[Case] = [
    (
        "digital",
        "en",
        "Brestcode raises EUR 6m for its cloud software",
        "Brestcode, a Brest software publisher, has raised EUR 6 million to develop its "
        "cloud platform. The start-up's software encrypts data stored in data centres and"
        " protects networks against ransomware and phishing. Its first clients were a "
        "hospital in Morlaix and two clinics, whose patient files it now hosts. Hospitals"
        " and nursing homes now bring a third of its sales. Founded in 2019, the company "
        "employs 40 engineers and plans to open an office in Nantes, where it will hire "
        "programmers and cybersecurity specialists.",
    ),
    (
        "digital",
        "fr",
        "Brestcode lève 6 millions d'euros pour son logiciel de cybersécurité",
        "L'éditeur de logiciels brestois Brestcode a levé 6 millions d'euros pour "
        "développer sa plateforme de cloud. Son logiciel chiffre les données stockées "
        "dans les centres de données et protège les réseaux informatiques contre les "
        "rançongiciels. Ses premiers clients ont été l'hôpital de Morlaix et deux "
        "cliniques, dont il héberge les dossiers des patients. Les hôpitaux et les "
        "maisons de retraite font désormais le tiers de son chiffre d'affaires. Créée en "
        "2019, l'entreprise emploie 40 ingénieurs et recrutera des développeurs et des "
        "spécialistes de la cybersécurité à Nantes.",
    ),
]

# "Port" alone is a place (the works' site, an offshore-wind base, a navy town), as it
# always was in French: the trade is a port's operation or traffic.
PORTS: list[Case] = [
    (
        "construction",
        "en",
        "Kerbrat TP to rebuild Concarneau port's north quay",
        "Kerbrat TP, a Quimper civil engineering firm, has won the EUR 12 million contract "
        "to rebuild the north quay of the port of Concarneau. Work at the port will start "
        "in March and last 18 months.",
    ),
    (
        "transport",
        "en",
        "Port traffic up 8% at Saint-Malo",
        "Cargo through the port of Saint-Malo rose 8% this year, its operator said, as "
        "ferry crossings to Jersey and port logistics for fertiliser grew.",
    ),
]


def _ids(cases: list[Case]) -> list[str]:
    return [f"{sector}-{language}-{i}" for i, (sector, language, *_) in enumerate(cases)]


@pytest.mark.parametrize(("sector", "language", "title", "text"), WORKS, ids=_ids(WORKS))
def test_a_works_notice_is_construction_whatever_it_builds(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}


@pytest.mark.parametrize(("sector", "language", "title", "text"), SERVICES, ids=_ids(SERVICES))
def test_a_services_notice_keeps_its_objects_sector(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}


@pytest.mark.parametrize(("sector", "language", "title", "text"), WORDS, ids=_ids(WORDS))
def test_everyday_words_of_a_trade(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}


@pytest.mark.parametrize(("sector", "language", "title", "text"), BESIDE, ids=_ids(BESIDE))
def test_little_beside_much_is_no_second_sector(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}


@pytest.mark.parametrize(("sector", "language", "title", "text"), PORTS, ids=_ids(PORTS))
def test_a_port_alone_is_a_place(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}


def test_the_contracts_type_is_read_only_from_its_field() -> None:
    found = [
        m.group("value")
        for text in (
            "Type de marché : travaux — Procédure adaptée",
            "Nature du marché : Travaux",
            "Type of contract: Works",
            "Les travaux de la gare dureront deux ans.",
            "Type de marché : Services",
        )
        for m in WORKS_FIELD.finditer(text)
    ]
    assert found == ["travaux", "Travaux", "Works"]
