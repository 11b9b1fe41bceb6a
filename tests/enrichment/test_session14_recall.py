"""Missed and mistyped events on fresh text (issue 14, session 14, events recall):

- a distribution deal abroad told by its terms, with no word of export ("has signed an
  agreement with X to distribute its gloves in 24 U.S. stores", "a confié la distribution
  de ses vins au Japon à X"), or in a title whose lead names the territory, is the firm's
  export, not a partnership (distribution_deals.py);
- "export cables" and "câbles d'export" are goods of a wind farm, no export
  (product_terms.py);
- under a contract at the top, a firm's own purchase stays its investment ("has ordered a
  battery-electric vessel from", "a passé commande de douze autocars"; aboutness.py), and
  what a buyer will spend on what it just bought is news with the takeover (salience.py);
- a striking-off ("Striking-off from the trade and companies register") is a closure and no
  insolvency, whatever winding-up it cites (notices.py).

Every text here was written for these tests (none comes from an evaluation set); the firms
are invented.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VERLANDE, events_of, types

REGISTRY = [VERLANDE]

# (language, title, text)
DISTRIBUTION_ABROAD = [
    (
        "en",
        "Verlande Industries signs U.S. distribution deal",
        "Verlande Industries has signed an agreement with New York department store group "
        "Halden to distribute its cast-iron cookware in 24 U.S. stores from next autumn.",
    ),
    (
        "en",
        "Verlande Industries signs Nordic distribution deal",
        "Verlande Industries has signed an exclusive agreement with Nordkok AB, a Malmö "
        "wholesaler, to sell its cookware in Sweden and Norway from the spring.",
    ),
    (
        "fr",
        "Verlande Industries : les nouvelles de la semaine",
        "Verlande Industries a confié la distribution de ses cocottes en fonte en Suède à la "
        "chaîne Kökshuset, qui les proposera dans 80 magasins.",
    ),
    (
        "fr",
        "Verlande Industries signe avec un distributeur ibérique",
        "Verlande Industries a signé un accord exclusif avec la société Cocina Plus pour "
        "commercialiser ses cocottes dans 200 magasins en Espagne et au Portugal.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), DISTRIBUTION_ABROAD)
def test_distribution_deal_abroad_is_export(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    found = types(events_of(registry_enricher, text, language, title))
    assert "export" in found
    assert "partnership" not in found


# The same deals at home: no export.
DISTRIBUTION_AT_HOME = [
    (
        "en",
        "Verlande Industries: the week",
        "Verlande Industries has signed an agreement with Lyon retailer Maison Cuisine to "
        "distribute its cast-iron cookware in 60 shops across the Rhône valley.",
    ),
    (
        "fr",
        "Verlande Industries signe avec un distributeur lyonnais",
        "Verlande Industries a signé un accord exclusif avec la société Cuisine Plus pour "
        "commercialiser ses cocottes dans 200 magasins en Auvergne-Rhône-Alpes.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), DISTRIBUTION_AT_HOME)
def test_distribution_deal_at_home_is_no_export(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    assert "export" not in types(events_of(registry_enricher, text, language, title))


EXPORT_GOODS = [
    (
        "en",
        "Verlande Industries picks Danish supplier for offshore export cables",
        "Verlande Industries has chosen a supplier for the export cables of its wind farm "
        "off Brittany. The export cables will be laid in 2028.",
    ),
    (
        "fr",
        "Verlande Industries choisit le fournisseur du câble d'export de son parc éolien",
        "Verlande Industries a retenu un fournisseur pour les câbles d'export de son parc "
        "éolien au large de la Bretagne.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), EXPORT_GOODS)
def test_export_cables_are_goods(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    assert "export" not in types(events_of(registry_enricher, text, language, title))


def test_cables_exported_stay_export(registry_enricher: Enricher) -> None:
    text = (
        "Verlande Industries has won its first export order, for cables to a Norwegian wind farm."
    )
    assert "export" in types(events_of(registry_enricher, text, "en", "Verlande: the week"))


# An order a firm places for its own fleet, under a contract at the top: its investment.
ORDERS_PLACED = [
    (
        "en",
        "Verlande Industries orders €9m electric river cruiser",
        "Verlande Industries has ordered a 60-metre battery-electric passenger vessel from "
        "shipbuilder Chantiers Morvan, in a €9 million deal.",
    ),
    (
        "en",
        "Verlande Industries wins Loire transport contract",
        "Verlande Industries has won a four-year contract worth €11m to carry schoolchildren "
        "in the Loire. It will buy 14 new coaches to run the routes.",
    ),
    (
        "fr",
        "Verlande Industries commande douze autocars électriques",
        "Verlande Industries a passé commande de douze autocars électriques au carrossier "
        "Morvan pour un montant de 4,8 millions d'euros.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), ORDERS_PLACED)
def test_order_placed_is_investment(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    assert "investment" in types(events_of(registry_enricher, text, language, title))


def test_work_contracted_stays_no_investment(registry_enricher: Enricher) -> None:
    # the buyer's building, which the firm won the contract to build
    text = (
        "Verlande Industries a remporté le marché de construction de la nouvelle usine de "
        "la société Morvan, pour 6 millions d'euros."
    )
    title = "Verlande Industries décroche un marché à Roanne"
    assert "investment" not in types(events_of(registry_enricher, text, "fr", title))


# What a buyer will spend on what it just bought.
SPENT_ON_THE_PURCHASE = [
    (
        "en",
        "Verlande Industries buys Roanne foundry",
        "Verlande Industries has bought the Fonderie Morvan, a Roanne foundry, from its "
        "founding family.\n\nThe new owner will spend €3m replacing the two furnaces before "
        "next summer.",
    ),
    (
        "fr",
        "Verlande Industries rachète la fonderie Morvan",
        "Verlande Industries a racheté la fonderie Morvan, à Roanne, à la famille "
        "fondatrice.\n\nLe nouveau propriétaire prévoit d'y investir 3 millions d'euros dans "
        "le remplacement des fours.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), SPENT_ON_THE_PURCHASE)
def test_spending_after_takeover_is_news(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    found = types(events_of(registry_enricher, text, language, title))
    assert {"acquisition", "investment"} <= found


def test_spending_after_a_round_stays_its_purpose(registry_enricher: Enricher) -> None:
    # session 9: what raised money pays for is the round's purpose, no investment
    text = (
        "Verlande Industries has raised €9m from a regional fund.\n\nThe money will pay for "
        "a demonstration plant next to its lab."
    )
    found = types(events_of(registry_enricher, text, "en", "Verlande Industries raises €9m"))
    assert "investment" not in found


STRUCK_OFF = [
    (
        "en",
        "Company register – Roanne – Striking-off",
        "Summary of a BODACC notice\n\nStriking-off from the trade and companies register, "
        "effective 31 July 2026\n\nCompany: VERLANDE INDUSTRIES\n\nGrounds: completion of the "
        "winding-up decided by the sole shareholder.",
    ),
    (
        "en",
        "Trade register – Lyon – Striking-off",
        "Summary of a BODACC notice\n\nStriking-off from the trade and companies register, "
        "effective 2 December 2026\n\nCompany: VERLANDE INDUSTRIES\nBusiness: foundry\n\n"
        "Grounds: end of the winding-up decided by the partners.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), STRUCK_OFF)
def test_striking_off_is_closure_only(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    found = types(events_of(registry_enricher, text, language, title))
    assert "closure" in found
    assert "insolvency" not in found
