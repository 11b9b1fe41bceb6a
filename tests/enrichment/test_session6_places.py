"""Places (issue 14, session 6): the gold lists every French place a document mentions, so
four wordings that the rules read as something else now count:

- "la start-up parisienne" is Paris (75), not only the Île-de-France; "la région
  parisienne" stays the region alone;
- a paragraph opening on where its news happens ("In Calais, the lace maker ...", "À
  Rochefort, en Charente-Maritime, ...") keeps its department in a round-up;
- a name of several things listed with a sure place of its kind ("across Occitanie and
  Provence") is a place;
- a region's or department's name that is also a small commune of a department the text
  names ("Roussillon, en Isère") is that commune;
- a site of the firm's, now or to come ("son agence d'Angers", "will open its workshop in
  Aurillac"), keeps its department when another department is the subject; a site bought
  years ago or a rival's does not.

Every text was written for these tests; none comes from an evaluation set. The firms are
not in the test registry, so only the text gives places. About 10 s (models loading).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.placenames import default_matcher
from tests.enrichment.enriching import places_of

CASES = [
    (
        "fr-parisienne",
        "La jeune pousse parisienne Dataflor lève 3 millions d'euros",
        "Dataflor, qui conçoit des logiciels de traçabilité pour les fleuristes, a levé 3 "
        "millions d'euros auprès de business angels.",
        {"75"},
        {"11"},
    ),
    (
        "fr-region-parisienne",
        "Transports Gaudin agrandit son entrepôt en région parisienne",
        "Le transporteur Gaudin va doubler la surface de son entrepôt en région parisienne "
        "pour suivre la croissance du commerce en ligne.",
        set(),
        {"11"},
    ),
    (
        # The title's department is the subject: without the opening, Abbeville (another
        # region, named once) would be a place in passing.
        "en-paragraph-setting",
        "Seine-Maritime shipyards short of welders",
        "Shipyards in the Seine-Maritime are short of welders, employers say.\n\n"
        "Wages are rising at Le Havre and Fécamp, where order books run to 2029.\n\n"
        "In Abbeville, a smaller yard said it had turned down an order for lack of staff.",
        {"76", "80"},
        {"28", "32"},
    ),
    (
        "fr-paragraph-setting",
        "Les fromageries du Doubs peinent à recruter",
        "Les fromageries du Doubs cherchent des fromagers depuis le printemps.\n\n"
        "À Champagnole, la coopérative locale a relevé ses salaires de 6 %.",
        {"25", "39"},
        {"27"},
    ),
    (
        "en-listed-region",
        "Solardis commissions its largest solar park in Occitanie",
        "Solardis, a solar developer, has commissioned a 90 MW park near Carcassonne. The "
        "group now runs 500 MW of solar capacity across Occitanie and Provence.",
        {"11"},
        {"76", "93"},
    ),
    (
        "fr-listed-region",
        "Solardis met en service un parc solaire dans l'Aude",
        "Solardis a mis en service un parc de 90 MW près de Carcassonne. Le producteur "
        "exploite désormais 500 MW dans ses parcs d'Occitanie et de Provence.",
        {"11"},
        {"76", "93"},
    ),
    (
        "fr-commune-named-like-province",
        "La chimie de Roussillon perd 60 emplois",
        "Le groupe Chimeval va fermer une unité de solvants à Roussillon, en Isère, et "
        "supprimer 60 postes sur la plateforme chimique.",
        {"38"},
        {"84"},
    ),
    (
        "en-commune-named-like-province",
        "Chimeval to shut solvents unit",
        "Chimeval will close a solvents unit at Roussillon, in the Isère department, cutting "
        "60 jobs at the chemical platform.",
        {"38"},
        {"84"},
    ),
    (
        "fr-own-site",
        "Nantes : l'ESN Ordalie recrute 40 ingénieurs",
        "L'ESN nantaise Ordalie va recruter 40 ingénieurs à Nantes d'ici l'été, a annoncé "
        "son président. Le cabinet nantais compte 300 salariés.\n\n"
        "Ordalie renforcera aussi son agence d'Angers, où travaillent 25 consultants.",
        {"44", "49"},
        {"52"},
    ),
    (
        "en-own-site",
        "Nantes software firm Ordalie to hire 40 engineers",
        "Nantes software firm Ordalie will hire 40 engineers in Nantes by the summer, its "
        "chairman said. The Nantes company employs 300 people.\n\n"
        "Ordalie will also open a workshop in Angers for its hardware team.",
        {"44", "49"},
        {"52"},
    ),
    (
        # A site bought years ago is history, not news: its department stays out.
        "fr-site-bought-years-ago",
        "Nantes : l'ESN Ordalie recrute 40 ingénieurs",
        "L'ESN nantaise Ordalie va recruter 40 ingénieurs à Nantes d'ici l'été, a annoncé "
        "son président. Le cabinet nantais compte 300 salariés.\n\n"
        "Ordalie avait racheté en 2019 un atelier à Angers.",
        {"44"},
        {"52"},
    ),
    (
        # "Savoie" listed with the Haute-Savoie is the department, not the province.
        "en-savoie-listed",
        "Annecy hotel group Hôtels du Lac hires 80 seasonal staff",
        "Hôtels du Lac, based in Annecy, will hire 80 seasonal staff this winter. The group "
        "runs 600 rooms in the Savoie and Haute-Savoie resorts.",
        {"73", "74"},
        {"84"},
    ),
    (
        "fr-savoie-listed",
        "Le groupe annécien Hôtels du Lac recrute 80 saisonniers",
        "Hôtels du Lac, installé à Annecy, recrutera 80 saisonniers cet hiver. Le groupe "
        "exploite 600 chambres dans les stations de Savoie et Haute-Savoie.",
        {"73", "74"},
        {"84"},
    ),
    (
        "en-chamonix",
        "Mountain guides' cooperative opens a climbing hall",
        "A cooperative of mountain guides has opened a climbing hall in Chamonix, its first "
        "indoor site.",
        {"74"},
        {"84"},
    ),
    (
        "fr-chamonix",
        "Une coopérative de guides ouvre une salle d'escalade",
        "Une coopérative de guides de haute montagne a ouvert une salle d'escalade à Chamonix, "
        "son premier site couvert.",
        {"74"},
        {"84"},
    ),
    (
        # A department's name that is also a town's, in apposition to the town's department.
        "fr-vienne-en-isere",
        "Chimeval ouvre un atelier à Vienne",
        "Le chimiste grenoblois Chimeval ouvre un atelier de 40 salariés à Vienne, en Isère.",
        {"38"},
        {"84"},
    ),
    (
        "en-vienne-in-isere",
        "Chimeval opens a workshop in Vienne",
        "Grenoble chemicals maker Chimeval is opening a 40-staff workshop in Vienne, in the "
        "Isère department.",
        {"38"},
        {"84"},
    ),
    (
        # A capitalised inhabitants' name after a determiner heading the sentence.
        "en-determiner-demonym",
        "Brewer buys a malt house",
        "An Alsatian brewer has bought a malt house to secure its barley supply.",
        set(),
        {"44"},
    ),
    (
        "fr-determiner-demonym",
        "Une librairie historique change de mains",
        "Un Toulousain de 38 ans reprend la plus ancienne librairie de la ville.",
        {"31"},
        {"76"},
    ),
    (
        # "Manche" (also the Channel) after "the department of", "in the", before
        # "department"; "le département de la Manche".
        "en-department-word",
        "Dairy cooperative hires 40 milk collectors",
        "The cooperative has 300 staff in the Manche department and will hire 40 milk collectors.",
        {"50"},
        {"28"},
    ),
    (
        "fr-department-word",
        "Une coopérative laitière recrute 40 collecteurs",
        "La coopérative, qui emploie 300 personnes dans le département de la Manche, va "
        "recruter 40 collecteurs de lait.",
        {"50"},
        {"28"},
    ),
]


@pytest.mark.parametrize(("name", "title", "text", "departments", "regions"), CASES)
def test_places_mentioned_count(
    enricher: Enricher,
    name: str,
    title: str,
    text: str,
    departments: set[str],
    regions: set[str],
) -> None:
    assert places_of(enricher, name, title, text) == (departments, regions)


# A postcode or a register before a town is an address, which the English NER may read as a
# person's name ("RCS Dijon"): it held the town, and made "Dijon" a surname everywhere else.
NOTICES = [
    (
        "Sale of the goodwill of the bakery at 12 rue Chaudronnerie, 21000 Dijon, to SARL "
        "Pains du Marché, RCS Dijon, for EUR 98,000. Shop: Boulangerie Maréchal, in Dijon.",
        ["21000 Dijon", "RCS Dijon"],
    ),
    (
        "Cession du fonds de boulangerie exploité 12 rue Chaudronnerie, 21000 Dijon, à la "
        "SARL Pains du Marché, RCS Dijon, pour 98 000 euros. Enseigne : Boulangerie Maréchal, "
        "à Dijon.",
        ["21000 Dijon", "RCS Dijon"],
    ),
]


@pytest.mark.parametrize(("text", "read_as_people"), NOTICES)
def test_an_address_read_as_a_person_holds_its_town(text: str, read_as_people: list[str]) -> None:
    spans = [(text.index(s), text.index(s) + len(s)) for s in read_as_people]
    found = default_matcher().find(text, excluded=spans)
    assert {n.place.department for n in found} == {"21"}
    assert len(found) == 3
