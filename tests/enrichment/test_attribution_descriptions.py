"""Which company an event belongs to when its clause names the firm by a definite
description ("L'entreprise, fondée en 1921, y investira …", "The company will invest …"):
the firm that opened the sentence before, like a pronoun, and not the article's main
company when that sentence was about another firm (a round-up of several firms' news).

Every text was written for these tests (none comes from an evaluation set); the companies
are invented (the registry of ``test_attribution_new.py``). Run time: about 5 s.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.attribution_cases_subjects import ALCARENE, MORVELLE
from tests.enrichment.enriching import batch_events
from tests.enrichment.test_attribution_new import REGISTRY

__all__ = ["REGISTRY"]  # the registry_enricher fixture reads this module's REGISTRY

# (language, title, text, event type, company the event of that type must carry)
CASES: list[tuple[str, str, str, str, str]] = [
    (
        "fr",
        "Loire et Puy-de-Dôme : les Tissages Morvelle tiennent le cap",
        "À Roanne, les Tissages Morvelle ont présenté des ventes stables pour l'année. "
        "À Thiers, les Forges d'Alcarène fêtent leur centenaire. L'entreprise, fondée "
        "en 1921, investira 4 millions d'euros dans une nouvelle presse.",
        "investment",
        ALCARENE,
    ),
    (
        "en",
        "Loire textiles: Tissages Morvelle holds steady",
        "In Roanne, Tissages Morvelle reported flat sales for the year. In Thiers, Forges "
        "d'Alcarène is celebrating its centenary. The company, founded in 1921, will "
        "invest €4m in a new press.",
        "investment",
        ALCARENE,
    ),
    # A guard: the description after a sentence about the article's own firm stays its own.
    (
        "fr",
        "Les Tissages Morvelle agrandissent leur usine",
        "Les Tissages Morvelle ouvrent un second atelier à Roanne. L'entreprise y "
        "recrutera trente tisserands.",
        "hiring",
        MORVELLE,
    ),
]


@pytest.fixture(scope="module")
def results(registry_enricher: Enricher) -> list[list[dict[str, object]]]:
    return batch_events(registry_enricher, CASES)


@pytest.mark.parametrize(
    "position", range(len(CASES)), ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CASES)]
)
def test_described_firm(results: list[list[dict[str, object]]], position: int) -> None:
    _, title, _, kind, want = CASES[position]
    companies = [e["siren"] for e in results[position] if e["type"] == kind]
    assert want in companies, (title, results[position])
