"""Which company an event belongs to when its sentence names no firm and opens with no
pronoun ("Une trentaine de tisserands seront recrutés …"): the registry firm that opened
the sentence before, in the same paragraph, and not the article's main company when
that sentence was about another firm (a round-up of several firms' news).

Every text was written for these tests (none comes from an evaluation set); the companies
are invented (the registry of ``test_attribution_new.py``). Run time: about 5 s.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.attribution_cases_subjects import MORVELLE, VALLORIN
from tests.enrichment.enriching import batch_events
from tests.enrichment.test_attribution_new import REGISTRY

__all__ = ["REGISTRY"]  # the registry_enricher fixture reads this module's REGISTRY

# (language, title, text, event type, company the event of that type must carry)
CASES: list[tuple[str, str, str, str, str]] = [
    (
        "fr",
        "Les nouvelles de la semaine : la Brasserie Vallorin à Redon",
        "La Brasserie Vallorin inaugure une boutique de vente directe à Redon.\n\n"
        "À Roanne, les Tissages Morvelle ont livré la dernière série de housses pour la "
        "SNCF. Une trentaine de tisserands seront recrutés d'ici l'été.",
        "hiring",
        MORVELLE,
    ),
    (
        "en",
        "This week's news: Brasserie Vallorin in Redon",
        "Brasserie Vallorin is opening a shop in Redon.\n\n"
        "In Roanne, Tissages Morvelle delivered the last batch of seat covers to the SNCF. "
        "Some thirty weavers will be hired by the summer.",
        "hiring",
        MORVELLE,
    ),
    # A guard: after a sentence about the article's own firm, its own event.
    (
        "fr",
        "La Brasserie Vallorin agrandit sa salle de brassage",
        "La Brasserie Vallorin agrandit sa salle de brassage de Redon. Douze brasseurs "
        "seront recrutés d'ici l'été.",
        "hiring",
        VALLORIN,
    ),
]


@pytest.fixture(scope="module")
def results(registry_enricher: Enricher) -> list[list[dict[str, object]]]:
    return batch_events(registry_enricher, CASES)


@pytest.mark.parametrize(
    "position", range(len(CASES)), ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CASES)]
)
def test_topic_firm(results: list[list[dict[str, object]]], position: int) -> None:
    _, title, _, kind, want = CASES[position]
    companies = [e["siren"] for e in results[position] if e["type"] == kind]
    assert want in companies, (title, results[position])
