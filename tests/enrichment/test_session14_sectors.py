"""Sector rules of session 14, from the sector errors of news15 and the tuning set.

- A firm's clients, named as such, are no evidence of its sector ("nos premiers clients
  sont des maraîchers", "it counts grid operators among its clients"):
  `sector_clients`.
- A sector word inside a person's or a place's name is no evidence ("Jean-Claude",
  "Saint-Flour", "Châlons-en-Champagne"): `sector_names`.
- A round-up's section header in capitals ("ENERGY — …", "SANTÉ – …") files its section
  under that sector, as a title does: `trade_statements.heading`.
- Words of trades and products that were missing: cider houses, glovemakers, sterile
  dressings, bumpers, software platforms ("plateforme logicielle"), floating wind farms.

Texts written for this module, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import sector_codes

# (sector, language, title, text)
Case = tuple[str, str, str, str]

CLIENTS: list[Case] = [
    (
        "digital",
        "fr",
        "Vannes : Tracéo lève 2 millions d'euros",
        "La start-up Tracéo, installée à Vannes, a levé 2 millions d'euros. Elle édite une "
        "plateforme logicielle de suivi des stocks. « Nos premiers clients sont des "
        "maraîchers et des éleveurs du Morbihan », explique son fondateur.",
    ),
    (
        "digital",
        "en",
        "Nantes start-up Skyvela raises €2m",
        "Skyvela, a Nantes software start-up, has raised €2 million from two business "
        "angels. It counts grid operators and wind farm owners among its clients.",
    ),
]
# The sector that must not be found beside it.
CLIENT_SECTORS = {"digital-fr-0": "agrifood", "digital-en-1": "energy"}

# A client word followed by the firm's product is not its clients' trade.
CLIENT_GUARDS: list[Case] = [
    (
        "digital",
        "fr",
        "Lyon : Datalis recrute vingt développeurs",
        "Datalis, qui fournit à ses clients des logiciels de gestion, va recruter vingt "
        "développeurs à Lyon d'ici l'été.",
    ),
    (
        "health",
        "en",
        "Rennes firm wins hospital clients",
        "Its clients include hospitals and clinics in Brittany, said the chief executive "
        "of Ouestmed, a Rennes maker of medical devices.",
    ),
]

NAMES: list[Case] = [
    (
        "agrifood",
        "en",
        "Garnier to hire 12 in the Cantal",
        "Garnier, a family firm based in Saint-Flour in the Cantal, will hire 12 people "
        "next year, its managing director said.",
    ),
    (
        "agrifood",
        "en",
        "Orvane names new chief executive",
        "Orvane, based in Châlons-en-Champagne, has named a new chief executive, who "
        "takes office in January.",
    ),
    (
        "textile_luxury",
        "en",
        "Orvane names new chief executive",
        "Orvane has named Jean-Marc Dubois chief executive from January. He succeeds its "
        "founder, who retires.",
    ),
]

NAME_GUARDS: list[Case] = [
    (
        "agrifood",
        "en",
        "Reims champagne house to hire 15",
        "Maison Dufresne, a Reims champagne house, will hire 15 people next year.",
    ),
    (
        "aeronautics",
        "en",
        "Toulouse firm names new chief",
        "Sud-Aviation Services has named a new chief executive, who takes office in "
        "January in Toulouse.",
    ),
]

HEADERS: list[tuple[set[str], str, str, str]] = [
    (
        {"energy", "health", "agrifood"},
        "en",
        "Appointments of the month",
        "ENERGY — Solvane, the Nantes developer, has named Anne Roux chief executive.\n"
        "HEALTH — Biomedis has appointed Paul Leroy as chairman.\n"
        "AGRIFOOD — The dairy cooperative Laiterie du Val has chosen Marc Petit as "
        "managing director.",
    ),
    (
        {"energy", "health"},
        "fr",
        "Les nominations du mois",
        "ÉNERGIE – Solvane, installée à Nantes, a nommé Anne Roux directrice générale.\n"
        "SANTÉ – Biomedis a choisi Paul Leroy comme président de son conseil.",
    ),
]
# A dateline or a name in capitals before a dash names no sector.
HEADER_GUARDS: list[Case] = [
    (
        "energy",
        "en",
        "Solvane names chief executive",
        "NANTES — Solvane has named Anne Roux chief executive.\nHEALTH WATCH — nothing.",
    ),
]

WORDS: list[Case] = [
    (
        "agrifood",
        "fr",
        "Cambremer : la cidrerie recrute",
        "La Cidrerie du Val d'Auge va embaucher cinq salariés en CDI d'ici au printemps.",
    ),
    (
        "textile_luxury",
        "en",
        "Millau glovemaker signs deal",
        "Ganterie Causse, a glovemaker based in Millau, has signed a deal with a New York "
        "department store.",
    ),
    (
        "health",
        "en",
        "Amiens firm to close plant",
        "Sternord, the Amiens-based maker of sterile dressings and surgical drapes, will "
        "close its plant in Abbeville by June.",
    ),
    (
        "automotive",
        "fr",
        "Oyonnax : un pare-chocs recyclé",
        "L'entreprise Plastiques Bugeysiens a mis au point un pare-chocs recyclé, présenté "
        "la semaine dernière.",
    ),
    (
        "digital",
        "fr",
        "Rennes : Datagri lève un million",
        "La start-up Datagri a levé un million d'euros. Elle édite une solution logicielle "
        "de gestion des stocks.",
    ),
]


def _ids(cases: list[Case]) -> list[str]:
    return [f"{sector}-{language}-{i}" for i, (sector, language, *_) in enumerate(cases)]


@pytest.mark.parametrize(("sector", "language", "title", "text"), CLIENTS, ids=_ids(CLIENTS))
def test_clients_named_as_such_are_no_evidence(
    enricher: Enricher,
    request: pytest.FixtureRequest,
    sector: str,
    language: str,
    title: str,
    text: str,
) -> None:
    found = sector_codes(enricher, language, title, text)
    case = request.node.callspec.id
    assert sector in found
    assert CLIENT_SECTORS[case] not in found


@pytest.mark.parametrize(
    ("sector", "language", "title", "text"), CLIENT_GUARDS, ids=_ids(CLIENT_GUARDS)
)
def test_a_client_word_before_the_product_is_no_client_sector(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector in sector_codes(enricher, language, title, text)


@pytest.mark.parametrize(("sector", "language", "title", "text"), NAMES, ids=_ids(NAMES))
def test_a_word_in_a_name_is_no_evidence(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector not in sector_codes(enricher, language, title, text)


@pytest.mark.parametrize(
    ("sector", "language", "title", "text"), NAME_GUARDS, ids=_ids(NAME_GUARDS)
)
def test_a_firm_name_and_a_plain_word_still_count(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector in sector_codes(enricher, language, title, text)


@pytest.mark.parametrize(("sector", "language", "title", "text"), WORDS, ids=_ids(WORDS))
def test_missing_words_of_trades_and_products(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector in sector_codes(enricher, language, title, text)


@pytest.mark.parametrize(("sectors", "language", "title", "text"), HEADERS, ids=["en", "fr"])
def test_a_section_header_files_its_section(
    enricher: Enricher, sectors: set[str], language: str, title: str, text: str
) -> None:
    assert sectors <= sector_codes(enricher, language, title, text)


@pytest.mark.parametrize(("sector", "language", "title", "text"), HEADER_GUARDS, ids=["en"])
def test_a_dateline_is_no_section_header(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == set()
