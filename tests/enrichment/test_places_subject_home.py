"""Places (issue 14, session 4): a place that describes a firm the title names ("Korvel,
the Lille rail engineering firm", "le brasseur nantais Kerhoat") is the home of the news's
firm, never a place in passing, even when the title and the first paragraph name another
region strongly. A firm the title does not name (a rival, a customer) gets no such
exception.

Every text was written for these tests; none comes from an evaluation set. The firms are
not in the test registry, so only the text gives places. About 10 s (models loading).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import places_of

CASES = [
    (
        "en-apposition",
        "Korvel wins Nantes tram maintenance contract",
        "Korvel, the Lille rail engineering firm, has won a five-year contract to maintain "
        "the Nantes tramway, the city's transport authority said on Tuesday.",
        {"44", "59"},
        {"52", "32"},
    ),
    (
        "fr-avant-le-nom",
        "Kerhoat rachète une malterie à Reims",
        "Le brasseur nantais Kerhoat a racheté la Malterie Dauphin, installée à Reims, pour "
        "sécuriser ses approvisionnements en orge.",
        {"51", "44"},
        {"44", "52"},
    ),
    (
        # A rival the title does not name stays a place in passing (after the first
        # paragraph: since session 8 a place of the lead counts).
        "fr-autre-firme",
        "Kerhoat rachète une malterie à Reims",
        "Kerhoat a racheté la Malterie Dauphin, installée à Reims.\n\nLa malterie était "
        "aussi convoitée par le brasseur nantais Lemoal.",
        {"51"},
        {"44"},
    ),
]


@pytest.mark.parametrize(("name", "title", "text", "departments", "regions"), CASES)
def test_the_home_of_the_title_s_firm_is_no_place_in_passing(
    enricher: Enricher,
    name: str,
    title: str,
    text: str,
    departments: set[str],
    regions: set[str],
) -> None:
    assert places_of(enricher, name, title, text) == (departments, regions)
