"""Places (issue 14.3): the registry's seat of the company a document is about fills a
text that names no place, but a text that names places is about those ("Aérovolt ouvre un
atelier à Pau" is news of Pau, not of Aérovolt's Haute-Garonne).

Texts written for these tests (none from an evaluation set), over the shared test registry:
Aérovolt is registered in Haute-Garonne (31, region 76), Horizon in Seine-Maritime (76,
region 28). About 10 s (models loading).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.test_enricher import enrich

CASES = [
    (
        "fr",
        "Aérovolt ouvre un atelier à Pau",
        "Aérovolt a inauguré jeudi un atelier de 3 000 mètres carrés à Pau, où 40 "
        "techniciens assembleront ses moteurs électriques.",
        ["75"],
        ["64"],
    ),
    (
        "en",
        "Horizon Logistique opens a warehouse in Dijon",
        "Horizon Logistique has opened a 20,000-square-metre warehouse in Dijon, which will "
        "employ 35 people by the summer.",
        ["27"],
        ["21"],
    ),
    (
        "fr",
        "Aérovolt recrute",
        "Aérovolt embauchera 40 ingénieurs l'an prochain pour industrialiser son moteur, a "
        "indiqué sa présidente.",
        ["76"],
        ["31"],
    ),
]


@pytest.mark.parametrize(("language", "title", "text", "regions", "departments"), CASES)
def test_the_text_s_places_before_the_registry_s(
    enricher: Enricher,
    language: str,
    title: str,
    text: str,
    regions: list[str],
    departments: list[str],
) -> None:
    result = enrich(enricher, title, text, language)
    assert {c["siren"] for c in result.companies} & {"919985002", "986165694"}
    assert (result.regions, result.departments) == (regions, departments)
