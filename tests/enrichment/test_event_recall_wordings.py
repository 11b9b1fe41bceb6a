"""Wording families of events that the lexicon missed in text by other hands (issue 14,
session 5): a site closed with its name before the verb, jobs said to be expected, works
priced in millions, premises leased, work entrusted to a firm, a subsidiary named by its
country's adjective, a merger voted, a notice's change of officers.

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented and the titles report nothing, so the wording alone is tested.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

REGISTRY = [
    CompanyRecord(
        "900000811",
        "Tessier Emballages",
        "900000811",
        ("Tessier",),
        None,
        "17.21A",
        "49",
        "52",
        False,
    ),
]

TITLE = {
    "fr": "Tessier Emballages : les nouvelles de la semaine",
    "en": "Tessier Emballages: the week",
}

# (family, language, text, expected type)
FAMILIES = [
    # a site named before its future verb; a line stopped for good
    (
        "close",
        "fr",
        "Chez Tessier Emballages, les deux dépôts de Cholet et de Saumur fermeront au "
        "printemps, faute de volumes.",
        "closure",
    ),
    (
        "close",
        "en",
        "Tessier Emballages will close its depot in Saumur in March and move its twelve "
        "drivers to Cholet.",
        "closure",
    ),
    (
        "close",
        "en",
        "Tessier Emballages will permanently stop its varnishing line in Cholet next year.",
        "closure",
    ),
    # jobs expected with a new site
    (
        "jobs",
        "fr",
        "Tessier Emballages inaugure un entrepôt à Cholet. Trente emplois sont attendus d'ici "
        "l'automne.",
        "hiring",
    ),
    (
        "jobs",
        "en",
        "Tessier Emballages is moving into a larger building in Cholet. About 45 jobs are "
        "planned there by 2028.",
        "hiring",
    ),
    (
        "jobs",
        "en",
        "Tessier Emballages will be adding 30 operatives to its workforce at Cholet next year.",
        "hiring",
    ),
    # works priced in millions, a new unit, premises leased, a vessel ordered
    (
        "spend",
        "fr",
        "Tessier Emballages engage cet automne 3,4 millions d'euros de travaux dans son usine "
        "de Cholet.",
        "investment",
    ),
    (
        "spend",
        "fr",
        "Tessier Emballages quittera en 2027 ses locaux du centre de Cholet pour une unité "
        "neuve sur la zone de l'Écuyère.",
        "investment",
    ),
    (
        "lease",
        "fr",
        "Tessier Emballages prend à bail 12 000 m² de stockage à Saumur.",
        "investment",
    ),
    (
        "spend",
        "en",
        "Tessier Emballages will build a 40 million euro data centre for its printing "
        "division near Cholet.",
        "investment",
    ),
    (
        "lease",
        "en",
        "Tessier Emballages has signed a nine-year lease on 12,000 square metres of storage in "
        "Saumur.",
        "investment",
    ),
    # work entrusted to a firm; an order placed by a customer
    (
        "entrust",
        "fr",
        "Le Département a confié à Tessier Emballages la réhabilitation de son ancien "
        "magasin de Saumur.",
        "contract",
    ),
    (
        "entrust",
        "fr",
        "La commande, passée par une coopérative laitière, porte sur deux millions de "
        "barquettes pour Tessier Emballages.",
        "contract",
    ),
    (
        "entrust",
        "en",
        "Tessier Emballages has been selected to overhaul the packaging lines of a dairy "
        "group in Normandy.",
        "contract",
    ),
    # a subsidiary named by its country's adjective
    (
        "abroad",
        "fr",
        "Tessier Emballages a créé une filiale marocaine pour servir les conserveries d'Agadir.",
        "export",
    ),
    (
        "abroad",
        "en",
        "Tessier Emballages has set up a Tunisian subsidiary to serve canneries in Sfax.",
        "export",
    ),
    # a merger voted by members
    (
        "merge",
        "en",
        "Members of Tessier Emballages and of a Saumur packaging co-operative voted on "
        "Saturday to merge the two co-operatives.",
        "acquisition",
    ),
    # a court approving a buyer's offer; a continuation plan adopted
    (
        "court",
        "en",
        "The court approved the offer of a Breton packaging group for Tessier Emballages, "
        "with 80 of the 95 staff kept on.",
        "acquisition",
    ),
    (
        "plan",
        "en",
        "The commercial court of Angers adopted the continuation plan of Tessier Emballages "
        "over eight years.",
        "insolvency",
    ),
    # a new line that starts with its staff; more workers needed
    (
        "staff",
        "fr",
        "La nouvelle ligne de Tessier Emballages démarrera en mars avec 18 opérateurs.",
        "hiring",
    ),
    (
        "staff",
        "en",
        "Tessier Emballages' new line will start next spring with 18 operators.",
        "hiring",
    ),
    (
        "staff",
        "en",
        "Tessier Emballages will need fifteen more machine operators for its Saumur plant.",
        "hiring",
    ),
    # a plant reopened after works
    (
        "reopen",
        "fr",
        "L'usine Tessier Emballages de Saumur rouvrira en janvier après huit mois de travaux.",
        "investment",
    ),
    # a branch opened in a foreign city
    (
        "city",
        "fr",
        "Tessier Emballages a ouvert un bureau commercial à Milan.",
        "export",
    ),
    (
        "city",
        "en",
        "Tessier Emballages has opened a sales office in Milan.",
        "export",
    ),
    # a supply deal with a retailer
    (
        "retail",
        "fr",
        "Tessier Emballages a signé un accord de deux ans avec l'enseigne Primeur Ouest pour "
        "ses barquettes.",
        "contract",
    ),
    # a notice's change of officers, reproduced by a page
    (
        "notice",
        "fr",
        "Modification survenue sur l'administration. Président : DUVAL, Marc en "
        "remplacement de TESSIER, Anne.",
        "leadership",
    ),
]


@pytest.mark.parametrize(
    ("family", "language", "text", "kind"),
    FAMILIES,
    ids=[f"{f[0]}-{f[1]}-{i}" for i, f in enumerate(FAMILIES)],
)
def test_a_family_wording_reports_its_event(
    registry_enricher: Enricher, family: str, language: str, text: str, kind: str
) -> None:
    found = types(events_of(registry_enricher, text, language, TITLE[language]))
    assert kind in found, (family, found)


# Close wordings that report no event of the family.
NOT_EVENTS = [
    ("en", "Tessier Emballages is based close to the depot of a bus company.", "closure"),
    ("en", "At Tessier Emballages, 40 job cuts are planned in Cholet.", "hiring"),
    ("fr", "Tessier Emballages compte 120 salariés à Cholet.", "hiring"),
]


@pytest.mark.parametrize(("language", "text", "kind"), NOT_EVENTS)
def test_a_close_wording_reports_no_such_event(
    registry_enricher: Enricher, language: str, text: str, kind: str
) -> None:
    assert kind not in types(events_of(registry_enricher, text, language, TITLE[language]))
