"""A notice states the firm's trade (issue 14, sector recall) in its labelled activity field:
"Activité : …", "Objet social : …", "Business: …". Its first sector is the firm's, even
named once; a sector named after it in the field (the firm's clients) is not. Texts
written for this module, none from an evaluation set. Runs in about 5 s (the session's
enricher, models loaded once).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.trade_statements import activity_fields
from tests.enrichment.test_enricher import enrich

# (sector, client's sector or None, language, title, text)
NOTICES: list[tuple[str, str | None, str, str, str]] = [
    (
        "digital",
        "health",
        "fr",
        "Tribunal de commerce de Brive - Redressement judiciaire",
        "Jugement du 3 mars 2027 ouvrant une procédure de redressement judiciaire à l'égard "
        "de la SAS CORRÈZE NUMÉRIQUE, 4 rue Toulzac, 19100 Brive-la-Gaillarde. Activité : "
        "édition de logiciels pour les cliniques vétérinaires et médicales. Mandataire "
        "judiciaire : Me Anne Peyrat.",
    ),
    (
        "agrifood",
        None,
        "fr",
        "Avis de dissolution anticipée",
        "AFFINAGE DU LARZAC, SARL au capital de 5 000 euros, siège : 12 route de "
        "Millau, 12100 Millau. Objet social : affinage et vente de fromages. L'assemblée "
        "du 2 février 2027 a décidé la dissolution anticipée de la société.",
    ),
    (
        "transport",
        "agrifood",
        "en",
        "Notice of judicial liquidation - Niort Commercial Court",
        "By judgment dated 4 March 2027, the court ordered the liquidation of POITOU "
        "ROUTES SAS, 7 rue de la Gare, 79000 Niort. Business: road haulage for dairy "
        "cooperatives. Liquidator: Maître Jean Ribot.",
    ),
    (
        "construction",
        None,
        "en",
        "Notice of incorporation",
        "ARDOISE ET CHARPENTE, simplified joint-stock company, registered office 3 place "
        "du Marché, 29000 Quimper. Business activity: roofing and carpentry. Chairman: "
        "Mr Yann Kerlo.",
    ),
]


@pytest.mark.parametrize(
    ("sector", "client", "language", "title", "text"),
    NOTICES,
    ids=[f"{c[2]}-{c[0]}" for c in NOTICES],
)
def test_a_notice_activity_field_gives_the_firm_s_sector(
    enricher: Enricher, sector: str, client: str | None, language: str, title: str, text: str
) -> None:
    codes = {s["code"] for s in enrich(enricher, title, text, language).sectors}
    assert sector in codes
    assert client not in codes


def test_the_field_s_label_and_value() -> None:
    text = "Le business : ça marche. Activité : boulangerie, pâtisserie.\nBusiness: printing"
    assert [text[s:e] for s, e in activity_fields(text)] == [
        "boulangerie, pâtisserie",
        "printing",
    ]


# (sector, language, title, text): the notice's firm is named with its legal form, and its
# name is all the notice says of its trade.
NAMED: list[tuple[str, str, str, str]] = [
    (
        "transport",
        "fr",
        "Changement de gérant",
        "AMBULANCES ET TAXIS DU LÉMAN, société à responsabilité limitée au capital de 3 000 "
        "euros, siège : 2 quai Baron, 74200 Thonon-les-Bains. Mme Lise Favre a été nommée "
        "gérante.",
    ),
    (
        "transport",
        "en",
        "Notice of change of chairman",
        "The shareholders of ARMOR TAXIS SAS, 3 rue Vauban, 56100 Lorient, appointed Mr "
        "Paul Le Floch as chairman on 2 March 2027.",
    ),
]


@pytest.mark.parametrize(("sector", "language", "title", "text"), NAMED, ids=[c[1] for c in NAMED])
def test_a_notice_s_firm_named_with_its_legal_form(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector in {s["code"] for s in enrich(enricher, title, text, language).sectors}
