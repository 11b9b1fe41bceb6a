"""Which company an event belongs to (session 11, second round): a court or public body
is no firm, so the firm it acts on holds the event ("The Commercial Court of Tours placed
Y into receivership", "La Région accorde à Y …"); a customer that gives the work to a
supplier named after the verb's object ("X confie la maintenance de ses navires au rennais
Y", "… a été confié à Y") leaves the contract to Y; a sentence about a practice in general
("Un LBO, c'est de la dette …") gives the article's firm no event; the customer's headline
verbs ("X choisit Y pour", "X picks Y to", "X awards … to Y") and a firm named by a passive
or a relative clause ("Y, repris par X", "la société Y, dont X a pris le contrôle") are
checks of what was right already.

Every text was written for these tests (none comes from an evaluation set); the companies
are invented.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import batch_events, check_event_company, registry_firm

LOIRAC = "900002201"
BREVAL = "900002202"
TOLVANE = "900002203"
MARVEC = "900002204"
CORBIN = "900002205"


REGISTRY = [
    registry_firm(LOIRAC, "Armement Loirac", ("Loirac",), "50.20Z", "35", "53"),
    registry_firm(BREVAL, "Ateliers Breval", ("Breval",), "33.15Z", "35", "53"),
    registry_firm(TOLVANE, "Tolvane", (), "25.62A", "37", "24"),
    registry_firm(MARVEC, "Groupe Marvec", ("Marvec",), "25.62A", "45", "24"),
    registry_firm(CORBIN, "Corbin Logistique", ("Corbin",), "52.29A", "37", "24"),
]

CASES: list[tuple[str, str, str, str, object]] = [
    # ---- a court or a public body acting on a firm
    (
        "fr",
        "Tours : coup dur pour un sous-traitant de la mécanique",
        "Le tribunal de commerce de Tours a placé Tolvane en redressement judiciaire mardi. "
        "L'entreprise emploie 85 salariés. Corbin Logistique, son principal client, "
        "assure vouloir maintenir ses commandes.",
        "insolvency",
        TOLVANE,
    ),
    (
        "en",
        "Blow for a Tours engineering subcontractor",
        "The Commercial Court of Tours placed Tolvane into receivership on Tuesday. The "
        "company employs 85 people. Corbin Logistique, its main customer, said it would "
        "keep its orders.",
        "insolvency",
        TOLVANE,
    ),
    (
        "fr",
        "Centre-Val de Loire : un coup de pouce pour la mécanique",
        "Corbin Logistique a présenté ses résultats. La Région accorde à Tolvane une aide "
        "de 400 000 euros pour moderniser son atelier de Tours.",
        "investment",
        ("not", CORBIN),
    ),
    # ---- a headline whose first firm is the customer
    (
        "fr",
        "Loirac confie la maintenance de ses navires au rennais Breval",
        "Le contrat, d'une durée de cinq ans, porte sur l'entretien de douze navires. "
        "L'armateur veut réduire ses arrêts techniques.",
        "contract",
        BREVAL,
    ),
    # a passive: the firm the work is given to, not the customer its complement names
    (
        "fr",
        "Maintenance navale : l'entretien de la flotte de Loirac a été confié à Breval",
        "Le contrat, d'une durée de cinq ans, porte sur l'entretien de douze navires.",
        "contract",
        BREVAL,
    ),
    # guard: the court acting on no named firm leaves the article's firm
    (
        "fr",
        "Tolvane en redressement judiciaire",
        "Le tribunal de commerce de Tours a placé l'entreprise en redressement judiciaire. "
        "Tolvane emploie 85 salariés.",
        "insolvency",
        TOLVANE,
    ),
    (
        "fr",
        "Loirac choisit Breval pour moderniser ses chalutiers",
        "Le contrat de 8 millions d'euros porte sur la refonte de six navires.",
        "contract",
        BREVAL,
    ),
    (
        "en",
        "Loirac picks Breval to maintain its fleet",
        "The five-year contract covers the upkeep of twelve vessels.",
        "contract",
        BREVAL,
    ),
    (
        "en",
        "Loirac awards fleet maintenance contract to Breval",
        "The five-year contract covers the upkeep of twelve vessels.",
        "contract",
        BREVAL,
    ),
    # ---- a practice in general, not the firm's event
    (
        "fr",
        "Tours : Corbin Logistique change de mains",
        "Le fonds Marvec prend le contrôle de Corbin Logistique, un transporteur de 300 "
        "salariés. « Un LBO, c'est de la dette qu'on rembourse avec nos marges », résume "
        "le dirigeant.",
        "acquisition",
        ("not", CORBIN),
    ),
    (
        "en",
        "Corbin Logistique changes hands",
        "The Marvec fund is taking control of Corbin Logistique, a haulier with 300 staff. "
        '"A buyout is all about paying the debt back from our margins," the founder said.',
        "acquisition",
        ("not", CORBIN),
    ),
    # ---- passives and relative clauses
    (
        "fr",
        "Mécanique : Tolvane investit 3 millions d'euros à Tours",
        "Tolvane, repris par le groupe Marvec en 2024, va investir 3 millions d'euros dans "
        "une nouvelle ligne d'usinage.",
        "investment",
        TOLVANE,
    ),
    (
        "fr",
        "Mécanique : nouvel atelier à Tours",
        "La société Tolvane, dont Marvec a pris le contrôle l'an dernier, va investir 3 "
        "millions d'euros dans un nouvel atelier.",
        "investment",
        TOLVANE,
    ),
    (
        "en",
        "Engineering: new workshop in Tours",
        "Tolvane, which Marvec took over in 2024, will invest €3 million in a new machining line.",
        "investment",
        TOLVANE,
    ),
    (
        "fr",
        "Maintenance navale : un contrat de cinq ans",
        "Le contrat attribué à Breval par Loirac porte sur l'entretien de douze navires.",
        "contract",
        BREVAL,
    ),
]


@pytest.fixture(scope="module")
def results(registry_enricher: Enricher) -> list[list[dict[str, object]]]:
    return batch_events(registry_enricher, CASES)


@pytest.mark.parametrize("position", range(len(CASES)), ids=[c[1][:48] for c in CASES])
def test_event_company(results: list[list[dict[str, object]]], position: int) -> None:
    check_event_company(CASES[position], results[position])
