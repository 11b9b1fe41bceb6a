"""Which company a registry notice's event belongs to when the notice is given as plain
text (no structured fields): the firm its name field names ("Dénomination : …", "Company
name: …"), not the court's registry office or another phrase the models took for a firm
before it ("Greffe du Tribunal de Commerce de …" read as a firm "Greffe du").

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
        "BODACC B — Modifications — Tissages Morvelle",
        "BODACC B — Modifications diverses\n"
        "Greffe du Tribunal de Commerce de Roanne\n"
        "Dénomination : Tissages Morvelle\n"
        "Forme : Société par actions simplifiée\n"
        "Administration : Président : M. Hugo Berthelot, en remplacement de M. Paul "
        "Reynaud.\n"
        "Date d'effet : 2 octobre 2026",
        "leadership",
        MORVELLE,
    ),
    (
        "en",
        "Companies register — change of officers — Brasserie Vallorin",
        "Registry of the Commercial Court of Rennes\n"
        "Company name: Brasserie Vallorin\n"
        "Legal form: simplified joint-stock company\n"
        "Officers: Ms Anne Le Gall is appointed chairman, replacing Mr Yves Morin.\n"
        "Effective date: 2 October 2026",
        "leadership",
        VALLORIN,
    ),
]


@pytest.fixture(scope="module")
def results(registry_enricher: Enricher) -> list[list[dict[str, object]]]:
    return batch_events(registry_enricher, CASES)


@pytest.mark.parametrize(
    "position", range(len(CASES)), ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CASES)]
)
def test_notice_name_field(results: list[list[dict[str, object]]], position: int) -> None:
    _, title, _, kind, want = CASES[position]
    companies = [e["siren"] for e in results[position] if e["type"] == kind]
    assert want in companies, (title, results[position])
