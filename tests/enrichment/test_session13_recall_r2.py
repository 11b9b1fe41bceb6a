"""Jobs opened in a clause of their own after a plan (issue 14, session 13, events recall,
second round): a compound past or a French finite verb joined by "et"/"and" to a clause
whose modal governs an infinitive ("veut atteindre 400 personnes … et a ouvert 80
postes") is not under that modal; English jobs opened as the French "ouvrir N postes"
("has opened 80 positions").

Every text here was written for these tests (none comes from an evaluation set); the
company is invented and the title reports nothing, so the wording alone is tested.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VERLANDE, VERLANDE_TITLE, events_of, types

REGISTRY = [VERLANDE]

# (language, text, expected type)
WORDINGS = [
    (
        "fr",
        "Verlande Industries, qui compte 260 salariés, veut atteindre 400 personnes d'ici "
        "fin 2028 et a ouvert 80 postes de techniciens.",
        "hiring",
    ),
    (
        "fr",
        "Verlande Industries souhaite doubler sa production d'ici 2030 et recrute 45 opérateurs.",
        "hiring",
    ),
    (
        "en",
        "Verlande Industries wants to reach 400 staff by 2028 and has opened 80 positions "
        "for technicians.",
        "hiring",
    ),
    ("en", "Verlande Industries has opened 35 positions at its Roanne plant.", "hiring"),
]

# Close wordings that stay without the event: both verbs under the plan.
GUARDS = [
    ("fr", "Verlande Industries veut fermer l'atelier et supprimer 60 postes.", "layoffs"),
    ("en", "Verlande Industries wants to grow and open 80 positions next year.", "hiring"),
    ("en", "Verlande Industries opened its 80th store in Lyon.", "hiring"),
]


@pytest.mark.parametrize(("language", "text", "expected"), WORDINGS)
def test_wording_reports_its_event(
    registry_enricher: Enricher, language: str, text: str, expected: str
) -> None:
    assert expected in types(events_of(registry_enricher, text, language, VERLANDE_TITLE[language]))


@pytest.mark.parametrize(("language", "text", "absent"), GUARDS)
def test_close_wording_reports_no_event(
    registry_enricher: Enricher, language: str, text: str, absent: str
) -> None:
    found = events_of(registry_enricher, text, language, VERLANDE_TITLE[language])
    assert absent not in types(found)
