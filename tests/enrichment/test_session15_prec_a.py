"""False hiring, leadership and closure events of fresh text (issue 14, session 15, events
precision A): jobs kept in a takeover, staff described by where it was hired, a task of
recruiting, a team's present size, an officer a court appoints, an event ruled out, a
trigger across two clauses, "hire" for renting and "close" for near.

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
    # kept_jobs.py: jobs kept in a sale plan or a takeover.
    (
        "en",
        "The court approved the sale of the foundry to Verlande Industries, with 41 of the 60 "
        "jobs retained. Receivership proceedings had been opened in May.",
        "hiring",
    ),
    # staff_descriptions.py: staff described by where it was hired; a task of recruiting.
    (
        "en",
        "Most of Verlande's welders are Polish, recruited from shipyards on the Baltic.",
        "hiring",
    ),
    (
        "fr",
        "Le chantier de Verlande Industries occupera une quarantaine d'ouvriers, recrutés pour "
        "la plupart auprès d'entreprises du bassin.",
        "hiring",
    ),
    (
        "fr",
        "Venue d'un équipementier, la nouvelle directrice des ressources humaines de Verlande "
        "Industries aura pour mission de piloter les recrutements de l'usine.",
        "hiring",
    ),
    (
        "en",
        "Verlande Industries' new personnel director will be in charge of the recruitment of "
        "engineers.",
        "hiring",
    ),
    # no_new_jobs.py: a team to grow whose only number is its present size.
    (
        "fr",
        "L'argent servira à renforcer l'équipe commerciale de Verlande Industries, "
        "aujourd'hui forte de 14 personnes.",
        "hiring",
    ),
    # court_officers.py: an officer a court appoints.
    (
        "en",
        "The court placed Verlande Industries in receivership and appointed an administrator "
        "to find a buyer.",
        "leadership",
    ),
    # ruled_out.py: an event ruled out in the perfect; a trigger across two clauses.
    (
        "fr",
        "Le conseil d'administration de Verlande Industries a écarté l'idée de fermer l'usine "
        "de Saint-Étienne.",
        "closure",
    ),
    (
        "en",
        "The board of Verlande Industries rejected the idea of closing its plant in Lorient.",
        "closure",
    ),
    (
        "en",
        "No buyer has been named, and the chief executive of Verlande Industries declined to "
        "comment.",
        "leadership",
    ),
    # near_senses.py: "hire" for renting, "close" for near.
    (
        "en",
        "Canoe hire on the river had its best season, the Verlande Industries campsite said.",
        "hiring",
    ),
    (
        "en",
        "Residents closest to the plant of Verlande Industries complained of noise.",
        "closure",
    ),
]
# The same shapes that report news.
TRUE = [
    ("en", "Verlande Industries takes over the foundry and will hire 40 more people.", "hiring"),
    (
        "fr",
        "Verlande Industries recrute 45 soudeurs, recrutés en priorité dans le bassin d'emploi.",
        "hiring",
    ),
    (
        "fr",
        "Verlande Industries va renforcer son équipe de 14 personnes en recrutant 20 ingénieurs.",
        "hiring",
    ),
    (
        "en",
        "The board of Verlande Industries has appointed Anne Roy as chief executive.",
        "leadership",
    ),
    ("fr", "Verlande Industries a décidé de fermer l'usine de Saint-Étienne.", "closure"),
    ("en", "Verlande Industries will hire 30 people at its Saint-Étienne plant.", "hiring"),
    ("en", "Refuge Verlande hires 120 for the winter.", "hiring"),
    ("en", "Verlande Industries is to shut its Lorient factory.", "closure"),
]


def _events(enricher: Enricher, language: str, text: str) -> set[object]:
    return types(events_of(enricher, text, language, VERLANDE_TITLE[language], PUBLISHED))


@pytest.mark.parametrize(("language", "text", "kind"), FALSE)
def test_no_event(registry_enricher: Enricher, language: str, text: str, kind: str) -> None:
    assert kind not in _events(registry_enricher, language, text)


@pytest.mark.parametrize(("language", "text", "kind"), TRUE)
def test_the_news_stays(registry_enricher: Enricher, language: str, text: str, kind: str) -> None:
    assert kind in _events(registry_enricher, language, text)
