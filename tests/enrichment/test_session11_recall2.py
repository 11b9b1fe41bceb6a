"""Everyday wordings of events the rules missed or misread (issue 14, session 11, events
recall, second round): a firm settling in a French town ("s'implante à Roanne", "pose ses
valises à", "sets up shop in": settlements.py), a head hired away ("débauche le directeur
général de X", "poaches X's chief executive"), a sum bagged ("bags $8 million"), doors shut
by a date ("fermera ses portes le 31 décembre"), an early dissolution whatever the model
makes of the adjective, and "s'offre" kept to a firm or a business bought (events.yaml).

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented and the title reports nothing, so the wording alone is tested.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VERLANDE, VERLANDE_TITLE, events_of, types

REGISTRY = [VERLANDE]

TITLE = VERLANDE_TITLE

# (language, text, expected type)
WORDINGS = [
    # a firm settling in a French town (settlements.py)
    ("fr", "Verlande Industries s'implante à Roanne.", "investment"),
    ("fr", "Verlande Industries pose ses valises à Villeurbanne.", "investment"),
    ("en", "Verlande Industries sets up shop in Grenoble.", "investment"),
    # a head hired away from another firm
    ("fr", "Verlande Industries débauche le directeur général de Ducros Mécanique.", "leadership"),
    ("en", "Verlande Industries poaches Ducros Mecanique's chief executive.", "leadership"),
    ("en", "Verlande Industries poaches a rail veteran as its technical chief.", "leadership"),
    # a sum bagged
    ("en", "Verlande Industries bags $8 million.", "fundraising"),
    ("en", "Verlande Industries bags $8 million from business angels.", "fundraising"),
    # doors shut by a date or the end of a period
    ("fr", "Verlande Industries fermera ses portes le 31 décembre.", "closure"),
    ("fr", "Verlande Industries fermera ses portes à la fin du mois.", "closure"),
    # an early dissolution, the adjective's lemma aside
    (
        "fr",
        "Dissolution anticipée de la société décidée par l'associé unique de Verlande Industries.",
        "closure",
    ),
    # a business bought as a treat
    ("fr", "Verlande Industries s'offre un petit concurrent lyonnais.", "acquisition"),
    ("fr", "Verlande Industries s'offre la Compagnie des forges de l'Ain.", "acquisition"),
]


@pytest.mark.parametrize(("language", "text", "expected"), WORDINGS)
def test_wording_reports_its_event(
    registry_enricher: Enricher, language: str, text: str, expected: str
) -> None:
    assert expected in types(events_of(registry_enricher, text, language, TITLE[language]))


# Close wordings that report no event of the family.
NOT_EVENTS = [
    # "s'offre" a pause, a respite, a rise: no firm bought
    ("fr", "Verlande Industries s'offre une pause après une année chargée.", "acquisition"),
    ("fr", "Verlande Industries s'offre un répit bienvenu.", "acquisition"),
    ("fr", "Verlande Industries s'offre une belle progression de ses ventes.", "acquisition"),
    # settling abroad is export, settling in no place is nothing
    ("fr", "Verlande Industries s'implante à Montréal.", "investment"),
    ("fr", "Verlande Industries s'implante à l'étranger.", "investment"),
    ("fr", "Verlande Industries s'implante aux États-Unis.", "investment"),
    ("en", "Verlande Industries sets up shop in Boston.", "investment"),
    ("en", "Verlande Industries sets up shop in the cloud.", "investment"),
    # staff hired away are no new head
    (
        "fr",
        "Ses concurrents pourraient débaucher les développeurs de Verlande Industries.",
        "leadership",
    ),
    (
        "en",
        "Welders at Verlande Industries are being poached by the nearby car plant.",
        "leadership",
    ),
    # a contract bagged is no fundraising
    ("en", "Verlande Industries bags $8 million contract with the rail operator.", "fundraising"),
    # doors shut for a day or to some
    ("fr", "Verlande Industries ferme ses portes le dimanche.", "closure"),
    ("fr", "Verlande Industries ferme ses portes au public pendant les travaux.", "closure"),
]


@pytest.mark.parametrize(("language", "text", "absent"), NOT_EVENTS)
def test_close_wording_reports_no_event(
    registry_enricher: Enricher, language: str, text: str, absent: str
) -> None:
    assert absent not in types(events_of(registry_enricher, text, language, TITLE[language]))
