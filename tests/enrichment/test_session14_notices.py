"""Legal notices, session 14 (notices.py, notice_reading.py, events.yaml lines "s14 notice").

- A notice closing a liquidation for want of assets reports the insolvency judgment and the
  firm's closure, however its sentences word it (``notice_reading.paired``); struck off, it
  is the closure alone; every debt paid, neither.
- A firm struck off the register is closed, in French ("Radiation d'office du registre",
  "radiée du RCS") and in English ("deregistered", "removal from the companies register"),
  and the liquidation it cites is no new insolvency.
- A firm its members wind up ("voluntary winding-up", "the shareholders resolved to wind
  up the company") is closed, not insolvent, unless a court's proceedings are named.
- An English award notice's lot ("Lot 1 - Carriageways: awarded to X") is a contract.

Every notice here was written for these tests (invented firms and courts).
"""

from __future__ import annotations

from typing import Any

import pytest

from myrtille.enrichment.enricher import DocumentInput, Enricher
from myrtille.enrichment.registry import CompanyRecord

SCIERIE = "915000013"  # Scierie de la Sioule
CONFISERIE = "915000021"  # Confiserie du Golfe
GLISSE = "915000039"  # Pyrénées Glisse
ROUTES = "915000047"  # Routes du Minervois
REGISTRY = [
    CompanyRecord(siren, name, siren, (), None, naf, dept, region, False)
    for siren, name, naf, dept, region in [
        (SCIERIE, "Scierie de la Sioule", "16.10A", "03", "84"),
        (CONFISERIE, "Confiserie du Golfe", "10.82Z", "56", "53"),
        (GLISSE, "Pyrénées Glisse", "77.21Z", "65", "76"),
        (ROUTES, "Routes du Minervois", "42.11Z", "11", "76"),
    ]
]


def _events(enricher: Enricher, language: str, title: str, text: str) -> list[dict[str, Any]]:
    [result] = enricher.enrich([DocumentInput("n1", title, text, language, kind="notice")])
    assert result.error is None, result.error
    return result.events


def _owned(events: list[dict[str, Any]]) -> set[tuple[str, str | None]]:
    return {(e["type"], e["siren"]) for e in events}


WANT_OF_ASSETS = [
    (
        "fr",
        "BODACC A – Tribunal de commerce de Montluçon – Clôture",
        "Annonce n° 6204\nRCS Montluçon 915 000 013\nDénomination : SCIERIE DE LA SIOULE\n"
        "Forme : SARL\nJugement du 23 novembre 2026 prononçant la clôture de la procédure de "
        "liquidation judiciaire pour insuffisance d'actif.\n",
    ),
    (
        "en",
        "BODACC summary: closure for insufficient assets, Scierie de la Sioule",
        "Summary of a BODACC notice.\nCompany: Scierie de la Sioule SARL, sawmill, Montluçon.\n"
        "Court: Commercial court of Montluçon.\nJudgment of 23 November 2026: closure of the "
        "judicial liquidation for insufficient assets.\n",
    ),
    (
        "en",
        "Court filings: Scierie de la Sioule",
        "Summary of a BODACC notice.\nCompany: Scierie de la Sioule SARL, Montluçon.\n"
        "Judgment of 23 November 2026: the judicial liquidation proceedings were closed for "
        "insufficiency of assets.\n",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), WANT_OF_ASSETS)
