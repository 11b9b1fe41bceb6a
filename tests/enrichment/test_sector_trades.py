"""A firm's trade in everyday words (issue 14, sector recall): a trade noun that governs
the term across adjectives ("le groupe nantais de travaux publics"), and the words of
passenger transport, taxis, car repair and sea links, an air taxi being no taxi. Texts
written for this module, none from an evaluation set. Runs in about 5 s (the session's
enricher, models loaded once).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.test_enricher import enrich

# (sector, language, title, text)
FOUND: list[tuple[str, str, str, str]] = [
    # French puts adjectives after the trade noun, between it and its "de".
    (
        "construction",
        "fr",
        "Nouveau directeur général chez Hennequin",
        "Marc Olivier prend la direction du groupe lorrain de travaux publics, qui emploie "
        "600 personnes.",
    ),
    (
        "transport",
        "en",
        "Cévennes Navettes wins school contract",
        "The Alès company, which runs passenger transport by minibus in the valleys, will "
        "serve four villages from September.",
    ),
    (
        "transport",
        "fr",
        "Saint-Malo : la liaison maritime vers Jersey reprend",
        "La compagnie rétablit ses traversées quotidiennes dès avril.",
    ),
    (
        "automotive",
        "en",
        "Notice of judicial liquidation",
        "By judgment of 2 March 2027, the court ordered the liquidation of ATELIER "
        "DUVERNOIS SARL, 4 rue Haute, 25000 Besançon. Business: repair of motor vehicles.",
    ),
]
# (sector, language, title, text): a longer term holds the word.
NOT_FOUND: list[tuple[str, str, str, str]] = [
    (
        "transport",
        "en",
        "Skyrise signs an air-taxi deal",
        "The Munich air-taxi start-up will buy its electric motors from a Toulouse supplier.",
    ),
]


def _codes(enricher: Enricher, language: str, title: str, text: str) -> set[str]:
    return {s["code"] for s in enrich(enricher, title, text, language).sectors}


@pytest.mark.parametrize(
    ("sector", "language", "title", "text"), FOUND, ids=[c[2][:30] for c in FOUND]
)
def test_a_trade_in_everyday_words(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector in _codes(enricher, language, title, text)


@pytest.mark.parametrize(
    ("sector", "language", "title", "text"), NOT_FOUND, ids=[c[2][:30] for c in NOT_FOUND]
)
def test_a_word_inside_another_trade_s_term(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector not in _codes(enricher, language, title, text)


# (sector, language, title, text): a verb of making or running governs the term once.
MADE: list[tuple[str, str, str, str]] = [
    (
        "aeronautics",
        "fr",
        "Lourdes : Mécabigorre embauche quinze régleurs",
        "La PME, qui usine des pièces de trains d'atterrissage, a gagné deux clients.",
    ),
    (
        "chemicals",
        "en",
        "Alsabio to build a pilot plant in Colmar",
        "The start-up, which makes enzymes for laundry makers, will hire 30 people.",
    ),
]


@pytest.mark.parametrize(
    ("sector", "language", "title", "text"), MADE, ids=[c[2][:30] for c in MADE]
)
def test_what_a_firm_makes(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector in _codes(enricher, language, title, text)


def test_what_a_firm_makes_for_its_clients(enricher: Enricher) -> None:
    # "pour" names the clients: their sector is not the firm's.
    codes = _codes(
        enricher,
        "fr",
        "Vannes : Armorlog recrute",
        "L'entreprise développe des applications pour les hôpitaux bretons.",
    )
    assert "health" not in codes
