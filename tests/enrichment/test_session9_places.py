"""Places (session 9), from the errors of news8, news9 and news10 (six authors):

- an address: a postcode before a town ("26000 Valence", "93200 Saint-Denis") says which
  commune a shared or ambiguous name is, and an address is never a place in passing (a
  notice's winner in another region), unless it is a buyer's seat in a judgment;
- the firm's own sites and home: "its second plant in", "a branch in", "the company's
  main hub near", "Le groupe, basé à Montpellier", "Maison Verlaine, basée à Paris";
- short names: "Clermont" in a text about Clermont-Ferrand is not Clermont in the Oise;
  "Vienne, south of Lyon", in a text naming the Rhône's region, is the Isère town;
- a hyphenated town the NER reads as a person ("Saint-Denis") and a court's town ("le
  tribunal de commerce de Nancy", "the commercial court of Laval").

Every text was written for these tests; none comes from an evaluation set. The firms are
not in the test registry, so only the text gives places. About 10 s (models loading).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.placenames import default_matcher
from tests.enrichment.enriching import places_of

ADDRESSES = [
    (
        "fr-postcode-name",
        "Avis de marché — Rénovation d'une piscine",
        "Nom de l'acheteur : Commune de Valence\n"
        "Adresse : 1 place de l'Hôtel-de-Ville, 26000 Valence\n"
        "Objet : rénovation des bassins et de la toiture de la piscine municipale.\n"
        "Date limite de réception des offres : 15 février 2027.",
        {"26"},
        {"84"},
    ),
    (
        "en-postcode-homonym",
        "Tender notice: school canteen kitchen",
        "Buyer: Commune de Saint-Denis, Hôtel de ville, 93200 Saint-Denis\n"
        "Object: refitting of the central kitchen serving the town's school canteens.\n"
        "Deadline for tenders: 20 January 2027.",
        {"93"},
        {"11"},
    ),
    (
        # The winner's address, in another region: named once, yet no place in passing.
        "fr-winner-address",
        "Avis d'attribution — Réfection du quai du port de Sète",
        "Acheteur : Région Occitanie, port de Sète, 34200 Sète.\n"
        "Objet : réfection du quai H du port de commerce de Sète.\n"
        "Attributaire : TRAVAUX MARITIMES DE L'OUEST, 12 rue du Môle, 56100 Lorient, pour "
        "4 120 000 euros HT.",
        {"34", "56"},
        {"76", "53"},
    ),
    (
        "en-winner-address",
        "Award notice: Sète harbour quay repairs",
        "Buyer: Occitanie region, port of Sète, 34200 Sète.\n"
        "Object: repair of quay H of the commercial port of Sète.\n"
        "Awarded to: TRAVAUX MARITIMES DE L'OUEST, 12 rue du Môle, 56100 Lorient, for EUR "
        "4,120,000 excl. VAT.",
        {"34", "56"},
        {"76", "53"},
    ),
]


@pytest.mark.parametrize(("name", "title", "text", "departments", "regions"), ADDRESSES)
def test_an_address_names_its_town(
    enricher: Enricher,
    name: str,
    title: str,
    text: str,
    departments: set[str],
    regions: set[str],
) -> None:
    assert places_of(enricher, name, title, text) == (departments, regions)


@pytest.mark.parametrize(
    ("text", "department"),
    [
        ("Siège : 4 rue des Tanneurs, 38200 Vienne.", "38"),
        ("Registered office: ZA du Moulin, 35520 La Chapelle-des-Fougeretz.", "35"),
        ("Titulaire : BÉTONS DU SUD, 20600 Bastia.", "2B"),
    ],
)
def test_a_postcode_chooses_the_commune(text: str, department: str) -> None:
    assert [n.place.department for n in default_matcher().find(text)] == [department]


def test_a_box_number_is_no_postcode() -> None:
    assert default_matcher().find("Adresse postale : BP 26000 Valence") == []


SITES_AND_HOMES = [
    (
        "en-second-plant",
        "Orlec wins rail signalling order in Metz",
        "Orlec, the Metz maker of signalling cabinets, has won a EUR 30 million order from "
        "the Grand Est region. The cabinets will be designed in Metz.\n\n"
        "The cabinets will be wired at its second plant in Annecy, which employs 90 people.",
        {"57", "74"},
        {"44", "84"},
    ),
    (
        "fr-nouvelle-usine",
        "Orlec décroche une commande de signalisation à Metz",
        "Orlec, fabricant messin d'armoires de signalisation, a remporté une commande de 30 "
        "millions d'euros de la région Grand Est. Les armoires seront conçues à Metz.\n\n"
        "Elles seront câblées dans sa nouvelle usine d'Annecy, qui emploie 90 personnes.",
        {"57", "74"},
        {"44", "84"},
    ),
    (
        "en-company-hub",
        "Drevon to shut Metz depot",
        "Drevon will close its depot in Metz, in the Moselle, in March. The 40 staff have "
        "been offered jobs at the company's main hub near Dijon or a redundancy package.\n\n"
        "The Metz depot opened in 1998.",
        {"57", "21"},
        {"44", "27"},
    ),
    (
        # Hypothetical: "might buy a second plant near Dijon" is no site of the firm's.
        "en-hypothetical-site",
        "Drevon to shut Metz depot",
        "Drevon will close its depot in Metz, in the Moselle, in March.\n\n"
        "Reports that the group might buy a second plant near Dijon were denied.",
        {"57"},
        {"44"},
    ),
    (
        "fr-groupe-base",
        "Le groupe Estival rachète deux campings à Biscarrosse",
        "Le groupe Estival a racheté deux campings à Biscarrosse, dans les Landes, qui "
        "totalisent 600 emplacements.\n\n"
        "Le groupe, basé à Nancy, exploite désormais 21 campings en France.",
        {"40", "54"},
        {"75", "44"},
    ),
    (
        "en-company-based",
        "Landes campsites change hands",
        "Estival has bought two campsites at Biscarrosse, in the Landes, with 600 pitches "
        "between them.\n\n"
        "The company, based in Nancy, now runs 21 campsites across France.",
        {"40", "54"},
        {"75", "44"},
    ),
    (
        "fr-title-firm-basee",
        "Maroquinerie : Maison Verlaine reprend un atelier à Millau",
        "Maison Verlaine a finalisé la reprise d'un atelier de ganterie à Millau, dans "
        "l'Aveyron, qui emploie 30 personnes.\n\n"
        "Maison Verlaine, basée à Paris, conserve tous les salariés de l'atelier de Millau.",
        {"12", "75"},
        {"76", "11"},
    ),
]


@pytest.mark.parametrize(("name", "title", "text", "departments", "regions"), SITES_AND_HOMES)
def test_the_firms_own_sites_and_home(
    enricher: Enricher,
    name: str,
    title: str,
    text: str,
    departments: set[str],
    regions: set[str],
) -> None:
    assert places_of(enricher, name, title, text) == (departments, regions)


NAMES = [
    (
        "en-short-name",
        "Brunet to build Clermont's new ice rink",
        "Charpentes Brunet has won the timber roof contract for the new ice rink in "
        "Clermont-Ferrand, a EUR 5 million job, the carpenter said on Tuesday.",
        {"63"},
        {"84"},
    ),
    (
        "fr-short-name",
        "Brunet charpentera la nouvelle patinoire de Clermont",
        "Charpentes Brunet a remporté le lot charpente de la future patinoire de "
        "Clermont-Ferrand, un marché de 5 millions d'euros.",
        {"63"},
        {"84"},
    ),
    (
        "en-vienne-town",
        "Pharmacie Rhodane to close its Vienne site",
        "Pharmacie Rhodane will close its packaging site in Vienne, south of Lyon, by the end "
        "of 2027, cutting 90 jobs.\n\n"
        "The group moved its research to a new centre in Lyon last year.",
        {"38"},  # Lyon, once after the lead, is a department in passing
        {"84"},
    ),
    (
        "fr-vienne-town",
        "Pharmacie Rhodane fermera son site de Vienne",
        "Pharmacie Rhodane fermera son site de conditionnement de Vienne, au sud de Lyon, "
        "d'ici à la fin de 2027, supprimant 90 emplois.\n\n"
        "Le groupe a transféré l'an dernier sa recherche dans un nouveau centre à Lyon.",
        {"38"},
        {"84"},
    ),
    (
        "en-hyphenated-town-person",
        "Cybergate buys Saint-Denis start-up Nubio",
        "Grenoble-based Cybergate has acquired Nubio, a 40-person start-up in Saint-Denis, "
        "Seine-Saint-Denis, for about EUR 20 million.",
        {"38", "93"},
        {"84", "11"},
    ),
    (
        "fr-court-town",
        "Les Fonderies Marcy placées en redressement judiciaire",
        "Le tribunal de commerce de Nancy a ouvert lundi une procédure de redressement "
        "judiciaire au bénéfice des Fonderies Marcy, qui emploient 60 personnes à Épinal.",
        {"54", "88"},
        {"44"},
    ),
    (
        "en-court-town",
        "Fonderies Marcy placed in receivership",
        "The commercial court of Nancy opened receivership proceedings on Monday for "
        "Fonderies Marcy, which employs 60 people in Épinal.",
        {"54", "88"},
        {"44"},
    ),
]


@pytest.mark.parametrize(("name", "title", "text", "departments", "regions"), NAMES)
def test_short_names_homonyms_and_courts(
    enricher: Enricher,
    name: str,
    title: str,
    text: str,
    departments: set[str],
    regions: set[str],
) -> None:
    assert places_of(enricher, name, title, text) == (departments, regions)


def test_a_hyphenated_town_read_as_a_person_is_a_town() -> None:
    """The English model splits "Saint-Denis" into three tokens and may call them a person;
    the French one keeps one token (never a person's full name there): the span is given
    as the enricher gives a person's."""
    text = "Nubio, une start-up installée à Saint-Denis, en Seine-Saint-Denis, recrute."
    start = text.index("Saint-Denis")
    found = default_matcher().find(text, excluded=[(start, start + len("Saint-Denis"))])
    assert [n.place.department for n in found] == ["93", "93"]
