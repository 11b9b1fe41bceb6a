"""A second sector that is only what the firm serves, supplies or stands beside (its
clients, its site's neighbours) is not what the document is about when the leading sector
is the firm's own: "a software firm wins a hospital contract" is digital news. A second
sector that states a firm's trade of its own stays."""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import sector_codes

SERVED = [
    (
        "en",
        "digital",
        "health",
        "Quimper software firm Kelbot wins hospital contract",
        "Kelbot, a Quimper software firm, will supply its scheduling software to the "
        "hospitals of Finistère under a three-year contract worth EUR 2m.",
    ),
    (
        "fr",
        "digital",
        "health",
        "L'éditeur de logiciels Kelbot équipe les hôpitaux du Finistère",
        "Le spécialiste quimpérois des logiciels de planification équipera les hôpitaux du "
        "département pendant trois ans, pour un contrat de 2 millions d'euros.",
    ),
    (
        "fr",
        "energy",
        "agrifood",
        "Aude : des panneaux solaires au-dessus des vignes",
        "Le producteur d'électricité solaire Sunaude va poser des ombrières photovoltaïques "
        "sur 40 hectares de vignes de Lézignan.",
    ),
]


@pytest.mark.parametrize(("language", "lead", "served", "title", "text"), SERVED)
def test_a_served_sector_is_not_the_news(
    enricher: Enricher, language: str, lead: str, served: str, title: str, text: str
) -> None:
    codes = sector_codes(enricher, language, title, text)
    assert lead in codes and served not in codes


OWN = [
    (
        "en",
        "Quimper software firm Kelbot buys Brest hotel operator",
        "Kelbot, a Quimper software firm, has bought Hôtels de la Rade, a Brest hotel "
        "operator with four hotels, to test its booking software.",
    ),
    (
        "fr",
        "L'éditeur de logiciels Kelbot rachète un hôtelier brestois",
        "Le spécialiste quimpérois des logiciels de réservation rachète l'exploitant "
        "hôtelier Hôtels de la Rade et ses quatre hôtels.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), OWN)
def test_a_second_firm_s_trade_stays(
    enricher: Enricher, language: str, title: str, text: str
) -> None:
    assert {"digital", "tourism"} <= sector_codes(enricher, language, title, text)
