"""Which company an event belongs to (session 12): a customer that picks a supplier "to"
do the work leaves the contract to the supplier even when the parser takes that "to" for a
preposition ("X has picked Y to host … under a contract"); a headline of two clauses gives
an event of the clause about a firm only described ("a steel supplier", "subsidiary") to
no firm the document names, and so does a sentence whose subject is some firm ("Un
fournisseur d'acier a été placé en liquidation"); a title about a firm the models did not
take for one ("les Dentelles X placées en redressement", "nouveau directeur chez X") keeps
a registry firm named in passing from taking its events; a "name" the recogniser ran from
the title into the text is no subject.

Every text was written for these tests (none comes from an evaluation set); the companies
are invented. Each case fails with its rule switched off.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import batch_events, check_event_company, registry_firm

TOLVANE = "900002301"
CORBIN = "900002302"
MARVEC = "900002303"
FERRAND = "900002304"
CORVALLY = "900002305"


REGISTRY = [
    registry_firm(TOLVANE, "Tolvane", (), "25.62A", "37", "24"),
    registry_firm(CORBIN, "Corbin Logistique", ("Corbin",), "52.29A", "37", "24"),
    registry_firm(MARVEC, "Groupe Marvec", ("Marvec",), "25.62A", "45", "24"),
    registry_firm(FERRAND, "Vergers Ferrand", (), "01.24Z", "47", "75"),
    registry_firm(CORVALLY, "Corvally", (), "63.11Z", "37", "24"),
]

CASES: list[tuple[str, str, str, str, object]] = [
    # ---- a customer picks its supplier "to" do the work, under a contract
    (
        "en",
        "Logistics: the week in Tours",
        "Tours public hospitals (CHRU) have picked Corvally to host and back up the medical "
        "files of their 9 sites under a four-year, EUR 12m contract.",
        "contract",
        CORVALLY,
    ),
    (
        "en",
        "Logistics: the week in Tours",
        "Corbin Logistique has picked Corvally to host and back up its records under a "
        "EUR 2m contract.",
        "contract",
        CORVALLY,
    ),
    # ---- a headline of two clauses: a firm described, not named, beside a named one
    (
        "en",
        "Loire steel supplier files for bankruptcy; Marvec says output safe",
        "A steel supplier based near Orléans has filed for bankruptcy protection. Groupe "
        "Marvec, one of its customers, said its own production would not be affected.",
        "insolvency",
        ("not", MARVEC),
    ),
    (
        "fr",
        "Un fournisseur d'acier en faillite ; Marvec assure que sa production tiendra",
        "Un fournisseur d'acier installé près d'Orléans a été placé en liquidation "
        "judiciaire. Le groupe Marvec, l'un de ses clients, assure que sa production ne "
        "sera pas affectée.",
        "insolvency",
        ("not", MARVEC),
    ),
    (
        "en",
        "Marvec invests EUR 20m in Orléans, subsidiary to hire 150",
        "Groupe Marvec will invest EUR 20m in a new machining hall near Orléans, its "
        "largest project in ten years.",
        "hiring",
        ("not", MARVEC),
    ),
    (
        "fr",
        "Touraine : Corbin recrute, une scierie cesse son activité",
        "Corbin Logistique organise un salon de l'emploi le 12 décembre.",
        "closure",
        ("not", CORBIN),
    ),
    # ---- the title's firm the models did not take for one: after an article, after "chez"
    (
        "fr",
        "Calais : les Dentelles Brévin placées en redressement judiciaire",
        "Le tribunal de commerce de Boulogne-sur-Mer a placé mardi en redressement "
        "judiciaire les Dentelles Brévin, fabricant de tulle. La période d'observation a été "
        "fixée à six mois. Vergers Ferrand, client de longue date, n'est pas concerné.\n\n"
        "L'administrateur judiciaire étudiera un plan de continuation.",
        "insolvency",
        ("not", FERRAND),
    ),
    (
        "fr",
        "Tours : nouveau directeur général chez Quelvane",
        "L'éditeur tourangeau de logiciels de paie Quelvane a nommé Paul Mercier au poste de "
        "directeur général. Il succède au fondateur, qui reste président. Paul Mercier a "
        "auparavant dirigé les ventes de Corbin Logistique.",
        "leadership",
        ("not", CORBIN),
    ),
    (
        "en",
        "New chief executive at Quelvane",
        "Tours payroll software house Quelvane has appointed Paul Mercier as chief executive. "
        "He succeeds the founder, who stays on as chairman. Mercier previously ran sales at "
        "Corbin Logistique.",
        "leadership",
        ("not", CORBIN),
    ),
    # ---- a name the recogniser ran from the title into the text
    (
        "fr",
        "Tours : Tolvane livrera des convoyeurs à la Marine nationale",
        "La PME tourangelle Tolvane a remporté un marché de la Direction générale de "
        "l'armement (DGA) pour la fourniture de convoyeurs. Le contrat s'élève à 3 millions "
        "d'euros.",
        "contract",
        TOLVANE,
    ),
]


@pytest.fixture(scope="module")
def results(registry_enricher: Enricher) -> list[list[dict[str, object]]]:
    return batch_events(registry_enricher, CASES)


@pytest.mark.parametrize("position", range(len(CASES)), ids=[c[1][:48] for c in CASES])
def test_event_company(results: list[list[dict[str, object]]], position: int) -> None:
    check_event_company(CASES[position], results[position])
