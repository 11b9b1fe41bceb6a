"""Sectors of other firms (issue 14, sector precision): a trade noun in the plural names
a class of firms, mostly the text's clients or peers ("demand from chemical companies"),
not what the firm it is about is; and two terms of a sector that overlap ("electricity
grid" and "grid operators") are one mention. Texts written for this module, none from an
evaluation set. Runs in about 5 s (the session's enricher, models loaded once).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.test_enricher import enrich

# (sector, language, title, text): a sector named once, as a class of clients.
CLIENTS: list[tuple[str, str, str, str]] = [
    (
        "chemicals",
        "en",
        "Vireo to hire 40 at its Lannion plant",
        "The maker of inspection robots cites strong demand from chemical companies.",
    ),
    (
        "energy",
        "en",
        "Vireo to hire 40 at its Lannion plant",
        "The maker of inspection robots cites strong demand from electricity grid "
        "operators across Europe.",
    ),
    (
        "health",
        "fr",
        "Brest : Mesurix recrute vingt techniciens",
        "La PME vend ses capteurs à plusieurs groupes pharmaceutiques européens.",
    ),
]


@pytest.mark.parametrize(
    ("sector", "language", "title", "text"), CLIENTS, ids=[c[0] for c in CLIENTS]
)
def test_a_class_of_clients_is_not_the_firm_s_trade(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    codes = {s["code"] for s in enrich(enricher, title, text, language).sectors}
    assert sector not in codes


def test_one_firm_s_trade_still_is(enricher: Enricher) -> None:
    result = enrich(
        enricher, "Vireo to hire 40", "Vireo, a Lannion chemical company, will hire 40.", "en"
    )
    assert "chemicals" in {s["code"] for s in result.sectors}
