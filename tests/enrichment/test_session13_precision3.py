"""False events (issue 14, session 13, precision, third part): an event word in an
interview's verbless list of topics ("on robots, hiring and the German market";
topic_lists.py), a genre the tuning sets hold little of.

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VAUBRUNE, VERLANDE, events_of, types

REGISTRY = [VERLANDE, VAUBRUNE]

# A body that reports nothing, under a title that is tested alone.
BODY = {
    "fr": "Verlande Industries est installée à Saint-Étienne depuis 1987.",
    "en": "Verlande Industries has been based in Saint-Étienne since 1987.",
}

# (language, title, type that must not be found).
TOPICS = [
    (
        "en",
        "Interview: Verlande Industries chief Anne Morel on robots, hiring and the German market",
        "hiring",
    ),
    (
        "fr",
        "Entretien avec Anne Morel, présidente de Verlande Industries : robots, recrutements "
        "et marché allemand",
        "hiring",
    ),
    (
        "fr",
        "Entretien avec Anne Morel, présidente de Verlande Industries : robots, recrutements "
        "et marché allemand",
        "export",
    ),
]


@pytest.mark.parametrize(("language", "title", "absent"), TOPICS)
def test_topic_list_reports_nothing(
    registry_enricher: Enricher, language: str, title: str, absent: str
) -> None:
    found = types(events_of(registry_enricher, BODY[language], language, title=title))
    assert absent not in found


# (language, title, type that must stay): a verbless news headline says its figure.
KEPT = [
    ("fr", "Verlande Industries : 40 embauches à Firminy et une usine en Allemagne", "hiring"),
    ("en", "Verlande Industries hires 40 welders, opens a plant and enters Germany", "hiring"),
]


@pytest.mark.parametrize(("language", "title", "kept"), KEPT)
def test_news_headline_stays(
    registry_enricher: Enricher, language: str, title: str, kept: str
) -> None:
    assert kept in types(events_of(registry_enricher, BODY[language], language, title=title))
