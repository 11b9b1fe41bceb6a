"""What a vehicle runs on is not the sector a text is about (issue 14, sector precision):
"LNG-powered ferries", "buses running on biofuel", "des camions roulant au biogaz" are
transport news, not energy; an energy firm's news still is. Texts written for this
module, none from an evaluation set. Runs in about 5 s (the session's enricher, models
loaded once).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.test_enricher import enrich

# (language, title, text): transport news whose vehicles run on a fuel.
FUELLED: list[tuple[str, str, str]] = [
    (
        "en",
        "Iroise Ferries orders two LNG-powered vessels",
        "The Brest ferry operator will also convert its older ships to run on liquefied "
        "natural gas, while its buses to the port will be powered by hydrogen.",
    ),
    (
        "fr",
        "Les cars Taillandier rouleront au biogaz",
        "Le transporteur vendéen remplacera ses autocars par des véhicules fonctionnant au "
        "biogaz et des navettes propulsées à l'hydrogène.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), FUELLED, ids=["en", "fr"])
def test_a_vehicle_s_fuel_is_no_energy_news(
    enricher: Enricher, language: str, title: str, text: str
) -> None:
    codes = {s["code"] for s in enrich(enricher, title, text, language).sectors}
    assert "transport" in codes
    assert "energy" not in codes


def test_an_energy_producer_still_is(enricher: Enricher) -> None:
    result = enrich(
        enricher,
        "Méthavalor inaugure son unité de biogaz",
        "Le producteur de biométhane injectera son gaz dans le réseau dès mars.",
        "fr",
    )
    assert "energy" in {s["code"] for s in result.sectors}
