"""Session 12: a notice closing proceedings because every debt was paid reports no closure.

The "clôture" there is the procedure's own end; the firm goes on. A closing for want of
assets keeps its closure.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import events_of, types

PAID_FR = (
    "BODACC A n° 20261203\nAnnonce n° 812\n29 - Finistère\nRCS Quimper\n"
    "Dénomination : Menuiserie Le Bihan\nForme : Société à responsabilité limitée\n"
    "Activité : menuiserie du bâtiment\nAdresse : 4 rue des Genêts, 29000 Quimper\n"
    "Jugement du tribunal de commerce de Quimper en date du 28 novembre 2026 prononçant la "
    "clôture de la procédure de liquidation judiciaire pour extinction du passif."
)
PAID_EN = (
    "BODACC A notice no. 1440, Finistère. Menuiserie Le Bihan, a joinery firm at 4 rue des "
    "Genêts, Quimper. Judgment of the Quimper commercial court of 28 November 2026 closing "
    "the judicial liquidation proceedings for extinguishment of debts."
)
WANT_FR = PAID_FR.replace("extinction du passif", "insuffisance d'actif")


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        ("fr", "BODACC A – Clôture pour extinction du passif", PAID_FR),
        ("en", "Proceedings closed, debts paid", PAID_EN),
    ],
)
def test_debts_paid_is_no_closure(enricher: Enricher, language: str, title: str, text: str) -> None:
    assert not {"closure", "insolvency"} & types(events_of(enricher, text, language, title))


def test_want_of_assets_keeps_its_closure(enricher: Enricher) -> None:
    found = types(events_of(enricher, WANT_FR, "fr", "BODACC A – Clôture"))
    assert "closure" in found
