"""Which company an event belongs to, on new wording (issue 14.2): an event whose sentence
names another firm as its subject is that firm's, not the article's main company's, nor
that of a registry company named beside it as customer, partner, target, former owner or
investor.

Every text here was written for these tests (none comes from the tuning or held-out sets);
the companies are invented and put in a registry of their own. The conventions are those
of the evaluation's gold: an event belongs to the company that is the subject of its
sentence; an acquisition is the buyer's, a contract the supplier's, a partnership the
first party's; money a fund puts into a firm is that firm's fundraising, not its
investment.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.attribution_cases_roles import ROLE_CASES
from tests.enrichment.attribution_cases_subjects import (
    ALCARENE,
    MORVELLE,
    SUBJECT_CASES,
    VALLORIN,
)
from tests.enrichment.enriching import batch_events

REGISTRY = [
    CompanyRecord(
        ALCARENE, "Forges d'Alcarène", ALCARENE, ("Alcarène",), None, "25.50A", "63", "84", False
    ),
    CompanyRecord(
        MORVELLE, "Tissages Morvelle", MORVELLE, ("Morvelle",), None, "13.20Z", "69", "84", False
    ),
    CompanyRecord(
        VALLORIN, "Brasserie Vallorin", VALLORIN, ("Vallorin",), None, "11.05Z", "35", "53", False
    ),
]

# (language, title, text, event type, company): see attribution_cases_subjects.py.
CASES = SUBJECT_CASES + ROLE_CASES


@pytest.fixture(scope="module")
def results(registry_enricher: Enricher) -> list[list[dict[str, object]]]:
    return batch_events(registry_enricher, CASES)


@pytest.mark.parametrize(
    "position", range(len(CASES)), ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CASES)]
)
def test_event_company(results: list[list[dict[str, object]]], position: int) -> None:
    _, title, _, kind, want = CASES[position]
    companies = [e["siren"] for e in results[position] if e["type"] == kind]
    if isinstance(want, tuple):
        assert want[1] not in companies, (title, results[position])
    else:
        assert want in companies, (title, results[position])
