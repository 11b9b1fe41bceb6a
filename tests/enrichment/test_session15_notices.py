"""Legal notices, session 15: firms named with their legal form, digests of several notices,
and BODACC's trader's field (notice_names.py, notice_reading.py, notice_fields.py).

- A firm a notice names with its legal form is shown, whatever its layout and whatever
  label (if any) stands before it: "SARL Ty Malo.", "… awarded to X SAS, 29200 Brest",
  "au profit de la SAS X, 6 rue …", "X, société par actions simplifiée"; not the court's
  officers (a liquidator's SELARL).
- A digest (paragraphs that each open with a firm in capitals and its legal form) is read
  notice by notice: one notice's debts paid drop no other notice's insolvency, and an event
  whose sentence names no firm is the firm's its notice opens with.
- "Commerçant : X" names the firm a sale's notice is about: its purchase is X's, not the
  seller's the next field names.

Every notice here was written for these tests (invented firms and courts).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import notice_companies, notice_result, registry_firm

GIVRAIS = "916000151"  # Hôtellerie du Givrais, the only registry firm here
REGISTRY = [registry_firm(GIVRAIS, "Hôtellerie du Givrais", (), "55.10Z", "73", "84")]


FORM_NOTICES = [
    (
        "fr",
        "BODACC A – Procédures collectives – Granville",
        "Annonce n° 4471. Greffe du tribunal de commerce de Coutances.\n"
        "RCS Coutances 916 000 169. SARL Biscuiterie du Roc. Activité : biscuiterie. "
        "Adresse : 3 rue du Port, 50400 Granville.\n"
        "Jugement du 18 novembre 2026 prononçant l'ouverture d'une procédure de redressement "
        "judiciaire. Mandataire judiciaire : SELARL Quintal et Associés.\n",
        {"biscuiterie du roc"},
        {"quintal et associés"},
    ),
    (
        "fr",
        "BODACC A – Plan de cession – Vitré",
        "Annonce n° 5120. Greffe du tribunal de commerce de Rennes.\n"
        "RCS Rennes 916 000 177. Tissages de la Vilaine, société par actions simplifiée. "
        "Activité : tissage.\n"
        "Jugement du 20 novembre 2026 arrêtant le plan de cession de l'entreprise au profit "
        "de la SAS Textiles Réunis de l'Ouest, 4 rue des Forges, 35500 Vitré.\n",
        {"tissages de la vilaine", "textiles réunis de l'ouest"},
        set(),
    ),
    (
        "en",
        "BOAMP award notice: harbour works (English summary)",
        "BOAMP. Contract award notice. English summary.\n\n"
        "Contracting authority: Syndicat mixte du port de Paimpol.\n\n"
        "Lot 1, quay repairs: awarded to MAÇONNERIE DU GOËLO SAS, 22500 Paimpol. "
        "Amount: €2.1m excluding VAT.\n\n"
        "Lot 2, pontoons: awarded to Pontons Trégor SARL, 22220 Tréguier. "
        "Amount: €0.6m excluding VAT.\n",
        {"maçonnerie du goëlo", "pontons trégor"},
        {"syndicat mixte du port de paimpol"},
    ),
    (
        "en",
        "Insolvency notice (English summary)",
        "Summary of a BODACC notice.\n\n"
        "The Commercial Court of Bourg-en-Bresse opened judicial liquidation proceedings "
        "against Scierie des Dombes SARL, sawmill, registered office in Villars. "
        "Liquidator: SELARL Brevet Mandataires.\n",
        {"scierie des dombes"},
        {"brevet mandataires"},
    ),
]


@pytest.mark.parametrize(("language", "title", "text", "firms", "not_firms"), FORM_NOTICES)
def test_a_firm_named_with_its_legal_form_is_shown(
    registry_enricher: Enricher,
    language: str,
    title: str,
    text: str,
    firms: set[str],
    not_firms: set[str],
) -> None:
    shown = notice_companies(registry_enricher, language, title, text)
    assert firms <= shown
    assert not shown & not_firms


DIGESTS = [
    (
        "en",
        "BODACC digest: collective proceedings, Ain and Jura",
        "BODACC A. Collective proceedings. English summary of notices published on 4 "
        "December 2026.\n\n"
        "FROMAGERIE DU REVERMONT SARL. RCS Bourg-en-Bresse 916 000 185. Registered office: "
        "2 route de Treffort, 01370 Val-Revermont. Judgment of 1 December 2026 of the "
        "Bourg-en-Bresse commercial court opening judicial liquidation proceedings.\n\n"
        "TOURNERIE JURASSIENNE SAS. RCS Lons-le-Saunier 916 000 193. Registered office: 5 rue "
        "des Tourneurs, 39200 Saint-Claude. Judgment of 2 December 2026 of the "
        "Lons-le-Saunier commercial court closing the judicial liquidation proceedings, all "
        "liabilities having been settled (extinction du passif).\n",
        "FROMAGERIE DU REVERMONT",
    ),
    (
        "fr",
        "Annonces légales : procédures collectives de la semaine",
        "BODACC A. Procédures collectives publiées cette semaine.\n\n"
        "1. CHARPENTES DU BUGEY SARL\nRCS Belley 916 000 201. Siège : 4 rue de la Gare, "
        "01300 Belley. Jugement du 1er décembre 2026 prononçant l'ouverture d'une procédure "
        "de liquidation judiciaire.\n\n"
        "2. CONFISERIE DE LA DOMBES SAS\nRCS Bourg-en-Bresse 916 000 219. Siège : 8 place "
        "du Marché, 01400 Châtillon-sur-Chalaronne. Jugement du 2 décembre 2026 prononçant "
        "la clôture de la procédure de liquidation judiciaire pour extinction du passif.\n",
        "CHARPENTES DU BUGEY",
    ),
]


@pytest.mark.parametrize(("language", "title", "text", "firm"), DIGESTS)
def test_a_digest_is_read_notice_by_notice(
    registry_enricher: Enricher, language: str, title: str, text: str, firm: str
) -> None:
    events = notice_result(registry_enricher, language, title, text).events
    insolvencies = [e for e in events if e["type"] == "insolvency"]
    assert insolvencies, events  # the other notice's debts paid end no insolvency here
    assert {e["company"] for e in insolvencies} == {firm}
    assert not [e for e in events if e["type"] == "closure"]


def test_a_single_notice_with_debts_paid_reports_nothing(registry_enricher: Enricher) -> None:
    # Guard: one notice, proceedings closed with every debt paid: no insolvency, no closure.
    events = notice_result(
        registry_enricher,
        "en",
        "BODACC notice (English summary)",
        "BODACC A. English summary.\n\nTOURNERIE JURASSIENNE SAS. RCS Lons-le-Saunier 916 000 "
        "193. Judgment of 2 December 2026 closing the judicial liquidation proceedings, all "
        "liabilities having been settled (extinction du passif).\n",
    ).events
    assert not {e["type"] for e in events} & {"insolvency", "closure"}


@pytest.mark.parametrize(
    ("language", "trader", "seller"),
    [
        ("fr", "Commerçant", "Précédent propriétaire exploitant"),
        ("en", "Trader", "Previous owner"),
    ],
)
def test_the_traders_field_names_the_buyer(
    registry_enricher: Enricher, language: str, trader: str, seller: str
) -> None:
    events = notice_result(
        registry_enricher,
        language,
        "BODACC A — Ventes et cessions — HÔTELLERIE DU GIVRAIS",
        "BODACC A n° 20260240 — Annonce n° 912\nCatégorie : Ventes et cessions\n"
        "Département : 73 - Savoie\n"
        f"{trader} : HÔTELLERIE DU GIVRAIS\nImmatriculation : 916 000 151 RCS Chambéry\n"
        "Forme juridique : Société par actions simplifiée\n"
        "Adresse du siège : 12 rue de Boigne, 73000 Chambéry\n"
        "Établissement : Établissement secondaire. Origine du fonds : acquisition. Activité : "
        "hôtel-restaurant. Adresse : 4 route du Revard, 73100 Aix-les-Bains.\n"
        f"{seller} : SARL AUBERGE DU NIVOLET, 916 000 227 RCS Chambéry\n"
        "Descriptif : Achat d'un fonds de commerce. Date de commencement d'activité : "
        "1er décembre 2026.\n",
    ).events
    bought = [e for e in events if e["type"] == "acquisition"]
    assert bought and all(e["company_id"] == GIVRAIS for e in bought), events
