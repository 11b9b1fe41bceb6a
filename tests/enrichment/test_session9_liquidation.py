"""A court's liquidation is the firm's insolvency, not also a closure (issue 14, session 9).

The annotators of the sets written to the held-out brief (news5 to news11, eight authors)
give a judicial liquidation the insolvency alone; the closure is kept for a site shut, jobs
cut, or a liquidation closed for want of assets (the firm is gone). news11, the fresh
validation set, chose between the two conventions: events 0.902 -> 0.912 (false 19 -> 16,
no true event lost). Every text here was written for these tests.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import DocumentInput, Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

REGISTRY: list[CompanyRecord] = []  # the firms here are outside any registry

OPENED = [
    (
        "fr",
        "Le tribunal de commerce de Rouen a prononcé jeudi la liquidation judiciaire de la "
        "boulangerie industrielle Martel, qui employait quatorze personnes.",
    ),
    (
        "fr",
        "Faute de repreneur, la scierie Dalbret, installée près de Limoges, a été placée en "
        "liquidation judiciaire.",
    ),
    (
        "en",
        "The commercial court in Rouen placed the Martel industrial bakery into compulsory "
        "liquidation on Thursday.",
    ),
    ("en", "A court in Limoges ordered the judicial liquidation of the Dalbret sawmill."),
]


@pytest.mark.parametrize(("language", "text"), OPENED)
def test_a_liquidation_opened_is_an_insolvency_and_no_closure(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    found = types(events_of(registry_enricher, text, language))
    assert "insolvency" in found and "closure" not in found, found


def test_a_liquidation_notice_is_an_insolvency_and_no_closure(
    registry_enricher: Enricher,
) -> None:
    notice = DocumentInput(
        "n1",
        "Jugement d'ouverture de liquidation judiciaire",
        "Jugement prononçant la liquidation judiciaire de la SARL Boulangerie Martel, "
        "12 rue des Carmes, 76000 Rouen. Liquidateur : Maître Anne Fabre.",
        "fr",
        kind="notice",
        fields={"notice_type": "collective"},
    )
    [result] = registry_enricher.enrich([notice])
    found = types(result.events)
    assert found == {"insolvency"}, found


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Jugement de clôture de la procédure de liquidation judiciaire pour insuffisance "
            "d'actif à l'égard de la SARL Scierie Dalbret.",
        ),
        ("fr", "La boulangerie Martel a fermé définitivement son atelier de Rouen."),
        (
            "en",
            "The Dalbret sawmill ceased trading after its liquidation was closed for lack of "
            "assets.",
        ),
    ],
)
def test_a_firm_gone_is_still_a_closure(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "closure" in types(events_of(registry_enricher, text, language))
