"""A river-cruise firm (NAF 50.30Z, inland passenger water transport) is tourism, not
transport: the press files its news under tourism."""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import sector_codes

# An invented sightseeing-boat firm on the Loire.
REGISTRY = [
    CompanyRecord(
        "934567896",
        "Bateaux de Loire SAS",
        "934567896",
        ("Bateaux de Loire",),
        None,
        "50.30Z",
        "44",
        "52",
        False,
    ),
]

CASES = [
    (
        "fr",
        "Bateaux de Loire change de directeur général",
        "Le conseil d'administration de Bateaux de Loire a nommé Marc Olivier directeur "
        "général. Il succède à Anne Brière, qui dirigeait Bateaux de Loire depuis 2015.",
    ),
    (
        "en",
        "Bateaux de Loire appoints a new chief executive",
        "Bateaux de Loire said on Tuesday it had named Marc Olivier chief executive. He "
        "replaces Anne Brière, who had run Bateaux de Loire since 2015.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), CASES)
def test_a_river_cruise_firm_is_tourism(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    codes = sector_codes(registry_enricher, language, title, text)
    assert "tourism" in codes and "transport" not in codes
