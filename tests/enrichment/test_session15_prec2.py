"""Hiring words that tell a trouble to find staff, not jobs created (issue 14, session 15,
events precision 2): recruitment named as a difficulty, hires told with a shortage, a
shut-down for want of staff; recruitment as a difficulty stays a hiring where the document
gives jobs to come. Firms as a bare English plural ("and companies are pooling efforts") are
the trade, no firm's news (generic_subjects.py).

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VAUBRUNE, VERLANDE, VERLANDE_TITLE, events_of, types

REGISTRY = [VERLANDE, VAUBRUNE]
PUBLISHED = datetime(2026, 11, 3)

# (language, text, the kind that must not be found)
FALSE = [
    # Recruitment named as a difficulty, with no number of people.
    (
        "fr",
        "Verlande Industries a signé un contrat de maintenance avec la SNCF. Pour "
        "l'entreprise, la principale difficulté reste le recrutement : les jeunes partent "
        "vers les grandes métropoles.",
        "hiring",
    ),
    (
        "fr",
        "Verlande Industries a signé un contrat de maintenance avec la SNCF.\n\n"
        "Recrutement : le point noir\n\nLes ateliers de Verlande peinent toujours à attirer "
        "des soudeurs.",
        "hiring",
    ),
    (
        "en",
        "Verlande Industries signed a maintenance contract with the SNCF. Recruitment is the "
        "main concern, as young people leave for the cities.",
        "hiring",
    ),
    # Hires told with a shortage.
    (
        "fr",
        "Verlande Industries a signé un contrat de maintenance avec la SNCF. « Nous avons "
        "recruté plus tôt que d'habitude, mais il manquait encore des soudeurs », explique le "
        "directeur de Verlande.",
        "hiring",
    ),
    # A shut-down for want of staff.
    (
        "fr",
        "Verlande Industries a signé un contrat de maintenance avec la SNCF. Verlande a été "
        "contrainte de fermer deux restaurants cet été faute de personnel.",
        "closure",
    ),
]

# (language, text, the kind that must stay)
TRUE = [
    # Jobs to come in the document: recruitment as a difficulty is about filling them.
    (
        "en",
        "Verlande Industries will build a €40m plant in Orange, which is expected to employ "
        "250 people by 2029. Recruitment is the main concern.",
        "hiring",
    ),
    # A number of people hired in the clause.
    (
        "fr",
        "Verlande Industries va recruter 80 techniciens d'ici l'été, une gageure dans la vallée.",
        "hiring",
    ),
]


# (title, text, the kind that must not be found): a top that reports no event, so that
# the body's events count (salience.py)
TRADE_TITLE = "The valley looks for workers"
TRADE = [
    (
        "The valley's workshops have more orders than ever, says Verlande Industries. The "
        "region has funded new training courses, and companies are pooling efforts to attract "
        "workers to the valley.",
        False,
    ),
    (
        "The valley's workshops have more orders than ever, says Verlande Industries. Rents "
        "have soared, and employers have signed agreements with landlords to house seasonal "
        "workers.",
        False,
    ),
    # firms named: the partnership stays
    (
        "The valley's workshops have more orders than ever, says Verlande Industries. Verlande "
        "and Vaubrune have formed a partnership, and companies from the valley have joined it.",
        True,
    ),
]


def _events(enricher: Enricher, language: str, text: str) -> set[object]:
    return types(events_of(enricher, text, language, VERLANDE_TITLE[language], PUBLISHED))


@pytest.mark.parametrize(("language", "text", "kind"), FALSE)
def test_no_event(registry_enricher: Enricher, language: str, text: str, kind: str) -> None:
    assert kind not in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text", "kind"), TRUE)
def test_the_news_stays(registry_enricher: Enricher, language: str, text: str, kind: str) -> None:
    assert kind in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("text", "found"), TRADE)
def test_firms_in_general(registry_enricher: Enricher, text: str, found: bool) -> None:
    events = events_of(registry_enricher, text, "en", TRADE_TITLE, PUBLISHED)
    assert ("partnership" in types(events)) is found
