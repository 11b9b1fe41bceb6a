"""Sector terms written as hyphenated compounds ("a civil-works contract", "a floor-tile
plant"), and the produce and building-material families: fruit and its processing
("poires", "purées", "nectars de fruits tropicaux"), tiles ("tile plant", "ceramic
tiles")."""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import sector_codes

CASES = [
    (
        "en",
        "construction",
        "Lyon group lands EUR 40m civil-works contract",
        "Bâtisseurs du Rhône will carry out the civil-works package of the new hospital wing "
        "in Villeurbanne, the firm said on Monday. Work starts in April.",
    ),
    (
        "en",
        "construction",
        "Limoges tile plant to cut 60 jobs",
        "Céramiques du Vienne will cut 60 of its 240 jobs and stop one of its two kilns, "
        "blaming gas prices and imports of porcelain tiles from Asia.",
    ),
    (
        "fr",
        "agrifood",
        "Les poires de la vallée du Rhône partent au Canada",
        "La coopérative a chargé ses premiers conteneurs de poires pour Montréal. Elle "
        "espère y vendre 2 000 tonnes dès l'an prochain.",
    ),
    (
        "fr",
        "agrifood",
        "À Saint-Paul, une nouvelle usine de compotes",
        "La société familiale investit 9 millions d'euros pour produire des compotes et des "
        "purées de mangue achetées aux planteurs de l'île.",
    ),
]


@pytest.mark.parametrize(("language", "code", "title", "text"), CASES)
def test_the_sector_is_found(
    enricher: Enricher, language: str, code: str, title: str, text: str
) -> None:
    assert code in sector_codes(enricher, language, title, text)
