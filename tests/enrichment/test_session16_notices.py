"""Legal notices, session 16: more layouts of a digest of notices, and more ways a notice
names its firms (notice_reading.py, notice_names.py).

- A digest's notice may open with the firm's form before its name ("SARL X, 3 rue …"), with
  its name on a line above its form ("X\\nSARL au capital de …"), or with a name field on
  its first lines ("RCS … \\nCompany name: X"), under a heading in capitals that says what
  the court decided; one notice's debts paid end no other notice's insolvency.
- A newspaper's page of court notices ("Annonces légales") is a notice; so is the UK
  Gazette's.
- A firm a notice names in those layouts, with a British form ("X LIMITED", "Y Ltd"), or in
  an inline name field ("… suivantes : dénomination : X ; forme : SAS") is shown; a
  business park the recogniser finds in an address field is not a firm.

Every notice here was written for these tests (invented firms and courts).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import notice_companies, notice_result, registry_firm

REGISTRY = [registry_firm("916000227", "Brasserie des Causses", (), "11.05Z", "12", "76")]
PUBLISHED = datetime(2026, 12, 10)


DIGESTS = [
    (
        "fr",
        "Annonces légales – Tribunal de commerce de Lons-le-Saunier, jugements du 2 décembre",
        "TRIBUNAL DE COMMERCE DE LONS-LE-SAUNIER\nJugements du 2 décembre 2026\n\n"
        "OUVERTURE DE REDRESSEMENT JUDICIAIRE\n"
        "SARL FROMAGERIE DES TROIS LACS, 4, place de l'Église, 39130 Clairvaux-les-Lacs. "
        "RCS Lons-le-Saunier 916 000 235. Activité : fabrication de fromages. Mandataire "
        "judiciaire : SELARL Pernot Mandataires.\n\n"
        "CLÔTURE POUR EXTINCTION DU PASSIF\n"
        "SAS TOURNERIE DU GRANDVAUX, 9, rue des Artisans, 39150 Saint-Laurent. RCS "
        "Lons-le-Saunier 916 000 243.\n",
        "FROMAGERIE DES TROIS LACS",
        {"fromagerie des trois lacs", "tournerie du grandvaux"},
    ),
    (
        "en",
        "BODACC A: collective proceedings, Aveyron (English summary)",
        "BODACC A. Collective proceedings. English summary.\n\n"
        "RCS Rodez 916 000 250\nCompany name: COUTELLERIE DU LÉVÉZOU\nLegal form: SARL\n"
        "Address: 3 rue du Lac, 12410 Salles-Curan\n"
        "Judgment of 1 December 2026 opening judicial liquidation proceedings.\n\n"
        "RCS Rodez 916 000 268\nCompany name: LAINAGES DU SÉGALA\nLegal form: SAS\n"
        "Address: 7 route d'Albi, 12800 Naucelle\n"
        "Judgment of 2 December 2026 closing the judicial liquidation proceedings, all "
        "liabilities having been settled.\n",
        "COUTELLERIE DU LÉVÉZOU",
        {"coutellerie du lévézou", "lainages du ségala"},
    ),
]


@pytest.mark.parametrize(("language", "title", "text", "firm", "firms"), DIGESTS)
def test_a_digest_in_these_layouts_is_read_notice_by_notice(
    registry_enricher: Enricher, language: str, title: str, text: str, firm: str, firms: set[str]
) -> None:
    result = notice_result(registry_enricher, language, title, text, PUBLISHED)
    insolvencies = [e for e in result.events if e["type"] == "insolvency"]
    assert insolvencies, result.events  # the other notice's debts paid end no insolvency
    assert {e["company"] for e in insolvencies} == {firm}
    assert firms <= {c["name"].casefold() for c in result.companies}


NAMED = [
    (
        "fr",
        "Annonces légales et judiciaires — Aveyron",
        "ANNONCES LÉGALES — Aveyron\n\n"
        "CHARCUTERIE DU LÉVÉZOU\nSARL au capital de 8 000 euros\n"
        "Siège social : 2, avenue de Rodez, 12410 Salles-Curan\nRCS Rodez 916 000 276\n"
        "Par décision de l'associé unique du 2 décembre 2026, M. Paul Vidal a été nommé gérant "
        "en remplacement de M. Louis Vidal.\n\n"
        "AVIS DE CONSTITUTION\n"
        "Par acte sous seing privé du 1er décembre 2026, il a été constitué une société "
        "présentant les caractéristiques suivantes : dénomination : TAXIS DU CAUSSE ; forme : "
        "SAS ; siège : 5, rue Neuve, 12100 Millau.\n",
        {"charcuterie du lévézou", "taxis du causse"},
        set(),
    ),
    (
        "en",
        "THE GAZETTE: Appointment of Administrators",
        "THE GAZETTE\nCorporate Insolvency | Appointment of Administrators\n\n"
        "NORTHGATE PRECISION CASTINGS (LEEDS) LIMITED\n(Company Number 10293847)\n"
        "Nature of business: Casting of light metals\n"
        "Registered office: Unit 9, Riverside Enterprise Park, Leeds LS10 1AB\n"
        "Date of appointment: 30 November 2026\n"
        "Joint administrators: Ruth Akers and Tom Pell.\n"
        "Administrators' firm: Calder Restructuring Ltd, 12 Park Row, Leeds LS1 5HD.\n",
        {"northgate precision castings (leeds)", "calder restructuring"},
        {"riverside enterprise park"},
    ),
]


@pytest.mark.parametrize(("language", "title", "text", "firms", "not_firms"), NAMED)
def test_a_firm_named_in_these_layouts_is_shown(
    registry_enricher: Enricher,
    language: str,
    title: str,
    text: str,
    firms: set[str],
    not_firms: set[str],
) -> None:
    shown = notice_companies(registry_enricher, language, title, text, PUBLISHED)
    assert firms <= shown
    assert not shown & not_firms


def test_a_town_in_brackets_after_a_name_is_not_the_firms() -> None:
    """Guard: "SARL X (Avignon)" names the firm X; its town is no part of it."""
    from myrtille.enrichment.notice_names import form_names

    text = "Receivership: SARL Boulangerie du Rempart (Carpentras)\nDebtor: see below"
    assert [text[s:e] for s, e in form_names(text)] == ["Boulangerie du Rempart"]
