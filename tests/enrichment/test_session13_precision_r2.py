"""False events (issue 14, session 13, events precision, second round): a headline's vague
verb of progress read as an investment ("Verlande Industries s'agrandit", "La gigafactory
de X accélère", "X's gigafactory ramps up"; vague_headlines.py).

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

VAGUE = [
    ("fr", "Verlande Industries s'agrandit à Saint-Étienne"),
    ("fr", "La gigafactory de Verlande Industries accélère"),
    ("en", "Verlande Industries' gigafactory ramps up"),
    ("en", "The Verlande Industries gigafactory accelerates"),
]

KEPT = [
    ("fr", "Verlande Industries s'agrandit avec un nouveau bâtiment"),
    ("fr", "Verlande Industries agrandit son usine de Saint-Étienne"),
    ("fr", "La gigafactory de Verlande Industries ouvrira en 2027"),
    ("en", "Verlande Industries to build a gigafactory"),
]


@pytest.mark.parametrize(("language", "title"), VAGUE)
def test_vague_headline_is_no_investment(
    registry_enricher: Enricher, language: str, title: str
) -> None:
    events = events_of(registry_enricher, BODY[language], language, title)
    assert "investment" not in types(events)


@pytest.mark.parametrize(("language", "title"), KEPT)
def test_headline_with_substance_stays(
    registry_enricher: Enricher, language: str, title: str
) -> None:
    events = events_of(registry_enricher, BODY[language], language, title)
    assert "investment" in types(events)


@pytest.mark.parametrize(
    ("language", "title", "body"),
    [
        (
            "fr",
            "Verlande Industries s'agrandit",
            "Verlande Industries va construire un nouvel atelier de 3 000 m² à Saint-Étienne "
            "pour 4 millions d'euros.",
        ),
        (
            "en",
            "Verlande Industries' gigafactory ramps up",
            "Verlande Industries will invest €40m in a second production line at the site.",
        ),
    ],
)
def test_body_still_tells_the_investment(
    registry_enricher: Enricher, language: str, title: str, body: str
) -> None:
    assert "investment" in types(events_of(registry_enricher, body, language, title))
