"""A notice's activity field ends where the next sentence starts, also when an event's
words open that sentence (session 15): "Activity: hotel and restaurant. Struck off the
register" reports a closure, while the trade stated in the field stays no event."""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import events_of, types

HEAD = {
    "en": "LA PETITE FORGE SARL. RCS Vannes 512 345 678. Registered office: 4 rue du Port, "
    "56000 Vannes. ",
    "fr": "LA PETITE FORGE SARL. RCS Vannes 512 345 678. Siège : 4 rue du Port, 56000 Vannes. ",
}


def _events(enricher: Enricher, text: str, language: str) -> list[dict[str, object]]:
    return events_of(enricher, text, language, "BODACC", kind="notice")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Activity: metalwork and repairs. Striking off from the register."),
        ("en", "Activity: bakery. Struck off the register on 3 November 2026."),
        ("fr", "Activité : boulangerie. Radiation du registre du commerce et des sociétés."),
    ],
)
def test_a_closure_opening_the_sentence_after_the_activity_field_is_read(
    enricher: Enricher, language: str, text: str
) -> None:
    assert "closure" in types(_events(enricher, HEAD[language] + text, language))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Activity: acquisition and management of holdings. Manager: Paul Rivière."),
        ("fr", "Activité : acquisition et gestion de participations. Gérant : Paul Rivière."),
    ],
)
def test_the_trade_stated_in_the_field_is_still_no_event(
    enricher: Enricher, language: str, text: str
) -> None:
    assert "acquisition" not in types(_events(enricher, HEAD[language] + text, language))
