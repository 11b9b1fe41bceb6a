"""False events (issue 14, session 13, precision, second part), from the genres our sets
hold little of (market reviews, round-ups, portraits of a trade): firms in general as the
subject of the trigger's own clause, after a subordinating conjunction or in a title, and
"l'industrie" as the trade (generic_subjects.py); "décroche" with no object and an order
book (senses.py); a time said apart between commas after an event's noun (time_asides.py,
read by background.py).

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VAUBRUNE, VERLANDE, VERLANDE_TITLE, events_of, types

REGISTRY = [VERLANDE, VAUBRUNE]

# A body that reports nothing, under a title that is tested alone.
BODY = {
    "fr": "Verlande Industries est installée à Saint-Étienne depuis 1987.",
    "en": "Verlande Industries has been based in Saint-Étienne since 1987.",
}

# (rule, language, title, type that must not be found).
TITLES = [
    (
        "trade as subject",
        "fr",
        "L'industrie mécanique française retrouve des records à l'export",
        "export",
    ),
    (
        "others in a subordinate clause",
        "en",
        "Why Verlande Industries keeps hiring 40 welders when others cut jobs",
        "closure",
    ),
    (
        "others in a subordinate clause",
        "fr",
        "Pourquoi Verlande Industries embauche 40 soudeurs quand d'autres licencient",
        "closure",
    ),
    (
        "décroche with no object",
        "fr",
        "Défaillances : l'industrie tient, le commerce décroche",
        "contract",
    ),
]


@pytest.mark.parametrize(("rule", "language", "title", "absent"), TITLES)
def test_no_false_event_in_title(
    registry_enricher: Enricher, rule: str, language: str, title: str, absent: str
) -> None:
    found = types(events_of(registry_enricher, BODY[language], language, title=title))
    assert absent not in found, rule


# (rule, language, text, type that must not be found); the title reports nothing.
CASES = [
    (
        "order book",
        "fr",
        "Verlande Industries affiche un carnet de commandes de dix-huit mois.",
        "contract",
    ),
    (
        "time aside",
        "fr",
        "Le secteur souffre. La liquidation de Forges de Vaubrune, à Firminy, l'an dernier, "
        "avait marqué les esprits avec 140 emplois perdus.",
        "insolvency",
    ),
    (
        "time aside",
        "en",
        "The sector is struggling. The liquidation of Forges de Vaubrune, in Firminy, last "
        "year, had shocked the valley, with 140 jobs lost.",
        "insolvency",
    ),
]


@pytest.mark.parametrize(("rule", "language", "text", "absent"), CASES)
def test_no_false_event(
    registry_enricher: Enricher, rule: str, language: str, text: str, absent: str
) -> None:
    title = VERLANDE_TITLE[language]
    found = events_of(
        registry_enricher, text, language, title=title, published=datetime(2026, 12, 1)
    )
    assert absent not in types(found), rule


# (language, text, type that must stay): the same words around a true event.
KEPT = [
    (
        "en",
        "Verlande Industries is hiring 40 welders in Saint-Étienne, while many rivals have "
        "shut plants.",
        "hiring",
    ),
    (
        "fr",
        "Verlande Industries recrute 40 soudeurs à Saint-Étienne, alors que plusieurs "
        "concurrents ferment des usines.",
        "hiring",
    ),
    (
        "fr",
        "Verlande Industries décroche un contrat de 12 millions d'euros avec la SNCF.",
        "contract",
    ),
    ("fr", "Verlande Industries décroche la maintenance des trains régionaux.", "contract"),
    (
        "fr",
        "Verlande Industries recrute 40 soudeurs cette année, contre 25 l'an dernier.",
        "hiring",
    ),
    (
        "fr",
        "Verlande Industries, l'an dernier, avait 200 salariés ; elle recrute aujourd'hui "
        "40 soudeurs.",
        "hiring",
    ),
]


@pytest.mark.parametrize(("language", "text", "kept"), KEPT)
def test_true_events_stay(registry_enricher: Enricher, language: str, text: str, kept: str) -> None:
    title = VERLANDE_TITLE[language]
    found = events_of(
        registry_enricher, text, language, title=title, published=datetime(2026, 12, 1)
    )
    assert kept in types(found)
