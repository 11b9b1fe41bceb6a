"""Events read with the dependency parse of their sentences (issue 14): the company is the
subject of the trigger's clause or, for a takeover, the buyer; plans, rumours and
conditionals that govern a trigger, shares of revenue abroad, insolvency statistics and
other event words that report no event are left out.

Every text here was written for these tests (none comes from the tuning or held-out sets);
the companies are invented and put in a registry of their own.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of

TALVERN = "900000201"
KERMOR = "900000202"
NEXALIS = "900000203"
REGISTRY = [
    CompanyRecord(
        TALVERN, "Brasseries Talvern", TALVERN, ("Talvern",), None, "11.05Z", "29", "53", False
    ),
    CompanyRecord(
        KERMOR, "Ateliers Kermor", KERMOR, ("Kermor",), None, "25.62B", "56", "53", False
    ),
    CompanyRecord(NEXALIS, "Nexalis", NEXALIS, (), None, "62.01Z", "69", "84", False),
]


def sirens(events: list[dict], kind: str) -> list[object]:
    return [e["siren"] for e in events if e["type"] == kind]


ATTRIBUTIONS = [
    # the subject's own name, after its description (not a complement "de X")
    (
        "fr",
        "acquisition",
        "Le groupe breton de brasserie Talvern a racheté les Ateliers Kermor.",
        TALVERN,
    ),
    (
        "en",
        "acquisition",
        "Breton brewing group Talvern has bought Ateliers Kermor for €6m.",
        TALVERN,
    ),
    # a company inside the subject's apposition is not the subject
    (
        "fr",
        "investment",
        "Le brasseur, client des Ateliers Kermor, investit 4 millions d'euros dans une "
        "ligne d'embouteillage.",
        TALVERN,
    ),
    (
        "en",
        "investment",
        "The brewer, a customer of Ateliers Kermor, is investing €4m in a bottling line.",
        TALVERN,
    ),
]


@pytest.mark.parametrize(("language", "kind", "text", "siren"), ATTRIBUTIONS)
def test_the_event_goes_to_the_subject_of_its_clause(
    registry_enricher: Enricher, language: str, kind: str, text: str, siren: str
) -> None:
    title = "Talvern : nouvelles de la brasserie" if language == "fr" else "Talvern news"
    assert sirens(events_of(registry_enricher, text, language, title), kind) == [siren]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Les Ateliers Kermor ont été repris par le groupe italien Ferrantini."),
        ("en", "Ateliers Kermor has been bought by Dutch packaging group Verhoeven."),
    ],
)
def test_a_takeover_by_an_unlisted_buyer_is_not_the_targets(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    found = sirens(events_of(registry_enricher, text, language), "acquisition")
    assert found and KERMOR not in found


NOT_EVENTS = [
    # plans, wishes and rumours governing the trigger
    ("fr", "partnership", "Le brasseur compte nouer une alliance avec un distributeur."),
    ("fr", "acquisition", "Talvern serait en discussions pour racheter un concurrent belge."),
    ("en", "acquisition", "Nexalis is said to be exploring a sale of its cloud division."),
    ("en", "partnership", "Nexalis hopes to team up with a Japanese carmaker."),
    # a share of revenue made abroad describes the firm
    ("fr", "export", "Les Ateliers Kermor réalisent 45 % de leur chiffre d'affaires à l'export."),
    ("en", "export", "Exports make up 60% of the sales of Ateliers Kermor."),
    ("fr", "export", "Talvern veut s'implanter en Allemagne."),
    ("en", "export", "The brewery exports a third of its beer to Italy."),
    # statistics across firms
    ("en", "export", "Cheese exports from the Jura have grown steadily."),
    # difficulties and demands
    ("fr", "hiring", "Les hôteliers de la côte peinent à recruter des saisonniers."),
    ("en", "hiring", "Unions called for more permanent hires at the plant."),
    ("fr", "insolvency", "Les liquidations judiciaires ont bondi de 20 % dans le Finistère."),
    ("en", "insolvency", "Company insolvencies are rising across the retail sector."),
    # a job-cuts plan is no safeguard procedure
    ("fr", "insolvency", "Talvern présente un plan de sauvegarde de l'emploi aux syndicats."),
    # recruiting a successor is no job creation
    ("fr", "hiring", "Le conseil recrutera un successeur au président d'ici juin."),
    ("en", "hiring", "The board will hire a successor to the chief executive."),
    # a trade description, and "name" as a noun
    ("fr", "innovation", "Le fabricant de fibres biosourcées Kermor a nommé une directrice."),
    ("en", "leadership", "Ateliers Kermor will keep its name and its managing director."),
]


@pytest.mark.parametrize(("language", "kind", "text"), NOT_EVENTS)
def test_event_words_that_report_no_event(
    registry_enricher: Enricher, language: str, kind: str, text: str
) -> None:
    assert kind not in {e["type"] for e in events_of(registry_enricher, text, language)}


@pytest.mark.parametrize(
    ("language", "kind", "text"),
    [
        ("en", "hiring", "Nexalis said it would hire 60 engineers in Leeds."),
        ("fr", "closure", "Talvern présente un plan de sauvegarde de l'emploi aux syndicats."),
        (
            "fr",
            "hiring",
            "Talvern vise la moitié de ses ventes à l'export et va recruter 30 brasseurs.",
        ),
        ("en", "investment", "The new ferry will enter service next spring."),
        (
            "en",
            "export",
            "Nexalis will enter the Japanese market next year and wants exports to reach "
            "half of its sales.",
        ),
    ],
)
def test_announcements_are_events(
    registry_enricher: Enricher, language: str, kind: str, text: str
) -> None:
    assert kind in {e["type"] for e in events_of(registry_enricher, text, language)}


@pytest.mark.parametrize(
    ("language", "text", "abroad"),
    [
        (
            "fr",
            "Kermor a décroché une commande de 8 millions d'euros de la marine norvégienne.",
            True,
        ),
        ("en", "Ateliers Kermor has won a €8m contract from a Swiss rail operator.", True),
        ("fr", "Kermor a décroché une commande de 8 millions d'euros de la SNCF.", False),
        ("en", "Ateliers Kermor has won a €8m contract from the Brittany region.", False),
    ],
)
def test_a_contract_won_abroad_is_export_news(
    registry_enricher: Enricher, language: str, text: str, abroad: bool
) -> None:
    events = events_of(registry_enricher, text, language)
    assert sirens(events, "contract") == [KERMOR]
    assert sirens(events, "export") == ([KERMOR] if abroad else [])
