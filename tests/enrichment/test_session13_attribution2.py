"""Which company an event belongs to (session 13, second round): a distributor or an
importer abroad that signs to sell a producer's goods leaves the export to the producer
("Osaka trading house X has signed an agreement to distribute the cheeses of Y"); a firm
described by its trade and a place the document's firms are not named near ("The
Saint-Aubin paper mill will close", "la liquidation de la fonderie de Vireux") is another
firm than the article's.

Every text was written for these tests (none comes from an evaluation set); the companies
are invented. Each case fails with its rule switched off.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import batch_events, check_event_company, registry_firm

BRESSAN = "900003401"
KERLOC = "900003402"
MAUVIN = "900003403"


REGISTRY = [
    registry_firm(BRESSAN, "Fromageries Bressan", ("Bressan",), "10.51C", "39", "27"),
    registry_firm(KERLOC, "Kerloc Logistique", ("Kerloc",), "52.10B", "76", "28"),
    registry_firm(MAUVIN, "Fonderies Mauvin", ("Mauvin",), "24.51Z", "08", "44"),
]

CASES: list[tuple[str, str, str, str, object]] = [
    # ---- a distributor abroad as the subject: the producer's export
    (
        "en",
        "Cheese: a first deal in Asia",
        "Osaka trading house Hanamura Corporation has signed a three-year agreement to "
        "distribute the cheeses of Fromageries Bressan, a producer based in the Jura, to "
        "department stores across Japan.",
        "export",
        BRESSAN,
    ),
    (
        "fr",
        "Fromage : un premier accord en Asie",
        "La société japonaise Hanamura a signé un accord de trois ans pour distribuer les "
        "fromages de Fromageries Bressan dans les grands magasins du Japon.",
        "export",
        BRESSAN,
    ),
    # ---- a firm described by its trade and a place: another firm's event
    (
        "en",
        "Normandy business week",
        "Le Havre. Kerloc Logistique is recruiting 80 warehouse operators for its new "
        "freight station.\n\n"
        "Rouen. The Saint-Aubin paper mill will close at the end of March; 150 jobs are at "
        "stake.",
        "closure",
        ("not", KERLOC),
    ),
    (
        "fr",
        "Semaine normande",
        "Le Havre. Kerloc Logistique recrute 80 caristes pour sa nouvelle plateforme.\n\n"
        "Rouen. La papeterie de Saint-Aubin cessera son activité fin mars, laissant 150 "
        "salariés sans emploi.",
        "closure",
        ("not", KERLOC),
    ),
    (
        "fr",
        "Ardennes : la semaine industrielle",
        "Le tribunal de commerce de Sedan a prononcé jeudi la liquidation judiciaire de la "
        "fonderie de Vireux, en redressement depuis le printemps.\n\n"
        "Fonderies Mauvin, installée à Charleville-Mézières, va embaucher vingt de ses "
        "salariés. Fonderies Mauvin manque de mouleurs depuis deux ans.",
        "insolvency",
        ("not", MAUVIN),
    ),
]


@pytest.fixture(scope="module")
def results(registry_enricher: Enricher) -> list[list[dict[str, object]]]:
    return batch_events(registry_enricher, CASES)


@pytest.mark.parametrize("position", range(len(CASES)), ids=[c[1][:48] for c in CASES])
def test_event_company(results: list[list[dict[str, object]]], position: int) -> None:
    check_event_company(CASES[position], results[position])
