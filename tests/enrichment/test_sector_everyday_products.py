"""Everyday trade words of text by other hands (session 5): car interiors and battery
makers (automotive), truck makers (automotive, not haulage), civil drones and helicopter
engines (aeronautics), fresh pasta (agrifood), voice assistants (digital), roadway
works (construction), and a battery maker registered under NAF 27.20 (automotive)."""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import sector_codes

CASES = [
    (
        "fr",
        "automotive",
        "Montbéliard : 60 embauches chez un sous-traitant",
        "L'entreprise, qui moule des planches de bord et des calandres pour les usines de "
        "Sochaux et de Mulhouse, va recruter 60 régleurs d'ici l'été.",
    ),
    (
        "fr",
        "automotive",
        "Lens : Voltaria ouvre 150 postes",
        "Le fabricant de batteries Voltaria recrute 150 opérateurs pour sa deuxième ligne "
        "de modules de batteries, qui démarrera en juin.",
    ),
    (
        "en",
        "automotive",
        "Ardennes foundry wins brake-drum order",
        "The foundry will cast brake components for a Dutch truck maker under a five-year "
        "contract, its managing director said on Monday.",
    ),
    (
        "en",
        "aeronautics",
        "Toulouse start-up to double its staff",
        "Aerivue, a drone maker based in Blagnac, will hire 40 engineers next year to build "
        "its inspection drones for bridges and power lines.",
    ),
    (
        "fr",
        "agrifood",
        "Les Pâtes de Chantal agrandissent leur atelier",
        "L'entreprise de Grenoble, qui fabrique des ravioles et des gnocchis vendus en "
        "grande surface, investit 3 millions d'euros et recrute dix personnes.",
    ),
    (
        "en",
        "automotive",
        "Japanese supplier picks Alsace for first French plant",
        "Hanaoka, a maker of electric drive units, will build a EUR 80m plant near Mulhouse "
        "and hire 200 people by 2029.",
    ),
    (
        "fr",
        "digital",
        "Lyon : la jeune pousse Allo lève 5 millions d'euros",
        "La société, qui a conçu un standard téléphonique et un assistant vocal pour les "
        "artisans, recrutera 20 personnes d'ici l'été.",
    ),
    (
        "fr",
        "construction",
        "BOAMP — Avis d'attribution — RD 12",
        "Objet : réfection de la chaussée de la RD 12 entre Orgelet et Arinthod.\n"
        "Attributaire : Routes du Jura SAS, 39000 Lons-le-Saunier\nMontant : 1 200 000 € HT",
    ),
]


@pytest.mark.parametrize(("language", "code", "title", "text"), CASES)
def test_the_sector_is_found(
    enricher: Enricher, language: str, code: str, title: str, text: str
) -> None:
    assert code in sector_codes(enricher, language, title, text)


# An invented battery maker (NAF 27.20Z) that its texts never describe.
REGISTRY = [
    CompanyRecord(
        "938472615",
        "Voltaria SAS",
        "938472615",
        ("Voltaria",),
        None,
        "27.20Z",
        "62",
        "32",
        False,
    ),
]

REGISTERED = [
    (
        "fr",
        "Voltaria nomme un directeur financier",
        "Voltaria a nommé Claire Dumas directrice financière. Elle rejoint Voltaria après "
        "dix ans dans l'industrie.",
    ),
    (
        "en",
        "Voltaria names a finance chief",
        "Voltaria has appointed Claire Dumas as chief financial officer. She joins Voltaria "
        "from a bank.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), REGISTERED)
def test_a_battery_maker_is_automotive(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    assert sector_codes(registry_enricher, language, title, text) == {"automotive"}
