"""Whose event it is when its sentence names no company (issue 14.2): the article's firm,
not a registry firm it names once in passing further down; and a sentence that runs the
title into the lead keeps an event of each part.

Every text here was written for these tests (none comes from the tuning or held-out sets);
the companies are invented and put in a registry of their own.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import DocumentInput, Enricher
from myrtille.enrichment.registry import CompanyRecord

VELMORE = "900000301"
QUERNAC = "900000302"
REGISTRY = [
    CompanyRecord(
        VELMORE, "Velmore Aviation", VELMORE, ("Velmore",), None, "30.30Z", "31", "76", False
    ),
    CompanyRecord(
        QUERNAC, "Quernac Industrie", QUERNAC, ("Quernac",), None, "25.62Z", "69", "84", False
    ),
]


def pairs(enricher: Enricher, title: str, text: str, language: str) -> set[tuple[object, object]]:
    [result] = enricher.enrich([DocumentInput("d1", title, text, language)])
    assert result.error is None, result.error
    return {(e["type"], e["siren"]) for e in result.events}


# A registry firm named once, at the bottom, as a customer or a neighbour.
IN_PASSING = [
    (
        "fr",
        "Rodez : une chaudronnerie embauche 40 personnes",
        "Une chaudronnerie familiale de Rodez va recruter 40 soudeurs d'ici à l'été, pour "
        "faire face à la hausse de ses commandes.\n\n"
        "Parmi ses nouveaux clients figure le toulousain Velmore, qui lui confie des "
        "pièces de structure.",
    ),
    (
        "en",
        "Lakeside campsite enters receivership",
        "The company that runs a 200-pitch campsite on the lake was placed in receivership "
        "by the commercial court on Monday.\n\n"
        "Its neighbour Quernac Industrie reported a record year.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), IN_PASSING)
def test_a_firm_named_once_in_passing_gets_no_event(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    found = pairs(registry_enricher, title, text, language)
    assert found, "the article's own event is still found"
    assert all(siren is None for _, siren in found), found


# The firm named in the sentence just before ("The company …" stands for it).
NEXT_SENTENCE = [
    (
        "fr",
        "Les sous-traitants du Sud-Ouest accélèrent",
        "Les carnets de commandes sont pleins dans le Sud-Ouest.\n\n"
        "À Lyon, Quernac Industrie usine des pièces pour les trains d'atterrissage. "
        "L'entreprise va recruter 45 techniciens d'ici à juin.",
    ),
    (
        "en",
        "Southwest suppliers speed up",
        "Order books are full across the southwest.\n\n"
        "In Lyon, Quernac Industrie machines landing-gear parts. The company will hire 45 "
        "technicians by June.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), NEXT_SENTENCE)
def test_the_firm_named_just_before_keeps_its_event(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    assert ("hiring", QUERNAC) in pairs(registry_enricher, title, text, language)