def test_closing_for_want_of_assets_is_insolvency_and_closure(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    found = _owned(_events(registry_enricher, language, title, text))
    assert {("insolvency", SCIERIE), ("closure", SCIERIE)} <= found


STRUCK_OFF = [
    (
        "fr",
        "BODACC B – Radiations – Greffe du tribunal de commerce de Vannes",
        "Annonce n° 9901\nRCS Vannes 915 000 021\nDénomination : CONFISERIE DU GOLFE\n"
        "Forme : SARL\nRadiation d'office du registre du commerce et des sociétés.\n"
        "Date d'effet : 12 novembre 2026.\n",
    ),
    (
        "fr",
        "BODACC B – Greffe du tribunal de commerce de Vannes",
        "Annonce n° 9907\nDénomination : CONFISERIE DU GOLFE\nForme : SARL\nLa société a été "
        "radiée du RCS à la suite de la clôture de la liquidation judiciaire pour insuffisance "
        "d'actif.\n",
    ),
    (
        "en",
        "Company register – Vannes",
        "Summary of a BODACC notice\nCompany: CONFISERIE DU GOLFE SARL\nRegistration: RCS "
        "Vannes 915 000 021\nThe company was deregistered on 12 November 2026 after the close "
        "of its compulsory liquidation for lack of assets.\n",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), STRUCK_OFF)
def test_struck_off_is_the_closure_alone(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    found = _owned(_events(registry_enricher, language, title, text))
    assert ("closure", CONFISERIE) in found
    assert "insolvency" not in {kind for kind, _ in found}


WOUND_UP = [
    (
        "en",
        "Notice of voluntary winding-up – Tarbes",
        "Summary of a legal notice.\nCompany: Pyrénées Glisse SAS, Tarbes.\nThe sole "
        "shareholder decided on 2 November 2026 the early dissolution and the voluntary "
        "winding-up of the company. Liquidator: Mr Jean Morel.\n",
    ),
    (
        "en",
        "Notice of members' winding-up – Tarbes",
        "Summary of a legal notice.\nCompany: Pyrénées Glisse SAS, Tarbes.\nBy decision of the "
        "general meeting of 4 November 2026, the shareholders resolved to wind up the company; "
        "Mr Paul Girard was appointed liquidator.\n",
    ),
    (
        "fr",
        "Avis de dissolution – Pyrénées Glisse",
        "Pyrénées Glisse, SAS au capital de 10 000 euros, 4 place Verdun, 65000 Tarbes.\n"
        "Aux termes d'une décision du 2 novembre 2026, l'associé unique a décidé la dissolution "
        "de la société et sa mise en liquidation à compter du même jour. Liquidateur : M. Jean "
        "Morel.\n",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), WOUND_UP)
def test_a_firm_its_members_wind_up_is_closed_not_insolvent(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    found = _owned(_events(registry_enricher, language, title, text))
    assert ("closure", GLISSE) in found
    assert "insolvency" not in {kind for kind, _ in found}


def test_a_court_liquidation_that_dissolves_the_firm_stays_an_insolvency(
    registry_enricher: Enricher,
) -> None:
    """Guard: the court's liquidation named, the dissolution is its consequence."""
    text = (
        "Annonce n° 4471\nDénomination : PYRÉNÉES GLISSE\nForme : SAS\nJugement du 18 novembre "
        "2026 prononçant la liquidation judiciaire, qui entraîne la dissolution de la société. "
        "Liquidateur : Maître Anne Roux.\n"
    )
    found = _owned(_events(registry_enricher, "fr", "BODACC A – Liquidation judiciaire", text))
    assert ("insolvency", GLISSE) in found


def test_a_striking_off_notice_never_pairs(registry_enricher: Enricher) -> None:
    """Guard: the closing for want of assets cited by a striking-off adds no insolvency."""
    text = STRUCK_OFF[0][2].replace(
        "sociétés.", "sociétés, consécutive à la clôture pour insuffisance d'actif."
    )
    found = _owned(_events(registry_enricher, "fr", STRUCK_OFF[0][1], text))
    assert "insolvency" not in {kind for kind, _ in found}


def test_an_english_lot_awarded_is_a_contract(registry_enricher: Enricher) -> None:
    text = (
        "Summary of a BOAMP notice.\nBuyer: Département de l'Aude.\nObject: road works.\n"
        "Lot 1 - Carriageways: awarded to Routes du Minervois SAS.\n"
        "Lot 2 - Road signs: no award (unsuccessful).\n"
    )
    found = _owned(_events(registry_enricher, "en", "BOAMP summary: road works, Aude", text))
    assert ("contract", ROUTES) in found


MOVED = [
    (
        "fr",
        "CONFISERIE DU GOLFE - transfert de siège social",
        "CONFISERIE DU GOLFE\nSARL au capital de 8 000 euros\nRCS Vannes 915 000 021\nAux "
        "termes d'une décision de l'associé unique du 5 novembre 2026, le siège social a été "
        "transféré de Vannes à Lorient. La société sera radiée du RCS de Vannes et "
        "immatriculée au RCS de Lorient.\n",
    ),
    (
        "en",
        "Notice of transfer of registered office",
        "Summary of a legal notice.\nCompany: Confiserie du Golfe SARL, RCS Vannes 915 000 021.\n"
        "The partners decided on 5 November 2026 to transfer the registered office from Vannes "
        "to Lorient. The company will be removed from the Vannes trade register and registered "
        "with the Lorient trade register.\n",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), MOVED)
def test_a_seat_moved_to_another_register_is_no_closure(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    """Guard: struck off the old register to enter the new one, the firm goes on."""
    found = _owned(_events(registry_enricher, language, title, text))
    assert "closure" not in {kind for kind, _ in found}
