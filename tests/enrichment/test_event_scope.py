"""What a hedge or a date weighs on (issue 14.2): a negation in a relative clause after the
trigger qualifies a noun, not the event; a negation of a pronominal verb, "il n'y a aucun",
"no immediate plans", a hesitation and a possibility ("une éventuelle fermeture") deny or
doubt it; "has since invested" tells of the past; a date put ahead ("due in 2029",
"d'ici 2029") is a deadline, not a time of the past.

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented and put in a registry of their own. About 3 s with loaded models.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

ORVANE = "900000301"
REGISTRY = [
    CompanyRecord(
        ORVANE, "Tissages Orvane", ORVANE, ("Orvane",), None, "13.20Z", "42", "84", False
    ),
]


@pytest.mark.parametrize(
    ("language", "kind", "text"),
    [
        (
            "fr",
            "partnership",
            "Les Tissages Orvane ont signé un accord de collaboration avec un chausseur "
            "italien, dont le nom n'a pas été communiqué.",
        ),
        (
            "en",
            "contract",
            "Tissages Orvane has won an order from a German publisher, which did not "
            "disclose its value.",
        ),
        (
            "fr",
            "investment",
            "La coopérative a commencé à construire une fromagerie qui doit ouvrir d'ici fin 2029.",
        ),
        (
            "en",
            "investment",
            "The cooperative has started building a creamery in a project due to be "
            "completed in 2029.",
        ),
        (
            "en",
            "leadership",
            "The founder, who has run the firm ever since, is stepping down as chief executive.",
        ),
        (
            "en",
            "investment",
            "A ferry firm has ordered a hybrid ship to sail between Bastia and Toulon from 2029.",
        ),
    ],
)
def test_an_event_is_kept_whatever_follows_it(
    registry_enricher: Enricher, language: str, kind: str, text: str
) -> None:
    assert kind in types(events_of(registry_enricher, text, language))


@pytest.mark.parametrize(
    ("language", "kind", "text"),
    [
        ("fr", "hiring", "L'extension ne s'accompagnera pas de créations d'emplois."),
        ("en", "hiring", "The group has no immediate plans to recruit."),
        ("fr", "closure", "Il n'y a pas de fermeture de site prévue en Bretagne."),
        ("fr", "investment", "Le groupe hésite entre Metz et Sarrebruck pour sa future usine."),
        ("en", "investment", "The group is hesitating between two sites for its new plant."),
        ("en", "closure", "The brake maker is reviewing options, including a possible closure."),
        ("fr", "closure", "Le syndicat redoute une éventuelle fermeture du site de Vesoul."),
        ("en", "investment", "The group bought the mill in 2015, and has since invested €30m."),
        (
            "fr",
            "investment",
            "Le groupe a racheté la scierie en 2015, et a depuis investi 30 millions d'euros.",
        ),
    ],
)
def test_an_event_denied_or_doubted_is_left_out(
    registry_enricher: Enricher, language: str, kind: str, text: str
) -> None:
    assert kind not in types(events_of(registry_enricher, text, language))
