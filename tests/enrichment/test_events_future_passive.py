"""A dated passive that lies ahead ("will be created in 2028", "seront créés en 2027", "is
to be built in 2029") is news, not background: with the article's date unknown, only a
finite past or a perfect makes a dated clause a thing of the past ("was founded in 2014",
"avait été rachetée en 2019").

Every text here was written for these tests; the companies are invented.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

VALMORE = "900000401"
REGISTRY = [
    CompanyRecord(
        VALMORE, "Conserveries Valmore", VALMORE, ("Valmore",), None, "10.39A", "29", "53", False
    ),
]

AHEAD = [
    (
        "fr",
        "Valmore agrandit sa conserverie de Douarnenez. Une trentaine d'emplois seront créés "
        "lorsque la nouvelle ligne démarrera en 2028.",
    ),
    (
        "en",
        "Valmore is extending its cannery in Douarnenez. Around thirty jobs will be created "
        "when the new line starts in 2028.",
    ),
]
PAST = [
    (
        "fr",
        "Valmore présente ses comptes. Une trentaine d'emplois avaient été créés en 2019 "
        "lors de l'ouverture de la ligne.",
    ),
    (
        "en",
        "Valmore presented its accounts. Around thirty jobs were created in 2019 when the "
        "line opened.",
    ),
]


@pytest.mark.parametrize(("language", "text"), AHEAD)
def test_a_passive_ahead_with_a_year_is_news(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "hiring" in types(events_of(registry_enricher, text, language))


@pytest.mark.parametrize(("language", "text"), PAST)
def test_a_dated_past_passive_stays_background(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "hiring" not in types(events_of(registry_enricher, text, language))
